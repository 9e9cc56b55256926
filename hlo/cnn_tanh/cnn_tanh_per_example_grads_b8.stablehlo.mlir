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
    %v80 = "stablehlo.constant"() {value = dense<0xFF800000> : tensor<f32>} : () -> tensor<f32>
    %v81 = "stablehlo.pad"(%v25, %v80) {edge_padding_low = array<i64: 0, 0, 0, 0, 0>, edge_padding_high = array<i64: 0, 0, 0, 0, 0>, interior_padding = array<i64: 0, 0, 0, 0, 0>} : (tensor<8x1x5x5x32xf32>, tensor<f32>) -> tensor<8x1x5x5x32xf32>
    %v82 = "stablehlo.constant"() {value = dense<false> : tensor<1x4x4x32xi1>} : () -> tensor<1x4x4x32xi1>
    %v83 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<1x5x5x32xf32>} : () -> tensor<1x5x5x32xf32>
    %v84 = "stablehlo.slice"(%v81) {start_indices = array<i64: 0, 0, 0, 0, 0>, limit_indices = array<i64: 8, 1, 4, 4, 32>, strides = array<i64: 1, 1, 1, 1, 1>} : (tensor<8x1x5x5x32xf32>) -> tensor<8x1x4x4x32xf32>
    %v85 = "stablehlo.compare"(%v84, %v26) {comparison_direction = #stablehlo<comparison_direction EQ>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<8x1x4x4x32xf32>, tensor<8x1x4x4x32xf32>) -> tensor<8x1x4x4x32xi1>
    %v86 = "stablehlo.constant"() {value = dense<false> : tensor<1x4x4x32xi1>} : () -> tensor<1x4x4x32xi1>
    %v87 = "stablehlo.broadcast_in_dim"(%v82) {broadcast_dimensions = array<i64: 1, 2, 3, 4>} : (tensor<1x4x4x32xi1>) -> tensor<8x1x4x4x32xi1>
    %v88 = "stablehlo.broadcast_in_dim"(%v86) {broadcast_dimensions = array<i64: 1, 2, 3, 4>} : (tensor<1x4x4x32xi1>) -> tensor<8x1x4x4x32xi1>
    %v89 = "stablehlo.select"(%v87, %v88, %v85) : (tensor<8x1x4x4x32xi1>, tensor<8x1x4x4x32xi1>, tensor<8x1x4x4x32xi1>) -> tensor<8x1x4x4x32xi1>
    %v90 = "stablehlo.constant"() {value = dense<true> : tensor<1x4x4x32xi1>} : () -> tensor<1x4x4x32xi1>
    %v91 = "stablehlo.broadcast_in_dim"(%v90) {broadcast_dimensions = array<i64: 1, 2, 3, 4>} : (tensor<1x4x4x32xi1>) -> tensor<8x1x4x4x32xi1>
    %v92 = "stablehlo.broadcast_in_dim"(%v82) {broadcast_dimensions = array<i64: 1, 2, 3, 4>} : (tensor<1x4x4x32xi1>) -> tensor<8x1x4x4x32xi1>
    %v93 = "stablehlo.select"(%v89, %v91, %v92) : (tensor<8x1x4x4x32xi1>, tensor<8x1x4x4x32xi1>, tensor<8x1x4x4x32xi1>) -> tensor<8x1x4x4x32xi1>
    %v94 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<1x4x4x32xf32>} : () -> tensor<1x4x4x32xf32>
    %v95 = "stablehlo.broadcast_in_dim"(%v94) {broadcast_dimensions = array<i64: 1, 2, 3, 4>} : (tensor<1x4x4x32xf32>) -> tensor<8x1x4x4x32xf32>
    %v96 = "stablehlo.select"(%v89, %v79, %v95) : (tensor<8x1x4x4x32xi1>, tensor<8x1x4x4x32xf32>, tensor<8x1x4x4x32xf32>) -> tensor<8x1x4x4x32xf32>
    %v97 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v98 = "stablehlo.pad"(%v96, %v97) {edge_padding_low = array<i64: 0, 0, 0, 0, 0>, edge_padding_high = array<i64: 0, 0, 1, 1, 0>, interior_padding = array<i64: 0, 0, 0, 0, 0>} : (tensor<8x1x4x4x32xf32>, tensor<f32>) -> tensor<8x1x5x5x32xf32>
    %v99 = "stablehlo.broadcast_in_dim"(%v83) {broadcast_dimensions = array<i64: 1, 2, 3, 4>} : (tensor<1x5x5x32xf32>) -> tensor<8x1x5x5x32xf32>
    %v100 = "stablehlo.add"(%v99, %v98) : (tensor<8x1x5x5x32xf32>, tensor<8x1x5x5x32xf32>) -> tensor<8x1x5x5x32xf32>
    %v101 = "stablehlo.slice"(%v81) {start_indices = array<i64: 0, 0, 0, 1, 0>, limit_indices = array<i64: 8, 1, 4, 5, 32>, strides = array<i64: 1, 1, 1, 1, 1>} : (tensor<8x1x5x5x32xf32>) -> tensor<8x1x4x4x32xf32>
    %v102 = "stablehlo.compare"(%v101, %v26) {comparison_direction = #stablehlo<comparison_direction EQ>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<8x1x4x4x32xf32>, tensor<8x1x4x4x32xf32>) -> tensor<8x1x4x4x32xi1>
    %v103 = "stablehlo.constant"() {value = dense<false> : tensor<1x4x4x32xi1>} : () -> tensor<1x4x4x32xi1>
    %v104 = "stablehlo.broadcast_in_dim"(%v103) {broadcast_dimensions = array<i64: 1, 2, 3, 4>} : (tensor<1x4x4x32xi1>) -> tensor<8x1x4x4x32xi1>
    %v105 = "stablehlo.select"(%v93, %v104, %v102) : (tensor<8x1x4x4x32xi1>, tensor<8x1x4x4x32xi1>, tensor<8x1x4x4x32xi1>) -> tensor<8x1x4x4x32xi1>
    %v106 = "stablehlo.constant"() {value = dense<true> : tensor<1x4x4x32xi1>} : () -> tensor<1x4x4x32xi1>
    %v107 = "stablehlo.broadcast_in_dim"(%v106) {broadcast_dimensions = array<i64: 1, 2, 3, 4>} : (tensor<1x4x4x32xi1>) -> tensor<8x1x4x4x32xi1>
    %v108 = "stablehlo.select"(%v105, %v107, %v93) : (tensor<8x1x4x4x32xi1>, tensor<8x1x4x4x32xi1>, tensor<8x1x4x4x32xi1>) -> tensor<8x1x4x4x32xi1>
    %v109 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<1x4x4x32xf32>} : () -> tensor<1x4x4x32xf32>
    %v110 = "stablehlo.broadcast_in_dim"(%v109) {broadcast_dimensions = array<i64: 1, 2, 3, 4>} : (tensor<1x4x4x32xf32>) -> tensor<8x1x4x4x32xf32>
    %v111 = "stablehlo.select"(%v105, %v79, %v110) : (tensor<8x1x4x4x32xi1>, tensor<8x1x4x4x32xf32>, tensor<8x1x4x4x32xf32>) -> tensor<8x1x4x4x32xf32>
    %v112 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v113 = "stablehlo.pad"(%v111, %v112) {edge_padding_low = array<i64: 0, 0, 0, 1, 0>, edge_padding_high = array<i64: 0, 0, 1, 0, 0>, interior_padding = array<i64: 0, 0, 0, 0, 0>} : (tensor<8x1x4x4x32xf32>, tensor<f32>) -> tensor<8x1x5x5x32xf32>
    %v114 = "stablehlo.add"(%v100, %v113) : (tensor<8x1x5x5x32xf32>, tensor<8x1x5x5x32xf32>) -> tensor<8x1x5x5x32xf32>
    %v115 = "stablehlo.slice"(%v81) {start_indices = array<i64: 0, 0, 1, 0, 0>, limit_indices = array<i64: 8, 1, 5, 4, 32>, strides = array<i64: 1, 1, 1, 1, 1>} : (tensor<8x1x5x5x32xf32>) -> tensor<8x1x4x4x32xf32>
    %v116 = "stablehlo.compare"(%v115, %v26) {comparison_direction = #stablehlo<comparison_direction EQ>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<8x1x4x4x32xf32>, tensor<8x1x4x4x32xf32>) -> tensor<8x1x4x4x32xi1>
    %v117 = "stablehlo.constant"() {value = dense<false> : tensor<1x4x4x32xi1>} : () -> tensor<1x4x4x32xi1>
    %v118 = "stablehlo.broadcast_in_dim"(%v117) {broadcast_dimensions = array<i64: 1, 2, 3, 4>} : (tensor<1x4x4x32xi1>) -> tensor<8x1x4x4x32xi1>
    %v119 = "stablehlo.select"(%v108, %v118, %v116) : (tensor<8x1x4x4x32xi1>, tensor<8x1x4x4x32xi1>, tensor<8x1x4x4x32xi1>) -> tensor<8x1x4x4x32xi1>
    %v120 = "stablehlo.constant"() {value = dense<true> : tensor<1x4x4x32xi1>} : () -> tensor<1x4x4x32xi1>
    %v121 = "stablehlo.broadcast_in_dim"(%v120) {broadcast_dimensions = array<i64: 1, 2, 3, 4>} : (tensor<1x4x4x32xi1>) -> tensor<8x1x4x4x32xi1>
    %v122 = "stablehlo.select"(%v119, %v121, %v108) : (tensor<8x1x4x4x32xi1>, tensor<8x1x4x4x32xi1>, tensor<8x1x4x4x32xi1>) -> tensor<8x1x4x4x32xi1>
    %v123 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<1x4x4x32xf32>} : () -> tensor<1x4x4x32xf32>
    %v124 = "stablehlo.broadcast_in_dim"(%v123) {broadcast_dimensions = array<i64: 1, 2, 3, 4>} : (tensor<1x4x4x32xf32>) -> tensor<8x1x4x4x32xf32>
    %v125 = "stablehlo.select"(%v119, %v79, %v124) : (tensor<8x1x4x4x32xi1>, tensor<8x1x4x4x32xf32>, tensor<8x1x4x4x32xf32>) -> tensor<8x1x4x4x32xf32>
    %v126 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v127 = "stablehlo.pad"(%v125, %v126) {edge_padding_low = array<i64: 0, 0, 1, 0, 0>, edge_padding_high = array<i64: 0, 0, 0, 1, 0>, interior_padding = array<i64: 0, 0, 0, 0, 0>} : (tensor<8x1x4x4x32xf32>, tensor<f32>) -> tensor<8x1x5x5x32xf32>
    %v128 = "stablehlo.add"(%v114, %v127) : (tensor<8x1x5x5x32xf32>, tensor<8x1x5x5x32xf32>) -> tensor<8x1x5x5x32xf32>
    %v129 = "stablehlo.slice"(%v81) {start_indices = array<i64: 0, 0, 1, 1, 0>, limit_indices = array<i64: 8, 1, 5, 5, 32>, strides = array<i64: 1, 1, 1, 1, 1>} : (tensor<8x1x5x5x32xf32>) -> tensor<8x1x4x4x32xf32>
    %v130 = "stablehlo.compare"(%v129, %v26) {comparison_direction = #stablehlo<comparison_direction EQ>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<8x1x4x4x32xf32>, tensor<8x1x4x4x32xf32>) -> tensor<8x1x4x4x32xi1>
    %v131 = "stablehlo.constant"() {value = dense<false> : tensor<1x4x4x32xi1>} : () -> tensor<1x4x4x32xi1>
    %v132 = "stablehlo.broadcast_in_dim"(%v131) {broadcast_dimensions = array<i64: 1, 2, 3, 4>} : (tensor<1x4x4x32xi1>) -> tensor<8x1x4x4x32xi1>
    %v133 = "stablehlo.select"(%v122, %v132, %v130) : (tensor<8x1x4x4x32xi1>, tensor<8x1x4x4x32xi1>, tensor<8x1x4x4x32xi1>) -> tensor<8x1x4x4x32xi1>
    %v134 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<1x4x4x32xf32>} : () -> tensor<1x4x4x32xf32>
    %v135 = "stablehlo.broadcast_in_dim"(%v134) {broadcast_dimensions = array<i64: 1, 2, 3, 4>} : (tensor<1x4x4x32xf32>) -> tensor<8x1x4x4x32xf32>
    %v136 = "stablehlo.select"(%v133, %v79, %v135) : (tensor<8x1x4x4x32xi1>, tensor<8x1x4x4x32xf32>, tensor<8x1x4x4x32xf32>) -> tensor<8x1x4x4x32xf32>
    %v137 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v138 = "stablehlo.pad"(%v136, %v137) {edge_padding_low = array<i64: 0, 0, 1, 1, 0>, edge_padding_high = array<i64: 0, 0, 0, 0, 0>, interior_padding = array<i64: 0, 0, 0, 0, 0>} : (tensor<8x1x4x4x32xf32>, tensor<f32>) -> tensor<8x1x5x5x32xf32>
    %v139 = "stablehlo.add"(%v128, %v138) : (tensor<8x1x5x5x32xf32>, tensor<8x1x5x5x32xf32>) -> tensor<8x1x5x5x32xf32>
    %v140 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v141 = "stablehlo.pad"(%v139, %v140) {edge_padding_low = array<i64: 0, 0, 0, 0, 0>, edge_padding_high = array<i64: 0, 0, 0, 0, 0>, interior_padding = array<i64: 0, 0, 0, 0, 0>} : (tensor<8x1x5x5x32xf32>, tensor<f32>) -> tensor<8x1x5x5x32xf32>
    %v142 = "stablehlo.multiply"(%v25, %v25) : (tensor<8x1x5x5x32xf32>, tensor<8x1x5x5x32xf32>) -> tensor<8x1x5x5x32xf32>
    %v143 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
    %v144 = "stablehlo.broadcast_in_dim"(%v143) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<1x5x5x32xf32>
    %v145 = "stablehlo.broadcast_in_dim"(%v144) {broadcast_dimensions = array<i64: 1, 2, 3, 4>} : (tensor<1x5x5x32xf32>) -> tensor<8x1x5x5x32xf32>
    %v146 = "stablehlo.subtract"(%v145, %v142) : (tensor<8x1x5x5x32xf32>, tensor<8x1x5x5x32xf32>) -> tensor<8x1x5x5x32xf32>
    %v147 = "stablehlo.multiply"(%v141, %v146) : (tensor<8x1x5x5x32xf32>, tensor<8x1x5x5x32xf32>) -> tensor<8x1x5x5x32xf32>
    %t33 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v148 = "stablehlo.reduce"(%v147, %t33) ({
    ^bb0(%t34: tensor<f32>, %t35: tensor<f32>):
      %t36 = "stablehlo.add"(%t34, %t35) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t36) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 1, 2, 3>} : (tensor<8x1x5x5x32xf32>, tensor<f32>) -> tensor<8x32xf32>
    %v149 = "stablehlo.reverse"(%v3) {dimensions = array<i64: 0, 1>} : (tensor<4x4x16x32xf32>) -> tensor<4x4x16x32xf32>
    %v150 = "stablehlo.reshape"(%v147) : (tensor<8x1x5x5x32xf32>) -> tensor<8x5x5x32xf32>
    %v151 = "stablehlo.convolution"(%v150, %v149) {batch_group_count = 1 : i64, dimension_numbers = #stablehlo.conv<[b, 0, 1, f]x[0, 1, o, i]->[b, 0, 1, f]>, feature_group_count = 1 : i64, lhs_dilation = array<i64: 2, 2>, padding = dense<[[3, 4], [3, 4]]> : tensor<2x2xi64>, rhs_dilation = array<i64: 1, 1>, window_strides = array<i64: 1, 1>} : (tensor<8x5x5x32xf32>, tensor<4x4x16x32xf32>) -> tensor<8x13x13x16xf32>
    %v152 = "stablehlo.reshape"(%v151) : (tensor<8x13x13x16xf32>) -> tensor<8x1x13x13x16xf32>
    %v153 = "stablehlo.reshape"(%v18) : (tensor<8x1x13x13x16xf32>) -> tensor<8x13x13x16xf32>
    %v154 = "stablehlo.transpose"(%v147) {permutation = array<i64: 1, 2, 3, 0, 4>} : (tensor<8x1x5x5x32xf32>) -> tensor<1x5x5x8x32xf32>
    %v155 = "stablehlo.reshape"(%v154) : (tensor<1x5x5x8x32xf32>) -> tensor<1x5x5x256xf32>
    %v156 = "stablehlo.convolution"(%v153, %v155) {batch_group_count = 1 : i64, dimension_numbers = #stablehlo.conv<[f, 0, 1, b]x[i, 0, 1, o]->[0, 1, b, f]>, feature_group_count = 8 : i64, lhs_dilation = array<i64: 1, 1>, padding = dense<[[0, -1], [0, -1]]> : tensor<2x2xi64>, rhs_dilation = array<i64: 2, 2>, window_strides = array<i64: 1, 1>} : (tensor<8x13x13x16xf32>, tensor<1x5x5x256xf32>) -> tensor<4x4x16x256xf32>
    %v157 = "stablehlo.reshape"(%v156) : (tensor<4x4x16x256xf32>) -> tensor<4x4x16x8x32xf32>
    %v158 = "stablehlo.transpose"(%v157) {permutation = array<i64: 3, 0, 1, 2, 4>} : (tensor<4x4x16x8x32xf32>) -> tensor<8x4x4x16x32xf32>
    %v159 = "stablehlo.constant"() {value = dense<0xFF800000> : tensor<f32>} : () -> tensor<f32>
    %v160 = "stablehlo.pad"(%v17, %v159) {edge_padding_low = array<i64: 0, 0, 0, 0, 0>, edge_padding_high = array<i64: 0, 0, 0, 0, 0>, interior_padding = array<i64: 0, 0, 0, 0, 0>} : (tensor<8x1x14x14x16xf32>, tensor<f32>) -> tensor<8x1x14x14x16xf32>
    %v161 = "stablehlo.constant"() {value = dense<false> : tensor<1x13x13x16xi1>} : () -> tensor<1x13x13x16xi1>
    %v162 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<1x14x14x16xf32>} : () -> tensor<1x14x14x16xf32>
    %v163 = "stablehlo.slice"(%v160) {start_indices = array<i64: 0, 0, 0, 0, 0>, limit_indices = array<i64: 8, 1, 13, 13, 16>, strides = array<i64: 1, 1, 1, 1, 1>} : (tensor<8x1x14x14x16xf32>) -> tensor<8x1x13x13x16xf32>
    %v164 = "stablehlo.compare"(%v163, %v18) {comparison_direction = #stablehlo<comparison_direction EQ>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<8x1x13x13x16xf32>, tensor<8x1x13x13x16xf32>) -> tensor<8x1x13x13x16xi1>
    %v165 = "stablehlo.constant"() {value = dense<false> : tensor<1x13x13x16xi1>} : () -> tensor<1x13x13x16xi1>
    %v166 = "stablehlo.broadcast_in_dim"(%v161) {broadcast_dimensions = array<i64: 1, 2, 3, 4>} : (tensor<1x13x13x16xi1>) -> tensor<8x1x13x13x16xi1>
    %v167 = "stablehlo.broadcast_in_dim"(%v165) {broadcast_dimensions = array<i64: 1, 2, 3, 4>} : (tensor<1x13x13x16xi1>) -> tensor<8x1x13x13x16xi1>
    %v168 = "stablehlo.select"(%v166, %v167, %v164) : (tensor<8x1x13x13x16xi1>, tensor<8x1x13x13x16xi1>, tensor<8x1x13x13x16xi1>) -> tensor<8x1x13x13x16xi1>
    %v169 = "stablehlo.constant"() {value = dense<true> : tensor<1x13x13x16xi1>} : () -> tensor<1x13x13x16xi1>
    %v170 = "stablehlo.broadcast_in_dim"(%v169) {broadcast_dimensions = array<i64: 1, 2, 3, 4>} : (tensor<1x13x13x16xi1>) -> tensor<8x1x13x13x16xi1>
    %v171 = "stablehlo.broadcast_in_dim"(%v161) {broadcast_dimensions = array<i64: 1, 2, 3, 4>} : (tensor<1x13x13x16xi1>) -> tensor<8x1x13x13x16xi1>
    %v172 = "stablehlo.select"(%v168, %v170, %v171) : (tensor<8x1x13x13x16xi1>, tensor<8x1x13x13x16xi1>, tensor<8x1x13x13x16xi1>) -> tensor<8x1x13x13x16xi1>
    %v173 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<1x13x13x16xf32>} : () -> tensor<1x13x13x16xf32>
    %v174 = "stablehlo.broadcast_in_dim"(%v173) {broadcast_dimensions = array<i64: 1, 2, 3, 4>} : (tensor<1x13x13x16xf32>) -> tensor<8x1x13x13x16xf32>
    %v175 = "stablehlo.select"(%v168, %v152, %v174) : (tensor<8x1x13x13x16xi1>, tensor<8x1x13x13x16xf32>, tensor<8x1x13x13x16xf32>) -> tensor<8x1x13x13x16xf32>
    %v176 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v177 = "stablehlo.pad"(%v175, %v176) {edge_padding_low = array<i64: 0, 0, 0, 0, 0>, edge_padding_high = array<i64: 0, 0, 1, 1, 0>, interior_padding = array<i64: 0, 0, 0, 0, 0>} : (tensor<8x1x13x13x16xf32>, tensor<f32>) -> tensor<8x1x14x14x16xf32>
    %v178 = "stablehlo.broadcast_in_dim"(%v162) {broadcast_dimensions = array<i64: 1, 2, 3, 4>} : (tensor<1x14x14x16xf32>) -> tensor<8x1x14x14x16xf32>
    %v179 = "stablehlo.add"(%v178, %v177) : (tensor<8x1x14x14x16xf32>, tensor<8x1x14x14x16xf32>) -> tensor<8x1x14x14x16xf32>
    %v180 = "stablehlo.slice"(%v160) {start_indices = array<i64: 0, 0, 0, 1, 0>, limit_indices = array<i64: 8, 1, 13, 14, 16>, strides = array<i64: 1, 1, 1, 1, 1>} : (tensor<8x1x14x14x16xf32>) -> tensor<8x1x13x13x16xf32>
    %v181 = "stablehlo.compare"(%v180, %v18) {comparison_direction = #stablehlo<comparison_direction EQ>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<8x1x13x13x16xf32>, tensor<8x1x13x13x16xf32>) -> tensor<8x1x13x13x16xi1>
    %v182 = "stablehlo.constant"() {value = dense<false> : tensor<1x13x13x16xi1>} : () -> tensor<1x13x13x16xi1>
    %v183 = "stablehlo.broadcast_in_dim"(%v182) {broadcast_dimensions = array<i64: 1, 2, 3, 4>} : (tensor<1x13x13x16xi1>) -> tensor<8x1x13x13x16xi1>
    %v184 = "stablehlo.select"(%v172, %v183, %v181) : (tensor<8x1x13x13x16xi1>, tensor<8x1x13x13x16xi1>, tensor<8x1x13x13x16xi1>) -> tensor<8x1x13x13x16xi1>
    %v185 = "stablehlo.constant"() {value = dense<true> : tensor<1x13x13x16xi1>} : () -> tensor<1x13x13x16xi1>
    %v186 = "stablehlo.broadcast_in_dim"(%v185) {broadcast_dimensions = array<i64: 1, 2, 3, 4>} : (tensor<1x13x13x16xi1>) -> tensor<8x1x13x13x16xi1>
    %v187 = "stablehlo.select"(%v184, %v186, %v172) : (tensor<8x1x13x13x16xi1>, tensor<8x1x13x13x16xi1>, tensor<8x1x13x13x16xi1>) -> tensor<8x1x13x13x16xi1>
    %v188 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<1x13x13x16xf32>} : () -> tensor<1x13x13x16xf32>
    %v189 = "stablehlo.broadcast_in_dim"(%v188) {broadcast_dimensions = array<i64: 1, 2, 3, 4>} : (tensor<1x13x13x16xf32>) -> tensor<8x1x13x13x16xf32>
    %v190 = "stablehlo.select"(%v184, %v152, %v189) : (tensor<8x1x13x13x16xi1>, tensor<8x1x13x13x16xf32>, tensor<8x1x13x13x16xf32>) -> tensor<8x1x13x13x16xf32>
    %v191 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v192 = "stablehlo.pad"(%v190, %v191) {edge_padding_low = array<i64: 0, 0, 0, 1, 0>, edge_padding_high = array<i64: 0, 0, 1, 0, 0>, interior_padding = array<i64: 0, 0, 0, 0, 0>} : (tensor<8x1x13x13x16xf32>, tensor<f32>) -> tensor<8x1x14x14x16xf32>
    %v193 = "stablehlo.add"(%v179, %v192) : (tensor<8x1x14x14x16xf32>, tensor<8x1x14x14x16xf32>) -> tensor<8x1x14x14x16xf32>
    %v194 = "stablehlo.slice"(%v160) {start_indices = array<i64: 0, 0, 1, 0, 0>, limit_indices = array<i64: 8, 1, 14, 13, 16>, strides = array<i64: 1, 1, 1, 1, 1>} : (tensor<8x1x14x14x16xf32>) -> tensor<8x1x13x13x16xf32>
    %v195 = "stablehlo.compare"(%v194, %v18) {comparison_direction = #stablehlo<comparison_direction EQ>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<8x1x13x13x16xf32>, tensor<8x1x13x13x16xf32>) -> tensor<8x1x13x13x16xi1>
    %v196 = "stablehlo.constant"() {value = dense<false> : tensor<1x13x13x16xi1>} : () -> tensor<1x13x13x16xi1>
    %v197 = "stablehlo.broadcast_in_dim"(%v196) {broadcast_dimensions = array<i64: 1, 2, 3, 4>} : (tensor<1x13x13x16xi1>) -> tensor<8x1x13x13x16xi1>
    %v198 = "stablehlo.select"(%v187, %v197, %v195) : (tensor<8x1x13x13x16xi1>, tensor<8x1x13x13x16xi1>, tensor<8x1x13x13x16xi1>) -> tensor<8x1x13x13x16xi1>
    %v199 = "stablehlo.constant"() {value = dense<true> : tensor<1x13x13x16xi1>} : () -> tensor<1x13x13x16xi1>
    %v200 = "stablehlo.broadcast_in_dim"(%v199) {broadcast_dimensions = array<i64: 1, 2, 3, 4>} : (tensor<1x13x13x16xi1>) -> tensor<8x1x13x13x16xi1>
    %v201 = "stablehlo.select"(%v198, %v200, %v187) : (tensor<8x1x13x13x16xi1>, tensor<8x1x13x13x16xi1>, tensor<8x1x13x13x16xi1>) -> tensor<8x1x13x13x16xi1>
    %v202 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<1x13x13x16xf32>} : () -> tensor<1x13x13x16xf32>
    %v203 = "stablehlo.broadcast_in_dim"(%v202) {broadcast_dimensions = array<i64: 1, 2, 3, 4>} : (tensor<1x13x13x16xf32>) -> tensor<8x1x13x13x16xf32>
    %v204 = "stablehlo.select"(%v198, %v152, %v203) : (tensor<8x1x13x13x16xi1>, tensor<8x1x13x13x16xf32>, tensor<8x1x13x13x16xf32>) -> tensor<8x1x13x13x16xf32>
    %v205 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v206 = "stablehlo.pad"(%v204, %v205) {edge_padding_low = array<i64: 0, 0, 1, 0, 0>, edge_padding_high = array<i64: 0, 0, 0, 1, 0>, interior_padding = array<i64: 0, 0, 0, 0, 0>} : (tensor<8x1x13x13x16xf32>, tensor<f32>) -> tensor<8x1x14x14x16xf32>
    %v207 = "stablehlo.add"(%v193, %v206) : (tensor<8x1x14x14x16xf32>, tensor<8x1x14x14x16xf32>) -> tensor<8x1x14x14x16xf32>
    %v208 = "stablehlo.slice"(%v160) {start_indices = array<i64: 0, 0, 1, 1, 0>, limit_indices = array<i64: 8, 1, 14, 14, 16>, strides = array<i64: 1, 1, 1, 1, 1>} : (tensor<8x1x14x14x16xf32>) -> tensor<8x1x13x13x16xf32>
    %v209 = "stablehlo.compare"(%v208, %v18) {comparison_direction = #stablehlo<comparison_direction EQ>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<8x1x13x13x16xf32>, tensor<8x1x13x13x16xf32>) -> tensor<8x1x13x13x16xi1>
    %v210 = "stablehlo.constant"() {value = dense<false> : tensor<1x13x13x16xi1>} : () -> tensor<1x13x13x16xi1>
    %v211 = "stablehlo.broadcast_in_dim"(%v210) {broadcast_dimensions = array<i64: 1, 2, 3, 4>} : (tensor<1x13x13x16xi1>) -> tensor<8x1x13x13x16xi1>
    %v212 = "stablehlo.select"(%v201, %v211, %v209) : (tensor<8x1x13x13x16xi1>, tensor<8x1x13x13x16xi1>, tensor<8x1x13x13x16xi1>) -> tensor<8x1x13x13x16xi1>
    %v213 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<1x13x13x16xf32>} : () -> tensor<1x13x13x16xf32>
    %v214 = "stablehlo.broadcast_in_dim"(%v213) {broadcast_dimensions = array<i64: 1, 2, 3, 4>} : (tensor<1x13x13x16xf32>) -> tensor<8x1x13x13x16xf32>
    %v215 = "stablehlo.select"(%v212, %v152, %v214) : (tensor<8x1x13x13x16xi1>, tensor<8x1x13x13x16xf32>, tensor<8x1x13x13x16xf32>) -> tensor<8x1x13x13x16xf32>
    %v216 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v217 = "stablehlo.pad"(%v215, %v216) {edge_padding_low = array<i64: 0, 0, 1, 1, 0>, edge_padding_high = array<i64: 0, 0, 0, 0, 0>, interior_padding = array<i64: 0, 0, 0, 0, 0>} : (tensor<8x1x13x13x16xf32>, tensor<f32>) -> tensor<8x1x14x14x16xf32>
    %v218 = "stablehlo.add"(%v207, %v217) : (tensor<8x1x14x14x16xf32>, tensor<8x1x14x14x16xf32>) -> tensor<8x1x14x14x16xf32>
    %v219 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v220 = "stablehlo.pad"(%v218, %v219) {edge_padding_low = array<i64: 0, 0, 0, 0, 0>, edge_padding_high = array<i64: 0, 0, 0, 0, 0>, interior_padding = array<i64: 0, 0, 0, 0, 0>} : (tensor<8x1x14x14x16xf32>, tensor<f32>) -> tensor<8x1x14x14x16xf32>
    %v221 = "stablehlo.multiply"(%v17, %v17) : (tensor<8x1x14x14x16xf32>, tensor<8x1x14x14x16xf32>) -> tensor<8x1x14x14x16xf32>
    %v222 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
    %v223 = "stablehlo.broadcast_in_dim"(%v222) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<1x14x14x16xf32>
    %v224 = "stablehlo.broadcast_in_dim"(%v223) {broadcast_dimensions = array<i64: 1, 2, 3, 4>} : (tensor<1x14x14x16xf32>) -> tensor<8x1x14x14x16xf32>
    %v225 = "stablehlo.subtract"(%v224, %v221) : (tensor<8x1x14x14x16xf32>, tensor<8x1x14x14x16xf32>) -> tensor<8x1x14x14x16xf32>
    %v226 = "stablehlo.multiply"(%v220, %v225) : (tensor<8x1x14x14x16xf32>, tensor<8x1x14x14x16xf32>) -> tensor<8x1x14x14x16xf32>
    %t37 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v227 = "stablehlo.reduce"(%v226, %t37) ({
    ^bb0(%t38: tensor<f32>, %t39: tensor<f32>):
      %t40 = "stablehlo.add"(%t38, %t39) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t40) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 1, 2, 3>} : (tensor<8x1x14x14x16xf32>, tensor<f32>) -> tensor<8x16xf32>
    %v228 = "stablehlo.reshape"(%v10) : (tensor<8x1x28x28x1xf32>) -> tensor<8x28x28x1xf32>
    %v229 = "stablehlo.transpose"(%v226) {permutation = array<i64: 1, 2, 3, 0, 4>} : (tensor<8x1x14x14x16xf32>) -> tensor<1x14x14x8x16xf32>
    %v230 = "stablehlo.reshape"(%v229) : (tensor<1x14x14x8x16xf32>) -> tensor<1x14x14x128xf32>
    %v231 = "stablehlo.convolution"(%v228, %v230) {batch_group_count = 1 : i64, dimension_numbers = #stablehlo.conv<[f, 0, 1, b]x[i, 0, 1, o]->[0, 1, b, f]>, feature_group_count = 8 : i64, lhs_dilation = array<i64: 1, 1>, padding = dense<[[3, 3], [3, 3]]> : tensor<2x2xi64>, rhs_dilation = array<i64: 2, 2>, window_strides = array<i64: 1, 1>} : (tensor<8x28x28x1xf32>, tensor<1x14x14x128xf32>) -> tensor<8x8x1x128xf32>
    %v232 = "stablehlo.reshape"(%v231) : (tensor<8x8x1x128xf32>) -> tensor<8x8x1x8x16xf32>
    %v233 = "stablehlo.transpose"(%v232) {permutation = array<i64: 3, 0, 1, 2, 4>} : (tensor<8x8x1x8x16xf32>) -> tensor<8x8x8x1x16xf32>
    "func.return"(%v54, %v227, %v233, %v148, %v158, %v76, %v78, %v67, %v69) : (tensor<8xf32>, tensor<8x16xf32>, tensor<8x8x8x1x16xf32>, tensor<8x32xf32>, tensor<8x4x4x16x32xf32>, tensor<8x32xf32>, tensor<8x512x32xf32>, tensor<8x10xf32>, tensor<8x32x10xf32>) -> ()
  }
}
