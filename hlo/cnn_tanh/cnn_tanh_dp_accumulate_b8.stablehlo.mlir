module @dpxla {
  func.func public @main(%params.conv1_b: tensor<16xf32>, %params.conv1_w: tensor<8x8x1x16xf32>, %params.conv2_b: tensor<32xf32>, %params.conv2_w: tensor<4x4x16x32xf32>, %params.dense1_b: tensor<32xf32>, %params.dense1_w: tensor<512x32xf32>, %params.dense2_b: tensor<10xf32>, %params.dense2_w: tensor<32x10xf32>, %accumulators.conv1_b: tensor<16xf64>, %accumulators.conv1_w: tensor<8x8x1x16xf64>, %accumulators.conv2_b: tensor<32xf64>, %accumulators.conv2_w: tensor<4x4x16x32xf64>, %accumulators.dense1_b: tensor<32xf64>, %accumulators.dense1_w: tensor<512x32xf64>, %accumulators.dense2_b: tensor<10xf64>, %accumulators.dense2_w: tensor<32x10xf64>, %images: tensor<8x28x28x1xf32>, %labels: tensor<8xi32>, %mask: tensor<8xf32>) -> (tensor<16xf64>, tensor<8x8x1x16xf64>, tensor<32xf64>, tensor<4x4x16x32xf64>, tensor<32xf64>, tensor<512x32xf64>, tensor<10xf64>, tensor<32x10xf64>, tensor<f32>, tensor<f32>) {
    %v19 = "stablehlo.reshape"(%images) : (tensor<8x28x28x1xf32>) -> tensor<8x1x28x28x1xf32>
    %v20 = "stablehlo.reshape"(%v19) : (tensor<8x1x28x28x1xf32>) -> tensor<8x28x28x1xf32>
    %v21 = "stablehlo.convolution"(%v20, %params.conv1_w) {batch_group_count = 1 : i64, dimension_numbers = #stablehlo.conv<[b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f]>, feature_group_count = 1 : i64, lhs_dilation = array<i64: 1, 1>, padding = dense<[[3, 3], [3, 3]]> : tensor<2x2xi64>, precision_config = [#stablehlo<precision HIGHEST>, #stablehlo<precision HIGHEST>], rhs_dilation = array<i64: 1, 1>, window_strides = array<i64: 2, 2>} : (tensor<8x28x28x1xf32>, tensor<8x8x1x16xf32>) -> tensor<8x14x14x16xf32>
    %v22 = "stablehlo.reshape"(%v21) : (tensor<8x14x14x16xf32>) -> tensor<8x1x14x14x16xf32>
    %v23 = "stablehlo.broadcast_in_dim"(%params.conv1_b) {broadcast_dimensions = array<i64: 3>} : (tensor<16xf32>) -> tensor<1x14x14x16xf32>
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
    %v29 = "stablehlo.convolution"(%v28, %params.conv2_w) {batch_group_count = 1 : i64, dimension_numbers = #stablehlo.conv<[b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f]>, feature_group_count = 1 : i64, lhs_dilation = array<i64: 1, 1>, padding = dense<[[0, 0], [0, 0]]> : tensor<2x2xi64>, precision_config = [#stablehlo<precision HIGHEST>, #stablehlo<precision HIGHEST>], rhs_dilation = array<i64: 1, 1>, window_strides = array<i64: 2, 2>} : (tensor<8x13x13x16xf32>, tensor<4x4x16x32xf32>) -> tensor<8x5x5x32xf32>
    %v30 = "stablehlo.reshape"(%v29) : (tensor<8x5x5x32xf32>) -> tensor<8x1x5x5x32xf32>
    %v31 = "stablehlo.broadcast_in_dim"(%params.conv2_b) {broadcast_dimensions = array<i64: 3>} : (tensor<32xf32>) -> tensor<1x5x5x32xf32>
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
    %v37 = "stablehlo.dot_general"(%v36, %params.dense1_w) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [2], rhs_contracting_dimensions = [0]>, precision_config = [#stablehlo<precision HIGHEST>, #stablehlo<precision HIGHEST>]} : (tensor<8x1x512xf32>, tensor<512x32xf32>) -> tensor<8x1x32xf32>
    %v38 = "stablehlo.broadcast_in_dim"(%params.dense1_b) {broadcast_dimensions = array<i64: 1>} : (tensor<32xf32>) -> tensor<1x32xf32>
    %v39 = "stablehlo.broadcast_in_dim"(%v38) {broadcast_dimensions = array<i64: 1, 2>} : (tensor<1x32xf32>) -> tensor<8x1x32xf32>
    %v40 = "stablehlo.add"(%v37, %v39) : (tensor<8x1x32xf32>, tensor<8x1x32xf32>) -> tensor<8x1x32xf32>
    %v41 = "stablehlo.tanh"(%v40) : (tensor<8x1x32xf32>) -> tensor<8x1x32xf32>
    %v42 = "stablehlo.dot_general"(%v41, %params.dense2_w) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [2], rhs_contracting_dimensions = [0]>, precision_config = [#stablehlo<precision HIGHEST>, #stablehlo<precision HIGHEST>]} : (tensor<8x1x32xf32>, tensor<32x10xf32>) -> tensor<8x1x10xf32>
    %v43 = "stablehlo.broadcast_in_dim"(%params.dense2_b) {broadcast_dimensions = array<i64: 1>} : (tensor<10xf32>) -> tensor<1x10xf32>
    %v44 = "stablehlo.broadcast_in_dim"(%v43) {broadcast_dimensions = array<i64: 1, 2>} : (tensor<1x10xf32>) -> tensor<8x1x10xf32>
    %v45 = "stablehlo.add"(%v42, %v44) : (tensor<8x1x10xf32>, tensor<8x1x10xf32>) -> tensor<8x1x10xf32>
    %v46 = "stablehlo.reshape"(%v45) : (tensor<8x1x10xf32>) -> tensor<8x10xf32>
    %v47 = "stablehlo.iota"() {iota_dimension = 0 : i64} : () -> tensor<10xi32>
    %v48 = "stablehlo.broadcast_in_dim"(%labels) {broadcast_dimensions = array<i64: 0>} : (tensor<8xi32>) -> tensor<8x10xi32>
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
    %v77 = "stablehlo.dot_general"(%v75, %params.dense2_w) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [2], rhs_contracting_dimensions = [1]>, precision_config = [#stablehlo<precision HIGHEST>, #stablehlo<precision HIGHEST>]} : (tensor<8x1x10xf32>, tensor<32x10xf32>) -> tensor<8x1x32xf32>
    %v78 = "stablehlo.multiply"(%v41, %v41) : (tensor<8x1x32xf32>, tensor<8x1x32xf32>) -> tensor<8x1x32xf32>
    %v79 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
    %v80 = "stablehlo.broadcast_in_dim"(%v79) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<1x32xf32>
    %v81 = "stablehlo.broadcast_in_dim"(%v80) {broadcast_dimensions = array<i64: 1, 2>} : (tensor<1x32xf32>) -> tensor<8x1x32xf32>
    %v82 = "stablehlo.subtract"(%v81, %v78) : (tensor<8x1x32xf32>, tensor<8x1x32xf32>) -> tensor<8x1x32xf32>
    %v83 = "stablehlo.multiply"(%v77, %v82) : (tensor<8x1x32xf32>, tensor<8x1x32xf32>) -> tensor<8x1x32xf32>
    %t29 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v84 = "stablehlo.reduce"(%v83, %t29) ({
    ^bb0(%t30: tensor<f32>, %t31: tensor<f32>):
      %t32 = "stablehlo.add"(%t30, %t31) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t32) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 1>} : (tensor<8x1x32xf32>, tensor<f32>) -> tensor<8x32xf32>
    %v85 = "stablehlo.dot_general"(%v83, %params.dense1_w) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [2], rhs_contracting_dimensions = [1]>, precision_config = [#stablehlo<precision HIGHEST>, #stablehlo<precision HIGHEST>]} : (tensor<8x1x32xf32>, tensor<512x32xf32>) -> tensor<8x1x512xf32>
    %v86 = "stablehlo.reshape"(%v85) : (tensor<8x1x512xf32>) -> tensor<8x1x4x4x32xf32>
    %t33 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v87 = "stablehlo.select_and_scatter"(%v34, %v86, %t33) ({
    ^bb0(%t34: tensor<f32>, %t35: tensor<f32>):
      %t36 = "stablehlo.compare"(%t34, %t35) {comparison_direction = #stablehlo<comparison_direction GE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<f32>, tensor<f32>) -> tensor<i1>
      "stablehlo.return"(%t36) : (tensor<i1>) -> ()
    }, {
    ^bb0(%t37: tensor<f32>, %t38: tensor<f32>):
      %t39 = "stablehlo.add"(%t37, %t38) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t39) : (tensor<f32>) -> ()
    }) {padding = dense<[[0, 0], [0, 0], [0, 0], [0, 0], [0, 0]]> : tensor<5x2xi64>, window_dimensions = array<i64: 1, 1, 2, 2, 1>, window_strides = array<i64: 1, 1, 1, 1, 1>} : (tensor<8x1x5x5x32xf32>, tensor<8x1x4x4x32xf32>, tensor<f32>) -> tensor<8x1x5x5x32xf32>
    %v88 = "stablehlo.multiply"(%v34, %v34) : (tensor<8x1x5x5x32xf32>, tensor<8x1x5x5x32xf32>) -> tensor<8x1x5x5x32xf32>
    %v89 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
    %v90 = "stablehlo.broadcast_in_dim"(%v89) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<1x5x5x32xf32>
    %v91 = "stablehlo.broadcast_in_dim"(%v90) {broadcast_dimensions = array<i64: 1, 2, 3, 4>} : (tensor<1x5x5x32xf32>) -> tensor<8x1x5x5x32xf32>
    %v92 = "stablehlo.subtract"(%v91, %v88) : (tensor<8x1x5x5x32xf32>, tensor<8x1x5x5x32xf32>) -> tensor<8x1x5x5x32xf32>
    %v93 = "stablehlo.multiply"(%v87, %v92) : (tensor<8x1x5x5x32xf32>, tensor<8x1x5x5x32xf32>) -> tensor<8x1x5x5x32xf32>
    %t40 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v94 = "stablehlo.reduce"(%v93, %t40) ({
    ^bb0(%t41: tensor<f32>, %t42: tensor<f32>):
      %t43 = "stablehlo.add"(%t41, %t42) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t43) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 1, 2, 3>} : (tensor<8x1x5x5x32xf32>, tensor<f32>) -> tensor<8x32xf32>
    %v95 = "stablehlo.reverse"(%params.conv2_w) {dimensions = array<i64: 0, 1>} : (tensor<4x4x16x32xf32>) -> tensor<4x4x16x32xf32>
    %v96 = "stablehlo.reshape"(%v93) : (tensor<8x1x5x5x32xf32>) -> tensor<8x5x5x32xf32>
    %v97 = "stablehlo.convolution"(%v96, %v95) {batch_group_count = 1 : i64, dimension_numbers = #stablehlo.conv<[b, 0, 1, f]x[0, 1, o, i]->[b, 0, 1, f]>, feature_group_count = 1 : i64, lhs_dilation = array<i64: 2, 2>, padding = dense<[[3, 4], [3, 4]]> : tensor<2x2xi64>, precision_config = [#stablehlo<precision HIGHEST>, #stablehlo<precision HIGHEST>], rhs_dilation = array<i64: 1, 1>, window_strides = array<i64: 1, 1>} : (tensor<8x5x5x32xf32>, tensor<4x4x16x32xf32>) -> tensor<8x13x13x16xf32>
    %v98 = "stablehlo.reshape"(%v97) : (tensor<8x13x13x16xf32>) -> tensor<8x1x13x13x16xf32>
    %v99 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v100 = "stablehlo.pad"(%v27, %v99) {edge_padding_low = array<i64: 0, 0, 0, 0, 0>, edge_padding_high = array<i64: 0, 0, -1, -1, 0>, interior_padding = array<i64: 0, 0, 0, 0, 0>} : (tensor<8x1x13x13x16xf32>, tensor<f32>) -> tensor<8x1x12x12x16xf32>
    %v101 = "stablehlo.slice"(%v100) {start_indices = array<i64: 0, 0, 0, 0, 0>, limit_indices = array<i64: 8, 1, 9, 9, 16>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x12x12x16xf32>) -> tensor<8x1x5x5x16xf32>
    %v102 = "stablehlo.reshape"(%v101) : (tensor<8x1x5x5x16xf32>) -> tensor<8x1x1x5x5x16xf32>
    %v103 = "stablehlo.slice"(%v100) {start_indices = array<i64: 0, 0, 0, 1, 0>, limit_indices = array<i64: 8, 1, 9, 10, 16>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x12x12x16xf32>) -> tensor<8x1x5x5x16xf32>
    %v104 = "stablehlo.reshape"(%v103) : (tensor<8x1x5x5x16xf32>) -> tensor<8x1x1x5x5x16xf32>
    %v105 = "stablehlo.slice"(%v100) {start_indices = array<i64: 0, 0, 0, 2, 0>, limit_indices = array<i64: 8, 1, 9, 11, 16>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x12x12x16xf32>) -> tensor<8x1x5x5x16xf32>
    %v106 = "stablehlo.reshape"(%v105) : (tensor<8x1x5x5x16xf32>) -> tensor<8x1x1x5x5x16xf32>
    %v107 = "stablehlo.slice"(%v100) {start_indices = array<i64: 0, 0, 0, 3, 0>, limit_indices = array<i64: 8, 1, 9, 12, 16>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x12x12x16xf32>) -> tensor<8x1x5x5x16xf32>
    %v108 = "stablehlo.reshape"(%v107) : (tensor<8x1x5x5x16xf32>) -> tensor<8x1x1x5x5x16xf32>
    %v109 = "stablehlo.slice"(%v100) {start_indices = array<i64: 0, 0, 1, 0, 0>, limit_indices = array<i64: 8, 1, 10, 9, 16>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x12x12x16xf32>) -> tensor<8x1x5x5x16xf32>
    %v110 = "stablehlo.reshape"(%v109) : (tensor<8x1x5x5x16xf32>) -> tensor<8x1x1x5x5x16xf32>
    %v111 = "stablehlo.slice"(%v100) {start_indices = array<i64: 0, 0, 1, 1, 0>, limit_indices = array<i64: 8, 1, 10, 10, 16>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x12x12x16xf32>) -> tensor<8x1x5x5x16xf32>
    %v112 = "stablehlo.reshape"(%v111) : (tensor<8x1x5x5x16xf32>) -> tensor<8x1x1x5x5x16xf32>
    %v113 = "stablehlo.slice"(%v100) {start_indices = array<i64: 0, 0, 1, 2, 0>, limit_indices = array<i64: 8, 1, 10, 11, 16>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x12x12x16xf32>) -> tensor<8x1x5x5x16xf32>
    %v114 = "stablehlo.reshape"(%v113) : (tensor<8x1x5x5x16xf32>) -> tensor<8x1x1x5x5x16xf32>
    %v115 = "stablehlo.slice"(%v100) {start_indices = array<i64: 0, 0, 1, 3, 0>, limit_indices = array<i64: 8, 1, 10, 12, 16>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x12x12x16xf32>) -> tensor<8x1x5x5x16xf32>
    %v116 = "stablehlo.reshape"(%v115) : (tensor<8x1x5x5x16xf32>) -> tensor<8x1x1x5x5x16xf32>
    %v117 = "stablehlo.slice"(%v100) {start_indices = array<i64: 0, 0, 2, 0, 0>, limit_indices = array<i64: 8, 1, 11, 9, 16>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x12x12x16xf32>) -> tensor<8x1x5x5x16xf32>
    %v118 = "stablehlo.reshape"(%v117) : (tensor<8x1x5x5x16xf32>) -> tensor<8x1x1x5x5x16xf32>
    %v119 = "stablehlo.slice"(%v100) {start_indices = array<i64: 0, 0, 2, 1, 0>, limit_indices = array<i64: 8, 1, 11, 10, 16>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x12x12x16xf32>) -> tensor<8x1x5x5x16xf32>
    %v120 = "stablehlo.reshape"(%v119) : (tensor<8x1x5x5x16xf32>) -> tensor<8x1x1x5x5x16xf32>
    %v121 = "stablehlo.slice"(%v100) {start_indices = array<i64: 0, 0, 2, 2, 0>, limit_indices = array<i64: 8, 1, 11, 11, 16>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x12x12x16xf32>) -> tensor<8x1x5x5x16xf32>
    %v122 = "stablehlo.reshape"(%v121) : (tensor<8x1x5x5x16xf32>) -> tensor<8x1x1x5x5x16xf32>
    %v123 = "stablehlo.slice"(%v100) {start_indices = array<i64: 0, 0, 2, 3, 0>, limit_indices = array<i64: 8, 1, 11, 12, 16>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x12x12x16xf32>) -> tensor<8x1x5x5x16xf32>
    %v124 = "stablehlo.reshape"(%v123) : (tensor<8x1x5x5x16xf32>) -> tensor<8x1x1x5x5x16xf32>
    %v125 = "stablehlo.slice"(%v100) {start_indices = array<i64: 0, 0, 3, 0, 0>, limit_indices = array<i64: 8, 1, 12, 9, 16>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x12x12x16xf32>) -> tensor<8x1x5x5x16xf32>
    %v126 = "stablehlo.reshape"(%v125) : (tensor<8x1x5x5x16xf32>) -> tensor<8x1x1x5x5x16xf32>
    %v127 = "stablehlo.slice"(%v100) {start_indices = array<i64: 0, 0, 3, 1, 0>, limit_indices = array<i64: 8, 1, 12, 10, 16>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x12x12x16xf32>) -> tensor<8x1x5x5x16xf32>
    %v128 = "stablehlo.reshape"(%v127) : (tensor<8x1x5x5x16xf32>) -> tensor<8x1x1x5x5x16xf32>
    %v129 = "stablehlo.slice"(%v100) {start_indices = array<i64: 0, 0, 3, 2, 0>, limit_indices = array<i64: 8, 1, 12, 11, 16>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x12x12x16xf32>) -> tensor<8x1x5x5x16xf32>
    %v130 = "stablehlo.reshape"(%v129) : (tensor<8x1x5x5x16xf32>) -> tensor<8x1x1x5x5x16xf32>
    %v131 = "stablehlo.slice"(%v100) {start_indices = array<i64: 0, 0, 3, 3, 0>, limit_indices = array<i64: 8, 1, 12, 12, 16>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x12x12x16xf32>) -> tensor<8x1x5x5x16xf32>
    %v132 = "stablehlo.reshape"(%v131) : (tensor<8x1x5x5x16xf32>) -> tensor<8x1x1x5x5x16xf32>
    %v133 = "stablehlo.concatenate"(%v102, %v104, %v106, %v108, %v110, %v112, %v114, %v116, %v118, %v120, %v122, %v124, %v126, %v128, %v130, %v132) {dimension = 1 : i64} : (tensor<8x1x1x5x5x16xf32>, tensor<8x1x1x5x5x16xf32>, tensor<8x1x1x5x5x16xf32>, tensor<8x1x1x5x5x16xf32>, tensor<8x1x1x5x5x16xf32>, tensor<8x1x1x5x5x16xf32>, tensor<8x1x1x5x5x16xf32>, tensor<8x1x1x5x5x16xf32>, tensor<8x1x1x5x5x16xf32>, tensor<8x1x1x5x5x16xf32>, tensor<8x1x1x5x5x16xf32>, tensor<8x1x1x5x5x16xf32>, tensor<8x1x1x5x5x16xf32>, tensor<8x1x1x5x5x16xf32>, tensor<8x1x1x5x5x16xf32>, tensor<8x1x1x5x5x16xf32>) -> tensor<8x16x1x5x5x16xf32>
    %v134 = "stablehlo.dot_general"(%v133, %v93) {dot_dimension_numbers = #stablehlo.dot<lhs_batching_dimensions = [0], rhs_batching_dimensions = [0], lhs_contracting_dimensions = [2, 3, 4], rhs_contracting_dimensions = [1, 2, 3]>, precision_config = [#stablehlo<precision HIGHEST>, #stablehlo<precision HIGHEST>]} : (tensor<8x16x1x5x5x16xf32>, tensor<8x1x5x5x32xf32>) -> tensor<8x16x16x32xf32>
    %v135 = "stablehlo.reshape"(%v134) : (tensor<8x16x16x32xf32>) -> tensor<8x4x4x16x32xf32>
    %t44 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v136 = "stablehlo.select_and_scatter"(%v26, %v98, %t44) ({
    ^bb0(%t45: tensor<f32>, %t46: tensor<f32>):
      %t47 = "stablehlo.compare"(%t45, %t46) {comparison_direction = #stablehlo<comparison_direction GE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<f32>, tensor<f32>) -> tensor<i1>
      "stablehlo.return"(%t47) : (tensor<i1>) -> ()
    }, {
    ^bb0(%t48: tensor<f32>, %t49: tensor<f32>):
      %t50 = "stablehlo.add"(%t48, %t49) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t50) : (tensor<f32>) -> ()
    }) {padding = dense<[[0, 0], [0, 0], [0, 0], [0, 0], [0, 0]]> : tensor<5x2xi64>, window_dimensions = array<i64: 1, 1, 2, 2, 1>, window_strides = array<i64: 1, 1, 1, 1, 1>} : (tensor<8x1x14x14x16xf32>, tensor<8x1x13x13x16xf32>, tensor<f32>) -> tensor<8x1x14x14x16xf32>
    %v137 = "stablehlo.multiply"(%v26, %v26) : (tensor<8x1x14x14x16xf32>, tensor<8x1x14x14x16xf32>) -> tensor<8x1x14x14x16xf32>
    %v138 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
    %v139 = "stablehlo.broadcast_in_dim"(%v138) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<1x14x14x16xf32>
    %v140 = "stablehlo.broadcast_in_dim"(%v139) {broadcast_dimensions = array<i64: 1, 2, 3, 4>} : (tensor<1x14x14x16xf32>) -> tensor<8x1x14x14x16xf32>
    %v141 = "stablehlo.subtract"(%v140, %v137) : (tensor<8x1x14x14x16xf32>, tensor<8x1x14x14x16xf32>) -> tensor<8x1x14x14x16xf32>
    %v142 = "stablehlo.multiply"(%v136, %v141) : (tensor<8x1x14x14x16xf32>, tensor<8x1x14x14x16xf32>) -> tensor<8x1x14x14x16xf32>
    %t51 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v143 = "stablehlo.reduce"(%v142, %t51) ({
    ^bb0(%t52: tensor<f32>, %t53: tensor<f32>):
      %t54 = "stablehlo.add"(%t52, %t53) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t54) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 1, 2, 3>} : (tensor<8x1x14x14x16xf32>, tensor<f32>) -> tensor<8x16xf32>
    %v144 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v145 = "stablehlo.pad"(%v19, %v144) {edge_padding_low = array<i64: 0, 0, 3, 3, 0>, edge_padding_high = array<i64: 0, 0, 3, 3, 0>, interior_padding = array<i64: 0, 0, 0, 0, 0>} : (tensor<8x1x28x28x1xf32>, tensor<f32>) -> tensor<8x1x34x34x1xf32>
    %v146 = "stablehlo.slice"(%v145) {start_indices = array<i64: 0, 0, 0, 0, 0>, limit_indices = array<i64: 8, 1, 27, 27, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v147 = "stablehlo.reshape"(%v146) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v148 = "stablehlo.slice"(%v145) {start_indices = array<i64: 0, 0, 0, 1, 0>, limit_indices = array<i64: 8, 1, 27, 28, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v149 = "stablehlo.reshape"(%v148) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v150 = "stablehlo.slice"(%v145) {start_indices = array<i64: 0, 0, 0, 2, 0>, limit_indices = array<i64: 8, 1, 27, 29, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v151 = "stablehlo.reshape"(%v150) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v152 = "stablehlo.slice"(%v145) {start_indices = array<i64: 0, 0, 0, 3, 0>, limit_indices = array<i64: 8, 1, 27, 30, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v153 = "stablehlo.reshape"(%v152) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v154 = "stablehlo.slice"(%v145) {start_indices = array<i64: 0, 0, 0, 4, 0>, limit_indices = array<i64: 8, 1, 27, 31, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v155 = "stablehlo.reshape"(%v154) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v156 = "stablehlo.slice"(%v145) {start_indices = array<i64: 0, 0, 0, 5, 0>, limit_indices = array<i64: 8, 1, 27, 32, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v157 = "stablehlo.reshape"(%v156) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v158 = "stablehlo.slice"(%v145) {start_indices = array<i64: 0, 0, 0, 6, 0>, limit_indices = array<i64: 8, 1, 27, 33, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v159 = "stablehlo.reshape"(%v158) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v160 = "stablehlo.slice"(%v145) {start_indices = array<i64: 0, 0, 0, 7, 0>, limit_indices = array<i64: 8, 1, 27, 34, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v161 = "stablehlo.reshape"(%v160) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v162 = "stablehlo.slice"(%v145) {start_indices = array<i64: 0, 0, 1, 0, 0>, limit_indices = array<i64: 8, 1, 28, 27, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v163 = "stablehlo.reshape"(%v162) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v164 = "stablehlo.slice"(%v145) {start_indices = array<i64: 0, 0, 1, 1, 0>, limit_indices = array<i64: 8, 1, 28, 28, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v165 = "stablehlo.reshape"(%v164) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v166 = "stablehlo.slice"(%v145) {start_indices = array<i64: 0, 0, 1, 2, 0>, limit_indices = array<i64: 8, 1, 28, 29, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v167 = "stablehlo.reshape"(%v166) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v168 = "stablehlo.slice"(%v145) {start_indices = array<i64: 0, 0, 1, 3, 0>, limit_indices = array<i64: 8, 1, 28, 30, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v169 = "stablehlo.reshape"(%v168) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v170 = "stablehlo.slice"(%v145) {start_indices = array<i64: 0, 0, 1, 4, 0>, limit_indices = array<i64: 8, 1, 28, 31, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v171 = "stablehlo.reshape"(%v170) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v172 = "stablehlo.slice"(%v145) {start_indices = array<i64: 0, 0, 1, 5, 0>, limit_indices = array<i64: 8, 1, 28, 32, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v173 = "stablehlo.reshape"(%v172) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v174 = "stablehlo.slice"(%v145) {start_indices = array<i64: 0, 0, 1, 6, 0>, limit_indices = array<i64: 8, 1, 28, 33, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v175 = "stablehlo.reshape"(%v174) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v176 = "stablehlo.slice"(%v145) {start_indices = array<i64: 0, 0, 1, 7, 0>, limit_indices = array<i64: 8, 1, 28, 34, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v177 = "stablehlo.reshape"(%v176) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v178 = "stablehlo.slice"(%v145) {start_indices = array<i64: 0, 0, 2, 0, 0>, limit_indices = array<i64: 8, 1, 29, 27, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v179 = "stablehlo.reshape"(%v178) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v180 = "stablehlo.slice"(%v145) {start_indices = array<i64: 0, 0, 2, 1, 0>, limit_indices = array<i64: 8, 1, 29, 28, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v181 = "stablehlo.reshape"(%v180) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v182 = "stablehlo.slice"(%v145) {start_indices = array<i64: 0, 0, 2, 2, 0>, limit_indices = array<i64: 8, 1, 29, 29, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v183 = "stablehlo.reshape"(%v182) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v184 = "stablehlo.slice"(%v145) {start_indices = array<i64: 0, 0, 2, 3, 0>, limit_indices = array<i64: 8, 1, 29, 30, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v185 = "stablehlo.reshape"(%v184) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v186 = "stablehlo.slice"(%v145) {start_indices = array<i64: 0, 0, 2, 4, 0>, limit_indices = array<i64: 8, 1, 29, 31, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v187 = "stablehlo.reshape"(%v186) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v188 = "stablehlo.slice"(%v145) {start_indices = array<i64: 0, 0, 2, 5, 0>, limit_indices = array<i64: 8, 1, 29, 32, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v189 = "stablehlo.reshape"(%v188) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v190 = "stablehlo.slice"(%v145) {start_indices = array<i64: 0, 0, 2, 6, 0>, limit_indices = array<i64: 8, 1, 29, 33, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v191 = "stablehlo.reshape"(%v190) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v192 = "stablehlo.slice"(%v145) {start_indices = array<i64: 0, 0, 2, 7, 0>, limit_indices = array<i64: 8, 1, 29, 34, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v193 = "stablehlo.reshape"(%v192) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v194 = "stablehlo.slice"(%v145) {start_indices = array<i64: 0, 0, 3, 0, 0>, limit_indices = array<i64: 8, 1, 30, 27, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v195 = "stablehlo.reshape"(%v194) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v196 = "stablehlo.slice"(%v145) {start_indices = array<i64: 0, 0, 3, 1, 0>, limit_indices = array<i64: 8, 1, 30, 28, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v197 = "stablehlo.reshape"(%v196) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v198 = "stablehlo.slice"(%v145) {start_indices = array<i64: 0, 0, 3, 2, 0>, limit_indices = array<i64: 8, 1, 30, 29, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v199 = "stablehlo.reshape"(%v198) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v200 = "stablehlo.slice"(%v145) {start_indices = array<i64: 0, 0, 3, 3, 0>, limit_indices = array<i64: 8, 1, 30, 30, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v201 = "stablehlo.reshape"(%v200) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v202 = "stablehlo.slice"(%v145) {start_indices = array<i64: 0, 0, 3, 4, 0>, limit_indices = array<i64: 8, 1, 30, 31, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v203 = "stablehlo.reshape"(%v202) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v204 = "stablehlo.slice"(%v145) {start_indices = array<i64: 0, 0, 3, 5, 0>, limit_indices = array<i64: 8, 1, 30, 32, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v205 = "stablehlo.reshape"(%v204) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v206 = "stablehlo.slice"(%v145) {start_indices = array<i64: 0, 0, 3, 6, 0>, limit_indices = array<i64: 8, 1, 30, 33, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v207 = "stablehlo.reshape"(%v206) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v208 = "stablehlo.slice"(%v145) {start_indices = array<i64: 0, 0, 3, 7, 0>, limit_indices = array<i64: 8, 1, 30, 34, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v209 = "stablehlo.reshape"(%v208) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v210 = "stablehlo.slice"(%v145) {start_indices = array<i64: 0, 0, 4, 0, 0>, limit_indices = array<i64: 8, 1, 31, 27, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v211 = "stablehlo.reshape"(%v210) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v212 = "stablehlo.slice"(%v145) {start_indices = array<i64: 0, 0, 4, 1, 0>, limit_indices = array<i64: 8, 1, 31, 28, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v213 = "stablehlo.reshape"(%v212) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v214 = "stablehlo.slice"(%v145) {start_indices = array<i64: 0, 0, 4, 2, 0>, limit_indices = array<i64: 8, 1, 31, 29, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v215 = "stablehlo.reshape"(%v214) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v216 = "stablehlo.slice"(%v145) {start_indices = array<i64: 0, 0, 4, 3, 0>, limit_indices = array<i64: 8, 1, 31, 30, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v217 = "stablehlo.reshape"(%v216) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v218 = "stablehlo.slice"(%v145) {start_indices = array<i64: 0, 0, 4, 4, 0>, limit_indices = array<i64: 8, 1, 31, 31, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v219 = "stablehlo.reshape"(%v218) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v220 = "stablehlo.slice"(%v145) {start_indices = array<i64: 0, 0, 4, 5, 0>, limit_indices = array<i64: 8, 1, 31, 32, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v221 = "stablehlo.reshape"(%v220) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v222 = "stablehlo.slice"(%v145) {start_indices = array<i64: 0, 0, 4, 6, 0>, limit_indices = array<i64: 8, 1, 31, 33, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v223 = "stablehlo.reshape"(%v222) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v224 = "stablehlo.slice"(%v145) {start_indices = array<i64: 0, 0, 4, 7, 0>, limit_indices = array<i64: 8, 1, 31, 34, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v225 = "stablehlo.reshape"(%v224) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v226 = "stablehlo.slice"(%v145) {start_indices = array<i64: 0, 0, 5, 0, 0>, limit_indices = array<i64: 8, 1, 32, 27, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v227 = "stablehlo.reshape"(%v226) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v228 = "stablehlo.slice"(%v145) {start_indices = array<i64: 0, 0, 5, 1, 0>, limit_indices = array<i64: 8, 1, 32, 28, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v229 = "stablehlo.reshape"(%v228) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v230 = "stablehlo.slice"(%v145) {start_indices = array<i64: 0, 0, 5, 2, 0>, limit_indices = array<i64: 8, 1, 32, 29, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v231 = "stablehlo.reshape"(%v230) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v232 = "stablehlo.slice"(%v145) {start_indices = array<i64: 0, 0, 5, 3, 0>, limit_indices = array<i64: 8, 1, 32, 30, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v233 = "stablehlo.reshape"(%v232) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v234 = "stablehlo.slice"(%v145) {start_indices = array<i64: 0, 0, 5, 4, 0>, limit_indices = array<i64: 8, 1, 32, 31, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v235 = "stablehlo.reshape"(%v234) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v236 = "stablehlo.slice"(%v145) {start_indices = array<i64: 0, 0, 5, 5, 0>, limit_indices = array<i64: 8, 1, 32, 32, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v237 = "stablehlo.reshape"(%v236) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v238 = "stablehlo.slice"(%v145) {start_indices = array<i64: 0, 0, 5, 6, 0>, limit_indices = array<i64: 8, 1, 32, 33, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v239 = "stablehlo.reshape"(%v238) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v240 = "stablehlo.slice"(%v145) {start_indices = array<i64: 0, 0, 5, 7, 0>, limit_indices = array<i64: 8, 1, 32, 34, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v241 = "stablehlo.reshape"(%v240) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v242 = "stablehlo.slice"(%v145) {start_indices = array<i64: 0, 0, 6, 0, 0>, limit_indices = array<i64: 8, 1, 33, 27, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v243 = "stablehlo.reshape"(%v242) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v244 = "stablehlo.slice"(%v145) {start_indices = array<i64: 0, 0, 6, 1, 0>, limit_indices = array<i64: 8, 1, 33, 28, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v245 = "stablehlo.reshape"(%v244) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v246 = "stablehlo.slice"(%v145) {start_indices = array<i64: 0, 0, 6, 2, 0>, limit_indices = array<i64: 8, 1, 33, 29, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v247 = "stablehlo.reshape"(%v246) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v248 = "stablehlo.slice"(%v145) {start_indices = array<i64: 0, 0, 6, 3, 0>, limit_indices = array<i64: 8, 1, 33, 30, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v249 = "stablehlo.reshape"(%v248) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v250 = "stablehlo.slice"(%v145) {start_indices = array<i64: 0, 0, 6, 4, 0>, limit_indices = array<i64: 8, 1, 33, 31, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v251 = "stablehlo.reshape"(%v250) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v252 = "stablehlo.slice"(%v145) {start_indices = array<i64: 0, 0, 6, 5, 0>, limit_indices = array<i64: 8, 1, 33, 32, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v253 = "stablehlo.reshape"(%v252) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v254 = "stablehlo.slice"(%v145) {start_indices = array<i64: 0, 0, 6, 6, 0>, limit_indices = array<i64: 8, 1, 33, 33, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v255 = "stablehlo.reshape"(%v254) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v256 = "stablehlo.slice"(%v145) {start_indices = array<i64: 0, 0, 6, 7, 0>, limit_indices = array<i64: 8, 1, 33, 34, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v257 = "stablehlo.reshape"(%v256) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v258 = "stablehlo.slice"(%v145) {start_indices = array<i64: 0, 0, 7, 0, 0>, limit_indices = array<i64: 8, 1, 34, 27, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v259 = "stablehlo.reshape"(%v258) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v260 = "stablehlo.slice"(%v145) {start_indices = array<i64: 0, 0, 7, 1, 0>, limit_indices = array<i64: 8, 1, 34, 28, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v261 = "stablehlo.reshape"(%v260) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v262 = "stablehlo.slice"(%v145) {start_indices = array<i64: 0, 0, 7, 2, 0>, limit_indices = array<i64: 8, 1, 34, 29, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v263 = "stablehlo.reshape"(%v262) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v264 = "stablehlo.slice"(%v145) {start_indices = array<i64: 0, 0, 7, 3, 0>, limit_indices = array<i64: 8, 1, 34, 30, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v265 = "stablehlo.reshape"(%v264) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v266 = "stablehlo.slice"(%v145) {start_indices = array<i64: 0, 0, 7, 4, 0>, limit_indices = array<i64: 8, 1, 34, 31, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v267 = "stablehlo.reshape"(%v266) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v268 = "stablehlo.slice"(%v145) {start_indices = array<i64: 0, 0, 7, 5, 0>, limit_indices = array<i64: 8, 1, 34, 32, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v269 = "stablehlo.reshape"(%v268) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v270 = "stablehlo.slice"(%v145) {start_indices = array<i64: 0, 0, 7, 6, 0>, limit_indices = array<i64: 8, 1, 34, 33, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v271 = "stablehlo.reshape"(%v270) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v272 = "stablehlo.slice"(%v145) {start_indices = array<i64: 0, 0, 7, 7, 0>, limit_indices = array<i64: 8, 1, 34, 34, 1>, strides = array<i64: 1, 1, 2, 2, 1>} : (tensor<8x1x34x34x1xf32>) -> tensor<8x1x14x14x1xf32>
    %v273 = "stablehlo.reshape"(%v272) : (tensor<8x1x14x14x1xf32>) -> tensor<8x1x1x14x14x1xf32>
    %v274 = "stablehlo.concatenate"(%v147, %v149, %v151, %v153, %v155, %v157, %v159, %v161, %v163, %v165, %v167, %v169, %v171, %v173, %v175, %v177, %v179, %v181, %v183, %v185, %v187, %v189, %v191, %v193, %v195, %v197, %v199, %v201, %v203, %v205, %v207, %v209, %v211, %v213, %v215, %v217, %v219, %v221, %v223, %v225, %v227, %v229, %v231, %v233, %v235, %v237, %v239, %v241, %v243, %v245, %v247, %v249, %v251, %v253, %v255, %v257, %v259, %v261, %v263, %v265, %v267, %v269, %v271, %v273) {dimension = 1 : i64} : (tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>, tensor<8x1x1x14x14x1xf32>) -> tensor<8x64x1x14x14x1xf32>
    %v275 = "stablehlo.dot_general"(%v274, %v142) {dot_dimension_numbers = #stablehlo.dot<lhs_batching_dimensions = [0], rhs_batching_dimensions = [0], lhs_contracting_dimensions = [2, 3, 4], rhs_contracting_dimensions = [1, 2, 3]>, precision_config = [#stablehlo<precision HIGHEST>, #stablehlo<precision HIGHEST>]} : (tensor<8x64x1x14x14x1xf32>, tensor<8x1x14x14x16xf32>) -> tensor<8x64x1x16xf32>
    %v276 = "stablehlo.reshape"(%v275) : (tensor<8x64x1x16xf32>) -> tensor<8x8x8x1x16xf32>
    %v277 = "stablehlo.convert"(%v143) : (tensor<8x16xf32>) -> tensor<8x16xf64>
    %v278 = "stablehlo.multiply"(%v277, %v277) : (tensor<8x16xf64>, tensor<8x16xf64>) -> tensor<8x16xf64>
    %t55 = "stablehlo.constant"() {value = dense<0x0000000000000000> : tensor<f64>} : () -> tensor<f64>
    %v279 = "stablehlo.reduce"(%v278, %t55) ({
    ^bb0(%t56: tensor<f64>, %t57: tensor<f64>):
      %t58 = "stablehlo.add"(%t56, %t57) : (tensor<f64>, tensor<f64>) -> tensor<f64>
      "stablehlo.return"(%t58) : (tensor<f64>) -> ()
    }) {dimensions = array<i64: 1>} : (tensor<8x16xf64>, tensor<f64>) -> tensor<8xf64>
    %v280 = "stablehlo.convert"(%v276) : (tensor<8x8x8x1x16xf32>) -> tensor<8x8x8x1x16xf64>
    %v281 = "stablehlo.multiply"(%v280, %v280) : (tensor<8x8x8x1x16xf64>, tensor<8x8x8x1x16xf64>) -> tensor<8x8x8x1x16xf64>
    %t59 = "stablehlo.constant"() {value = dense<0x0000000000000000> : tensor<f64>} : () -> tensor<f64>
    %v282 = "stablehlo.reduce"(%v281, %t59) ({
    ^bb0(%t60: tensor<f64>, %t61: tensor<f64>):
      %t62 = "stablehlo.add"(%t60, %t61) : (tensor<f64>, tensor<f64>) -> tensor<f64>
      "stablehlo.return"(%t62) : (tensor<f64>) -> ()
    }) {dimensions = array<i64: 1, 2, 3, 4>} : (tensor<8x8x8x1x16xf64>, tensor<f64>) -> tensor<8xf64>
    %v283 = "stablehlo.convert"(%v94) : (tensor<8x32xf32>) -> tensor<8x32xf64>
    %v284 = "stablehlo.multiply"(%v283, %v283) : (tensor<8x32xf64>, tensor<8x32xf64>) -> tensor<8x32xf64>
    %t63 = "stablehlo.constant"() {value = dense<0x0000000000000000> : tensor<f64>} : () -> tensor<f64>
    %v285 = "stablehlo.reduce"(%v284, %t63) ({
    ^bb0(%t64: tensor<f64>, %t65: tensor<f64>):
      %t66 = "stablehlo.add"(%t64, %t65) : (tensor<f64>, tensor<f64>) -> tensor<f64>
      "stablehlo.return"(%t66) : (tensor<f64>) -> ()
    }) {dimensions = array<i64: 1>} : (tensor<8x32xf64>, tensor<f64>) -> tensor<8xf64>
    %v286 = "stablehlo.convert"(%v135) : (tensor<8x4x4x16x32xf32>) -> tensor<8x4x4x16x32xf64>
    %v287 = "stablehlo.multiply"(%v286, %v286) : (tensor<8x4x4x16x32xf64>, tensor<8x4x4x16x32xf64>) -> tensor<8x4x4x16x32xf64>
    %t67 = "stablehlo.constant"() {value = dense<0x0000000000000000> : tensor<f64>} : () -> tensor<f64>
    %v288 = "stablehlo.reduce"(%v287, %t67) ({
    ^bb0(%t68: tensor<f64>, %t69: tensor<f64>):
      %t70 = "stablehlo.add"(%t68, %t69) : (tensor<f64>, tensor<f64>) -> tensor<f64>
      "stablehlo.return"(%t70) : (tensor<f64>) -> ()
    }) {dimensions = array<i64: 1, 2, 3, 4>} : (tensor<8x4x4x16x32xf64>, tensor<f64>) -> tensor<8xf64>
    %v289 = "stablehlo.convert"(%v84) : (tensor<8x32xf32>) -> tensor<8x32xf64>
    %v290 = "stablehlo.multiply"(%v289, %v289) : (tensor<8x32xf64>, tensor<8x32xf64>) -> tensor<8x32xf64>
    %t71 = "stablehlo.constant"() {value = dense<0x0000000000000000> : tensor<f64>} : () -> tensor<f64>
    %v291 = "stablehlo.reduce"(%v290, %t71) ({
    ^bb0(%t72: tensor<f64>, %t73: tensor<f64>):
      %t74 = "stablehlo.add"(%t72, %t73) : (tensor<f64>, tensor<f64>) -> tensor<f64>
      "stablehlo.return"(%t74) : (tensor<f64>) -> ()
    }) {dimensions = array<i64: 1>} : (tensor<8x32xf64>, tensor<f64>) -> tensor<8xf64>
    %v292 = "stablehlo.convert"(%v36) : (tensor<8x1x512xf32>) -> tensor<8x1x512xf64>
    %v293 = "stablehlo.convert"(%v83) : (tensor<8x1x32xf32>) -> tensor<8x1x32xf64>
    %v294 = "stablehlo.multiply"(%v292, %v292) : (tensor<8x1x512xf64>, tensor<8x1x512xf64>) -> tensor<8x1x512xf64>
    %t75 = "stablehlo.constant"() {value = dense<0x0000000000000000> : tensor<f64>} : () -> tensor<f64>
    %v295 = "stablehlo.reduce"(%v294, %t75) ({
    ^bb0(%t76: tensor<f64>, %t77: tensor<f64>):
      %t78 = "stablehlo.add"(%t76, %t77) : (tensor<f64>, tensor<f64>) -> tensor<f64>
      "stablehlo.return"(%t78) : (tensor<f64>) -> ()
    }) {dimensions = array<i64: 1, 2>} : (tensor<8x1x512xf64>, tensor<f64>) -> tensor<8xf64>
    %v296 = "stablehlo.multiply"(%v293, %v293) : (tensor<8x1x32xf64>, tensor<8x1x32xf64>) -> tensor<8x1x32xf64>
    %t79 = "stablehlo.constant"() {value = dense<0x0000000000000000> : tensor<f64>} : () -> tensor<f64>
    %v297 = "stablehlo.reduce"(%v296, %t79) ({
    ^bb0(%t80: tensor<f64>, %t81: tensor<f64>):
      %t82 = "stablehlo.add"(%t80, %t81) : (tensor<f64>, tensor<f64>) -> tensor<f64>
      "stablehlo.return"(%t82) : (tensor<f64>) -> ()
    }) {dimensions = array<i64: 1, 2>} : (tensor<8x1x32xf64>, tensor<f64>) -> tensor<8xf64>
    %v298 = "stablehlo.multiply"(%v295, %v297) : (tensor<8xf64>, tensor<8xf64>) -> tensor<8xf64>
    %v299 = "stablehlo.convert"(%v76) : (tensor<8x10xf32>) -> tensor<8x10xf64>
    %v300 = "stablehlo.multiply"(%v299, %v299) : (tensor<8x10xf64>, tensor<8x10xf64>) -> tensor<8x10xf64>
    %t83 = "stablehlo.constant"() {value = dense<0x0000000000000000> : tensor<f64>} : () -> tensor<f64>
    %v301 = "stablehlo.reduce"(%v300, %t83) ({
    ^bb0(%t84: tensor<f64>, %t85: tensor<f64>):
      %t86 = "stablehlo.add"(%t84, %t85) : (tensor<f64>, tensor<f64>) -> tensor<f64>
      "stablehlo.return"(%t86) : (tensor<f64>) -> ()
    }) {dimensions = array<i64: 1>} : (tensor<8x10xf64>, tensor<f64>) -> tensor<8xf64>
    %v302 = "stablehlo.convert"(%v41) : (tensor<8x1x32xf32>) -> tensor<8x1x32xf64>
    %v303 = "stablehlo.convert"(%v75) : (tensor<8x1x10xf32>) -> tensor<8x1x10xf64>
    %v304 = "stablehlo.multiply"(%v302, %v302) : (tensor<8x1x32xf64>, tensor<8x1x32xf64>) -> tensor<8x1x32xf64>
    %t87 = "stablehlo.constant"() {value = dense<0x0000000000000000> : tensor<f64>} : () -> tensor<f64>
    %v305 = "stablehlo.reduce"(%v304, %t87) ({
    ^bb0(%t88: tensor<f64>, %t89: tensor<f64>):
      %t90 = "stablehlo.add"(%t88, %t89) : (tensor<f64>, tensor<f64>) -> tensor<f64>
      "stablehlo.return"(%t90) : (tensor<f64>) -> ()
    }) {dimensions = array<i64: 1, 2>} : (tensor<8x1x32xf64>, tensor<f64>) -> tensor<8xf64>
    %v306 = "stablehlo.multiply"(%v303, %v303) : (tensor<8x1x10xf64>, tensor<8x1x10xf64>) -> tensor<8x1x10xf64>
    %t91 = "stablehlo.constant"() {value = dense<0x0000000000000000> : tensor<f64>} : () -> tensor<f64>
    %v307 = "stablehlo.reduce"(%v306, %t91) ({
    ^bb0(%t92: tensor<f64>, %t93: tensor<f64>):
      %t94 = "stablehlo.add"(%t92, %t93) : (tensor<f64>, tensor<f64>) -> tensor<f64>
      "stablehlo.return"(%t94) : (tensor<f64>) -> ()
    }) {dimensions = array<i64: 1, 2>} : (tensor<8x1x10xf64>, tensor<f64>) -> tensor<8xf64>
    %v308 = "stablehlo.multiply"(%v305, %v307) : (tensor<8xf64>, tensor<8xf64>) -> tensor<8xf64>
    %v309 = "stablehlo.add"(%v279, %v282) : (tensor<8xf64>, tensor<8xf64>) -> tensor<8xf64>
    %v310 = "stablehlo.add"(%v309, %v285) : (tensor<8xf64>, tensor<8xf64>) -> tensor<8xf64>
    %v311 = "stablehlo.add"(%v310, %v288) : (tensor<8xf64>, tensor<8xf64>) -> tensor<8xf64>
    %v312 = "stablehlo.add"(%v311, %v291) : (tensor<8xf64>, tensor<8xf64>) -> tensor<8xf64>
    %v313 = "stablehlo.add"(%v312, %v298) : (tensor<8xf64>, tensor<8xf64>) -> tensor<8xf64>
    %v314 = "stablehlo.add"(%v313, %v301) : (tensor<8xf64>, tensor<8xf64>) -> tensor<8xf64>
    %v315 = "stablehlo.add"(%v314, %v308) : (tensor<8xf64>, tensor<8xf64>) -> tensor<8xf64>
    %v316 = "stablehlo.constant"() {value = dense<0x7FF0000000000000> : tensor<f64>} : () -> tensor<f64>
    %v317 = "stablehlo.broadcast_in_dim"(%v316) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<8xf64>
    %v318 = "stablehlo.compare"(%v315, %v317) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<8xf64>, tensor<8xf64>) -> tensor<8xi1>
    %v319 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v320 = "stablehlo.broadcast_in_dim"(%v319) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8xf32>
    %v321 = "stablehlo.sqrt"(%v315) : (tensor<8xf64>) -> tensor<8xf64>
    %v322 = "stablehlo.constant"() {value = dense<0x3FF0000000000000> : tensor<f64>} : () -> tensor<f64>
    %v323 = "stablehlo.constant"() {value = dense<0x3FEFFFFDE7210BE9> : tensor<f64>} : () -> tensor<f64>
    %v324 = "stablehlo.broadcast_in_dim"(%v323) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<8xf64>
    %v325 = "stablehlo.divide"(%v321, %v324) : (tensor<8xf64>, tensor<8xf64>) -> tensor<8xf64>
    %v326 = "stablehlo.broadcast_in_dim"(%v322) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<8xf64>
    %v327 = "stablehlo.maximum"(%v325, %v326) : (tensor<8xf64>, tensor<8xf64>) -> tensor<8xf64>
    %v328 = "stablehlo.broadcast_in_dim"(%v322) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<8xf64>
    %v329 = "stablehlo.divide"(%v328, %v327) : (tensor<8xf64>, tensor<8xf64>) -> tensor<8xf64>
    %v330 = "stablehlo.convert"(%v329) : (tensor<8xf64>) -> tensor<8xf32>
    %v331 = "stablehlo.multiply"(%mask, %v330) : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
    %v332 = "stablehlo.select"(%v318, %v331, %v320) : (tensor<8xi1>, tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
    %v333 = "stablehlo.constant"() {value = dense<0x3FF0000000000000> : tensor<f64>} : () -> tensor<f64>
    %v334 = "stablehlo.broadcast_in_dim"(%v333) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<8xf64>
    %v335 = "stablehlo.compare"(%v321, %v334) {comparison_direction = #stablehlo<comparison_direction GT>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<8xf64>, tensor<8xf64>) -> tensor<8xi1>
    %v336 = "stablehlo.convert"(%v335) : (tensor<8xi1>) -> tensor<8xf32>
    %v337 = "stablehlo.multiply"(%mask, %v336) : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
    %t95 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v338 = "stablehlo.reduce"(%v337, %t95) ({
    ^bb0(%t96: tensor<f32>, %t97: tensor<f32>):
      %t98 = "stablehlo.add"(%t96, %t97) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t98) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0>} : (tensor<8xf32>, tensor<f32>) -> tensor<f32>
    %v339 = "stablehlo.broadcast_in_dim"(%v318) {broadcast_dimensions = array<i64: 0>} : (tensor<8xi1>) -> tensor<8x16xi1>
    %v340 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v341 = "stablehlo.broadcast_in_dim"(%v340) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x16xf32>
    %v342 = "stablehlo.select"(%v339, %v143, %v341) : (tensor<8x16xi1>, tensor<8x16xf32>, tensor<8x16xf32>) -> tensor<8x16xf32>
    %v343 = "stablehlo.convert"(%v342) : (tensor<8x16xf32>) -> tensor<8x16xf64>
    %v344 = "stablehlo.convert"(%v332) : (tensor<8xf32>) -> tensor<8xf64>
    %v345 = "stablehlo.broadcast_in_dim"(%v344) {broadcast_dimensions = array<i64: 0>} : (tensor<8xf64>) -> tensor<8x16xf64>
    %v346 = "stablehlo.multiply"(%v345, %v343) : (tensor<8x16xf64>, tensor<8x16xf64>) -> tensor<8x16xf64>
    %t99 = "stablehlo.constant"() {value = dense<0x0000000000000000> : tensor<f64>} : () -> tensor<f64>
    %v347 = "stablehlo.reduce"(%v346, %t99) ({
    ^bb0(%t100: tensor<f64>, %t101: tensor<f64>):
      %t102 = "stablehlo.add"(%t100, %t101) : (tensor<f64>, tensor<f64>) -> tensor<f64>
      "stablehlo.return"(%t102) : (tensor<f64>) -> ()
    }) {dimensions = array<i64: 0>} : (tensor<8x16xf64>, tensor<f64>) -> tensor<16xf64>
    %v348 = "stablehlo.broadcast_in_dim"(%v318) {broadcast_dimensions = array<i64: 0>} : (tensor<8xi1>) -> tensor<8x8x8x1x16xi1>
    %v349 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v350 = "stablehlo.broadcast_in_dim"(%v349) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x8x8x1x16xf32>
    %v351 = "stablehlo.select"(%v348, %v276, %v350) : (tensor<8x8x8x1x16xi1>, tensor<8x8x8x1x16xf32>, tensor<8x8x8x1x16xf32>) -> tensor<8x8x8x1x16xf32>
    %v352 = "stablehlo.convert"(%v351) : (tensor<8x8x8x1x16xf32>) -> tensor<8x8x8x1x16xf64>
    %v353 = "stablehlo.convert"(%v332) : (tensor<8xf32>) -> tensor<8xf64>
    %v354 = "stablehlo.broadcast_in_dim"(%v353) {broadcast_dimensions = array<i64: 0>} : (tensor<8xf64>) -> tensor<8x8x8x1x16xf64>
    %v355 = "stablehlo.multiply"(%v354, %v352) : (tensor<8x8x8x1x16xf64>, tensor<8x8x8x1x16xf64>) -> tensor<8x8x8x1x16xf64>
    %t103 = "stablehlo.constant"() {value = dense<0x0000000000000000> : tensor<f64>} : () -> tensor<f64>
    %v356 = "stablehlo.reduce"(%v355, %t103) ({
    ^bb0(%t104: tensor<f64>, %t105: tensor<f64>):
      %t106 = "stablehlo.add"(%t104, %t105) : (tensor<f64>, tensor<f64>) -> tensor<f64>
      "stablehlo.return"(%t106) : (tensor<f64>) -> ()
    }) {dimensions = array<i64: 0>} : (tensor<8x8x8x1x16xf64>, tensor<f64>) -> tensor<8x8x1x16xf64>
    %v357 = "stablehlo.broadcast_in_dim"(%v318) {broadcast_dimensions = array<i64: 0>} : (tensor<8xi1>) -> tensor<8x32xi1>
    %v358 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v359 = "stablehlo.broadcast_in_dim"(%v358) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x32xf32>
    %v360 = "stablehlo.select"(%v357, %v94, %v359) : (tensor<8x32xi1>, tensor<8x32xf32>, tensor<8x32xf32>) -> tensor<8x32xf32>
    %v361 = "stablehlo.convert"(%v360) : (tensor<8x32xf32>) -> tensor<8x32xf64>
    %v362 = "stablehlo.convert"(%v332) : (tensor<8xf32>) -> tensor<8xf64>
    %v363 = "stablehlo.broadcast_in_dim"(%v362) {broadcast_dimensions = array<i64: 0>} : (tensor<8xf64>) -> tensor<8x32xf64>
    %v364 = "stablehlo.multiply"(%v363, %v361) : (tensor<8x32xf64>, tensor<8x32xf64>) -> tensor<8x32xf64>
    %t107 = "stablehlo.constant"() {value = dense<0x0000000000000000> : tensor<f64>} : () -> tensor<f64>
    %v365 = "stablehlo.reduce"(%v364, %t107) ({
    ^bb0(%t108: tensor<f64>, %t109: tensor<f64>):
      %t110 = "stablehlo.add"(%t108, %t109) : (tensor<f64>, tensor<f64>) -> tensor<f64>
      "stablehlo.return"(%t110) : (tensor<f64>) -> ()
    }) {dimensions = array<i64: 0>} : (tensor<8x32xf64>, tensor<f64>) -> tensor<32xf64>
    %v366 = "stablehlo.broadcast_in_dim"(%v318) {broadcast_dimensions = array<i64: 0>} : (tensor<8xi1>) -> tensor<8x4x4x16x32xi1>
    %v367 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v368 = "stablehlo.broadcast_in_dim"(%v367) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x4x4x16x32xf32>
    %v369 = "stablehlo.select"(%v366, %v135, %v368) : (tensor<8x4x4x16x32xi1>, tensor<8x4x4x16x32xf32>, tensor<8x4x4x16x32xf32>) -> tensor<8x4x4x16x32xf32>
    %v370 = "stablehlo.convert"(%v369) : (tensor<8x4x4x16x32xf32>) -> tensor<8x4x4x16x32xf64>
    %v371 = "stablehlo.convert"(%v332) : (tensor<8xf32>) -> tensor<8xf64>
    %v372 = "stablehlo.broadcast_in_dim"(%v371) {broadcast_dimensions = array<i64: 0>} : (tensor<8xf64>) -> tensor<8x4x4x16x32xf64>
    %v373 = "stablehlo.multiply"(%v372, %v370) : (tensor<8x4x4x16x32xf64>, tensor<8x4x4x16x32xf64>) -> tensor<8x4x4x16x32xf64>
    %t111 = "stablehlo.constant"() {value = dense<0x0000000000000000> : tensor<f64>} : () -> tensor<f64>
    %v374 = "stablehlo.reduce"(%v373, %t111) ({
    ^bb0(%t112: tensor<f64>, %t113: tensor<f64>):
      %t114 = "stablehlo.add"(%t112, %t113) : (tensor<f64>, tensor<f64>) -> tensor<f64>
      "stablehlo.return"(%t114) : (tensor<f64>) -> ()
    }) {dimensions = array<i64: 0>} : (tensor<8x4x4x16x32xf64>, tensor<f64>) -> tensor<4x4x16x32xf64>
    %v375 = "stablehlo.broadcast_in_dim"(%v318) {broadcast_dimensions = array<i64: 0>} : (tensor<8xi1>) -> tensor<8x32xi1>
    %v376 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v377 = "stablehlo.broadcast_in_dim"(%v376) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x32xf32>
    %v378 = "stablehlo.select"(%v375, %v84, %v377) : (tensor<8x32xi1>, tensor<8x32xf32>, tensor<8x32xf32>) -> tensor<8x32xf32>
    %v379 = "stablehlo.convert"(%v378) : (tensor<8x32xf32>) -> tensor<8x32xf64>
    %v380 = "stablehlo.convert"(%v332) : (tensor<8xf32>) -> tensor<8xf64>
    %v381 = "stablehlo.broadcast_in_dim"(%v380) {broadcast_dimensions = array<i64: 0>} : (tensor<8xf64>) -> tensor<8x32xf64>
    %v382 = "stablehlo.multiply"(%v381, %v379) : (tensor<8x32xf64>, tensor<8x32xf64>) -> tensor<8x32xf64>
    %t115 = "stablehlo.constant"() {value = dense<0x0000000000000000> : tensor<f64>} : () -> tensor<f64>
    %v383 = "stablehlo.reduce"(%v382, %t115) ({
    ^bb0(%t116: tensor<f64>, %t117: tensor<f64>):
      %t118 = "stablehlo.add"(%t116, %t117) : (tensor<f64>, tensor<f64>) -> tensor<f64>
      "stablehlo.return"(%t118) : (tensor<f64>) -> ()
    }) {dimensions = array<i64: 0>} : (tensor<8x32xf64>, tensor<f64>) -> tensor<32xf64>
    %v384 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v385 = "stablehlo.broadcast_in_dim"(%v384) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8xf32>
    %v386 = "stablehlo.compare"(%v332, %v385) {comparison_direction = #stablehlo<comparison_direction NE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xi1>
    %v387 = "stablehlo.convert"(%v332) : (tensor<8xf32>) -> tensor<8xf64>
    %v388 = "stablehlo.broadcast_in_dim"(%v386) {broadcast_dimensions = array<i64: 0>} : (tensor<8xi1>) -> tensor<8x1x512xi1>
    %v389 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v390 = "stablehlo.broadcast_in_dim"(%v389) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x1x512xf32>
    %v391 = "stablehlo.select"(%v388, %v36, %v390) : (tensor<8x1x512xi1>, tensor<8x1x512xf32>, tensor<8x1x512xf32>) -> tensor<8x1x512xf32>
    %v392 = "stablehlo.convert"(%v391) : (tensor<8x1x512xf32>) -> tensor<8x1x512xf64>
    %v393 = "stablehlo.broadcast_in_dim"(%v386) {broadcast_dimensions = array<i64: 0>} : (tensor<8xi1>) -> tensor<8x1x32xi1>
    %v394 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v395 = "stablehlo.broadcast_in_dim"(%v394) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x1x32xf32>
    %v396 = "stablehlo.select"(%v393, %v83, %v395) : (tensor<8x1x32xi1>, tensor<8x1x32xf32>, tensor<8x1x32xf32>) -> tensor<8x1x32xf32>
    %v397 = "stablehlo.convert"(%v396) : (tensor<8x1x32xf32>) -> tensor<8x1x32xf64>
    %v398 = "stablehlo.broadcast_in_dim"(%v387) {broadcast_dimensions = array<i64: 0>} : (tensor<8xf64>) -> tensor<8x1x512xf64>
    %v399 = "stablehlo.multiply"(%v392, %v398) : (tensor<8x1x512xf64>, tensor<8x1x512xf64>) -> tensor<8x1x512xf64>
    %v400 = "stablehlo.dot_general"(%v399, %v397) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [0, 1], rhs_contracting_dimensions = [0, 1]>, precision_config = [#stablehlo<precision HIGHEST>, #stablehlo<precision HIGHEST>]} : (tensor<8x1x512xf64>, tensor<8x1x32xf64>) -> tensor<512x32xf64>
    %v401 = "stablehlo.broadcast_in_dim"(%v318) {broadcast_dimensions = array<i64: 0>} : (tensor<8xi1>) -> tensor<8x10xi1>
    %v402 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v403 = "stablehlo.broadcast_in_dim"(%v402) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x10xf32>
    %v404 = "stablehlo.select"(%v401, %v76, %v403) : (tensor<8x10xi1>, tensor<8x10xf32>, tensor<8x10xf32>) -> tensor<8x10xf32>
    %v405 = "stablehlo.convert"(%v404) : (tensor<8x10xf32>) -> tensor<8x10xf64>
    %v406 = "stablehlo.convert"(%v332) : (tensor<8xf32>) -> tensor<8xf64>
    %v407 = "stablehlo.broadcast_in_dim"(%v406) {broadcast_dimensions = array<i64: 0>} : (tensor<8xf64>) -> tensor<8x10xf64>
    %v408 = "stablehlo.multiply"(%v407, %v405) : (tensor<8x10xf64>, tensor<8x10xf64>) -> tensor<8x10xf64>
    %t119 = "stablehlo.constant"() {value = dense<0x0000000000000000> : tensor<f64>} : () -> tensor<f64>
    %v409 = "stablehlo.reduce"(%v408, %t119) ({
    ^bb0(%t120: tensor<f64>, %t121: tensor<f64>):
      %t122 = "stablehlo.add"(%t120, %t121) : (tensor<f64>, tensor<f64>) -> tensor<f64>
      "stablehlo.return"(%t122) : (tensor<f64>) -> ()
    }) {dimensions = array<i64: 0>} : (tensor<8x10xf64>, tensor<f64>) -> tensor<10xf64>
    %v410 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v411 = "stablehlo.broadcast_in_dim"(%v410) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8xf32>
    %v412 = "stablehlo.compare"(%v332, %v411) {comparison_direction = #stablehlo<comparison_direction NE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xi1>
    %v413 = "stablehlo.convert"(%v332) : (tensor<8xf32>) -> tensor<8xf64>
    %v414 = "stablehlo.broadcast_in_dim"(%v412) {broadcast_dimensions = array<i64: 0>} : (tensor<8xi1>) -> tensor<8x1x32xi1>
    %v415 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v416 = "stablehlo.broadcast_in_dim"(%v415) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x1x32xf32>
    %v417 = "stablehlo.select"(%v414, %v41, %v416) : (tensor<8x1x32xi1>, tensor<8x1x32xf32>, tensor<8x1x32xf32>) -> tensor<8x1x32xf32>
    %v418 = "stablehlo.convert"(%v417) : (tensor<8x1x32xf32>) -> tensor<8x1x32xf64>
    %v419 = "stablehlo.broadcast_in_dim"(%v412) {broadcast_dimensions = array<i64: 0>} : (tensor<8xi1>) -> tensor<8x1x10xi1>
    %v420 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v421 = "stablehlo.broadcast_in_dim"(%v420) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x1x10xf32>
    %v422 = "stablehlo.select"(%v419, %v75, %v421) : (tensor<8x1x10xi1>, tensor<8x1x10xf32>, tensor<8x1x10xf32>) -> tensor<8x1x10xf32>
    %v423 = "stablehlo.convert"(%v422) : (tensor<8x1x10xf32>) -> tensor<8x1x10xf64>
    %v424 = "stablehlo.broadcast_in_dim"(%v413) {broadcast_dimensions = array<i64: 0>} : (tensor<8xf64>) -> tensor<8x1x32xf64>
    %v425 = "stablehlo.multiply"(%v418, %v424) : (tensor<8x1x32xf64>, tensor<8x1x32xf64>) -> tensor<8x1x32xf64>
    %v426 = "stablehlo.dot_general"(%v425, %v423) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [0, 1], rhs_contracting_dimensions = [0, 1]>, precision_config = [#stablehlo<precision HIGHEST>, #stablehlo<precision HIGHEST>]} : (tensor<8x1x32xf64>, tensor<8x1x10xf64>) -> tensor<32x10xf64>
    %v427 = "stablehlo.add"(%accumulators.conv1_b, %v347) : (tensor<16xf64>, tensor<16xf64>) -> tensor<16xf64>
    %v428 = "stablehlo.add"(%accumulators.conv1_w, %v356) : (tensor<8x8x1x16xf64>, tensor<8x8x1x16xf64>) -> tensor<8x8x1x16xf64>
    %v429 = "stablehlo.add"(%accumulators.conv2_b, %v365) : (tensor<32xf64>, tensor<32xf64>) -> tensor<32xf64>
    %v430 = "stablehlo.add"(%accumulators.conv2_w, %v374) : (tensor<4x4x16x32xf64>, tensor<4x4x16x32xf64>) -> tensor<4x4x16x32xf64>
    %v431 = "stablehlo.add"(%accumulators.dense1_b, %v383) : (tensor<32xf64>, tensor<32xf64>) -> tensor<32xf64>
    %v432 = "stablehlo.add"(%accumulators.dense1_w, %v400) : (tensor<512x32xf64>, tensor<512x32xf64>) -> tensor<512x32xf64>
    %v433 = "stablehlo.add"(%accumulators.dense2_b, %v409) : (tensor<10xf64>, tensor<10xf64>) -> tensor<10xf64>
    %v434 = "stablehlo.add"(%accumulators.dense2_w, %v426) : (tensor<32x10xf64>, tensor<32x10xf64>) -> tensor<32x10xf64>
    %v435 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v436 = "stablehlo.broadcast_in_dim"(%v435) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8xf32>
    %v437 = "stablehlo.compare"(%mask, %v436) {comparison_direction = #stablehlo<comparison_direction GT>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xi1>
    %v438 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v439 = "stablehlo.broadcast_in_dim"(%v438) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8xf32>
    %v440 = "stablehlo.select"(%v437, %v63, %v439) : (tensor<8xi1>, tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
    %v441 = "stablehlo.constant"() {value = dense<0x7F800000> : tensor<f32>} : () -> tensor<f32>
    %v442 = "stablehlo.broadcast_in_dim"(%v441) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8xf32>
    %v443 = "stablehlo.compare"(%v440, %v442) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xi1>
    %v444 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v445 = "stablehlo.broadcast_in_dim"(%v444) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8xf32>
    %v446 = "stablehlo.select"(%v443, %v440, %v445) : (tensor<8xi1>, tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
    %t123 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v447 = "stablehlo.reduce"(%v446, %t123) ({
    ^bb0(%t124: tensor<f32>, %t125: tensor<f32>):
      %t126 = "stablehlo.add"(%t124, %t125) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t126) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0>} : (tensor<8xf32>, tensor<f32>) -> tensor<f32>
    "func.return"(%v427, %v428, %v429, %v430, %v431, %v432, %v433, %v434, %v447, %v338) : (tensor<16xf64>, tensor<8x8x1x16xf64>, tensor<32xf64>, tensor<4x4x16x32xf64>, tensor<32xf64>, tensor<512x32xf64>, tensor<10xf64>, tensor<32x10xf64>, tensor<f32>, tensor<f32>) -> ()
  }
}
