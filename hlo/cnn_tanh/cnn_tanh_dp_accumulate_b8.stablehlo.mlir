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
    %v89 = "stablehlo.constant"() {value = dense<0xFF800000> : tensor<f32>} : () -> tensor<f32>
    %v90 = "stablehlo.pad"(%v34, %v89) {edge_padding_low = array<i64: 0, 0, 0, 0, 0>, edge_padding_high = array<i64: 0, 0, 0, 0, 0>, interior_padding = array<i64: 0, 0, 0, 0, 0>} : (tensor<8x1x5x5x32xf32>, tensor<f32>) -> tensor<8x1x5x5x32xf32>
    %v91 = "stablehlo.constant"() {value = dense<false> : tensor<1x4x4x32xi1>} : () -> tensor<1x4x4x32xi1>
    %v92 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<1x5x5x32xf32>} : () -> tensor<1x5x5x32xf32>
    %v93 = "stablehlo.slice"(%v90) {start_indices = array<i64: 0, 0, 0, 0, 0>, limit_indices = array<i64: 8, 1, 4, 4, 32>, strides = array<i64: 1, 1, 1, 1, 1>} : (tensor<8x1x5x5x32xf32>) -> tensor<8x1x4x4x32xf32>
    %v94 = "stablehlo.compare"(%v93, %v35) {comparison_direction = #stablehlo<comparison_direction EQ>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<8x1x4x4x32xf32>, tensor<8x1x4x4x32xf32>) -> tensor<8x1x4x4x32xi1>
    %v95 = "stablehlo.constant"() {value = dense<false> : tensor<1x4x4x32xi1>} : () -> tensor<1x4x4x32xi1>
    %v96 = "stablehlo.broadcast_in_dim"(%v91) {broadcast_dimensions = array<i64: 1, 2, 3, 4>} : (tensor<1x4x4x32xi1>) -> tensor<8x1x4x4x32xi1>
    %v97 = "stablehlo.broadcast_in_dim"(%v95) {broadcast_dimensions = array<i64: 1, 2, 3, 4>} : (tensor<1x4x4x32xi1>) -> tensor<8x1x4x4x32xi1>
    %v98 = "stablehlo.select"(%v96, %v97, %v94) : (tensor<8x1x4x4x32xi1>, tensor<8x1x4x4x32xi1>, tensor<8x1x4x4x32xi1>) -> tensor<8x1x4x4x32xi1>
    %v99 = "stablehlo.constant"() {value = dense<true> : tensor<1x4x4x32xi1>} : () -> tensor<1x4x4x32xi1>
    %v100 = "stablehlo.broadcast_in_dim"(%v99) {broadcast_dimensions = array<i64: 1, 2, 3, 4>} : (tensor<1x4x4x32xi1>) -> tensor<8x1x4x4x32xi1>
    %v101 = "stablehlo.broadcast_in_dim"(%v91) {broadcast_dimensions = array<i64: 1, 2, 3, 4>} : (tensor<1x4x4x32xi1>) -> tensor<8x1x4x4x32xi1>
    %v102 = "stablehlo.select"(%v98, %v100, %v101) : (tensor<8x1x4x4x32xi1>, tensor<8x1x4x4x32xi1>, tensor<8x1x4x4x32xi1>) -> tensor<8x1x4x4x32xi1>
    %v103 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<1x4x4x32xf32>} : () -> tensor<1x4x4x32xf32>
    %v104 = "stablehlo.broadcast_in_dim"(%v103) {broadcast_dimensions = array<i64: 1, 2, 3, 4>} : (tensor<1x4x4x32xf32>) -> tensor<8x1x4x4x32xf32>
    %v105 = "stablehlo.select"(%v98, %v88, %v104) : (tensor<8x1x4x4x32xi1>, tensor<8x1x4x4x32xf32>, tensor<8x1x4x4x32xf32>) -> tensor<8x1x4x4x32xf32>
    %v106 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v107 = "stablehlo.pad"(%v105, %v106) {edge_padding_low = array<i64: 0, 0, 0, 0, 0>, edge_padding_high = array<i64: 0, 0, 1, 1, 0>, interior_padding = array<i64: 0, 0, 0, 0, 0>} : (tensor<8x1x4x4x32xf32>, tensor<f32>) -> tensor<8x1x5x5x32xf32>
    %v108 = "stablehlo.broadcast_in_dim"(%v92) {broadcast_dimensions = array<i64: 1, 2, 3, 4>} : (tensor<1x5x5x32xf32>) -> tensor<8x1x5x5x32xf32>
    %v109 = "stablehlo.add"(%v108, %v107) : (tensor<8x1x5x5x32xf32>, tensor<8x1x5x5x32xf32>) -> tensor<8x1x5x5x32xf32>
    %v110 = "stablehlo.slice"(%v90) {start_indices = array<i64: 0, 0, 0, 1, 0>, limit_indices = array<i64: 8, 1, 4, 5, 32>, strides = array<i64: 1, 1, 1, 1, 1>} : (tensor<8x1x5x5x32xf32>) -> tensor<8x1x4x4x32xf32>
    %v111 = "stablehlo.compare"(%v110, %v35) {comparison_direction = #stablehlo<comparison_direction EQ>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<8x1x4x4x32xf32>, tensor<8x1x4x4x32xf32>) -> tensor<8x1x4x4x32xi1>
    %v112 = "stablehlo.constant"() {value = dense<false> : tensor<1x4x4x32xi1>} : () -> tensor<1x4x4x32xi1>
    %v113 = "stablehlo.broadcast_in_dim"(%v112) {broadcast_dimensions = array<i64: 1, 2, 3, 4>} : (tensor<1x4x4x32xi1>) -> tensor<8x1x4x4x32xi1>
    %v114 = "stablehlo.select"(%v102, %v113, %v111) : (tensor<8x1x4x4x32xi1>, tensor<8x1x4x4x32xi1>, tensor<8x1x4x4x32xi1>) -> tensor<8x1x4x4x32xi1>
    %v115 = "stablehlo.constant"() {value = dense<true> : tensor<1x4x4x32xi1>} : () -> tensor<1x4x4x32xi1>
    %v116 = "stablehlo.broadcast_in_dim"(%v115) {broadcast_dimensions = array<i64: 1, 2, 3, 4>} : (tensor<1x4x4x32xi1>) -> tensor<8x1x4x4x32xi1>
    %v117 = "stablehlo.select"(%v114, %v116, %v102) : (tensor<8x1x4x4x32xi1>, tensor<8x1x4x4x32xi1>, tensor<8x1x4x4x32xi1>) -> tensor<8x1x4x4x32xi1>
    %v118 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<1x4x4x32xf32>} : () -> tensor<1x4x4x32xf32>
    %v119 = "stablehlo.broadcast_in_dim"(%v118) {broadcast_dimensions = array<i64: 1, 2, 3, 4>} : (tensor<1x4x4x32xf32>) -> tensor<8x1x4x4x32xf32>
    %v120 = "stablehlo.select"(%v114, %v88, %v119) : (tensor<8x1x4x4x32xi1>, tensor<8x1x4x4x32xf32>, tensor<8x1x4x4x32xf32>) -> tensor<8x1x4x4x32xf32>
    %v121 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v122 = "stablehlo.pad"(%v120, %v121) {edge_padding_low = array<i64: 0, 0, 0, 1, 0>, edge_padding_high = array<i64: 0, 0, 1, 0, 0>, interior_padding = array<i64: 0, 0, 0, 0, 0>} : (tensor<8x1x4x4x32xf32>, tensor<f32>) -> tensor<8x1x5x5x32xf32>
    %v123 = "stablehlo.add"(%v109, %v122) : (tensor<8x1x5x5x32xf32>, tensor<8x1x5x5x32xf32>) -> tensor<8x1x5x5x32xf32>
    %v124 = "stablehlo.slice"(%v90) {start_indices = array<i64: 0, 0, 1, 0, 0>, limit_indices = array<i64: 8, 1, 5, 4, 32>, strides = array<i64: 1, 1, 1, 1, 1>} : (tensor<8x1x5x5x32xf32>) -> tensor<8x1x4x4x32xf32>
    %v125 = "stablehlo.compare"(%v124, %v35) {comparison_direction = #stablehlo<comparison_direction EQ>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<8x1x4x4x32xf32>, tensor<8x1x4x4x32xf32>) -> tensor<8x1x4x4x32xi1>
    %v126 = "stablehlo.constant"() {value = dense<false> : tensor<1x4x4x32xi1>} : () -> tensor<1x4x4x32xi1>
    %v127 = "stablehlo.broadcast_in_dim"(%v126) {broadcast_dimensions = array<i64: 1, 2, 3, 4>} : (tensor<1x4x4x32xi1>) -> tensor<8x1x4x4x32xi1>
    %v128 = "stablehlo.select"(%v117, %v127, %v125) : (tensor<8x1x4x4x32xi1>, tensor<8x1x4x4x32xi1>, tensor<8x1x4x4x32xi1>) -> tensor<8x1x4x4x32xi1>
    %v129 = "stablehlo.constant"() {value = dense<true> : tensor<1x4x4x32xi1>} : () -> tensor<1x4x4x32xi1>
    %v130 = "stablehlo.broadcast_in_dim"(%v129) {broadcast_dimensions = array<i64: 1, 2, 3, 4>} : (tensor<1x4x4x32xi1>) -> tensor<8x1x4x4x32xi1>
    %v131 = "stablehlo.select"(%v128, %v130, %v117) : (tensor<8x1x4x4x32xi1>, tensor<8x1x4x4x32xi1>, tensor<8x1x4x4x32xi1>) -> tensor<8x1x4x4x32xi1>
    %v132 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<1x4x4x32xf32>} : () -> tensor<1x4x4x32xf32>
    %v133 = "stablehlo.broadcast_in_dim"(%v132) {broadcast_dimensions = array<i64: 1, 2, 3, 4>} : (tensor<1x4x4x32xf32>) -> tensor<8x1x4x4x32xf32>
    %v134 = "stablehlo.select"(%v128, %v88, %v133) : (tensor<8x1x4x4x32xi1>, tensor<8x1x4x4x32xf32>, tensor<8x1x4x4x32xf32>) -> tensor<8x1x4x4x32xf32>
    %v135 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v136 = "stablehlo.pad"(%v134, %v135) {edge_padding_low = array<i64: 0, 0, 1, 0, 0>, edge_padding_high = array<i64: 0, 0, 0, 1, 0>, interior_padding = array<i64: 0, 0, 0, 0, 0>} : (tensor<8x1x4x4x32xf32>, tensor<f32>) -> tensor<8x1x5x5x32xf32>
    %v137 = "stablehlo.add"(%v123, %v136) : (tensor<8x1x5x5x32xf32>, tensor<8x1x5x5x32xf32>) -> tensor<8x1x5x5x32xf32>
    %v138 = "stablehlo.slice"(%v90) {start_indices = array<i64: 0, 0, 1, 1, 0>, limit_indices = array<i64: 8, 1, 5, 5, 32>, strides = array<i64: 1, 1, 1, 1, 1>} : (tensor<8x1x5x5x32xf32>) -> tensor<8x1x4x4x32xf32>
    %v139 = "stablehlo.compare"(%v138, %v35) {comparison_direction = #stablehlo<comparison_direction EQ>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<8x1x4x4x32xf32>, tensor<8x1x4x4x32xf32>) -> tensor<8x1x4x4x32xi1>
    %v140 = "stablehlo.constant"() {value = dense<false> : tensor<1x4x4x32xi1>} : () -> tensor<1x4x4x32xi1>
    %v141 = "stablehlo.broadcast_in_dim"(%v140) {broadcast_dimensions = array<i64: 1, 2, 3, 4>} : (tensor<1x4x4x32xi1>) -> tensor<8x1x4x4x32xi1>
    %v142 = "stablehlo.select"(%v131, %v141, %v139) : (tensor<8x1x4x4x32xi1>, tensor<8x1x4x4x32xi1>, tensor<8x1x4x4x32xi1>) -> tensor<8x1x4x4x32xi1>
    %v143 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<1x4x4x32xf32>} : () -> tensor<1x4x4x32xf32>
    %v144 = "stablehlo.broadcast_in_dim"(%v143) {broadcast_dimensions = array<i64: 1, 2, 3, 4>} : (tensor<1x4x4x32xf32>) -> tensor<8x1x4x4x32xf32>
    %v145 = "stablehlo.select"(%v142, %v88, %v144) : (tensor<8x1x4x4x32xi1>, tensor<8x1x4x4x32xf32>, tensor<8x1x4x4x32xf32>) -> tensor<8x1x4x4x32xf32>
    %v146 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v147 = "stablehlo.pad"(%v145, %v146) {edge_padding_low = array<i64: 0, 0, 1, 1, 0>, edge_padding_high = array<i64: 0, 0, 0, 0, 0>, interior_padding = array<i64: 0, 0, 0, 0, 0>} : (tensor<8x1x4x4x32xf32>, tensor<f32>) -> tensor<8x1x5x5x32xf32>
    %v148 = "stablehlo.add"(%v137, %v147) : (tensor<8x1x5x5x32xf32>, tensor<8x1x5x5x32xf32>) -> tensor<8x1x5x5x32xf32>
    %v149 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v150 = "stablehlo.pad"(%v148, %v149) {edge_padding_low = array<i64: 0, 0, 0, 0, 0>, edge_padding_high = array<i64: 0, 0, 0, 0, 0>, interior_padding = array<i64: 0, 0, 0, 0, 0>} : (tensor<8x1x5x5x32xf32>, tensor<f32>) -> tensor<8x1x5x5x32xf32>
    %v151 = "stablehlo.multiply"(%v34, %v34) : (tensor<8x1x5x5x32xf32>, tensor<8x1x5x5x32xf32>) -> tensor<8x1x5x5x32xf32>
    %v152 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
    %v153 = "stablehlo.broadcast_in_dim"(%v152) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<1x5x5x32xf32>
    %v154 = "stablehlo.broadcast_in_dim"(%v153) {broadcast_dimensions = array<i64: 1, 2, 3, 4>} : (tensor<1x5x5x32xf32>) -> tensor<8x1x5x5x32xf32>
    %v155 = "stablehlo.subtract"(%v154, %v151) : (tensor<8x1x5x5x32xf32>, tensor<8x1x5x5x32xf32>) -> tensor<8x1x5x5x32xf32>
    %v156 = "stablehlo.multiply"(%v150, %v155) : (tensor<8x1x5x5x32xf32>, tensor<8x1x5x5x32xf32>) -> tensor<8x1x5x5x32xf32>
    %t33 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v157 = "stablehlo.reduce"(%v156, %t33) ({
    ^bb0(%t34: tensor<f32>, %t35: tensor<f32>):
      %t36 = "stablehlo.add"(%t34, %t35) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t36) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 1, 2, 3>} : (tensor<8x1x5x5x32xf32>, tensor<f32>) -> tensor<8x32xf32>
    %v158 = "stablehlo.reverse"(%v3) {dimensions = array<i64: 0, 1>} : (tensor<4x4x16x32xf32>) -> tensor<4x4x16x32xf32>
    %v159 = "stablehlo.reshape"(%v156) : (tensor<8x1x5x5x32xf32>) -> tensor<8x5x5x32xf32>
    %v160 = "stablehlo.convolution"(%v159, %v158) {batch_group_count = 1 : i64, dimension_numbers = #stablehlo.conv<[b, 0, 1, f]x[0, 1, o, i]->[b, 0, 1, f]>, feature_group_count = 1 : i64, lhs_dilation = array<i64: 2, 2>, padding = dense<[[3, 4], [3, 4]]> : tensor<2x2xi64>, rhs_dilation = array<i64: 1, 1>, window_strides = array<i64: 1, 1>} : (tensor<8x5x5x32xf32>, tensor<4x4x16x32xf32>) -> tensor<8x13x13x16xf32>
    %v161 = "stablehlo.reshape"(%v160) : (tensor<8x13x13x16xf32>) -> tensor<8x1x13x13x16xf32>
    %v162 = "stablehlo.reshape"(%v27) : (tensor<8x1x13x13x16xf32>) -> tensor<8x13x13x16xf32>
    %v163 = "stablehlo.transpose"(%v156) {permutation = array<i64: 1, 2, 3, 0, 4>} : (tensor<8x1x5x5x32xf32>) -> tensor<1x5x5x8x32xf32>
    %v164 = "stablehlo.reshape"(%v163) : (tensor<1x5x5x8x32xf32>) -> tensor<1x5x5x256xf32>
    %v165 = "stablehlo.convolution"(%v162, %v164) {batch_group_count = 1 : i64, dimension_numbers = #stablehlo.conv<[f, 0, 1, b]x[i, 0, 1, o]->[0, 1, b, f]>, feature_group_count = 8 : i64, lhs_dilation = array<i64: 1, 1>, padding = dense<[[0, -1], [0, -1]]> : tensor<2x2xi64>, rhs_dilation = array<i64: 2, 2>, window_strides = array<i64: 1, 1>} : (tensor<8x13x13x16xf32>, tensor<1x5x5x256xf32>) -> tensor<4x4x16x256xf32>
    %v166 = "stablehlo.reshape"(%v165) : (tensor<4x4x16x256xf32>) -> tensor<4x4x16x8x32xf32>
    %v167 = "stablehlo.transpose"(%v166) {permutation = array<i64: 3, 0, 1, 2, 4>} : (tensor<4x4x16x8x32xf32>) -> tensor<8x4x4x16x32xf32>
    %v168 = "stablehlo.constant"() {value = dense<0xFF800000> : tensor<f32>} : () -> tensor<f32>
    %v169 = "stablehlo.pad"(%v26, %v168) {edge_padding_low = array<i64: 0, 0, 0, 0, 0>, edge_padding_high = array<i64: 0, 0, 0, 0, 0>, interior_padding = array<i64: 0, 0, 0, 0, 0>} : (tensor<8x1x14x14x16xf32>, tensor<f32>) -> tensor<8x1x14x14x16xf32>
    %v170 = "stablehlo.constant"() {value = dense<false> : tensor<1x13x13x16xi1>} : () -> tensor<1x13x13x16xi1>
    %v171 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<1x14x14x16xf32>} : () -> tensor<1x14x14x16xf32>
    %v172 = "stablehlo.slice"(%v169) {start_indices = array<i64: 0, 0, 0, 0, 0>, limit_indices = array<i64: 8, 1, 13, 13, 16>, strides = array<i64: 1, 1, 1, 1, 1>} : (tensor<8x1x14x14x16xf32>) -> tensor<8x1x13x13x16xf32>
    %v173 = "stablehlo.compare"(%v172, %v27) {comparison_direction = #stablehlo<comparison_direction EQ>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<8x1x13x13x16xf32>, tensor<8x1x13x13x16xf32>) -> tensor<8x1x13x13x16xi1>
    %v174 = "stablehlo.constant"() {value = dense<false> : tensor<1x13x13x16xi1>} : () -> tensor<1x13x13x16xi1>
    %v175 = "stablehlo.broadcast_in_dim"(%v170) {broadcast_dimensions = array<i64: 1, 2, 3, 4>} : (tensor<1x13x13x16xi1>) -> tensor<8x1x13x13x16xi1>
    %v176 = "stablehlo.broadcast_in_dim"(%v174) {broadcast_dimensions = array<i64: 1, 2, 3, 4>} : (tensor<1x13x13x16xi1>) -> tensor<8x1x13x13x16xi1>
    %v177 = "stablehlo.select"(%v175, %v176, %v173) : (tensor<8x1x13x13x16xi1>, tensor<8x1x13x13x16xi1>, tensor<8x1x13x13x16xi1>) -> tensor<8x1x13x13x16xi1>
    %v178 = "stablehlo.constant"() {value = dense<true> : tensor<1x13x13x16xi1>} : () -> tensor<1x13x13x16xi1>
    %v179 = "stablehlo.broadcast_in_dim"(%v178) {broadcast_dimensions = array<i64: 1, 2, 3, 4>} : (tensor<1x13x13x16xi1>) -> tensor<8x1x13x13x16xi1>
    %v180 = "stablehlo.broadcast_in_dim"(%v170) {broadcast_dimensions = array<i64: 1, 2, 3, 4>} : (tensor<1x13x13x16xi1>) -> tensor<8x1x13x13x16xi1>
    %v181 = "stablehlo.select"(%v177, %v179, %v180) : (tensor<8x1x13x13x16xi1>, tensor<8x1x13x13x16xi1>, tensor<8x1x13x13x16xi1>) -> tensor<8x1x13x13x16xi1>
    %v182 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<1x13x13x16xf32>} : () -> tensor<1x13x13x16xf32>
    %v183 = "stablehlo.broadcast_in_dim"(%v182) {broadcast_dimensions = array<i64: 1, 2, 3, 4>} : (tensor<1x13x13x16xf32>) -> tensor<8x1x13x13x16xf32>
    %v184 = "stablehlo.select"(%v177, %v161, %v183) : (tensor<8x1x13x13x16xi1>, tensor<8x1x13x13x16xf32>, tensor<8x1x13x13x16xf32>) -> tensor<8x1x13x13x16xf32>
    %v185 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v186 = "stablehlo.pad"(%v184, %v185) {edge_padding_low = array<i64: 0, 0, 0, 0, 0>, edge_padding_high = array<i64: 0, 0, 1, 1, 0>, interior_padding = array<i64: 0, 0, 0, 0, 0>} : (tensor<8x1x13x13x16xf32>, tensor<f32>) -> tensor<8x1x14x14x16xf32>
    %v187 = "stablehlo.broadcast_in_dim"(%v171) {broadcast_dimensions = array<i64: 1, 2, 3, 4>} : (tensor<1x14x14x16xf32>) -> tensor<8x1x14x14x16xf32>
    %v188 = "stablehlo.add"(%v187, %v186) : (tensor<8x1x14x14x16xf32>, tensor<8x1x14x14x16xf32>) -> tensor<8x1x14x14x16xf32>
    %v189 = "stablehlo.slice"(%v169) {start_indices = array<i64: 0, 0, 0, 1, 0>, limit_indices = array<i64: 8, 1, 13, 14, 16>, strides = array<i64: 1, 1, 1, 1, 1>} : (tensor<8x1x14x14x16xf32>) -> tensor<8x1x13x13x16xf32>
    %v190 = "stablehlo.compare"(%v189, %v27) {comparison_direction = #stablehlo<comparison_direction EQ>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<8x1x13x13x16xf32>, tensor<8x1x13x13x16xf32>) -> tensor<8x1x13x13x16xi1>
    %v191 = "stablehlo.constant"() {value = dense<false> : tensor<1x13x13x16xi1>} : () -> tensor<1x13x13x16xi1>
    %v192 = "stablehlo.broadcast_in_dim"(%v191) {broadcast_dimensions = array<i64: 1, 2, 3, 4>} : (tensor<1x13x13x16xi1>) -> tensor<8x1x13x13x16xi1>
    %v193 = "stablehlo.select"(%v181, %v192, %v190) : (tensor<8x1x13x13x16xi1>, tensor<8x1x13x13x16xi1>, tensor<8x1x13x13x16xi1>) -> tensor<8x1x13x13x16xi1>
    %v194 = "stablehlo.constant"() {value = dense<true> : tensor<1x13x13x16xi1>} : () -> tensor<1x13x13x16xi1>
    %v195 = "stablehlo.broadcast_in_dim"(%v194) {broadcast_dimensions = array<i64: 1, 2, 3, 4>} : (tensor<1x13x13x16xi1>) -> tensor<8x1x13x13x16xi1>
    %v196 = "stablehlo.select"(%v193, %v195, %v181) : (tensor<8x1x13x13x16xi1>, tensor<8x1x13x13x16xi1>, tensor<8x1x13x13x16xi1>) -> tensor<8x1x13x13x16xi1>
    %v197 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<1x13x13x16xf32>} : () -> tensor<1x13x13x16xf32>
    %v198 = "stablehlo.broadcast_in_dim"(%v197) {broadcast_dimensions = array<i64: 1, 2, 3, 4>} : (tensor<1x13x13x16xf32>) -> tensor<8x1x13x13x16xf32>
    %v199 = "stablehlo.select"(%v193, %v161, %v198) : (tensor<8x1x13x13x16xi1>, tensor<8x1x13x13x16xf32>, tensor<8x1x13x13x16xf32>) -> tensor<8x1x13x13x16xf32>
    %v200 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v201 = "stablehlo.pad"(%v199, %v200) {edge_padding_low = array<i64: 0, 0, 0, 1, 0>, edge_padding_high = array<i64: 0, 0, 1, 0, 0>, interior_padding = array<i64: 0, 0, 0, 0, 0>} : (tensor<8x1x13x13x16xf32>, tensor<f32>) -> tensor<8x1x14x14x16xf32>
    %v202 = "stablehlo.add"(%v188, %v201) : (tensor<8x1x14x14x16xf32>, tensor<8x1x14x14x16xf32>) -> tensor<8x1x14x14x16xf32>
    %v203 = "stablehlo.slice"(%v169) {start_indices = array<i64: 0, 0, 1, 0, 0>, limit_indices = array<i64: 8, 1, 14, 13, 16>, strides = array<i64: 1, 1, 1, 1, 1>} : (tensor<8x1x14x14x16xf32>) -> tensor<8x1x13x13x16xf32>
    %v204 = "stablehlo.compare"(%v203, %v27) {comparison_direction = #stablehlo<comparison_direction EQ>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<8x1x13x13x16xf32>, tensor<8x1x13x13x16xf32>) -> tensor<8x1x13x13x16xi1>
    %v205 = "stablehlo.constant"() {value = dense<false> : tensor<1x13x13x16xi1>} : () -> tensor<1x13x13x16xi1>
    %v206 = "stablehlo.broadcast_in_dim"(%v205) {broadcast_dimensions = array<i64: 1, 2, 3, 4>} : (tensor<1x13x13x16xi1>) -> tensor<8x1x13x13x16xi1>
    %v207 = "stablehlo.select"(%v196, %v206, %v204) : (tensor<8x1x13x13x16xi1>, tensor<8x1x13x13x16xi1>, tensor<8x1x13x13x16xi1>) -> tensor<8x1x13x13x16xi1>
    %v208 = "stablehlo.constant"() {value = dense<true> : tensor<1x13x13x16xi1>} : () -> tensor<1x13x13x16xi1>
    %v209 = "stablehlo.broadcast_in_dim"(%v208) {broadcast_dimensions = array<i64: 1, 2, 3, 4>} : (tensor<1x13x13x16xi1>) -> tensor<8x1x13x13x16xi1>
    %v210 = "stablehlo.select"(%v207, %v209, %v196) : (tensor<8x1x13x13x16xi1>, tensor<8x1x13x13x16xi1>, tensor<8x1x13x13x16xi1>) -> tensor<8x1x13x13x16xi1>
    %v211 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<1x13x13x16xf32>} : () -> tensor<1x13x13x16xf32>
    %v212 = "stablehlo.broadcast_in_dim"(%v211) {broadcast_dimensions = array<i64: 1, 2, 3, 4>} : (tensor<1x13x13x16xf32>) -> tensor<8x1x13x13x16xf32>
    %v213 = "stablehlo.select"(%v207, %v161, %v212) : (tensor<8x1x13x13x16xi1>, tensor<8x1x13x13x16xf32>, tensor<8x1x13x13x16xf32>) -> tensor<8x1x13x13x16xf32>
    %v214 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v215 = "stablehlo.pad"(%v213, %v214) {edge_padding_low = array<i64: 0, 0, 1, 0, 0>, edge_padding_high = array<i64: 0, 0, 0, 1, 0>, interior_padding = array<i64: 0, 0, 0, 0, 0>} : (tensor<8x1x13x13x16xf32>, tensor<f32>) -> tensor<8x1x14x14x16xf32>
    %v216 = "stablehlo.add"(%v202, %v215) : (tensor<8x1x14x14x16xf32>, tensor<8x1x14x14x16xf32>) -> tensor<8x1x14x14x16xf32>
    %v217 = "stablehlo.slice"(%v169) {start_indices = array<i64: 0, 0, 1, 1, 0>, limit_indices = array<i64: 8, 1, 14, 14, 16>, strides = array<i64: 1, 1, 1, 1, 1>} : (tensor<8x1x14x14x16xf32>) -> tensor<8x1x13x13x16xf32>
    %v218 = "stablehlo.compare"(%v217, %v27) {comparison_direction = #stablehlo<comparison_direction EQ>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<8x1x13x13x16xf32>, tensor<8x1x13x13x16xf32>) -> tensor<8x1x13x13x16xi1>
    %v219 = "stablehlo.constant"() {value = dense<false> : tensor<1x13x13x16xi1>} : () -> tensor<1x13x13x16xi1>
    %v220 = "stablehlo.broadcast_in_dim"(%v219) {broadcast_dimensions = array<i64: 1, 2, 3, 4>} : (tensor<1x13x13x16xi1>) -> tensor<8x1x13x13x16xi1>
    %v221 = "stablehlo.select"(%v210, %v220, %v218) : (tensor<8x1x13x13x16xi1>, tensor<8x1x13x13x16xi1>, tensor<8x1x13x13x16xi1>) -> tensor<8x1x13x13x16xi1>
    %v222 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<1x13x13x16xf32>} : () -> tensor<1x13x13x16xf32>
    %v223 = "stablehlo.broadcast_in_dim"(%v222) {broadcast_dimensions = array<i64: 1, 2, 3, 4>} : (tensor<1x13x13x16xf32>) -> tensor<8x1x13x13x16xf32>
    %v224 = "stablehlo.select"(%v221, %v161, %v223) : (tensor<8x1x13x13x16xi1>, tensor<8x1x13x13x16xf32>, tensor<8x1x13x13x16xf32>) -> tensor<8x1x13x13x16xf32>
    %v225 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v226 = "stablehlo.pad"(%v224, %v225) {edge_padding_low = array<i64: 0, 0, 1, 1, 0>, edge_padding_high = array<i64: 0, 0, 0, 0, 0>, interior_padding = array<i64: 0, 0, 0, 0, 0>} : (tensor<8x1x13x13x16xf32>, tensor<f32>) -> tensor<8x1x14x14x16xf32>
    %v227 = "stablehlo.add"(%v216, %v226) : (tensor<8x1x14x14x16xf32>, tensor<8x1x14x14x16xf32>) -> tensor<8x1x14x14x16xf32>
    %v228 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v229 = "stablehlo.pad"(%v227, %v228) {edge_padding_low = array<i64: 0, 0, 0, 0, 0>, edge_padding_high = array<i64: 0, 0, 0, 0, 0>, interior_padding = array<i64: 0, 0, 0, 0, 0>} : (tensor<8x1x14x14x16xf32>, tensor<f32>) -> tensor<8x1x14x14x16xf32>
    %v230 = "stablehlo.multiply"(%v26, %v26) : (tensor<8x1x14x14x16xf32>, tensor<8x1x14x14x16xf32>) -> tensor<8x1x14x14x16xf32>
    %v231 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
    %v232 = "stablehlo.broadcast_in_dim"(%v231) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<1x14x14x16xf32>
    %v233 = "stablehlo.broadcast_in_dim"(%v232) {broadcast_dimensions = array<i64: 1, 2, 3, 4>} : (tensor<1x14x14x16xf32>) -> tensor<8x1x14x14x16xf32>
    %v234 = "stablehlo.subtract"(%v233, %v230) : (tensor<8x1x14x14x16xf32>, tensor<8x1x14x14x16xf32>) -> tensor<8x1x14x14x16xf32>
    %v235 = "stablehlo.multiply"(%v229, %v234) : (tensor<8x1x14x14x16xf32>, tensor<8x1x14x14x16xf32>) -> tensor<8x1x14x14x16xf32>
    %t37 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v236 = "stablehlo.reduce"(%v235, %t37) ({
    ^bb0(%t38: tensor<f32>, %t39: tensor<f32>):
      %t40 = "stablehlo.add"(%t38, %t39) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t40) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 1, 2, 3>} : (tensor<8x1x14x14x16xf32>, tensor<f32>) -> tensor<8x16xf32>
    %v237 = "stablehlo.reshape"(%v19) : (tensor<8x1x28x28x1xf32>) -> tensor<8x28x28x1xf32>
    %v238 = "stablehlo.transpose"(%v235) {permutation = array<i64: 1, 2, 3, 0, 4>} : (tensor<8x1x14x14x16xf32>) -> tensor<1x14x14x8x16xf32>
    %v239 = "stablehlo.reshape"(%v238) : (tensor<1x14x14x8x16xf32>) -> tensor<1x14x14x128xf32>
    %v240 = "stablehlo.convolution"(%v237, %v239) {batch_group_count = 1 : i64, dimension_numbers = #stablehlo.conv<[f, 0, 1, b]x[i, 0, 1, o]->[0, 1, b, f]>, feature_group_count = 8 : i64, lhs_dilation = array<i64: 1, 1>, padding = dense<[[3, 3], [3, 3]]> : tensor<2x2xi64>, rhs_dilation = array<i64: 2, 2>, window_strides = array<i64: 1, 1>} : (tensor<8x28x28x1xf32>, tensor<1x14x14x128xf32>) -> tensor<8x8x1x128xf32>
    %v241 = "stablehlo.reshape"(%v240) : (tensor<8x8x1x128xf32>) -> tensor<8x8x1x8x16xf32>
    %v242 = "stablehlo.transpose"(%v241) {permutation = array<i64: 3, 0, 1, 2, 4>} : (tensor<8x8x1x8x16xf32>) -> tensor<8x8x8x1x16xf32>
    %v243 = "stablehlo.convert"(%v236) : (tensor<8x16xf32>) -> tensor<8x16xf64>
    %v244 = "stablehlo.multiply"(%v243, %v243) : (tensor<8x16xf64>, tensor<8x16xf64>) -> tensor<8x16xf64>
    %t41 = "stablehlo.constant"() {value = dense<0x0000000000000000> : tensor<f64>} : () -> tensor<f64>
    %v245 = "stablehlo.reduce"(%v244, %t41) ({
    ^bb0(%t42: tensor<f64>, %t43: tensor<f64>):
      %t44 = "stablehlo.add"(%t42, %t43) : (tensor<f64>, tensor<f64>) -> tensor<f64>
      "stablehlo.return"(%t44) : (tensor<f64>) -> ()
    }) {dimensions = array<i64: 1>} : (tensor<8x16xf64>, tensor<f64>) -> tensor<8xf64>
    %v246 = "stablehlo.convert"(%v242) : (tensor<8x8x8x1x16xf32>) -> tensor<8x8x8x1x16xf64>
    %v247 = "stablehlo.multiply"(%v246, %v246) : (tensor<8x8x8x1x16xf64>, tensor<8x8x8x1x16xf64>) -> tensor<8x8x8x1x16xf64>
    %t45 = "stablehlo.constant"() {value = dense<0x0000000000000000> : tensor<f64>} : () -> tensor<f64>
    %v248 = "stablehlo.reduce"(%v247, %t45) ({
    ^bb0(%t46: tensor<f64>, %t47: tensor<f64>):
      %t48 = "stablehlo.add"(%t46, %t47) : (tensor<f64>, tensor<f64>) -> tensor<f64>
      "stablehlo.return"(%t48) : (tensor<f64>) -> ()
    }) {dimensions = array<i64: 1, 2, 3, 4>} : (tensor<8x8x8x1x16xf64>, tensor<f64>) -> tensor<8xf64>
    %v249 = "stablehlo.convert"(%v157) : (tensor<8x32xf32>) -> tensor<8x32xf64>
    %v250 = "stablehlo.multiply"(%v249, %v249) : (tensor<8x32xf64>, tensor<8x32xf64>) -> tensor<8x32xf64>
    %t49 = "stablehlo.constant"() {value = dense<0x0000000000000000> : tensor<f64>} : () -> tensor<f64>
    %v251 = "stablehlo.reduce"(%v250, %t49) ({
    ^bb0(%t50: tensor<f64>, %t51: tensor<f64>):
      %t52 = "stablehlo.add"(%t50, %t51) : (tensor<f64>, tensor<f64>) -> tensor<f64>
      "stablehlo.return"(%t52) : (tensor<f64>) -> ()
    }) {dimensions = array<i64: 1>} : (tensor<8x32xf64>, tensor<f64>) -> tensor<8xf64>
    %v252 = "stablehlo.convert"(%v167) : (tensor<8x4x4x16x32xf32>) -> tensor<8x4x4x16x32xf64>
    %v253 = "stablehlo.multiply"(%v252, %v252) : (tensor<8x4x4x16x32xf64>, tensor<8x4x4x16x32xf64>) -> tensor<8x4x4x16x32xf64>
    %t53 = "stablehlo.constant"() {value = dense<0x0000000000000000> : tensor<f64>} : () -> tensor<f64>
    %v254 = "stablehlo.reduce"(%v253, %t53) ({
    ^bb0(%t54: tensor<f64>, %t55: tensor<f64>):
      %t56 = "stablehlo.add"(%t54, %t55) : (tensor<f64>, tensor<f64>) -> tensor<f64>
      "stablehlo.return"(%t56) : (tensor<f64>) -> ()
    }) {dimensions = array<i64: 1, 2, 3, 4>} : (tensor<8x4x4x16x32xf64>, tensor<f64>) -> tensor<8xf64>
    %v255 = "stablehlo.convert"(%v85) : (tensor<8x32xf32>) -> tensor<8x32xf64>
    %v256 = "stablehlo.multiply"(%v255, %v255) : (tensor<8x32xf64>, tensor<8x32xf64>) -> tensor<8x32xf64>
    %t57 = "stablehlo.constant"() {value = dense<0x0000000000000000> : tensor<f64>} : () -> tensor<f64>
    %v257 = "stablehlo.reduce"(%v256, %t57) ({
    ^bb0(%t58: tensor<f64>, %t59: tensor<f64>):
      %t60 = "stablehlo.add"(%t58, %t59) : (tensor<f64>, tensor<f64>) -> tensor<f64>
      "stablehlo.return"(%t60) : (tensor<f64>) -> ()
    }) {dimensions = array<i64: 1>} : (tensor<8x32xf64>, tensor<f64>) -> tensor<8xf64>
    %v258 = "stablehlo.convert"(%v87) : (tensor<8x512x32xf32>) -> tensor<8x512x32xf64>
    %v259 = "stablehlo.multiply"(%v258, %v258) : (tensor<8x512x32xf64>, tensor<8x512x32xf64>) -> tensor<8x512x32xf64>
    %t61 = "stablehlo.constant"() {value = dense<0x0000000000000000> : tensor<f64>} : () -> tensor<f64>
    %v260 = "stablehlo.reduce"(%v259, %t61) ({
    ^bb0(%t62: tensor<f64>, %t63: tensor<f64>):
      %t64 = "stablehlo.add"(%t62, %t63) : (tensor<f64>, tensor<f64>) -> tensor<f64>
      "stablehlo.return"(%t64) : (tensor<f64>) -> ()
    }) {dimensions = array<i64: 1, 2>} : (tensor<8x512x32xf64>, tensor<f64>) -> tensor<8xf64>
    %v261 = "stablehlo.convert"(%v76) : (tensor<8x10xf32>) -> tensor<8x10xf64>
    %v262 = "stablehlo.multiply"(%v261, %v261) : (tensor<8x10xf64>, tensor<8x10xf64>) -> tensor<8x10xf64>
    %t65 = "stablehlo.constant"() {value = dense<0x0000000000000000> : tensor<f64>} : () -> tensor<f64>
    %v263 = "stablehlo.reduce"(%v262, %t65) ({
    ^bb0(%t66: tensor<f64>, %t67: tensor<f64>):
      %t68 = "stablehlo.add"(%t66, %t67) : (tensor<f64>, tensor<f64>) -> tensor<f64>
      "stablehlo.return"(%t68) : (tensor<f64>) -> ()
    }) {dimensions = array<i64: 1>} : (tensor<8x10xf64>, tensor<f64>) -> tensor<8xf64>
    %v264 = "stablehlo.convert"(%v78) : (tensor<8x32x10xf32>) -> tensor<8x32x10xf64>
    %v265 = "stablehlo.multiply"(%v264, %v264) : (tensor<8x32x10xf64>, tensor<8x32x10xf64>) -> tensor<8x32x10xf64>
    %t69 = "stablehlo.constant"() {value = dense<0x0000000000000000> : tensor<f64>} : () -> tensor<f64>
    %v266 = "stablehlo.reduce"(%v265, %t69) ({
    ^bb0(%t70: tensor<f64>, %t71: tensor<f64>):
      %t72 = "stablehlo.add"(%t70, %t71) : (tensor<f64>, tensor<f64>) -> tensor<f64>
      "stablehlo.return"(%t72) : (tensor<f64>) -> ()
    }) {dimensions = array<i64: 1, 2>} : (tensor<8x32x10xf64>, tensor<f64>) -> tensor<8xf64>
    %v267 = "stablehlo.add"(%v245, %v248) : (tensor<8xf64>, tensor<8xf64>) -> tensor<8xf64>
    %v268 = "stablehlo.add"(%v267, %v251) : (tensor<8xf64>, tensor<8xf64>) -> tensor<8xf64>
    %v269 = "stablehlo.add"(%v268, %v254) : (tensor<8xf64>, tensor<8xf64>) -> tensor<8xf64>
    %v270 = "stablehlo.add"(%v269, %v257) : (tensor<8xf64>, tensor<8xf64>) -> tensor<8xf64>
    %v271 = "stablehlo.add"(%v270, %v260) : (tensor<8xf64>, tensor<8xf64>) -> tensor<8xf64>
    %v272 = "stablehlo.add"(%v271, %v263) : (tensor<8xf64>, tensor<8xf64>) -> tensor<8xf64>
    %v273 = "stablehlo.add"(%v272, %v266) : (tensor<8xf64>, tensor<8xf64>) -> tensor<8xf64>
    %v274 = "stablehlo.constant"() {value = dense<0x7FF0000000000000> : tensor<f64>} : () -> tensor<f64>
    %v275 = "stablehlo.broadcast_in_dim"(%v274) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<8xf64>
    %v276 = "stablehlo.compare"(%v273, %v275) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<8xf64>, tensor<8xf64>) -> tensor<8xi1>
    %v277 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v278 = "stablehlo.broadcast_in_dim"(%v277) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8xf32>
    %v279 = "stablehlo.broadcast_in_dim"(%v276) {broadcast_dimensions = array<i64: 0>} : (tensor<8xi1>) -> tensor<8x16xi1>
    %v280 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v281 = "stablehlo.broadcast_in_dim"(%v280) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x16xf32>
    %v282 = "stablehlo.select"(%v279, %v236, %v281) : (tensor<8x16xi1>, tensor<8x16xf32>, tensor<8x16xf32>) -> tensor<8x16xf32>
    %v283 = "stablehlo.broadcast_in_dim"(%v276) {broadcast_dimensions = array<i64: 0>} : (tensor<8xi1>) -> tensor<8x8x8x1x16xi1>
    %v284 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v285 = "stablehlo.broadcast_in_dim"(%v284) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x8x8x1x16xf32>
    %v286 = "stablehlo.select"(%v283, %v242, %v285) : (tensor<8x8x8x1x16xi1>, tensor<8x8x8x1x16xf32>, tensor<8x8x8x1x16xf32>) -> tensor<8x8x8x1x16xf32>
    %v287 = "stablehlo.broadcast_in_dim"(%v276) {broadcast_dimensions = array<i64: 0>} : (tensor<8xi1>) -> tensor<8x32xi1>
    %v288 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v289 = "stablehlo.broadcast_in_dim"(%v288) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x32xf32>
    %v290 = "stablehlo.select"(%v287, %v157, %v289) : (tensor<8x32xi1>, tensor<8x32xf32>, tensor<8x32xf32>) -> tensor<8x32xf32>
    %v291 = "stablehlo.broadcast_in_dim"(%v276) {broadcast_dimensions = array<i64: 0>} : (tensor<8xi1>) -> tensor<8x4x4x16x32xi1>
    %v292 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v293 = "stablehlo.broadcast_in_dim"(%v292) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x4x4x16x32xf32>
    %v294 = "stablehlo.select"(%v291, %v167, %v293) : (tensor<8x4x4x16x32xi1>, tensor<8x4x4x16x32xf32>, tensor<8x4x4x16x32xf32>) -> tensor<8x4x4x16x32xf32>
    %v295 = "stablehlo.broadcast_in_dim"(%v276) {broadcast_dimensions = array<i64: 0>} : (tensor<8xi1>) -> tensor<8x32xi1>
    %v296 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v297 = "stablehlo.broadcast_in_dim"(%v296) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x32xf32>
    %v298 = "stablehlo.select"(%v295, %v85, %v297) : (tensor<8x32xi1>, tensor<8x32xf32>, tensor<8x32xf32>) -> tensor<8x32xf32>
    %v299 = "stablehlo.broadcast_in_dim"(%v276) {broadcast_dimensions = array<i64: 0>} : (tensor<8xi1>) -> tensor<8x512x32xi1>
    %v300 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v301 = "stablehlo.broadcast_in_dim"(%v300) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x512x32xf32>
    %v302 = "stablehlo.select"(%v299, %v87, %v301) : (tensor<8x512x32xi1>, tensor<8x512x32xf32>, tensor<8x512x32xf32>) -> tensor<8x512x32xf32>
    %v303 = "stablehlo.broadcast_in_dim"(%v276) {broadcast_dimensions = array<i64: 0>} : (tensor<8xi1>) -> tensor<8x10xi1>
    %v304 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v305 = "stablehlo.broadcast_in_dim"(%v304) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x10xf32>
    %v306 = "stablehlo.select"(%v303, %v76, %v305) : (tensor<8x10xi1>, tensor<8x10xf32>, tensor<8x10xf32>) -> tensor<8x10xf32>
    %v307 = "stablehlo.broadcast_in_dim"(%v276) {broadcast_dimensions = array<i64: 0>} : (tensor<8xi1>) -> tensor<8x32x10xi1>
    %v308 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v309 = "stablehlo.broadcast_in_dim"(%v308) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x32x10xf32>
    %v310 = "stablehlo.select"(%v307, %v78, %v309) : (tensor<8x32x10xi1>, tensor<8x32x10xf32>, tensor<8x32x10xf32>) -> tensor<8x32x10xf32>
    %v311 = "stablehlo.sqrt"(%v273) : (tensor<8xf64>) -> tensor<8xf64>
    %v312 = "stablehlo.constant"() {value = dense<0x3FF0000000000000> : tensor<f64>} : () -> tensor<f64>
    %v313 = "stablehlo.constant"() {value = dense<0x3FEFFFFDE7210BE9> : tensor<f64>} : () -> tensor<f64>
    %v314 = "stablehlo.broadcast_in_dim"(%v313) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<8xf64>
    %v315 = "stablehlo.divide"(%v311, %v314) : (tensor<8xf64>, tensor<8xf64>) -> tensor<8xf64>
    %v316 = "stablehlo.broadcast_in_dim"(%v312) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<8xf64>
    %v317 = "stablehlo.maximum"(%v315, %v316) : (tensor<8xf64>, tensor<8xf64>) -> tensor<8xf64>
    %v318 = "stablehlo.broadcast_in_dim"(%v312) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<8xf64>
    %v319 = "stablehlo.divide"(%v318, %v317) : (tensor<8xf64>, tensor<8xf64>) -> tensor<8xf64>
    %v320 = "stablehlo.convert"(%v319) : (tensor<8xf64>) -> tensor<8xf32>
    %v321 = "stablehlo.multiply"(%v18, %v320) : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
    %v322 = "stablehlo.select"(%v276, %v321, %v278) : (tensor<8xi1>, tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
    %v323 = "stablehlo.constant"() {value = dense<0x3FF0000000000000> : tensor<f64>} : () -> tensor<f64>
    %v324 = "stablehlo.broadcast_in_dim"(%v323) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<8xf64>
    %v325 = "stablehlo.compare"(%v311, %v324) {comparison_direction = #stablehlo<comparison_direction GT>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<8xf64>, tensor<8xf64>) -> tensor<8xi1>
    %v326 = "stablehlo.convert"(%v325) : (tensor<8xi1>) -> tensor<8xf32>
    %v327 = "stablehlo.multiply"(%v18, %v326) : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
    %t73 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v328 = "stablehlo.reduce"(%v327, %t73) ({
    ^bb0(%t74: tensor<f32>, %t75: tensor<f32>):
      %t76 = "stablehlo.add"(%t74, %t75) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t76) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0>} : (tensor<8xf32>, tensor<f32>) -> tensor<f32>
    %v329 = "stablehlo.dot_general"(%v322, %v282) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [0], rhs_contracting_dimensions = [0]>} : (tensor<8xf32>, tensor<8x16xf32>) -> tensor<16xf32>
    %v330 = "stablehlo.add"(%v8, %v329) : (tensor<16xf32>, tensor<16xf32>) -> tensor<16xf32>
    %v331 = "stablehlo.dot_general"(%v322, %v286) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [0], rhs_contracting_dimensions = [0]>} : (tensor<8xf32>, tensor<8x8x8x1x16xf32>) -> tensor<8x8x1x16xf32>
    %v332 = "stablehlo.add"(%v9, %v331) : (tensor<8x8x1x16xf32>, tensor<8x8x1x16xf32>) -> tensor<8x8x1x16xf32>
    %v333 = "stablehlo.dot_general"(%v322, %v290) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [0], rhs_contracting_dimensions = [0]>} : (tensor<8xf32>, tensor<8x32xf32>) -> tensor<32xf32>
    %v334 = "stablehlo.add"(%v10, %v333) : (tensor<32xf32>, tensor<32xf32>) -> tensor<32xf32>
    %v335 = "stablehlo.dot_general"(%v322, %v294) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [0], rhs_contracting_dimensions = [0]>} : (tensor<8xf32>, tensor<8x4x4x16x32xf32>) -> tensor<4x4x16x32xf32>
    %v336 = "stablehlo.add"(%v11, %v335) : (tensor<4x4x16x32xf32>, tensor<4x4x16x32xf32>) -> tensor<4x4x16x32xf32>
    %v337 = "stablehlo.dot_general"(%v322, %v298) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [0], rhs_contracting_dimensions = [0]>} : (tensor<8xf32>, tensor<8x32xf32>) -> tensor<32xf32>
    %v338 = "stablehlo.add"(%v12, %v337) : (tensor<32xf32>, tensor<32xf32>) -> tensor<32xf32>
    %v339 = "stablehlo.dot_general"(%v322, %v302) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [0], rhs_contracting_dimensions = [0]>} : (tensor<8xf32>, tensor<8x512x32xf32>) -> tensor<512x32xf32>
    %v340 = "stablehlo.add"(%v13, %v339) : (tensor<512x32xf32>, tensor<512x32xf32>) -> tensor<512x32xf32>
    %v341 = "stablehlo.dot_general"(%v322, %v306) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [0], rhs_contracting_dimensions = [0]>} : (tensor<8xf32>, tensor<8x10xf32>) -> tensor<10xf32>
    %v342 = "stablehlo.add"(%v14, %v341) : (tensor<10xf32>, tensor<10xf32>) -> tensor<10xf32>
    %v343 = "stablehlo.dot_general"(%v322, %v310) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [0], rhs_contracting_dimensions = [0]>} : (tensor<8xf32>, tensor<8x32x10xf32>) -> tensor<32x10xf32>
    %v344 = "stablehlo.add"(%v15, %v343) : (tensor<32x10xf32>, tensor<32x10xf32>) -> tensor<32x10xf32>
    %v345 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v346 = "stablehlo.broadcast_in_dim"(%v345) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8xf32>
    %v347 = "stablehlo.compare"(%v18, %v346) {comparison_direction = #stablehlo<comparison_direction GT>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xi1>
    %v348 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v349 = "stablehlo.broadcast_in_dim"(%v348) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8xf32>
    %v350 = "stablehlo.select"(%v347, %v63, %v349) : (tensor<8xi1>, tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
    %v351 = "stablehlo.constant"() {value = dense<0x7F800000> : tensor<f32>} : () -> tensor<f32>
    %v352 = "stablehlo.broadcast_in_dim"(%v351) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8xf32>
    %v353 = "stablehlo.compare"(%v350, %v352) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xi1>
    %v354 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v355 = "stablehlo.broadcast_in_dim"(%v354) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8xf32>
    %v356 = "stablehlo.select"(%v353, %v350, %v355) : (tensor<8xi1>, tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
    %t77 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v357 = "stablehlo.reduce"(%v356, %t77) ({
    ^bb0(%t78: tensor<f32>, %t79: tensor<f32>):
      %t80 = "stablehlo.add"(%t78, %t79) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t80) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0>} : (tensor<8xf32>, tensor<f32>) -> tensor<f32>
    "func.return"(%v330, %v332, %v334, %v336, %v338, %v340, %v342, %v344, %v357, %v328) : (tensor<16xf32>, tensor<8x8x1x16xf32>, tensor<32xf32>, tensor<4x4x16x32xf32>, tensor<32xf32>, tensor<512x32xf32>, tensor<10xf32>, tensor<32x10xf32>, tensor<f32>, tensor<f32>) -> ()
  }
}
