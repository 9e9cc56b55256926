module @dpxla {
  func.func public @main(%conv1_b: tensor<16xf32>, %conv1_w: tensor<8x8x1x16xf32>, %conv2_b: tensor<32xf32>, %conv2_w: tensor<4x4x16x32xf32>, %dense1_b: tensor<32xf32>, %dense1_w: tensor<512x32xf32>, %dense2_b: tensor<10xf32>, %dense2_w: tensor<32x10xf32>, %images: tensor<8x28x28x1xf32>, %labels: tensor<8xi32>) -> (tensor<8xf32>, tensor<8x16xf32>, tensor<8x8x8x1x16xf32>, tensor<8x32xf32>, tensor<8x4x4x16x32xf32>, tensor<8x32xf32>, tensor<8x512x32xf32>, tensor<8x10xf32>, tensor<8x32x10xf32>) {
    %v10 = "stablehlo.reshape"(%images) : (tensor<8x28x28x1xf32>) -> tensor<8x1x28x28x1xf32>
    %v11 = "stablehlo.reshape"(%v10) : (tensor<8x1x28x28x1xf32>) -> tensor<8x28x28x1xf32>
    %v12 = "stablehlo.convolution"(%v11, %conv1_w) {batch_group_count = 1 : i64, dimension_numbers = #stablehlo.conv<[b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f]>, feature_group_count = 1 : i64, lhs_dilation = array<i64: 1, 1>, padding = dense<[[3, 3], [3, 3]]> : tensor<2x2xi64>, precision_config = [#stablehlo<precision HIGHEST>, #stablehlo<precision HIGHEST>], rhs_dilation = array<i64: 1, 1>, window_strides = array<i64: 2, 2>} : (tensor<8x28x28x1xf32>, tensor<8x8x1x16xf32>) -> tensor<8x14x14x16xf32>
    %v13 = "stablehlo.reshape"(%v12) : (tensor<8x14x14x16xf32>) -> tensor<8x1x14x14x16xf32>
    %v14 = "stablehlo.broadcast_in_dim"(%conv1_b) {broadcast_dimensions = array<i64: 3>} : (tensor<16xf32>) -> tensor<1x14x14x16xf32>
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
    %v20 = "stablehlo.convolution"(%v19, %conv2_w) {batch_group_count = 1 : i64, dimension_numbers = #stablehlo.conv<[b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f]>, feature_group_count = 1 : i64, lhs_dilation = array<i64: 1, 1>, padding = dense<[[0, 0], [0, 0]]> : tensor<2x2xi64>, precision_config = [#stablehlo<precision HIGHEST>, #stablehlo<precision HIGHEST>], rhs_dilation = array<i64: 1, 1>, window_strides = array<i64: 2, 2>} : (tensor<8x13x13x16xf32>, tensor<4x4x16x32xf32>) -> tensor<8x5x5x32xf32>
    %v21 = "stablehlo.reshape"(%v20) : (tensor<8x5x5x32xf32>) -> tensor<8x1x5x5x32xf32>
    %v22 = "stablehlo.broadcast_in_dim"(%conv2_b) {broadcast_dimensions = array<i64: 3>} : (tensor<32xf32>) -> tensor<1x5x5x32xf32>
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
    %v28 = "stablehlo.dot_general"(%v27, %dense1_w) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [2], rhs_contracting_dimensions = [0]>, precision_config = [#stablehlo<precision HIGHEST>, #stablehlo<precision HIGHEST>]} : (tensor<8x1x512xf32>, tensor<512x32xf32>) -> tensor<8x1x32xf32>
    %v29 = "stablehlo.broadcast_in_dim"(%dense1_b) {broadcast_dimensions = array<i64: 1>} : (tensor<32xf32>) -> tensor<1x32xf32>
    %v30 = "stablehlo.broadcast_in_dim"(%v29) {broadcast_dimensions = array<i64: 1, 2>} : (tensor<1x32xf32>) -> tensor<8x1x32xf32>
    %v31 = "stablehlo.add"(%v28, %v30) : (tensor<8x1x32xf32>, tensor<8x1x32xf32>) -> tensor<8x1x32xf32>
    %v32 = "stablehlo.tanh"(%v31) : (tensor<8x1x32xf32>) -> tensor<8x1x32xf32>
    %v33 = "stablehlo.dot_general"(%v32, %dense2_w) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [2], rhs_contracting_dimensions = [0]>, precision_config = [#stablehlo<precision HIGHEST>, #stablehlo<precision HIGHEST>]} : (tensor<8x1x32xf32>, tensor<32x10xf32>) -> tensor<8x1x10xf32>
    %v34 = "stablehlo.broadcast_in_dim"(%dense2_b) {broadcast_dimensions = array<i64: 1>} : (tensor<10xf32>) -> tensor<1x10xf32>
    %v35 = "stablehlo.broadcast_in_dim"(%v34) {broadcast_dimensions = array<i64: 1, 2>} : (tensor<1x10xf32>) -> tensor<8x1x10xf32>
    %v36 = "stablehlo.add"(%v33, %v35) : (tensor<8x1x10xf32>, tensor<8x1x10xf32>) -> tensor<8x1x10xf32>
    %v37 = "stablehlo.reshape"(%v36) : (tensor<8x1x10xf32>) -> tensor<8x10xf32>
    %v38 = "stablehlo.iota"() {iota_dimension = 0 : i64} : () -> tensor<10xi32>
    %v39 = "stablehlo.broadcast_in_dim"(%labels) {broadcast_dimensions = array<i64: 0>} : (tensor<8xi32>) -> tensor<8x10xi32>
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
    %v68 = "stablehlo.dot_general"(%v66, %dense2_w) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [2], rhs_contracting_dimensions = [1]>, precision_config = [#stablehlo<precision HIGHEST>, #stablehlo<precision HIGHEST>]} : (tensor<8x1x10xf32>, tensor<32x10xf32>) -> tensor<8x1x32xf32>
    %v69 = "stablehlo.dot_general"(%v32, %v66) {dot_dimension_numbers = #stablehlo.dot<lhs_batching_dimensions = [0], rhs_batching_dimensions = [0], lhs_contracting_dimensions = [1], rhs_contracting_dimensions = [1]>, precision_config = [#stablehlo<precision HIGHEST>, #stablehlo<precision HIGHEST>]} : (tensor<8x1x32xf32>, tensor<8x1x10xf32>) -> tensor<8x32x10xf32>
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
    %v77 = "stablehlo.dot_general"(%v75, %dense1_w) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [2], rhs_contracting_dimensions = [1]>, precision_config = [#stablehlo<precision HIGHEST>, #stablehlo<precision HIGHEST>]} : (tensor<8x1x32xf32>, tensor<512x32xf32>) -> tensor<8x1x512xf32>
    %v78 = "stablehlo.dot_general"(%v27, %v75) {dot_dimension_numbers = #stablehlo.dot<lhs_batching_dimensions = [0], rhs_batching_dimensions = [0], lhs_contracting_dimensions = [1], rhs_contracting_dimensions = [1]>, precision_config = [#stablehlo<precision HIGHEST>, #stablehlo<precision HIGHEST>]} : (tensor<8x1x512xf32>, tensor<8x1x32xf32>) -> tensor<8x512x32xf32>
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
    %v88 = "stablehlo.reverse"(%conv2_w) {dimensions = array<i64: 0, 1>} : (tensor<4x4x16x32xf32>) -> tensor<4x4x16x32xf32>
    %v89 = "stablehlo.reshape"(%v86) : (tensor<8x1x5x5x32xf32>) -> tensor<8x5x5x32xf32>
    %v90 = "stablehlo.convolution"(%v89, %v88) {batch_group_count = 1 : i64, dimension_numbers = #stablehlo.conv<[b, 0, 1, f]x[0, 1, o, i]->[b, 0, 1, f]>, feature_group_count = 1 : i64, lhs_dilation = array<i64: 2, 2>, padding = dense<[[3, 4], [3, 4]]> : tensor<2x2xi64>, precision_config = [#stablehlo<precision HIGHEST>, #stablehlo<precision HIGHEST>], rhs_dilation = array<i64: 1, 1>, window_strides = array<i64: 1, 1>} : (tensor<8x5x5x32xf32>, tensor<4x4x16x32xf32>) -> tensor<8x13x13x16xf32>
    %v91 = "stablehlo.reshape"(%v90) : (tensor<8x13x13x16xf32>) -> tensor<8x1x13x13x16xf32>
    %v92 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v93 = "stablehlo.pad"(%v18, %v92) {edge_padding_low = array<i64: 0, 0, 0, 0, 0>, edge_padding_high = array<i64: 0, 0, -1, -1, 0>, interior_padding = array<i64: 0, 0, 0, 0, 0>} : (tensor<8x1x13x13x16xf32>, tensor<f32>) -> tensor<8x1x12x12x16xf32>
    %v94 = "stablehlo.slice"(%v93) {start_indices = array<i64: 0, 0, 0, 0, 0>, limit_indices = array<i64: 8, 1, 9, 9, 16>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x12x12x16xf32>) -> tensor<8x1x5x5x16xf32>
    %v95 = "stablehlo.reshape"(%v94) : (tensor<8x1x5x5x16xf32>) -> tensor<8x1x1x5x5x16xf32>
    %v96 = "stablehlo.slice"(%v93) {start_indices = array<i64: 0, 0, 0, 1, 0>, limit_indices = array<i64: 8, 1, 9, 10, 16>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x12x12x16xf32>) -> tensor<8x1x5x5x16xf32>
    %v97 = "stablehlo.reshape"(%v96) : (tensor<8x1x5x5x16xf32>) -> tensor<8x1x1x5x5x16xf32>
    %v98 = "stablehlo.slice"(%v93) {start_indices = array<i64: 0, 0, 0, 2, 0>, limit_indices = array<i64: 8, 1, 9, 11, 16>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x12x12x16xf32>) -> tensor<8x1x5x5x16xf32>
    %v99 = "stablehlo.reshape"(%v98) : (tensor<8x1x5x5x16xf32>) -> tensor<8x1x1x5x5x16xf32>
    %v100 = "stablehlo.slice"(%v93) {start_indices = array<i64: 0, 0, 0, 3, 0>, limit_indices = array<i64: 8, 1, 9, 12, 16>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x12x12x16xf32>) -> tensor<8x1x5x5x16xf32>
    %v101 = "stablehlo.reshape"(%v100) : (tensor<8x1x5x5x16xf32>) -> tensor<8x1x1x5x5x16xf32>
    %v102 = "stablehlo.slice"(%v93) {start_indices = array<i64: 0, 0, 1, 0, 0>, limit_indices = array<i64: 8, 1, 10, 9, 16>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x12x12x16xf32>) -> tensor<8x1x5x5x16xf32>
    %v103 = "stablehlo.reshape"(%v102) : (tensor<8x1x5x5x16xf32>) -> tensor<8x1x1x5x5x16xf32>
    %v104 = "stablehlo.slice"(%v93) {start_indices = array<i64: 0, 0, 1, 1, 0>, limit_indices = array<i64: 8, 1, 10, 10, 16>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x12x12x16xf32>) -> tensor<8x1x5x5x16xf32>
    %v105 = "stablehlo.reshape"(%v104) : (tensor<8x1x5x5x16xf32>) -> tensor<8x1x1x5x5x16xf32>
    %v106 = "stablehlo.slice"(%v93) {start_indices = array<i64: 0, 0, 1, 2, 0>, limit_indices = array<i64: 8, 1, 10, 11, 16>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x12x12x16xf32>) -> tensor<8x1x5x5x16xf32>
    %v107 = "stablehlo.reshape"(%v106) : (tensor<8x1x5x5x16xf32>) -> tensor<8x1x1x5x5x16xf32>
    %v108 = "stablehlo.slice"(%v93) {start_indices = array<i64: 0, 0, 1, 3, 0>, limit_indices = array<i64: 8, 1, 10, 12, 16>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x12x12x16xf32>) -> tensor<8x1x5x5x16xf32>
    %v109 = "stablehlo.reshape"(%v108) : (tensor<8x1x5x5x16xf32>) -> tensor<8x1x1x5x5x16xf32>
    %v110 = "stablehlo.slice"(%v93) {start_indices = array<i64: 0, 0, 2, 0, 0>, limit_indices = array<i64: 8, 1, 11, 9, 16>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x12x12x16xf32>) -> tensor<8x1x5x5x16xf32>
    %v111 = "stablehlo.reshape"(%v110) : (tensor<8x1x5x5x16xf32>) -> tensor<8x1x1x5x5x16xf32>
    %v112 = "stablehlo.slice"(%v93) {start_indices = array<i64: 0, 0, 2, 1, 0>, limit_indices = array<i64: 8, 1, 11, 10, 16>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x12x12x16xf32>) -> tensor<8x1x5x5x16xf32>
    %v113 = "stablehlo.reshape"(%v112) : (tensor<8x1x5x5x16xf32>) -> tensor<8x1x1x5x5x16xf32>
    %v114 = "stablehlo.slice"(%v93) {start_indices = array<i64: 0, 0, 2, 2, 0>, limit_indices = array<i64: 8, 1, 11, 11, 16>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x12x12x16xf32>) -> tensor<8x1x5x5x16xf32>
    %v115 = "stablehlo.reshape"(%v114) : (tensor<8x1x5x5x16xf32>) -> tensor<8x1x1x5x5x16xf32>
    %v116 = "stablehlo.slice"(%v93) {start_indices = array<i64: 0, 0, 2, 3, 0>, limit_indices = array<i64: 8, 1, 11, 12, 16>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x12x12x16xf32>) -> tensor<8x1x5x5x16xf32>
    %v117 = "stablehlo.reshape"(%v116) : (tensor<8x1x5x5x16xf32>) -> tensor<8x1x1x5x5x16xf32>
    %v118 = "stablehlo.slice"(%v93) {start_indices = array<i64: 0, 0, 3, 0, 0>, limit_indices = array<i64: 8, 1, 12, 9, 16>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x12x12x16xf32>) -> tensor<8x1x5x5x16xf32>
    %v119 = "stablehlo.reshape"(%v118) : (tensor<8x1x5x5x16xf32>) -> tensor<8x1x1x5x5x16xf32>
    %v120 = "stablehlo.slice"(%v93) {start_indices = array<i64: 0, 0, 3, 1, 0>, limit_indices = array<i64: 8, 1, 12, 10, 16>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x12x12x16xf32>) -> tensor<8x1x5x5x16xf32>
    %v121 = "stablehlo.reshape"(%v120) : (tensor<8x1x5x5x16xf32>) -> tensor<8x1x1x5x5x16xf32>
    %v122 = "stablehlo.slice"(%v93) {start_indices = array<i64: 0, 0, 3, 2, 0>, limit_indices = array<i64: 8, 1, 12, 11, 16>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x12x12x16xf32>) -> tensor<8x1x5x5x16xf32>
    %v123 = "stablehlo.reshape"(%v122) : (tensor<8x1x5x5x16xf32>) -> tensor<8x1x1x5x5x16xf32>
    %v124 = "stablehlo.slice"(%v93) {start_indices = array<i64: 0, 0, 3, 3, 0>, limit_indices = array<i64: 8, 1, 12, 12, 16>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x12x12x16xf32>) -> tensor<8x1x5x5x16xf32>
    %v125 = "stablehlo.reshape"(%v124) : (tensor<8x1x5x5x16xf32>) -> tensor<8x1x1x5x5x16xf32>
    %v126 = "stablehlo.concatenate"(%v95, %v97, %v99, %v101, %v103, %v105, %v107, %v109, %v111, %v113, %v115, %v117, %v119, %v121, %v123, %v125) {dimension = 1 : i64} : (tensor<8x1x1x5x5x16xf32>, tensor<8x1x1x5x5x16xf32>, tensor<8x1x1x5x5x16xf32>, tensor<8x1x1x5x5x16xf32>, tensor<8x1x1x5x5x16xf32>, tensor<8x1x1x5x5x16xf32>, tensor<8x1x1x5x5x16xf32>, tensor<8x1x1x5x5x16xf32>, tensor<8x1x1x5x5x16xf32>, tensor<8x1x1x5x5x16xf32>, tensor<8x1x1x5x5x16xf32>, tensor<8x1x1x5x5x16xf32>, tensor<8x1x1x5x5x16xf32>, tensor<8x1x1x5x5x16xf32>, tensor<8x1x1x5x5x16xf32>, tensor<8x1x1x5x5x16xf32>) -> tensor<8x16x1x5x5x16xf32>
    %v127 = "stablehlo.dot_general"(%v126, %v86) {dot_dimension_numbers = #stablehlo.dot<lhs_batching_dimensions = [0], rhs_batching_dimensions = [0], lhs_contracting_dimensions = [2, 3, 4], rhs_contracting_dimensions = [1, 2, 3]>, precision_config = [#stablehlo<precision HIGHEST>, #stablehlo<precision HIGHEST>]} : (tensor<8x16x1x5x5x16xf32>, tensor<8x1x5x5x32xf32>) -> tensor<8x16x16x32xf32>
    %v128 = "stablehlo.reshape"(%v127) : (tensor<8x16x16x32xf32>) -> tensor<8x4x4x16x32xf32>
    %t44 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v129 = "stablehlo.select_and_scatter"(%v17, %v91, %t44) ({
    ^bb0(%t45: tensor<f32>, %t46: tensor<f32>):
      %t47 = "stablehlo.compare"(%t45, %t46) {comparison_direction = #stablehlo<comparison_direction GE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<f32>, tensor<f32>) -> tensor<i1>
      "stablehlo.return"(%t47) : (tensor<i1>) -> ()
    }, {
    ^bb0(%t48: tensor<f32>, %t49: tensor<f32>):
      %t50 = "stablehlo.add"(%t48, %t49) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t50) : (tensor<f32>) -> ()
    }) {padding = dense<[[0, 0], [0, 0], [0, 0], [0, 0], [0, 0]]> : tensor<5x2xi64>, window_dimensions = array<i64: 1, 1, 2, 2, 1>, window_strides = array<i64: 1, 1, 1, 1, 1>} : (tensor<8x1x14x14x16xf32>, tensor<8x1x13x13x16xf32>, tensor<f32>) -> tensor<8x1x14x14x16xf32>
    %v130 = "stablehlo.multiply"(%v17, %v17) : (tensor<8x1x14x14x16xf32>, tensor<8x1x14x14x16xf32>) -> tensor<8x1x14x14x16xf32>
    %v131 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
    %v132 = "stablehlo.broadcast_in_dim"(%v131) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<1x14x14x16xf32>
    %v133 = "stablehlo.broadcast_in_dim"(%v132) {broadcast_dimensions = array<i64: 1, 2, 3, 4>} : (tensor<1x14x14x16xf32>) -> tensor<8x1x14x14x16xf32>
    %v134 = "stablehlo.subtract"(%v133, %v130) : (tensor<8x1x14x14x16xf32>, tensor<8x1x14x14x16xf32>) -> tensor<8x1x14x14x16xf32>
    %v135 = "stablehlo.multiply"(%v129, %v134) : (tensor<8x1x14x14x16xf32>, tensor<8x1x14x14x16xf32>) -> tensor<8x1x14x14x16xf32>
    %t51 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v136 = "stablehlo.reduce"(%v135, %t51) ({
    ^bb0(%t52: tensor<f32>, %t53: tensor<f32>):
      %t54 = "stablehlo.add"(%t52, %t53) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t54) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 1, 2, 3>} : (tensor<8x1x14x14x16xf32>, tensor<f32>) -> tensor<8x16xf32>
    %v137 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v138 = "stablehlo.pad"(%v10, %v137) {edge_padding_low = array<i64: 0, 0, 3, 3, 0>, edge_padding_high = array<i64: 0, 0, 3, 3, 0>, interior_padding = array<i64: 0, 0, 0, 0, 0>} : (tensor<8x1x28x28x1xf32>, tensor<f32>) -> tensor<8x1x34x34x1xf32>
    %v139 = "stablehlo.slice"(%v138) {start_indices = array<i64: 0, 0, 0, 0, 0>, limit_indices = array<i64: 8, 1, 27, 27, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v140 = "stablehlo.reshape"(%v139) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v141 = "stablehlo.slice"(%v138) {start_indices = array<i64: 0, 0, 0, 1, 0>, limit_indices = array<i64: 8, 1, 27, 28, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v142 = "stablehlo.reshape"(%v141) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v143 = "stablehlo.slice"(%v138) {start_indices = array<i64: 0, 0, 0, 2, 0>, limit_indices = array<i64: 8, 1, 27, 29, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v144 = "stablehlo.reshape"(%v143) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v145 = "stablehlo.slice"(%v138) {start_indices = array<i64: 0, 0, 0, 3, 0>, limit_indices = array<i64: 8, 1, 27, 30, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v146 = "stablehlo.reshape"(%v145) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v147 = "stablehlo.slice"(%v138) {start_indices = array<i64: 0, 0, 0, 4, 0>, limit_indices = array<i64: 8, 1, 27, 31, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v148 = "stablehlo.reshape"(%v147) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v149 = "stablehlo.slice"(%v138) {start_indices = array<i64: 0, 0, 0, 5, 0>, limit_indices = array<i64: 8, 1, 27, 32, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v150 = "stablehlo.reshape"(%v149) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v151 = "stablehlo.slice"(%v138) {start_indices = array<i64: 0, 0, 0, 6, 0>, limit_indices = array<i64: 8, 1, 27, 33, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v152 = "stablehlo.reshape"(%v151) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v153 = "stablehlo.slice"(%v138) {start_indices = array<i64: 0, 0, 0, 7, 0>, limit_indices = array<i64: 8, 1, 27, 34, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v154 = "stablehlo.reshape"(%v153) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v155 = "stablehlo.slice"(%v138) {start_indices = array<i64: 0, 0, 1, 0, 0>, limit_indices = array<i64: 8, 1, 28, 27, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v156 = "stablehlo.reshape"(%v155) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v157 = "stablehlo.slice"(%v138) {start_indices = array<i64: 0, 0, 1, 1, 0>, limit_indices = array<i64: 8, 1, 28, 28, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v158 = "stablehlo.reshape"(%v157) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v159 = "stablehlo.slice"(%v138) {start_indices = array<i64: 0, 0, 1, 2, 0>, limit_indices = array<i64: 8, 1, 28, 29, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v160 = "stablehlo.reshape"(%v159) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v161 = "stablehlo.slice"(%v138) {start_indices = array<i64: 0, 0, 1, 3, 0>, limit_indices = array<i64: 8, 1, 28, 30, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v162 = "stablehlo.reshape"(%v161) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v163 = "stablehlo.slice"(%v138) {start_indices = array<i64: 0, 0, 1, 4, 0>, limit_indices = array<i64: 8, 1, 28, 31, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v164 = "stablehlo.reshape"(%v163) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v165 = "stablehlo.slice"(%v138) {start_indices = array<i64: 0, 0, 1, 5, 0>, limit_indices = array<i64: 8, 1, 28, 32, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v166 = "stablehlo.reshape"(%v165) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v167 = "stablehlo.slice"(%v138) {start_indices = array<i64: 0, 0, 1, 6, 0>, limit_indices = array<i64: 8, 1, 28, 33, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v168 = "stablehlo.reshape"(%v167) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v169 = "stablehlo.slice"(%v138) {start_indices = array<i64: 0, 0, 1, 7, 0>, limit_indices = array<i64: 8, 1, 28, 34, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v170 = "stablehlo.reshape"(%v169) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v171 = "stablehlo.slice"(%v138) {start_indices = array<i64: 0, 0, 2, 0, 0>, limit_indices = array<i64: 8, 1, 29, 27, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v172 = "stablehlo.reshape"(%v171) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v173 = "stablehlo.slice"(%v138) {start_indices = array<i64: 0, 0, 2, 1, 0>, limit_indices = array<i64: 8, 1, 29, 28, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v174 = "stablehlo.reshape"(%v173) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v175 = "stablehlo.slice"(%v138) {start_indices = array<i64: 0, 0, 2, 2, 0>, limit_indices = array<i64: 8, 1, 29, 29, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v176 = "stablehlo.reshape"(%v175) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v177 = "stablehlo.slice"(%v138) {start_indices = array<i64: 0, 0, 2, 3, 0>, limit_indices = array<i64: 8, 1, 29, 30, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v178 = "stablehlo.reshape"(%v177) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v179 = "stablehlo.slice"(%v138) {start_indices = array<i64: 0, 0, 2, 4, 0>, limit_indices = array<i64: 8, 1, 29, 31, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v180 = "stablehlo.reshape"(%v179) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v181 = "stablehlo.slice"(%v138) {start_indices = array<i64: 0, 0, 2, 5, 0>, limit_indices = array<i64: 8, 1, 29, 32, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v182 = "stablehlo.reshape"(%v181) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v183 = "stablehlo.slice"(%v138) {start_indices = array<i64: 0, 0, 2, 6, 0>, limit_indices = array<i64: 8, 1, 29, 33, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v184 = "stablehlo.reshape"(%v183) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v185 = "stablehlo.slice"(%v138) {start_indices = array<i64: 0, 0, 2, 7, 0>, limit_indices = array<i64: 8, 1, 29, 34, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v186 = "stablehlo.reshape"(%v185) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v187 = "stablehlo.slice"(%v138) {start_indices = array<i64: 0, 0, 3, 0, 0>, limit_indices = array<i64: 8, 1, 30, 27, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v188 = "stablehlo.reshape"(%v187) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v189 = "stablehlo.slice"(%v138) {start_indices = array<i64: 0, 0, 3, 1, 0>, limit_indices = array<i64: 8, 1, 30, 28, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v190 = "stablehlo.reshape"(%v189) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v191 = "stablehlo.slice"(%v138) {start_indices = array<i64: 0, 0, 3, 2, 0>, limit_indices = array<i64: 8, 1, 30, 29, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v192 = "stablehlo.reshape"(%v191) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v193 = "stablehlo.slice"(%v138) {start_indices = array<i64: 0, 0, 3, 3, 0>, limit_indices = array<i64: 8, 1, 30, 30, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v194 = "stablehlo.reshape"(%v193) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v195 = "stablehlo.slice"(%v138) {start_indices = array<i64: 0, 0, 3, 4, 0>, limit_indices = array<i64: 8, 1, 30, 31, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v196 = "stablehlo.reshape"(%v195) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v197 = "stablehlo.slice"(%v138) {start_indices = array<i64: 0, 0, 3, 5, 0>, limit_indices = array<i64: 8, 1, 30, 32, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v198 = "stablehlo.reshape"(%v197) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v199 = "stablehlo.slice"(%v138) {start_indices = array<i64: 0, 0, 3, 6, 0>, limit_indices = array<i64: 8, 1, 30, 33, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v200 = "stablehlo.reshape"(%v199) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v201 = "stablehlo.slice"(%v138) {start_indices = array<i64: 0, 0, 3, 7, 0>, limit_indices = array<i64: 8, 1, 30, 34, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v202 = "stablehlo.reshape"(%v201) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v203 = "stablehlo.slice"(%v138) {start_indices = array<i64: 0, 0, 4, 0, 0>, limit_indices = array<i64: 8, 1, 31, 27, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v204 = "stablehlo.reshape"(%v203) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v205 = "stablehlo.slice"(%v138) {start_indices = array<i64: 0, 0, 4, 1, 0>, limit_indices = array<i64: 8, 1, 31, 28, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v206 = "stablehlo.reshape"(%v205) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v207 = "stablehlo.slice"(%v138) {start_indices = array<i64: 0, 0, 4, 2, 0>, limit_indices = array<i64: 8, 1, 31, 29, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v208 = "stablehlo.reshape"(%v207) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v209 = "stablehlo.slice"(%v138) {start_indices = array<i64: 0, 0, 4, 3, 0>, limit_indices = array<i64: 8, 1, 31, 30, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v210 = "stablehlo.reshape"(%v209) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v211 = "stablehlo.slice"(%v138) {start_indices = array<i64: 0, 0, 4, 4, 0>, limit_indices = array<i64: 8, 1, 31, 31, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v212 = "stablehlo.reshape"(%v211) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v213 = "stablehlo.slice"(%v138) {start_indices = array<i64: 0, 0, 4, 5, 0>, limit_indices = array<i64: 8, 1, 31, 32, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v214 = "stablehlo.reshape"(%v213) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v215 = "stablehlo.slice"(%v138) {start_indices = array<i64: 0, 0, 4, 6, 0>, limit_indices = array<i64: 8, 1, 31, 33, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v216 = "stablehlo.reshape"(%v215) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v217 = "stablehlo.slice"(%v138) {start_indices = array<i64: 0, 0, 4, 7, 0>, limit_indices = array<i64: 8, 1, 31, 34, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v218 = "stablehlo.reshape"(%v217) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v219 = "stablehlo.slice"(%v138) {start_indices = array<i64: 0, 0, 5, 0, 0>, limit_indices = array<i64: 8, 1, 32, 27, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v220 = "stablehlo.reshape"(%v219) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v221 = "stablehlo.slice"(%v138) {start_indices = array<i64: 0, 0, 5, 1, 0>, limit_indices = array<i64: 8, 1, 32, 28, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v222 = "stablehlo.reshape"(%v221) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v223 = "stablehlo.slice"(%v138) {start_indices = array<i64: 0, 0, 5, 2, 0>, limit_indices = array<i64: 8, 1, 32, 29, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v224 = "stablehlo.reshape"(%v223) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v225 = "stablehlo.slice"(%v138) {start_indices = array<i64: 0, 0, 5, 3, 0>, limit_indices = array<i64: 8, 1, 32, 30, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v226 = "stablehlo.reshape"(%v225) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v227 = "stablehlo.slice"(%v138) {start_indices = array<i64: 0, 0, 5, 4, 0>, limit_indices = array<i64: 8, 1, 32, 31, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v228 = "stablehlo.reshape"(%v227) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v229 = "stablehlo.slice"(%v138) {start_indices = array<i64: 0, 0, 5, 5, 0>, limit_indices = array<i64: 8, 1, 32, 32, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v230 = "stablehlo.reshape"(%v229) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v231 = "stablehlo.slice"(%v138) {start_indices = array<i64: 0, 0, 5, 6, 0>, limit_indices = array<i64: 8, 1, 32, 33, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v232 = "stablehlo.reshape"(%v231) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v233 = "stablehlo.slice"(%v138) {start_indices = array<i64: 0, 0, 5, 7, 0>, limit_indices = array<i64: 8, 1, 32, 34, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v234 = "stablehlo.reshape"(%v233) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v235 = "stablehlo.slice"(%v138) {start_indices = array<i64: 0, 0, 6, 0, 0>, limit_indices = array<i64: 8, 1, 33, 27, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v236 = "stablehlo.reshape"(%v235) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v237 = "stablehlo.slice"(%v138) {start_indices = array<i64: 0, 0, 6, 1, 0>, limit_indices = array<i64: 8, 1, 33, 28, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v238 = "stablehlo.reshape"(%v237) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v239 = "stablehlo.slice"(%v138) {start_indices = array<i64: 0, 0, 6, 2, 0>, limit_indices = array<i64: 8, 1, 33, 29, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v240 = "stablehlo.reshape"(%v239) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v241 = "stablehlo.slice"(%v138) {start_indices = array<i64: 0, 0, 6, 3, 0>, limit_indices = array<i64: 8, 1, 33, 30, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v242 = "stablehlo.reshape"(%v241) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v243 = "stablehlo.slice"(%v138) {start_indices = array<i64: 0, 0, 6, 4, 0>, limit_indices = array<i64: 8, 1, 33, 31, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v244 = "stablehlo.reshape"(%v243) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v245 = "stablehlo.slice"(%v138) {start_indices = array<i64: 0, 0, 6, 5, 0>, limit_indices = array<i64: 8, 1, 33, 32, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v246 = "stablehlo.reshape"(%v245) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v247 = "stablehlo.slice"(%v138) {start_indices = array<i64: 0, 0, 6, 6, 0>, limit_indices = array<i64: 8, 1, 33, 33, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v248 = "stablehlo.reshape"(%v247) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v249 = "stablehlo.slice"(%v138) {start_indices = array<i64: 0, 0, 6, 7, 0>, limit_indices = array<i64: 8, 1, 33, 34, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v250 = "stablehlo.reshape"(%v249) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v251 = "stablehlo.slice"(%v138) {start_indices = array<i64: 0, 0, 7, 0, 0>, limit_indices = array<i64: 8, 1, 34, 27, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v252 = "stablehlo.reshape"(%v251) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v253 = "stablehlo.slice"(%v138) {start_indices = array<i64: 0, 0, 7, 1, 0>, limit_indices = array<i64: 8, 1, 34, 28, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v254 = "stablehlo.reshape"(%v253) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v255 = "stablehlo.slice"(%v138) {start_indices = array<i64: 0, 0, 7, 2, 0>, limit_indices = array<i64: 8, 1, 34, 29, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v256 = "stablehlo.reshape"(%v255) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v257 = "stablehlo.slice"(%v138) {start_indices = array<i64: 0, 0, 7, 3, 0>, limit_indices = array<i64: 8, 1, 34, 30, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v258 = "stablehlo.reshape"(%v257) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v259 = "stablehlo.slice"(%v138) {start_indices = array<i64: 0, 0, 7, 4, 0>, limit_indices = array<i64: 8, 1, 34, 31, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v260 = "stablehlo.reshape"(%v259) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v261 = "stablehlo.slice"(%v138) {start_indices = array<i64: 0, 0, 7, 5, 0>, limit_indices = array<i64: 8, 1, 34, 32, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v262 = "stablehlo.reshape"(%v261) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v263 = "stablehlo.slice"(%v138) {start_indices = array<i64: 0, 0, 7, 6, 0>, limit_indices = array<i64: 8, 1, 34, 33, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v264 = "stablehlo.reshape"(%v263) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v265 = "stablehlo.slice"(%v138) {start_indices = array<i64: 0, 0, 7, 7, 0>, limit_indices = array<i64: 8, 1, 34, 34, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v266 = "stablehlo.reshape"(%v265) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v267 = "stablehlo.concatenate"(%v140, %v142, %v144, %v146, %v148, %v150, %v152, %v154, %v156, %v158, %v160, %v162, %v164, %v166, %v168, %v170, %v172, %v174, %v176, %v178, %v180, %v182, %v184, %v186, %v188, %v190, %v192, %v194, %v196, %v198, %v200, %v202, %v204, %v206, %v208, %v210, %v212, %v214, %v216, %v218, %v220, %v222, %v224, %v226, %v228, %v230, %v232, %v234, %v236, %v238, %v240, %v242, %v244, %v246, %v248, %v250, %v252, %v254, %v256, %v258, %v260, %v262, %v264, %v266) {dimension = 1 : i64} : (tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>) -> tensor<8x64x1x14x14x1xf32>
    %v268 = "stablehlo.dot_general"(%v267, %v135) {dot_dimension_numbers = #stablehlo.dot<lhs_batching_dimensions = [0], rhs_batching_dimensions = [0], lhs_contracting_dimensions = [2, 3, 4], rhs_contracting_dimensions = [1, 2, 3]>, precision_config = [#stablehlo<precision HIGHEST>, #stablehlo<precision HIGHEST>]} : (tensor<8x64x1x14x14x1xf32>, tensor<8x1x14x14x16xf32>) -> tensor<8x64x1x16xf32>
    %v269 = "stablehlo.reshape"(%v268) : (tensor<8x64x1x16xf32>) -> tensor<8x8x8x1x16xf32>
    "func.return"(%v54, %v136, %v269, %v87, %v128, %v76, %v78, %v67, %v69) : (tensor<8xf32>, tensor<8x16xf32>, tensor<8x8x8x1x16xf32>, tensor<8x32xf32>, tensor<8x4x4x16x32xf32>, tensor<8x32xf32>, tensor<8x512x32xf32>, tensor<8x10xf32>, tensor<8x32x10xf32>) -> ()
  }
}
