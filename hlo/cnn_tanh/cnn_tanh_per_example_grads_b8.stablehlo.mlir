module @dpxla {
  func.func public @main(%v0: tensor<16xf32>, %v1: tensor<8x8x1x16xf32>, %v2: tensor<32xf32>, %v3: tensor<4x4x16x32xf32>, %v4: tensor<32xf32>, %v5: tensor<512x32xf32>, %v6: tensor<10xf32>, %v7: tensor<32x10xf32>, %v8: tensor<8x28x28x1xf32>, %v9: tensor<8xi32>) -> (tensor<8xf32>, tensor<8x16xf32>, tensor<8x8x8x1x16xf32>, tensor<8x32xf32>, tensor<8x4x4x16x32xf32>, tensor<8x32xf32>, tensor<8x512x32xf32>, tensor<8x10xf32>, tensor<8x32x10xf32>) {
    %v10 = "stablehlo.reshape"(%v8) : (tensor<8x28x28x1xf32>) -> tensor<8x1x28x28x1xf32>
    %v11 = "stablehlo.reshape"(%v10) : (tensor<8x1x28x28x1xf32>) -> tensor<8x28x28x1xf32>
    %v12 = "stablehlo.convolution"(%v11, %v1) {batch_group_count = 1 : i64, dimension_numbers = #stablehlo.conv<[b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f]>, feature_group_count = 1 : i64, lhs_dilation = array<i64: 1, 1>, padding = dense<[[3, 3], [3, 3]]> : tensor<2x2xi64>, rhs_dilation = array<i64: 1, 1>, window_strides = array<i64: 2, 2>} : (tensor<8x28x28x1xf32>, tensor<8x8x1x16xf32>) -> tensor<8x14x14x16xf32>
    %v13 = "stablehlo.reshape"(%v12) : (tensor<8x14x14x16xf32>) -> tensor<8x1x14x14x16xf32>
    %v14 = "stablehlo.broadcast_in_dim"(%v0) {broadcast_dimensions = array<i64: 3>} : (tensor<16xf32>) -> tensor<1x14x14x16xf32>
    %v15 = "stablehlo.broadcast_in_dim"(%v14) {broadcast_dimensions = array<i64: 1, 2, 3, 4>} : (tensor<1x14x14x16xf32>) -> tensor<8x1x14x14x16xf32>
    %v16 = "stablehlo.add"(%v13, %v15) : (tensor<8x1x14x14x16xf32>, tensor<8x1x14x14x16xf32>) -> tensor<8x1x14x14x16xf32>
    %v17 = "stablehlo.tanh"(%v16) : (tensor<8x1x14x14x16xf32>) -> tensor<8x1x14x14x16xf32>
    %t1 = "stablehlo.constant"() {value = dense<0xFF800000> : tensor<f32>} : () -> tensor<f32>
    %v18 = "stablehlo.reduce_window"(%v17, %t1) ({
    ^bb0(%t2: tensor<f32>, %t3: tensor<f32>):
      %t4 = "stablehlo.maximum"(%t2, %t3) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t4) : (tensor<f32>) -> ()
    }) {padding = dense<[[0, 0], [0, 0], [0, 0], [0, 0], [0, 0]]> : tensor<5x2xi64>, window_dimensions = array<i64: 1, 1, 2, 2, 1>, window_strides = array<i64: 1, 1, 1, 1, 1>} : (tensor<8x1x14x14x16xf32>, tensor<f32>) -> tensor<8x1x13x13x16xf32>
    %v19 = "stablehlo.reshape"(%v18) : (tensor<8x1x13x13x16xf32>) -> tensor<8x13x13x16xf32>
    %v20 = "stablehlo.convolution"(%v19, %v3) {batch_group_count = 1 : i64, dimension_numbers = #stablehlo.conv<[b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f]>, feature_group_count = 1 : i64, lhs_dilation = array<i64: 1, 1>, padding = dense<[[0, 0], [0, 0]]> : tensor<2x2xi64>, rhs_dilation = array<i64: 1, 1>, window_strides = array<i64: 2, 2>} : (tensor<8x13x13x16xf32>, tensor<4x4x16x32xf32>) -> tensor<8x5x5x32xf32>
    %v21 = "stablehlo.reshape"(%v20) : (tensor<8x5x5x32xf32>) -> tensor<8x1x5x5x32xf32>
    %v22 = "stablehlo.broadcast_in_dim"(%v2) {broadcast_dimensions = array<i64: 3>} : (tensor<32xf32>) -> tensor<1x5x5x32xf32>
    %v23 = "stablehlo.broadcast_in_dim"(%v22) {broadcast_dimensions = array<i64: 1, 2, 3, 4>} : (tensor<1x5x5x32xf32>) -> tensor<8x1x5x5x32xf32>
    %v24 = "stablehlo.add"(%v21, %v23) : (tensor<8x1x5x5x32xf32>, tensor<8x1x5x5x32xf32>) -> tensor<8x1x5x5x32xf32>
    %v25 = "stablehlo.tanh"(%v24) : (tensor<8x1x5x5x32xf32>) -> tensor<8x1x5x5x32xf32>
    %t5 = "stablehlo.constant"() {value = dense<0xFF800000> : tensor<f32>} : () -> tensor<f32>
    %v26 = "stablehlo.reduce_window"(%v25, %t5) ({
    ^bb0(%t6: tensor<f32>, %t7: tensor<f32>):
      %t8 = "stablehlo.maximum"(%t6, %t7) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t8) : (tensor<f32>) -> ()
    }) {padding = dense<[[0, 0], [0, 0], [0, 0], [0, 0], [0, 0]]> : tensor<5x2xi64>, window_dimensions = array<i64: 1, 1, 2, 2, 1>, window_strides = array<i64: 1, 1, 1, 1, 1>} : (tensor<8x1x5x5x32xf32>, tensor<f32>) -> tensor<8x1x4x4x32xf32>
    %v27 = "stablehlo.reshape"(%v26) : (tensor<8x1x4x4x32xf32>) -> tensor<8x1x512xf32>
    %v28 = "stablehlo.dot_general"(%v27, %v5) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [2], rhs_contracting_dimensions = [0]>} : (tensor<8x1x512xf32>, tensor<512x32xf32>) -> tensor<8x1x32xf32>
    %v29 = "stablehlo.broadcast_in_dim"(%v4) {broadcast_dimensions = array<i64: 1>} : (tensor<32xf32>) -> tensor<1x32xf32>
    %v30 = "stablehlo.broadcast_in_dim"(%v29) {broadcast_dimensions = array<i64: 1, 2>} : (tensor<1x32xf32>) -> tensor<8x1x32xf32>
    %v31 = "stablehlo.add"(%v28, %v30) : (tensor<8x1x32xf32>, tensor<8x1x32xf32>) -> tensor<8x1x32xf32>
    %v32 = "stablehlo.tanh"(%v31) : (tensor<8x1x32xf32>) -> tensor<8x1x32xf32>
    %v33 = "stablehlo.dot_general"(%v32, %v7) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [2], rhs_contracting_dimensions = [0]>} : (tensor<8x1x32xf32>, tensor<32x10xf32>) -> tensor<8x1x10xf32>
    %v34 = "stablehlo.broadcast_in_dim"(%v6) {broadcast_dimensions = array<i64: 1>} : (tensor<10xf32>) -> tensor<1x10xf32>
    %v35 = "stablehlo.broadcast_in_dim"(%v34) {broadcast_dimensions = array<i64: 1, 2>} : (tensor<1x10xf32>) -> tensor<8x1x10xf32>
    %v36 = "stablehlo.add"(%v33, %v35) : (tensor<8x1x10xf32>, tensor<8x1x10xf32>) -> tensor<8x1x10xf32>
    %v37 = "stablehlo.reshape"(%v36) : (tensor<8x1x10xf32>) -> tensor<8x10xf32>
    %v38 = "stablehlo.iota"() {iota_dimension = 0 : i64} : () -> tensor<10xi32>
    %v39 = "stablehlo.broadcast_in_dim"(%v9) {broadcast_dimensions = array<i64: 0>} : (tensor<8xi32>) -> tensor<8x10xi32>
    %v40 = "stablehlo.broadcast_in_dim"(%v38) {broadcast_dimensions = array<i64: 1>} : (tensor<10xi32>) -> tensor<8x10xi32>
    %v41 = "stablehlo.compare"(%v39, %v40) {comparison_direction = #stablehlo<comparison_direction EQ>, compare_type = #stablehlo<comparison_type SIGNED>} : (tensor<8x10xi32>, tensor<8x10xi32>) -> tensor<8x10xi1>
    %v42 = "stablehlo.convert"(%v41) : (tensor<8x10xi1>) -> tensor<8x10xf32>
    %t9 = "stablehlo.constant"() {value = dense<0xFF800000> : tensor<f32>} : () -> tensor<f32>
    %v43 = "stablehlo.reduce"(%v37, %t9) ({
    ^bb0(%t10: tensor<f32>, %t11: tensor<f32>):
      %t12 = "stablehlo.maximum"(%t10, %t11) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t12) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 1>} : (tensor<8x10xf32>, tensor<f32>) -> tensor<8xf32>
    %v45 = "stablehlo.broadcast_in_dim"(%v43) {broadcast_dimensions = array<i64: 0>} : (tensor<8xf32>) -> tensor<8x10xf32>
    %v46 = "stablehlo.subtract"(%v37, %v45) : (tensor<8x10xf32>, tensor<8x10xf32>) -> tensor<8x10xf32>
    %v47 = "stablehlo.exponential"(%v46) : (tensor<8x10xf32>) -> tensor<8x10xf32>
    %t13 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v48 = "stablehlo.reduce"(%v47, %t13) ({
    ^bb0(%t14: tensor<f32>, %t15: tensor<f32>):
      %t16 = "stablehlo.add"(%t14, %t15) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t16) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 1>} : (tensor<8x10xf32>, tensor<f32>) -> tensor<8xf32>
    %v49 = "stablehlo.log"(%v48) : (tensor<8xf32>) -> tensor<8xf32>
    %v50 = "stablehlo.broadcast_in_dim"(%v49) {broadcast_dimensions = array<i64: 0>} : (tensor<8xf32>) -> tensor<8x10xf32>
    %v51 = "stablehlo.subtract"(%v46, %v50) : (tensor<8x10xf32>, tensor<8x10xf32>) -> tensor<8x10xf32>
    %v52 = "stablehlo.multiply"(%v42, %v51) : (tensor<8x10xf32>, tensor<8x10xf32>) -> tensor<8x10xf32>
    %t17 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v53 = "stablehlo.reduce"(%v52, %t17) ({
    ^bb0(%t18: tensor<f32>, %t19: tensor<f32>):
      %t20 = "stablehlo.add"(%t18, %t19) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t20) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 1>} : (tensor<8x10xf32>, tensor<f32>) -> tensor<8xf32>
    %v54 = "stablehlo.negate"(%v53) : (tensor<8xf32>) -> tensor<8xf32>
    %v55 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
    %v56 = "stablehlo.negate"(%v55) : (tensor<f32>) -> tensor<f32>
    %v57 = "stablehlo.broadcast_in_dim"(%v56) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<10xf32>
    %v58 = "stablehlo.broadcast_in_dim"(%v57) {broadcast_dimensions = array<i64: 1>} : (tensor<10xf32>) -> tensor<8x10xf32>
    %v59 = "stablehlo.multiply"(%v58, %v42) : (tensor<8x10xf32>, tensor<8x10xf32>) -> tensor<8x10xf32>
    %v60 = "stablehlo.negate"(%v59) : (tensor<8x10xf32>) -> tensor<8x10xf32>
    %t21 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v61 = "stablehlo.reduce"(%v60, %t21) ({
    ^bb0(%t22: tensor<f32>, %t23: tensor<f32>):
      %t24 = "stablehlo.add"(%t22, %t23) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t24) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 1>} : (tensor<8x10xf32>, tensor<f32>) -> tensor<8xf32>
    %v62 = "stablehlo.divide"(%v61, %v48) : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
    %v63 = "stablehlo.broadcast_in_dim"(%v62) {broadcast_dimensions = array<i64: 0>} : (tensor<8xf32>) -> tensor<8x10xf32>
    %v64 = "stablehlo.multiply"(%v63, %v47) : (tensor<8x10xf32>, tensor<8x10xf32>) -> tensor<8x10xf32>
    %v65 = "stablehlo.add"(%v59, %v64) : (tensor<8x10xf32>, tensor<8x10xf32>) -> tensor<8x10xf32>
    %v66 = "stablehlo.reshape"(%v65) : (tensor<8x10xf32>) -> tensor<8x1x10xf32>
    %t25 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v67 = "stablehlo.reduce"(%v66, %t25) ({
    ^bb0(%t26: tensor<f32>, %t27: tensor<f32>):
      %t28 = "stablehlo.add"(%t26, %t27) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t28) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 1>} : (tensor<8x1x10xf32>, tensor<f32>) -> tensor<8x10xf32>
    %v68 = "stablehlo.dot_general"(%v66, %v7) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [2], rhs_contracting_dimensions = [1]>} : (tensor<8x1x10xf32>, tensor<32x10xf32>) -> tensor<8x1x32xf32>
    %v69 = "stablehlo.dot_general"(%v32, %v66) {dot_dimension_numbers = #stablehlo.dot<lhs_batching_dimensions = [0], rhs_batching_dimensions = [0], lhs_contracting_dimensions = [1], rhs_contracting_dimensions = [1]>} : (tensor<8x1x32xf32>, tensor<8x1x10xf32>) -> tensor<8x32x10xf32>
    %v70 = "stablehlo.multiply"(%v32, %v32) : (tensor<8x1x32xf32>, tensor<8x1x32xf32>) -> tensor<8x1x32xf32>
    %v71 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
    %v72 = "stablehlo.broadcast_in_dim"(%v71) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<1x32xf32>
    %v73 = "stablehlo.broadcast_in_dim"(%v72) {broadcast_dimensions = array<i64: 1, 2>} : (tensor<1x32xf32>) -> tensor<8x1x32xf32>
    %v74 = "stablehlo.subtract"(%v73, %v70) : (tensor<8x1x32xf32>, tensor<8x1x32xf32>) -> tensor<8x1x32xf32>
    %v75 = "stablehlo.multiply"(%v68, %v74) : (tensor<8x1x32xf32>, tensor<8x1x32xf32>) -> tensor<8x1x32xf32>
    %t29 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v76 = "stablehlo.reduce"(%v75, %t29) ({
    ^bb0(%t30: tensor<f32>, %t31: tensor<f32>):
      %t32 = "stablehlo.add"(%t30, %t31) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t32) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 1>} : (tensor<8x1x32xf32>, tensor<f32>) -> tensor<8x32xf32>
    %v77 = "stablehlo.dot_general"(%v75, %v5) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [2], rhs_contracting_dimensions = [1]>} : (tensor<8x1x32xf32>, tensor<512x32xf32>) -> tensor<8x1x512xf32>
    %v78 = "stablehlo.dot_general"(%v27, %v75) {dot_dimension_numbers = #stablehlo.dot<lhs_batching_dimensions = [0], rhs_batching_dimensions = [0], lhs_contracting_dimensions = [1], rhs_contracting_dimensions = [1]>} : (tensor<8x1x512xf32>, tensor<8x1x32xf32>) -> tensor<8x512x32xf32>
    %v79 = "stablehlo.reshape"(%v77) : (tensor<8x1x512xf32>) -> tensor<8x1x4x4x32xf32>
    %t33 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v80 = "stablehlo.select_and_scatter"(%v25, %v79, %t33) ({
    ^bb0(%t34: tensor<f32>, %t35: tensor<f32>):
      %t36 = "stablehlo.compare"(%t34, %t35) {comparison_direction = #stablehlo<comparison_direction GE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<f32>, tensor<f32>) -> tensor<i1>
      "stablehlo.return"(%t36) : (tensor<i1>) -> ()
    }, {
    ^bb0(%t37: tensor<f32>, %t38: tensor<f32>):
      %t39 = "stablehlo.add"(%t37, %t38) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t39) : (tensor<f32>) -> ()
    }) {padding = dense<[[0, 0], [0, 0], [0, 0], [0, 0], [0, 0]]> : tensor<5x2xi64>, window_dimensions = array<i64: 1, 1, 2, 2, 1>, window_strides = array<i64: 1, 1, 1, 1, 1>} : (tensor<8x1x5x5x32xf32>, tensor<8x1x4x4x32xf32>, tensor<f32>) -> tensor<8x1x5x5x32xf32>
    %v81 = "stablehlo.multiply"(%v25, %v25) : (tensor<8x1x5x5x32xf32>, tensor<8x1x5x5x32xf32>) -> tensor<8x1x5x5x32xf32>
    %v82 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
    %v83 = "stablehlo.broadcast_in_dim"(%v82) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<1x5x5x32xf32>
    %v84 = "stablehlo.broadcast_in_dim"(%v83) {broadcast_dimensions = array<i64: 1, 2, 3, 4>} : (tensor<1x5x5x32xf32>) -> tensor<8x1x5x5x32xf32>
    %v85 = "stablehlo.subtract"(%v84, %v81) : (tensor<8x1x5x5x32xf32>, tensor<8x1x5x5x32xf32>) -> tensor<8x1x5x5x32xf32>
    %v86 = "stablehlo.multiply"(%v80, %v85) : (tensor<8x1x5x5x32xf32>, tensor<8x1x5x5x32xf32>) -> tensor<8x1x5x5x32xf32>
    %t40 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v87 = "stablehlo.reduce"(%v86, %t40) ({
    ^bb0(%t41: tensor<f32>, %t42: tensor<f32>):
      %t43 = "stablehlo.add"(%t41, %t42) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t43) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 1, 2, 3>} : (tensor<8x1x5x5x32xf32>, tensor<f32>) -> tensor<8x32xf32>
    %v88 = "stablehlo.reverse"(%v3) {dimensions = array<i64: 0, 1>} : (tensor<4x4x16x32xf32>) -> tensor<4x4x16x32xf32>
    %v89 = "stablehlo.reshape"(%v86) : (tensor<8x1x5x5x32xf32>) -> tensor<8x5x5x32xf32>
    %v90 = "stablehlo.convolution"(%v89, %v88) {batch_group_count = 1 : i64, dimension_numbers = #stablehlo.conv<[b, 0, 1, f]x[0, 1, o, i]->[b, 0, 1, f]>, feature_group_count = 1 : i64, lhs_dilation = array<i64: 2, 2>, padding = dense<[[3, 4], [3, 4]]> : tensor<2x2xi64>, rhs_dilation = array<i64: 1, 1>, window_strides = array<i64: 1, 1>} : (tensor<8x5x5x32xf32>, tensor<4x4x16x32xf32>) -> tensor<8x13x13x16xf32>
    %v91 = "stablehlo.reshape"(%v90) : (tensor<8x13x13x16xf32>) -> tensor<8x1x13x13x16xf32>
    %v92 = "stablehlo.reshape"(%v18) : (tensor<8x1x13x13x16xf32>) -> tensor<8x13x13x16xf32>
    %v93 = "stablehlo.transpose"(%v86) {permutation = array<i64: 1, 2, 3, 0, 4>} : (tensor<8x1x5x5x32xf32>) -> tensor<1x5x5x8x32xf32>
    %v94 = "stablehlo.reshape"(%v93) : (tensor<1x5x5x8x32xf32>) -> tensor<1x5x5x256xf32>
    %v95 = "stablehlo.convolution"(%v92, %v94) {batch_group_count = 1 : i64, dimension_numbers = #stablehlo.conv<[f, 0, 1, b]x[i, 0, 1, o]->[0, 1, b, f]>, feature_group_count = 8 : i64, lhs_dilation = array<i64: 1, 1>, padding = dense<[[0, -1], [0, -1]]> : tensor<2x2xi64>, rhs_dilation = array<i64: 2, 2>, window_strides = array<i64: 1, 1>} : (tensor<8x13x13x16xf32>, tensor<1x5x5x256xf32>) -> tensor<4x4x16x256xf32>
    %v96 = "stablehlo.reshape"(%v95) : (tensor<4x4x16x256xf32>) -> tensor<4x4x16x8x32xf32>
    %v97 = "stablehlo.transpose"(%v96) {permutation = array<i64: 3, 0, 1, 2, 4>} : (tensor<4x4x16x8x32xf32>) -> tensor<8x4x4x16x32xf32>
    %t44 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v98 = "stablehlo.select_and_scatter"(%v17, %v91, %t44) ({
    ^bb0(%t45: tensor<f32>, %t46: tensor<f32>):
      %t47 = "stablehlo.compare"(%t45, %t46) {comparison_direction = #stablehlo<comparison_direction GE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<f32>, tensor<f32>) -> tensor<i1>
      "stablehlo.return"(%t47) : (tensor<i1>) -> ()
    }, {
    ^bb0(%t48: tensor<f32>, %t49: tensor<f32>):
      %t50 = "stablehlo.add"(%t48, %t49) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t50) : (tensor<f32>) -> ()
    }) {padding = dense<[[0, 0], [0, 0], [0, 0], [0, 0], [0, 0]]> : tensor<5x2xi64>, window_dimensions = array<i64: 1, 1, 2, 2, 1>, window_strides = array<i64: 1, 1, 1, 1, 1>} : (tensor<8x1x14x14x16xf32>, tensor<8x1x13x13x16xf32>, tensor<f32>) -> tensor<8x1x14x14x16xf32>
    %v99 = "stablehlo.multiply"(%v17, %v17) : (tensor<8x1x14x14x16xf32>, tensor<8x1x14x14x16xf32>) -> tensor<8x1x14x14x16xf32>
    %v100 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
    %v101 = "stablehlo.broadcast_in_dim"(%v100) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<1x14x14x16xf32>
    %v102 = "stablehlo.broadcast_in_dim"(%v101) {broadcast_dimensions = array<i64: 1, 2, 3, 4>} : (tensor<1x14x14x16xf32>) -> tensor<8x1x14x14x16xf32>
    %v103 = "stablehlo.subtract"(%v102, %v99) : (tensor<8x1x14x14x16xf32>, tensor<8x1x14x14x16xf32>) -> tensor<8x1x14x14x16xf32>
    %v104 = "stablehlo.multiply"(%v98, %v103) : (tensor<8x1x14x14x16xf32>, tensor<8x1x14x14x16xf32>) -> tensor<8x1x14x14x16xf32>
    %t51 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v105 = "stablehlo.reduce"(%v104, %t51) ({
    ^bb0(%t52: tensor<f32>, %t53: tensor<f32>):
      %t54 = "stablehlo.add"(%t52, %t53) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t54) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 1, 2, 3>} : (tensor<8x1x14x14x16xf32>, tensor<f32>) -> tensor<8x16xf32>
    %v106 = "stablehlo.reshape"(%v10) : (tensor<8x1x28x28x1xf32>) -> tensor<8x28x28x1xf32>
    %v107 = "stablehlo.transpose"(%v104) {permutation = array<i64: 1, 2, 3, 0, 4>} : (tensor<8x1x14x14x16xf32>) -> tensor<1x14x14x8x16xf32>
    %v108 = "stablehlo.reshape"(%v107) : (tensor<1x14x14x8x16xf32>) -> tensor<1x14x14x128xf32>
    %v109 = "stablehlo.convolution"(%v106, %v108) {batch_group_count = 1 : i64, dimension_numbers = #stablehlo.conv<[f, 0, 1, b]x[i, 0, 1, o]->[0, 1, b, f]>, feature_group_count = 8 : i64, lhs_dilation = array<i64: 1, 1>, padding = dense<[[3, 3], [3, 3]]> : tensor<2x2xi64>, rhs_dilation = array<i64: 2, 2>, window_strides = array<i64: 1, 1>} : (tensor<8x28x28x1xf32>, tensor<1x14x14x128xf32>) -> tensor<8x8x1x128xf32>
    %v110 = "stablehlo.reshape"(%v109) : (tensor<8x8x1x128xf32>) -> tensor<8x8x1x8x16xf32>
    %v111 = "stablehlo.transpose"(%v110) {permutation = array<i64: 3, 0, 1, 2, 4>} : (tensor<8x8x1x8x16xf32>) -> tensor<8x8x8x1x16xf32>
    "func.return"(%v54, %v105, %v111, %v87, %v97, %v76, %v78, %v67, %v69) : (tensor<8xf32>, tensor<8x16xf32>, tensor<8x8x8x1x16xf32>, tensor<8x32xf32>, tensor<8x4x4x16x32xf32>, tensor<8x32xf32>, tensor<8x512x32xf32>, tensor<8x10xf32>, tensor<8x32x10xf32>) -> ()
  }
}
