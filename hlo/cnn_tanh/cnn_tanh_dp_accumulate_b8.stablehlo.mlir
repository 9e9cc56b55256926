module @dpxla {
  func.func public @main(%v0: tensor<16xf32>, %v1: tensor<8x8x1x16xf32>, %v2: tensor<32xf32>, %v3: tensor<4x4x16x32xf32>, %v4: tensor<32xf32>, %v5: tensor<512x32xf32>, %v6: tensor<10xf32>, %v7: tensor<32x10xf32>, %v8: tensor<16xf32>, %v9: tensor<8x8x1x16xf32>, %v10: tensor<32xf32>, %v11: tensor<4x4x16x32xf32>, %v12: tensor<32xf32>, %v13: tensor<512x32xf32>, %v14: tensor<10xf32>, %v15: tensor<32x10xf32>, %v16: tensor<8x28x28x1xf32>, %v17: tensor<8xi32>, %v18: tensor<8xf32>) -> (tensor<16xf32>, tensor<8x8x1x16xf32>, tensor<32xf32>, tensor<4x4x16x32xf32>, tensor<32xf32>, tensor<512x32xf32>, tensor<10xf32>, tensor<32x10xf32>, tensor<f32>, tensor<f32>) {
    %v19 = "stablehlo.reshape"(%v16) : (tensor<8x28x28x1xf32>) -> tensor<8x1x28x28x1xf32>
    %v20 = "stablehlo.reshape"(%v19) : (tensor<8x1x28x28x1xf32>) -> tensor<8x28x28x1xf32>
    %v21 = "stablehlo.convolution"(%v20, %v1) {batch_group_count = 1 : i64, dimension_numbers = #stablehlo.conv<[b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f]>, feature_group_count = 1 : i64, lhs_dilation = array<i64: 1, 1>, padding = dense<[[3, 3], [3, 3]]> : tensor<2x2xi64>, rhs_dilation = array<i64: 1, 1>, window_strides = array<i64: 2, 2>} : (tensor<8x28x28x1xf32>, tensor<8x8x1x16xf32>) -> tensor<8x14x14x16xf32>
    %v22 = "stablehlo.reshape"(%v21) : (tensor<8x14x14x16xf32>) -> tensor<8x1x14x14x16xf32>
    %v23 = "stablehlo.broadcast_in_dim"(%v0) {broadcast_dimensions = array<i64: 3>} : (tensor<16xf32>) -> tensor<1x14x14x16xf32>
    %v24 = "stablehlo.broadcast_in_dim"(%v23) {broadcast_dimensions = array<i64: 1, 2, 3, 4>} : (tensor<1x14x14x16xf32>) -> tensor<8x1x14x14x16xf32>
    %v25 = "stablehlo.add"(%v22, %v24) : (tensor<8x1x14x14x16xf32>, tensor<8x1x14x14x16xf32>) -> tensor<8x1x14x14x16xf32>
    %v26 = "stablehlo.tanh"(%v25) : (tensor<8x1x14x14x16xf32>) -> tensor<8x1x14x14x16xf32>
    %t1 = "stablehlo.constant"() {value = dense<0xFF800000> : tensor<f32>} : () -> tensor<f32>
    %v27 = "stablehlo.reduce_window"(%v26, %t1) ({
    ^bb0(%t2: tensor<f32>, %t3: tensor<f32>):
      %t4 = "stablehlo.maximum"(%t2, %t3) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t4) : (tensor<f32>) -> ()
    }) {padding = dense<[[0, 0], [0, 0], [0, 0], [0, 0], [0, 0]]> : tensor<5x2xi64>, window_dimensions = array<i64: 1, 1, 2, 2, 1>, window_strides = array<i64: 1, 1, 1, 1, 1>} : (tensor<8x1x14x14x16xf32>, tensor<f32>) -> tensor<8x1x13x13x16xf32>
    %v28 = "stablehlo.reshape"(%v27) : (tensor<8x1x13x13x16xf32>) -> tensor<8x13x13x16xf32>
    %v29 = "stablehlo.convolution"(%v28, %v3) {batch_group_count = 1 : i64, dimension_numbers = #stablehlo.conv<[b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f]>, feature_group_count = 1 : i64, lhs_dilation = array<i64: 1, 1>, padding = dense<[[0, 0], [0, 0]]> : tensor<2x2xi64>, rhs_dilation = array<i64: 1, 1>, window_strides = array<i64: 2, 2>} : (tensor<8x13x13x16xf32>, tensor<4x4x16x32xf32>) -> tensor<8x5x5x32xf32>
    %v30 = "stablehlo.reshape"(%v29) : (tensor<8x5x5x32xf32>) -> tensor<8x1x5x5x32xf32>
    %v31 = "stablehlo.broadcast_in_dim"(%v2) {broadcast_dimensions = array<i64: 3>} : (tensor<32xf32>) -> tensor<1x5x5x32xf32>
    %v32 = "stablehlo.broadcast_in_dim"(%v31) {broadcast_dimensions = array<i64: 1, 2, 3, 4>} : (tensor<1x5x5x32xf32>) -> tensor<8x1x5x5x32xf32>
    %v33 = "stablehlo.add"(%v30, %v32) : (tensor<8x1x5x5x32xf32>, tensor<8x1x5x5x32xf32>) -> tensor<8x1x5x5x32xf32>
    %v34 = "stablehlo.tanh"(%v33) : (tensor<8x1x5x5x32xf32>) -> tensor<8x1x5x5x32xf32>
    %t5 = "stablehlo.constant"() {value = dense<0xFF800000> : tensor<f32>} : () -> tensor<f32>
    %v35 = "stablehlo.reduce_window"(%v34, %t5) ({
    ^bb0(%t6: tensor<f32>, %t7: tensor<f32>):
      %t8 = "stablehlo.maximum"(%t6, %t7) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t8) : (tensor<f32>) -> ()
    }) {padding = dense<[[0, 0], [0, 0], [0, 0], [0, 0], [0, 0]]> : tensor<5x2xi64>, window_dimensions = array<i64: 1, 1, 2, 2, 1>, window_strides = array<i64: 1, 1, 1, 1, 1>} : (tensor<8x1x5x5x32xf32>, tensor<f32>) -> tensor<8x1x4x4x32xf32>
    %v36 = "stablehlo.reshape"(%v35) : (tensor<8x1x4x4x32xf32>) -> tensor<8x1x512xf32>
    %v37 = "stablehlo.dot_general"(%v36, %v5) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [2], rhs_contracting_dimensions = [0]>} : (tensor<8x1x512xf32>, tensor<512x32xf32>) -> tensor<8x1x32xf32>
    %v38 = "stablehlo.broadcast_in_dim"(%v4) {broadcast_dimensions = array<i64: 1>} : (tensor<32xf32>) -> tensor<1x32xf32>
    %v39 = "stablehlo.broadcast_in_dim"(%v38) {broadcast_dimensions = array<i64: 1, 2>} : (tensor<1x32xf32>) -> tensor<8x1x32xf32>
    %v40 = "stablehlo.add"(%v37, %v39) : (tensor<8x1x32xf32>, tensor<8x1x32xf32>) -> tensor<8x1x32xf32>
    %v41 = "stablehlo.tanh"(%v40) : (tensor<8x1x32xf32>) -> tensor<8x1x32xf32>
    %v42 = "stablehlo.dot_general"(%v41, %v7) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [2], rhs_contracting_dimensions = [0]>} : (tensor<8x1x32xf32>, tensor<32x10xf32>) -> tensor<8x1x10xf32>
    %v43 = "stablehlo.broadcast_in_dim"(%v6) {broadcast_dimensions = array<i64: 1>} : (tensor<10xf32>) -> tensor<1x10xf32>
    %v44 = "stablehlo.broadcast_in_dim"(%v43) {broadcast_dimensions = array<i64: 1, 2>} : (tensor<1x10xf32>) -> tensor<8x1x10xf32>
    %v45 = "stablehlo.add"(%v42, %v44) : (tensor<8x1x10xf32>, tensor<8x1x10xf32>) -> tensor<8x1x10xf32>
    %v46 = "stablehlo.reshape"(%v45) : (tensor<8x1x10xf32>) -> tensor<8x10xf32>
    %v47 = "stablehlo.iota"() {iota_dimension = 0 : i64} : () -> tensor<10xi32>
    %v48 = "stablehlo.broadcast_in_dim"(%v17) {broadcast_dimensions = array<i64: 0>} : (tensor<8xi32>) -> tensor<8x10xi32>
    %v49 = "stablehlo.broadcast_in_dim"(%v47) {broadcast_dimensions = array<i64: 1>} : (tensor<10xi32>) -> tensor<8x10xi32>
    %v50 = "stablehlo.compare"(%v48, %v49) {comparison_direction = #stablehlo<comparison_direction EQ>, compare_type = #stablehlo<comparison_type SIGNED>} : (tensor<8x10xi32>, tensor<8x10xi32>) -> tensor<8x10xi1>
    %v51 = "stablehlo.convert"(%v50) : (tensor<8x10xi1>) -> tensor<8x10xf32>
    %t9 = "stablehlo.constant"() {value = dense<0xFF800000> : tensor<f32>} : () -> tensor<f32>
    %v52 = "stablehlo.reduce"(%v46, %t9) ({
    ^bb0(%t10: tensor<f32>, %t11: tensor<f32>):
      %t12 = "stablehlo.maximum"(%t10, %t11) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t12) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 1>} : (tensor<8x10xf32>, tensor<f32>) -> tensor<8xf32>
    %v54 = "stablehlo.broadcast_in_dim"(%v52) {broadcast_dimensions = array<i64: 0>} : (tensor<8xf32>) -> tensor<8x10xf32>
    %v55 = "stablehlo.subtract"(%v46, %v54) : (tensor<8x10xf32>, tensor<8x10xf32>) -> tensor<8x10xf32>
    %v56 = "stablehlo.exponential"(%v55) : (tensor<8x10xf32>) -> tensor<8x10xf32>
    %t13 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v57 = "stablehlo.reduce"(%v56, %t13) ({
    ^bb0(%t14: tensor<f32>, %t15: tensor<f32>):
      %t16 = "stablehlo.add"(%t14, %t15) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t16) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 1>} : (tensor<8x10xf32>, tensor<f32>) -> tensor<8xf32>
    %v58 = "stablehlo.log"(%v57) : (tensor<8xf32>) -> tensor<8xf32>
    %v59 = "stablehlo.broadcast_in_dim"(%v58) {broadcast_dimensions = array<i64: 0>} : (tensor<8xf32>) -> tensor<8x10xf32>
    %v60 = "stablehlo.subtract"(%v55, %v59) : (tensor<8x10xf32>, tensor<8x10xf32>) -> tensor<8x10xf32>
    %v61 = "stablehlo.multiply"(%v51, %v60) : (tensor<8x10xf32>, tensor<8x10xf32>) -> tensor<8x10xf32>
    %t17 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v62 = "stablehlo.reduce"(%v61, %t17) ({
    ^bb0(%t18: tensor<f32>, %t19: tensor<f32>):
      %t20 = "stablehlo.add"(%t18, %t19) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t20) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 1>} : (tensor<8x10xf32>, tensor<f32>) -> tensor<8xf32>
    %v63 = "stablehlo.negate"(%v62) : (tensor<8xf32>) -> tensor<8xf32>
    %v64 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
    %v65 = "stablehlo.negate"(%v64) : (tensor<f32>) -> tensor<f32>
    %v66 = "stablehlo.broadcast_in_dim"(%v65) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<10xf32>
    %v67 = "stablehlo.broadcast_in_dim"(%v66) {broadcast_dimensions = array<i64: 1>} : (tensor<10xf32>) -> tensor<8x10xf32>
    %v68 = "stablehlo.multiply"(%v67, %v51) : (tensor<8x10xf32>, tensor<8x10xf32>) -> tensor<8x10xf32>
    %v69 = "stablehlo.negate"(%v68) : (tensor<8x10xf32>) -> tensor<8x10xf32>
    %t21 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v70 = "stablehlo.reduce"(%v69, %t21) ({
    ^bb0(%t22: tensor<f32>, %t23: tensor<f32>):
      %t24 = "stablehlo.add"(%t22, %t23) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t24) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 1>} : (tensor<8x10xf32>, tensor<f32>) -> tensor<8xf32>
    %v71 = "stablehlo.divide"(%v70, %v57) : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
    %v72 = "stablehlo.broadcast_in_dim"(%v71) {broadcast_dimensions = array<i64: 0>} : (tensor<8xf32>) -> tensor<8x10xf32>
    %v73 = "stablehlo.multiply"(%v72, %v56) : (tensor<8x10xf32>, tensor<8x10xf32>) -> tensor<8x10xf32>
    %v74 = "stablehlo.add"(%v68, %v73) : (tensor<8x10xf32>, tensor<8x10xf32>) -> tensor<8x10xf32>
    %v75 = "stablehlo.reshape"(%v74) : (tensor<8x10xf32>) -> tensor<8x1x10xf32>
    %t25 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v76 = "stablehlo.reduce"(%v75, %t25) ({
    ^bb0(%t26: tensor<f32>, %t27: tensor<f32>):
      %t28 = "stablehlo.add"(%t26, %t27) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t28) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 1>} : (tensor<8x1x10xf32>, tensor<f32>) -> tensor<8x10xf32>
    %v77 = "stablehlo.dot_general"(%v75, %v7) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [2], rhs_contracting_dimensions = [1]>} : (tensor<8x1x10xf32>, tensor<32x10xf32>) -> tensor<8x1x32xf32>
    %v78 = "stablehlo.dot_general"(%v41, %v75) {dot_dimension_numbers = #stablehlo.dot<lhs_batching_dimensions = [0], rhs_batching_dimensions = [0], lhs_contracting_dimensions = [1], rhs_contracting_dimensions = [1]>} : (tensor<8x1x32xf32>, tensor<8x1x10xf32>) -> tensor<8x32x10xf32>
    %v79 = "stablehlo.multiply"(%v41, %v41) : (tensor<8x1x32xf32>, tensor<8x1x32xf32>) -> tensor<8x1x32xf32>
    %v80 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
    %v81 = "stablehlo.broadcast_in_dim"(%v80) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<1x32xf32>
    %v82 = "stablehlo.broadcast_in_dim"(%v81) {broadcast_dimensions = array<i64: 1, 2>} : (tensor<1x32xf32>) -> tensor<8x1x32xf32>
    %v83 = "stablehlo.subtract"(%v82, %v79) : (tensor<8x1x32xf32>, tensor<8x1x32xf32>) -> tensor<8x1x32xf32>
    %v84 = "stablehlo.multiply"(%v77, %v83) : (tensor<8x1x32xf32>, tensor<8x1x32xf32>) -> tensor<8x1x32xf32>
    %t29 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v85 = "stablehlo.reduce"(%v84, %t29) ({
    ^bb0(%t30: tensor<f32>, %t31: tensor<f32>):
      %t32 = "stablehlo.add"(%t30, %t31) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t32) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 1>} : (tensor<8x1x32xf32>, tensor<f32>) -> tensor<8x32xf32>
    %v86 = "stablehlo.dot_general"(%v84, %v5) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [2], rhs_contracting_dimensions = [1]>} : (tensor<8x1x32xf32>, tensor<512x32xf32>) -> tensor<8x1x512xf32>
    %v87 = "stablehlo.dot_general"(%v36, %v84) {dot_dimension_numbers = #stablehlo.dot<lhs_batching_dimensions = [0], rhs_batching_dimensions = [0], lhs_contracting_dimensions = [1], rhs_contracting_dimensions = [1]>} : (tensor<8x1x512xf32>, tensor<8x1x32xf32>) -> tensor<8x512x32xf32>
    %v88 = "stablehlo.reshape"(%v86) : (tensor<8x1x512xf32>) -> tensor<8x1x4x4x32xf32>
    %t33 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v89 = "stablehlo.select_and_scatter"(%v34, %v88, %t33) ({
    ^bb0(%t34: tensor<f32>, %t35: tensor<f32>):
      %t36 = "stablehlo.compare"(%t34, %t35) {comparison_direction = #stablehlo<comparison_direction GE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<f32>, tensor<f32>) -> tensor<i1>
      "stablehlo.return"(%t36) : (tensor<i1>) -> ()
    }, {
    ^bb0(%t37: tensor<f32>, %t38: tensor<f32>):
      %t39 = "stablehlo.add"(%t37, %t38) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t39) : (tensor<f32>) -> ()
    }) {padding = dense<[[0, 0], [0, 0], [0, 0], [0, 0], [0, 0]]> : tensor<5x2xi64>, window_dimensions = array<i64: 1, 1, 2, 2, 1>, window_strides = array<i64: 1, 1, 1, 1, 1>} : (tensor<8x1x5x5x32xf32>, tensor<8x1x4x4x32xf32>, tensor<f32>) -> tensor<8x1x5x5x32xf32>
    %v90 = "stablehlo.multiply"(%v34, %v34) : (tensor<8x1x5x5x32xf32>, tensor<8x1x5x5x32xf32>) -> tensor<8x1x5x5x32xf32>
    %v91 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
    %v92 = "stablehlo.broadcast_in_dim"(%v91) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<1x5x5x32xf32>
    %v93 = "stablehlo.broadcast_in_dim"(%v92) {broadcast_dimensions = array<i64: 1, 2, 3, 4>} : (tensor<1x5x5x32xf32>) -> tensor<8x1x5x5x32xf32>
    %v94 = "stablehlo.subtract"(%v93, %v90) : (tensor<8x1x5x5x32xf32>, tensor<8x1x5x5x32xf32>) -> tensor<8x1x5x5x32xf32>
    %v95 = "stablehlo.multiply"(%v89, %v94) : (tensor<8x1x5x5x32xf32>, tensor<8x1x5x5x32xf32>) -> tensor<8x1x5x5x32xf32>
    %t40 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v96 = "stablehlo.reduce"(%v95, %t40) ({
    ^bb0(%t41: tensor<f32>, %t42: tensor<f32>):
      %t43 = "stablehlo.add"(%t41, %t42) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t43) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 1, 2, 3>} : (tensor<8x1x5x5x32xf32>, tensor<f32>) -> tensor<8x32xf32>
    %v97 = "stablehlo.reverse"(%v3) {dimensions = array<i64: 0, 1>} : (tensor<4x4x16x32xf32>) -> tensor<4x4x16x32xf32>
    %v98 = "stablehlo.reshape"(%v95) : (tensor<8x1x5x5x32xf32>) -> tensor<8x5x5x32xf32>
    %v99 = "stablehlo.convolution"(%v98, %v97) {batch_group_count = 1 : i64, dimension_numbers = #stablehlo.conv<[b, 0, 1, f]x[0, 1, o, i]->[b, 0, 1, f]>, feature_group_count = 1 : i64, lhs_dilation = array<i64: 2, 2>, padding = dense<[[3, 4], [3, 4]]> : tensor<2x2xi64>, rhs_dilation = array<i64: 1, 1>, window_strides = array<i64: 1, 1>} : (tensor<8x5x5x32xf32>, tensor<4x4x16x32xf32>) -> tensor<8x13x13x16xf32>
    %v100 = "stablehlo.reshape"(%v99) : (tensor<8x13x13x16xf32>) -> tensor<8x1x13x13x16xf32>
    %v101 = "stablehlo.reshape"(%v27) : (tensor<8x1x13x13x16xf32>) -> tensor<8x13x13x16xf32>
    %v102 = "stablehlo.transpose"(%v95) {permutation = array<i64: 1, 2, 3, 0, 4>} : (tensor<8x1x5x5x32xf32>) -> tensor<1x5x5x8x32xf32>
    %v103 = "stablehlo.reshape"(%v102) : (tensor<1x5x5x8x32xf32>) -> tensor<1x5x5x256xf32>
    %v104 = "stablehlo.convolution"(%v101, %v103) {batch_group_count = 1 : i64, dimension_numbers = #stablehlo.conv<[f, 0, 1, b]x[i, 0, 1, o]->[0, 1, b, f]>, feature_group_count = 8 : i64, lhs_dilation = array<i64: 1, 1>, padding = dense<[[0, -1], [0, -1]]> : tensor<2x2xi64>, rhs_dilation = array<i64: 2, 2>, window_strides = array<i64: 1, 1>} : (tensor<8x13x13x16xf32>, tensor<1x5x5x256xf32>) -> tensor<4x4x16x256xf32>
    %v105 = "stablehlo.reshape"(%v104) : (tensor<4x4x16x256xf32>) -> tensor<4x4x16x8x32xf32>
    %v106 = "stablehlo.transpose"(%v105) {permutation = array<i64: 3, 0, 1, 2, 4>} : (tensor<4x4x16x8x32xf32>) -> tensor<8x4x4x16x32xf32>
    %t44 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v107 = "stablehlo.select_and_scatter"(%v26, %v100, %t44) ({
    ^bb0(%t45: tensor<f32>, %t46: tensor<f32>):
      %t47 = "stablehlo.compare"(%t45, %t46) {comparison_direction = #stablehlo<comparison_direction GE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<f32>, tensor<f32>) -> tensor<i1>
      "stablehlo.return"(%t47) : (tensor<i1>) -> ()
    }, {
    ^bb0(%t48: tensor<f32>, %t49: tensor<f32>):
      %t50 = "stablehlo.add"(%t48, %t49) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t50) : (tensor<f32>) -> ()
    }) {padding = dense<[[0, 0], [0, 0], [0, 0], [0, 0], [0, 0]]> : tensor<5x2xi64>, window_dimensions = array<i64: 1, 1, 2, 2, 1>, window_strides = array<i64: 1, 1, 1, 1, 1>} : (tensor<8x1x14x14x16xf32>, tensor<8x1x13x13x16xf32>, tensor<f32>) -> tensor<8x1x14x14x16xf32>
    %v108 = "stablehlo.multiply"(%v26, %v26) : (tensor<8x1x14x14x16xf32>, tensor<8x1x14x14x16xf32>) -> tensor<8x1x14x14x16xf32>
    %v109 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
    %v110 = "stablehlo.broadcast_in_dim"(%v109) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<1x14x14x16xf32>
    %v111 = "stablehlo.broadcast_in_dim"(%v110) {broadcast_dimensions = array<i64: 1, 2, 3, 4>} : (tensor<1x14x14x16xf32>) -> tensor<8x1x14x14x16xf32>
    %v112 = "stablehlo.subtract"(%v111, %v108) : (tensor<8x1x14x14x16xf32>, tensor<8x1x14x14x16xf32>) -> tensor<8x1x14x14x16xf32>
    %v113 = "stablehlo.multiply"(%v107, %v112) : (tensor<8x1x14x14x16xf32>, tensor<8x1x14x14x16xf32>) -> tensor<8x1x14x14x16xf32>
    %t51 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v114 = "stablehlo.reduce"(%v113, %t51) ({
    ^bb0(%t52: tensor<f32>, %t53: tensor<f32>):
      %t54 = "stablehlo.add"(%t52, %t53) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t54) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 1, 2, 3>} : (tensor<8x1x14x14x16xf32>, tensor<f32>) -> tensor<8x16xf32>
    %v115 = "stablehlo.reshape"(%v19) : (tensor<8x1x28x28x1xf32>) -> tensor<8x28x28x1xf32>
    %v116 = "stablehlo.transpose"(%v113) {permutation = array<i64: 1, 2, 3, 0, 4>} : (tensor<8x1x14x14x16xf32>) -> tensor<1x14x14x8x16xf32>
    %v117 = "stablehlo.reshape"(%v116) : (tensor<1x14x14x8x16xf32>) -> tensor<1x14x14x128xf32>
    %v118 = "stablehlo.convolution"(%v115, %v117) {batch_group_count = 1 : i64, dimension_numbers = #stablehlo.conv<[f, 0, 1, b]x[i, 0, 1, o]->[0, 1, b, f]>, feature_group_count = 8 : i64, lhs_dilation = array<i64: 1, 1>, padding = dense<[[3, 3], [3, 3]]> : tensor<2x2xi64>, rhs_dilation = array<i64: 2, 2>, window_strides = array<i64: 1, 1>} : (tensor<8x28x28x1xf32>, tensor<1x14x14x128xf32>) -> tensor<8x8x1x128xf32>
    %v119 = "stablehlo.reshape"(%v118) : (tensor<8x8x1x128xf32>) -> tensor<8x8x1x8x16xf32>
    %v120 = "stablehlo.transpose"(%v119) {permutation = array<i64: 3, 0, 1, 2, 4>} : (tensor<8x8x1x8x16xf32>) -> tensor<8x8x8x1x16xf32>
    %v121 = "stablehlo.multiply"(%v114, %v114) : (tensor<8x16xf32>, tensor<8x16xf32>) -> tensor<8x16xf32>
    %t55 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v122 = "stablehlo.reduce"(%v121, %t55) ({
    ^bb0(%t56: tensor<f32>, %t57: tensor<f32>):
      %t58 = "stablehlo.add"(%t56, %t57) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t58) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 1>} : (tensor<8x16xf32>, tensor<f32>) -> tensor<8xf32>
    %v123 = "stablehlo.multiply"(%v120, %v120) : (tensor<8x8x8x1x16xf32>, tensor<8x8x8x1x16xf32>) -> tensor<8x8x8x1x16xf32>
    %t59 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v124 = "stablehlo.reduce"(%v123, %t59) ({
    ^bb0(%t60: tensor<f32>, %t61: tensor<f32>):
      %t62 = "stablehlo.add"(%t60, %t61) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t62) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 1, 2, 3, 4>} : (tensor<8x8x8x1x16xf32>, tensor<f32>) -> tensor<8xf32>
    %v125 = "stablehlo.multiply"(%v96, %v96) : (tensor<8x32xf32>, tensor<8x32xf32>) -> tensor<8x32xf32>
    %t63 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v126 = "stablehlo.reduce"(%v125, %t63) ({
    ^bb0(%t64: tensor<f32>, %t65: tensor<f32>):
      %t66 = "stablehlo.add"(%t64, %t65) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t66) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 1>} : (tensor<8x32xf32>, tensor<f32>) -> tensor<8xf32>
    %v127 = "stablehlo.multiply"(%v106, %v106) : (tensor<8x4x4x16x32xf32>, tensor<8x4x4x16x32xf32>) -> tensor<8x4x4x16x32xf32>
    %t67 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v128 = "stablehlo.reduce"(%v127, %t67) ({
    ^bb0(%t68: tensor<f32>, %t69: tensor<f32>):
      %t70 = "stablehlo.add"(%t68, %t69) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t70) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 1, 2, 3, 4>} : (tensor<8x4x4x16x32xf32>, tensor<f32>) -> tensor<8xf32>
    %v129 = "stablehlo.multiply"(%v85, %v85) : (tensor<8x32xf32>, tensor<8x32xf32>) -> tensor<8x32xf32>
    %t71 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v130 = "stablehlo.reduce"(%v129, %t71) ({
    ^bb0(%t72: tensor<f32>, %t73: tensor<f32>):
      %t74 = "stablehlo.add"(%t72, %t73) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t74) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 1>} : (tensor<8x32xf32>, tensor<f32>) -> tensor<8xf32>
    %v131 = "stablehlo.multiply"(%v87, %v87) : (tensor<8x512x32xf32>, tensor<8x512x32xf32>) -> tensor<8x512x32xf32>
    %t75 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v132 = "stablehlo.reduce"(%v131, %t75) ({
    ^bb0(%t76: tensor<f32>, %t77: tensor<f32>):
      %t78 = "stablehlo.add"(%t76, %t77) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t78) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 1, 2>} : (tensor<8x512x32xf32>, tensor<f32>) -> tensor<8xf32>
    %v133 = "stablehlo.multiply"(%v76, %v76) : (tensor<8x10xf32>, tensor<8x10xf32>) -> tensor<8x10xf32>
    %t79 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v134 = "stablehlo.reduce"(%v133, %t79) ({
    ^bb0(%t80: tensor<f32>, %t81: tensor<f32>):
      %t82 = "stablehlo.add"(%t80, %t81) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t82) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 1>} : (tensor<8x10xf32>, tensor<f32>) -> tensor<8xf32>
    %v135 = "stablehlo.multiply"(%v78, %v78) : (tensor<8x32x10xf32>, tensor<8x32x10xf32>) -> tensor<8x32x10xf32>
    %t83 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v136 = "stablehlo.reduce"(%v135, %t83) ({
    ^bb0(%t84: tensor<f32>, %t85: tensor<f32>):
      %t86 = "stablehlo.add"(%t84, %t85) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t86) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 1, 2>} : (tensor<8x32x10xf32>, tensor<f32>) -> tensor<8xf32>
    %v137 = "stablehlo.add"(%v122, %v124) : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
    %v138 = "stablehlo.add"(%v137, %v126) : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
    %v139 = "stablehlo.add"(%v138, %v128) : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
    %v140 = "stablehlo.add"(%v139, %v130) : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
    %v141 = "stablehlo.add"(%v140, %v132) : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
    %v142 = "stablehlo.add"(%v141, %v134) : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
    %v143 = "stablehlo.add"(%v142, %v136) : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
    %v144 = "stablehlo.sqrt"(%v143) : (tensor<8xf32>) -> tensor<8xf32>
    %v145 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
    %v146 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
    %v147 = "stablehlo.broadcast_in_dim"(%v146) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8xf32>
    %v148 = "stablehlo.divide"(%v144, %v147) : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
    %v149 = "stablehlo.broadcast_in_dim"(%v145) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8xf32>
    %v150 = "stablehlo.maximum"(%v148, %v149) : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
    %v151 = "stablehlo.broadcast_in_dim"(%v145) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8xf32>
    %v152 = "stablehlo.divide"(%v151, %v150) : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
    %v153 = "stablehlo.multiply"(%v18, %v152) : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
    %v154 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
    %v155 = "stablehlo.broadcast_in_dim"(%v154) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8xf32>
    %v156 = "stablehlo.compare"(%v144, %v155) {comparison_direction = #stablehlo<comparison_direction GT>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xi1>
    %v157 = "stablehlo.convert"(%v156) : (tensor<8xi1>) -> tensor<8xf32>
    %v158 = "stablehlo.multiply"(%v18, %v157) : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
    %t87 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v159 = "stablehlo.reduce"(%v158, %t87) ({
    ^bb0(%t88: tensor<f32>, %t89: tensor<f32>):
      %t90 = "stablehlo.add"(%t88, %t89) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t90) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0>} : (tensor<8xf32>, tensor<f32>) -> tensor<f32>
    %v160 = "stablehlo.dot_general"(%v153, %v114) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [0], rhs_contracting_dimensions = [0]>} : (tensor<8xf32>, tensor<8x16xf32>) -> tensor<16xf32>
    %v161 = "stablehlo.add"(%v8, %v160) : (tensor<16xf32>, tensor<16xf32>) -> tensor<16xf32>
    %v162 = "stablehlo.dot_general"(%v153, %v120) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [0], rhs_contracting_dimensions = [0]>} : (tensor<8xf32>, tensor<8x8x8x1x16xf32>) -> tensor<8x8x1x16xf32>
    %v163 = "stablehlo.add"(%v9, %v162) : (tensor<8x8x1x16xf32>, tensor<8x8x1x16xf32>) -> tensor<8x8x1x16xf32>
    %v164 = "stablehlo.dot_general"(%v153, %v96) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [0], rhs_contracting_dimensions = [0]>} : (tensor<8xf32>, tensor<8x32xf32>) -> tensor<32xf32>
    %v165 = "stablehlo.add"(%v10, %v164) : (tensor<32xf32>, tensor<32xf32>) -> tensor<32xf32>
    %v166 = "stablehlo.dot_general"(%v153, %v106) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [0], rhs_contracting_dimensions = [0]>} : (tensor<8xf32>, tensor<8x4x4x16x32xf32>) -> tensor<4x4x16x32xf32>
    %v167 = "stablehlo.add"(%v11, %v166) : (tensor<4x4x16x32xf32>, tensor<4x4x16x32xf32>) -> tensor<4x4x16x32xf32>
    %v168 = "stablehlo.dot_general"(%v153, %v85) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [0], rhs_contracting_dimensions = [0]>} : (tensor<8xf32>, tensor<8x32xf32>) -> tensor<32xf32>
    %v169 = "stablehlo.add"(%v12, %v168) : (tensor<32xf32>, tensor<32xf32>) -> tensor<32xf32>
    %v170 = "stablehlo.dot_general"(%v153, %v87) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [0], rhs_contracting_dimensions = [0]>} : (tensor<8xf32>, tensor<8x512x32xf32>) -> tensor<512x32xf32>
    %v171 = "stablehlo.add"(%v13, %v170) : (tensor<512x32xf32>, tensor<512x32xf32>) -> tensor<512x32xf32>
    %v172 = "stablehlo.dot_general"(%v153, %v76) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [0], rhs_contracting_dimensions = [0]>} : (tensor<8xf32>, tensor<8x10xf32>) -> tensor<10xf32>
    %v173 = "stablehlo.add"(%v14, %v172) : (tensor<10xf32>, tensor<10xf32>) -> tensor<10xf32>
    %v174 = "stablehlo.dot_general"(%v153, %v78) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [0], rhs_contracting_dimensions = [0]>} : (tensor<8xf32>, tensor<8x32x10xf32>) -> tensor<32x10xf32>
    %v175 = "stablehlo.add"(%v15, %v174) : (tensor<32x10xf32>, tensor<32x10xf32>) -> tensor<32x10xf32>
    %v176 = "stablehlo.multiply"(%v63, %v18) : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
    %t91 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v177 = "stablehlo.reduce"(%v176, %t91) ({
    ^bb0(%t92: tensor<f32>, %t93: tensor<f32>):
      %t94 = "stablehlo.add"(%t92, %t93) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t94) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0>} : (tensor<8xf32>, tensor<f32>) -> tensor<f32>
    "func.return"(%v161, %v163, %v165, %v167, %v169, %v171, %v173, %v175, %v177, %v159) : (tensor<16xf32>, tensor<8x8x1x16xf32>, tensor<32xf32>, tensor<4x4x16x32xf32>, tensor<32xf32>, tensor<512x32xf32>, tensor<10xf32>, tensor<32x10xf32>, tensor<f32>, tensor<f32>) -> ()
  }
}
