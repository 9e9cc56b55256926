module @dpxla {
  func.func public @main(%params.conv1_b: tensor<16xf32>, %params.conv1_w: tensor<8x8x1x16xf32>, %params.conv2_b: tensor<32xf32>, %params.conv2_w: tensor<4x4x16x32xf32>, %params.dense1_b: tensor<32xf32>, %params.dense1_w: tensor<512x32xf32>, %params.dense2_b: tensor<10xf32>, %params.dense2_w: tensor<32x10xf32>, %slots.conv1_b_momentum: tensor<16xf32>, %slots.conv1_w_momentum: tensor<8x8x1x16xf32>, %slots.conv2_b_momentum: tensor<32xf32>, %slots.conv2_w_momentum: tensor<4x4x16x32xf32>, %slots.dense1_b_momentum: tensor<32xf32>, %slots.dense1_w_momentum: tensor<512x32xf32>, %slots.dense2_b_momentum: tensor<10xf32>, %slots.dense2_w_momentum: tensor<32x10xf32>, %accumulators.conv1_b: tensor<16xf64>, %accumulators.conv1_w: tensor<8x8x1x16xf64>, %accumulators.conv2_b: tensor<32xf64>, %accumulators.conv2_w: tensor<4x4x16x32xf64>, %accumulators.dense1_b: tensor<32xf64>, %accumulators.dense1_w: tensor<512x32xf64>, %accumulators.dense2_b: tensor<10xf64>, %accumulators.dense2_w: tensor<32x10xf64>, %noise_key: tensor<4xui32>, %learning_rate: tensor<f32>, %step: tensor<f32>) -> (tensor<16xf32>, tensor<8x8x1x16xf32>, tensor<32xf32>, tensor<4x4x16x32xf32>, tensor<32xf32>, tensor<512x32xf32>, tensor<10xf32>, tensor<32x10xf32>, tensor<16xf32>, tensor<8x8x1x16xf32>, tensor<32xf32>, tensor<4x4x16x32xf32>, tensor<32xf32>, tensor<512x32xf32>, tensor<10xf32>, tensor<32x10xf32>, tensor<16xf64>, tensor<8x8x1x16xf64>, tensor<32xf64>, tensor<4x4x16x32xf64>, tensor<32xf64>, tensor<512x32xf64>, tensor<10xf64>, tensor<32x10xf64>, tensor<f32>) {
    %t1 = "stablehlo.reshape"(%noise_key) : (tensor<4xui32>) -> tensor<2x2xui32>
    %t2 = "stablehlo.bitcast_convert"(%t1) : (tensor<2x2xui32>) -> tensor<2xui64>
    %t3:2 = "stablehlo.rng_bit_generator"(%t2) {rng_algorithm = #stablehlo<rng_algorithm THREE_FRY>} : (tensor<2xui64>) -> (tensor<2xui64>, tensor<3x13005xui32>)
    %t4 = "stablehlo.slice"(%t3#1) {start_indices = array<i64: 0, 0>, limit_indices = array<i64: 1, 13005>, strides = array<i64: 1, 1>} : (tensor<3x13005xui32>) -> tensor<1x13005xui32>
    %t5 = "stablehlo.reshape"(%t4) : (tensor<1x13005xui32>) -> tensor<13005xui32>
    %t6 = "stablehlo.slice"(%t3#1) {start_indices = array<i64: 1, 0>, limit_indices = array<i64: 2, 13005>, strides = array<i64: 1, 1>} : (tensor<3x13005xui32>) -> tensor<1x13005xui32>
    %t7 = "stablehlo.reshape"(%t6) : (tensor<1x13005xui32>) -> tensor<13005xui32>
    %t8 = "stablehlo.constant"() {value = dense<2147483648> : tensor<13005xui32>} : () -> tensor<13005xui32>
    %t9 = "stablehlo.compare"(%t5, %t8) {comparison_direction = #stablehlo<comparison_direction GE>, compare_type = #stablehlo<comparison_type UNSIGNED>} : (tensor<13005xui32>, tensor<13005xui32>) -> tensor<13005xi1>
    %t10 = "stablehlo.not"(%t5) : (tensor<13005xui32>) -> tensor<13005xui32>
    %t11 = "stablehlo.not"(%t7) : (tensor<13005xui32>) -> tensor<13005xui32>
    %t12 = "stablehlo.select"(%t9, %t10, %t5) : (tensor<13005xi1>, tensor<13005xui32>, tensor<13005xui32>) -> tensor<13005xui32>
    %t13 = "stablehlo.select"(%t9, %t11, %t7) : (tensor<13005xi1>, tensor<13005xui32>, tensor<13005xui32>) -> tensor<13005xui32>
    %t14 = "stablehlo.convert"(%t12) : (tensor<13005xui32>) -> tensor<13005xf32>
    %t15 = "stablehlo.convert"(%t13) : (tensor<13005xui32>) -> tensor<13005xf32>
    %t16 = "stablehlo.constant"() {value = dense<0x2F800000> : tensor<13005xf32>} : () -> tensor<13005xf32>
    %t17 = "stablehlo.multiply"(%t14, %t16) : (tensor<13005xf32>, tensor<13005xf32>) -> tensor<13005xf32>
    %t18 = "stablehlo.constant"() {value = dense<0x3F000000> : tensor<13005xf32>} : () -> tensor<13005xf32>
    %t19 = "stablehlo.add"(%t15, %t18) : (tensor<13005xf32>, tensor<13005xf32>) -> tensor<13005xf32>
    %t20 = "stablehlo.constant"() {value = dense<0x1F800000> : tensor<13005xf32>} : () -> tensor<13005xf32>
    %t21 = "stablehlo.multiply"(%t19, %t20) : (tensor<13005xf32>, tensor<13005xf32>) -> tensor<13005xf32>
    %t22 = "stablehlo.add"(%t17, %t21) : (tensor<13005xf32>, tensor<13005xf32>) -> tensor<13005xf32>
    %t23 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<13005xf32>} : () -> tensor<13005xf32>
    %t24 = "stablehlo.subtract"(%t23, %t22) : (tensor<13005xf32>, tensor<13005xf32>) -> tensor<13005xf32>
    %t25 = "stablehlo.subtract"(%t23, %t24) : (tensor<13005xf32>, tensor<13005xf32>) -> tensor<13005xf32>
    %t26 = "stablehlo.subtract"(%t25, %t22) : (tensor<13005xf32>, tensor<13005xf32>) -> tensor<13005xf32>
    %t27 = "stablehlo.select"(%t9, %t24, %t22) : (tensor<13005xi1>, tensor<13005xf32>, tensor<13005xf32>) -> tensor<13005xf32>
    %t28 = "stablehlo.log"(%t27) : (tensor<13005xf32>) -> tensor<13005xf32>
    %t29 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<13005xf32>} : () -> tensor<13005xf32>
    %t30 = "stablehlo.select"(%t9, %t26, %t29) : (tensor<13005xi1>, tensor<13005xf32>, tensor<13005xf32>) -> tensor<13005xf32>
    %t31 = "stablehlo.add"(%t28, %t30) : (tensor<13005xf32>, tensor<13005xf32>) -> tensor<13005xf32>
    %t32 = "stablehlo.constant"() {value = dense<0xC0000000> : tensor<13005xf32>} : () -> tensor<13005xf32>
    %t33 = "stablehlo.multiply"(%t31, %t32) : (tensor<13005xf32>, tensor<13005xf32>) -> tensor<13005xf32>
    %t34 = "stablehlo.sqrt"(%t33) : (tensor<13005xf32>) -> tensor<13005xf32>
    %t35 = "stablehlo.slice"(%t3#1) {start_indices = array<i64: 2, 0>, limit_indices = array<i64: 3, 13005>, strides = array<i64: 1, 1>} : (tensor<3x13005xui32>) -> tensor<1x13005xui32>
    %t36 = "stablehlo.reshape"(%t35) : (tensor<1x13005xui32>) -> tensor<13005xui32>
    %t37 = "stablehlo.convert"(%t36) : (tensor<13005xui32>) -> tensor<13005xf32>
    %t38 = "stablehlo.constant"() {value = dense<0x2F800000> : tensor<13005xf32>} : () -> tensor<13005xf32>
    %t39 = "stablehlo.multiply"(%t37, %t38) : (tensor<13005xf32>, tensor<13005xf32>) -> tensor<13005xf32>
    %t40 = "stablehlo.constant"() {value = dense<0x40C90FDB> : tensor<13005xf32>} : () -> tensor<13005xf32>
    %t41 = "stablehlo.multiply"(%t39, %t40) : (tensor<13005xf32>, tensor<13005xf32>) -> tensor<13005xf32>
    %t42 = "stablehlo.broadcast_in_dim"(%t41) {broadcast_dimensions = array<i64: 1>} : (tensor<13005xf32>) -> tensor<2x13005xf32>
    %t43 = "stablehlo.broadcast_in_dim"(%t34) {broadcast_dimensions = array<i64: 1>} : (tensor<13005xf32>) -> tensor<2x13005xf32>
    %t44 = "stablehlo.iota"() {iota_dimension = 0 : i64} : () -> tensor<2x13005xf32>
    %t45 = "stablehlo.constant"() {value = dense<0x3FC90FDB> : tensor<2x13005xf32>} : () -> tensor<2x13005xf32>
    %t46 = "stablehlo.multiply"(%t44, %t45) : (tensor<2x13005xf32>, tensor<2x13005xf32>) -> tensor<2x13005xf32>
    %t47 = "stablehlo.subtract"(%t42, %t46) : (tensor<2x13005xf32>, tensor<2x13005xf32>) -> tensor<2x13005xf32>
    %t48 = "stablehlo.cosine"(%t47) : (tensor<2x13005xf32>) -> tensor<2x13005xf32>
    %t49 = "stablehlo.multiply"(%t43, %t48) : (tensor<2x13005xf32>, tensor<2x13005xf32>) -> tensor<2x13005xf32>
    %t50 = "stablehlo.reshape"(%t49) : (tensor<2x13005xf32>) -> tensor<26010xf32>
    %t51 = "stablehlo.reshape"(%t50) : (tensor<26010xf32>) -> tensor<26010xf32>
    %v27 = "stablehlo.convert"(%t51) : (tensor<26010xf32>) -> tensor<26010xf32>
    %v28 = "stablehlo.slice"(%v27) {start_indices = array<i64: 0>, limit_indices = array<i64: 16>, strides = array<i64: 1>} : (tensor<26010xf32>) -> tensor<16xf32>
    %v29 = "stablehlo.convert"(%v28) : (tensor<16xf32>) -> tensor<16xf64>
    %v30 = "stablehlo.constant"() {value = dense<0x3FF0000000000000> : tensor<f64>} : () -> tensor<f64>
    %v31 = "stablehlo.broadcast_in_dim"(%v30) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<16xf64>
    %v32 = "stablehlo.multiply"(%v29, %v31) : (tensor<16xf64>, tensor<16xf64>) -> tensor<16xf64>
    %v33 = "stablehlo.add"(%accumulators.conv1_b, %v32) : (tensor<16xf64>, tensor<16xf64>) -> tensor<16xf64>
    %v34 = "stablehlo.constant"() {value = dense<0x4020000000000000> : tensor<f64>} : () -> tensor<f64>
    %v35 = "stablehlo.broadcast_in_dim"(%v34) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<16xf64>
    %v36 = "stablehlo.divide"(%v33, %v35) : (tensor<16xf64>, tensor<16xf64>) -> tensor<16xf64>
    %v37 = "stablehlo.slice"(%v27) {start_indices = array<i64: 16>, limit_indices = array<i64: 1040>, strides = array<i64: 1>} : (tensor<26010xf32>) -> tensor<1024xf32>
    %v38 = "stablehlo.reshape"(%v37) : (tensor<1024xf32>) -> tensor<8x8x1x16xf32>
    %v39 = "stablehlo.convert"(%v38) : (tensor<8x8x1x16xf32>) -> tensor<8x8x1x16xf64>
    %v40 = "stablehlo.constant"() {value = dense<0x3FF0000000000000> : tensor<f64>} : () -> tensor<f64>
    %v41 = "stablehlo.broadcast_in_dim"(%v40) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<8x8x1x16xf64>
    %v42 = "stablehlo.multiply"(%v39, %v41) : (tensor<8x8x1x16xf64>, tensor<8x8x1x16xf64>) -> tensor<8x8x1x16xf64>
    %v43 = "stablehlo.add"(%accumulators.conv1_w, %v42) : (tensor<8x8x1x16xf64>, tensor<8x8x1x16xf64>) -> tensor<8x8x1x16xf64>
    %v44 = "stablehlo.constant"() {value = dense<0x4020000000000000> : tensor<f64>} : () -> tensor<f64>
    %v45 = "stablehlo.broadcast_in_dim"(%v44) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<8x8x1x16xf64>
    %v46 = "stablehlo.divide"(%v43, %v45) : (tensor<8x8x1x16xf64>, tensor<8x8x1x16xf64>) -> tensor<8x8x1x16xf64>
    %v47 = "stablehlo.slice"(%v27) {start_indices = array<i64: 1040>, limit_indices = array<i64: 1072>, strides = array<i64: 1>} : (tensor<26010xf32>) -> tensor<32xf32>
    %v48 = "stablehlo.convert"(%v47) : (tensor<32xf32>) -> tensor<32xf64>
    %v49 = "stablehlo.constant"() {value = dense<0x3FF0000000000000> : tensor<f64>} : () -> tensor<f64>
    %v50 = "stablehlo.broadcast_in_dim"(%v49) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<32xf64>
    %v51 = "stablehlo.multiply"(%v48, %v50) : (tensor<32xf64>, tensor<32xf64>) -> tensor<32xf64>
    %v52 = "stablehlo.add"(%accumulators.conv2_b, %v51) : (tensor<32xf64>, tensor<32xf64>) -> tensor<32xf64>
    %v53 = "stablehlo.constant"() {value = dense<0x4020000000000000> : tensor<f64>} : () -> tensor<f64>
    %v54 = "stablehlo.broadcast_in_dim"(%v53) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<32xf64>
    %v55 = "stablehlo.divide"(%v52, %v54) : (tensor<32xf64>, tensor<32xf64>) -> tensor<32xf64>
    %v56 = "stablehlo.slice"(%v27) {start_indices = array<i64: 1072>, limit_indices = array<i64: 9264>, strides = array<i64: 1>} : (tensor<26010xf32>) -> tensor<8192xf32>
    %v57 = "stablehlo.reshape"(%v56) : (tensor<8192xf32>) -> tensor<4x4x16x32xf32>
    %v58 = "stablehlo.convert"(%v57) : (tensor<4x4x16x32xf32>) -> tensor<4x4x16x32xf64>
    %v59 = "stablehlo.constant"() {value = dense<0x3FF0000000000000> : tensor<f64>} : () -> tensor<f64>
    %v60 = "stablehlo.broadcast_in_dim"(%v59) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<4x4x16x32xf64>
    %v61 = "stablehlo.multiply"(%v58, %v60) : (tensor<4x4x16x32xf64>, tensor<4x4x16x32xf64>) -> tensor<4x4x16x32xf64>
    %v62 = "stablehlo.add"(%accumulators.conv2_w, %v61) : (tensor<4x4x16x32xf64>, tensor<4x4x16x32xf64>) -> tensor<4x4x16x32xf64>
    %v63 = "stablehlo.constant"() {value = dense<0x4020000000000000> : tensor<f64>} : () -> tensor<f64>
    %v64 = "stablehlo.broadcast_in_dim"(%v63) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<4x4x16x32xf64>
    %v65 = "stablehlo.divide"(%v62, %v64) : (tensor<4x4x16x32xf64>, tensor<4x4x16x32xf64>) -> tensor<4x4x16x32xf64>
    %v66 = "stablehlo.slice"(%v27) {start_indices = array<i64: 9264>, limit_indices = array<i64: 9296>, strides = array<i64: 1>} : (tensor<26010xf32>) -> tensor<32xf32>
    %v67 = "stablehlo.convert"(%v66) : (tensor<32xf32>) -> tensor<32xf64>
    %v68 = "stablehlo.constant"() {value = dense<0x3FF0000000000000> : tensor<f64>} : () -> tensor<f64>
    %v69 = "stablehlo.broadcast_in_dim"(%v68) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<32xf64>
    %v70 = "stablehlo.multiply"(%v67, %v69) : (tensor<32xf64>, tensor<32xf64>) -> tensor<32xf64>
    %v71 = "stablehlo.add"(%accumulators.dense1_b, %v70) : (tensor<32xf64>, tensor<32xf64>) -> tensor<32xf64>
    %v72 = "stablehlo.constant"() {value = dense<0x4020000000000000> : tensor<f64>} : () -> tensor<f64>
    %v73 = "stablehlo.broadcast_in_dim"(%v72) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<32xf64>
    %v74 = "stablehlo.divide"(%v71, %v73) : (tensor<32xf64>, tensor<32xf64>) -> tensor<32xf64>
    %v75 = "stablehlo.slice"(%v27) {start_indices = array<i64: 9296>, limit_indices = array<i64: 25680>, strides = array<i64: 1>} : (tensor<26010xf32>) -> tensor<16384xf32>
    %v76 = "stablehlo.reshape"(%v75) : (tensor<16384xf32>) -> tensor<512x32xf32>
    %v77 = "stablehlo.convert"(%v76) : (tensor<512x32xf32>) -> tensor<512x32xf64>
    %v78 = "stablehlo.constant"() {value = dense<0x3FF0000000000000> : tensor<f64>} : () -> tensor<f64>
    %v79 = "stablehlo.broadcast_in_dim"(%v78) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<512x32xf64>
    %v80 = "stablehlo.multiply"(%v77, %v79) : (tensor<512x32xf64>, tensor<512x32xf64>) -> tensor<512x32xf64>
    %v81 = "stablehlo.add"(%accumulators.dense1_w, %v80) : (tensor<512x32xf64>, tensor<512x32xf64>) -> tensor<512x32xf64>
    %v82 = "stablehlo.constant"() {value = dense<0x4020000000000000> : tensor<f64>} : () -> tensor<f64>
    %v83 = "stablehlo.broadcast_in_dim"(%v82) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<512x32xf64>
    %v84 = "stablehlo.divide"(%v81, %v83) : (tensor<512x32xf64>, tensor<512x32xf64>) -> tensor<512x32xf64>
    %v85 = "stablehlo.slice"(%v27) {start_indices = array<i64: 25680>, limit_indices = array<i64: 25690>, strides = array<i64: 1>} : (tensor<26010xf32>) -> tensor<10xf32>
    %v86 = "stablehlo.convert"(%v85) : (tensor<10xf32>) -> tensor<10xf64>
    %v87 = "stablehlo.constant"() {value = dense<0x3FF0000000000000> : tensor<f64>} : () -> tensor<f64>
    %v88 = "stablehlo.broadcast_in_dim"(%v87) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<10xf64>
    %v89 = "stablehlo.multiply"(%v86, %v88) : (tensor<10xf64>, tensor<10xf64>) -> tensor<10xf64>
    %v90 = "stablehlo.add"(%accumulators.dense2_b, %v89) : (tensor<10xf64>, tensor<10xf64>) -> tensor<10xf64>
    %v91 = "stablehlo.constant"() {value = dense<0x4020000000000000> : tensor<f64>} : () -> tensor<f64>
    %v92 = "stablehlo.broadcast_in_dim"(%v91) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<10xf64>
    %v93 = "stablehlo.divide"(%v90, %v92) : (tensor<10xf64>, tensor<10xf64>) -> tensor<10xf64>
    %v94 = "stablehlo.slice"(%v27) {start_indices = array<i64: 25690>, limit_indices = array<i64: 26010>, strides = array<i64: 1>} : (tensor<26010xf32>) -> tensor<320xf32>
    %v95 = "stablehlo.reshape"(%v94) : (tensor<320xf32>) -> tensor<32x10xf32>
    %v96 = "stablehlo.convert"(%v95) : (tensor<32x10xf32>) -> tensor<32x10xf64>
    %v97 = "stablehlo.constant"() {value = dense<0x3FF0000000000000> : tensor<f64>} : () -> tensor<f64>
    %v98 = "stablehlo.broadcast_in_dim"(%v97) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<32x10xf64>
    %v99 = "stablehlo.multiply"(%v96, %v98) : (tensor<32x10xf64>, tensor<32x10xf64>) -> tensor<32x10xf64>
    %v100 = "stablehlo.add"(%accumulators.dense2_w, %v99) : (tensor<32x10xf64>, tensor<32x10xf64>) -> tensor<32x10xf64>
    %v101 = "stablehlo.constant"() {value = dense<0x4020000000000000> : tensor<f64>} : () -> tensor<f64>
    %v102 = "stablehlo.broadcast_in_dim"(%v101) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<32x10xf64>
    %v103 = "stablehlo.divide"(%v100, %v102) : (tensor<32x10xf64>, tensor<32x10xf64>) -> tensor<32x10xf64>
    %v104 = "stablehlo.convert"(%v36) : (tensor<16xf64>) -> tensor<16xf32>
    %v105 = "stablehlo.convert"(%v46) : (tensor<8x8x1x16xf64>) -> tensor<8x8x1x16xf32>
    %v106 = "stablehlo.convert"(%v55) : (tensor<32xf64>) -> tensor<32xf32>
    %v107 = "stablehlo.convert"(%v65) : (tensor<4x4x16x32xf64>) -> tensor<4x4x16x32xf32>
    %v108 = "stablehlo.convert"(%v74) : (tensor<32xf64>) -> tensor<32xf32>
    %v109 = "stablehlo.convert"(%v84) : (tensor<512x32xf64>) -> tensor<512x32xf32>
    %v110 = "stablehlo.convert"(%v93) : (tensor<10xf64>) -> tensor<10xf32>
    %v111 = "stablehlo.convert"(%v103) : (tensor<32x10xf64>) -> tensor<32x10xf32>
    %v112 = "stablehlo.constant"() {value = dense<0x3F666666> : tensor<f32>} : () -> tensor<f32>
    %v113 = "stablehlo.broadcast_in_dim"(%v112) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<16xf32>
    %v114 = "stablehlo.multiply"(%slots.conv1_b_momentum, %v113) : (tensor<16xf32>, tensor<16xf32>) -> tensor<16xf32>
    %v115 = "stablehlo.add"(%v114, %v104) : (tensor<16xf32>, tensor<16xf32>) -> tensor<16xf32>
    %v116 = "stablehlo.broadcast_in_dim"(%learning_rate) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<16xf32>
    %v117 = "stablehlo.multiply"(%v116, %v115) : (tensor<16xf32>, tensor<16xf32>) -> tensor<16xf32>
    %v118 = "stablehlo.subtract"(%params.conv1_b, %v117) : (tensor<16xf32>, tensor<16xf32>) -> tensor<16xf32>
    %v119 = "stablehlo.constant"() {value = dense<0x3F666666> : tensor<f32>} : () -> tensor<f32>
    %v120 = "stablehlo.broadcast_in_dim"(%v119) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x8x1x16xf32>
    %v121 = "stablehlo.multiply"(%slots.conv1_w_momentum, %v120) : (tensor<8x8x1x16xf32>, tensor<8x8x1x16xf32>) -> tensor<8x8x1x16xf32>
    %v122 = "stablehlo.add"(%v121, %v105) : (tensor<8x8x1x16xf32>, tensor<8x8x1x16xf32>) -> tensor<8x8x1x16xf32>
    %v123 = "stablehlo.broadcast_in_dim"(%learning_rate) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x8x1x16xf32>
    %v124 = "stablehlo.multiply"(%v123, %v122) : (tensor<8x8x1x16xf32>, tensor<8x8x1x16xf32>) -> tensor<8x8x1x16xf32>
    %v125 = "stablehlo.subtract"(%params.conv1_w, %v124) : (tensor<8x8x1x16xf32>, tensor<8x8x1x16xf32>) -> tensor<8x8x1x16xf32>
    %v126 = "stablehlo.constant"() {value = dense<0x3F666666> : tensor<f32>} : () -> tensor<f32>
    %v127 = "stablehlo.broadcast_in_dim"(%v126) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<32xf32>
    %v128 = "stablehlo.multiply"(%slots.conv2_b_momentum, %v127) : (tensor<32xf32>, tensor<32xf32>) -> tensor<32xf32>
    %v129 = "stablehlo.add"(%v128, %v106) : (tensor<32xf32>, tensor<32xf32>) -> tensor<32xf32>
    %v130 = "stablehlo.broadcast_in_dim"(%learning_rate) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<32xf32>
    %v131 = "stablehlo.multiply"(%v130, %v129) : (tensor<32xf32>, tensor<32xf32>) -> tensor<32xf32>
    %v132 = "stablehlo.subtract"(%params.conv2_b, %v131) : (tensor<32xf32>, tensor<32xf32>) -> tensor<32xf32>
    %v133 = "stablehlo.constant"() {value = dense<0x3F666666> : tensor<f32>} : () -> tensor<f32>
    %v134 = "stablehlo.broadcast_in_dim"(%v133) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<4x4x16x32xf32>
    %v135 = "stablehlo.multiply"(%slots.conv2_w_momentum, %v134) : (tensor<4x4x16x32xf32>, tensor<4x4x16x32xf32>) -> tensor<4x4x16x32xf32>
    %v136 = "stablehlo.add"(%v135, %v107) : (tensor<4x4x16x32xf32>, tensor<4x4x16x32xf32>) -> tensor<4x4x16x32xf32>
    %v137 = "stablehlo.broadcast_in_dim"(%learning_rate) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<4x4x16x32xf32>
    %v138 = "stablehlo.multiply"(%v137, %v136) : (tensor<4x4x16x32xf32>, tensor<4x4x16x32xf32>) -> tensor<4x4x16x32xf32>
    %v139 = "stablehlo.subtract"(%params.conv2_w, %v138) : (tensor<4x4x16x32xf32>, tensor<4x4x16x32xf32>) -> tensor<4x4x16x32xf32>
    %v140 = "stablehlo.constant"() {value = dense<0x3F666666> : tensor<f32>} : () -> tensor<f32>
    %v141 = "stablehlo.broadcast_in_dim"(%v140) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<32xf32>
    %v142 = "stablehlo.multiply"(%slots.dense1_b_momentum, %v141) : (tensor<32xf32>, tensor<32xf32>) -> tensor<32xf32>
    %v143 = "stablehlo.add"(%v142, %v108) : (tensor<32xf32>, tensor<32xf32>) -> tensor<32xf32>
    %v144 = "stablehlo.broadcast_in_dim"(%learning_rate) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<32xf32>
    %v145 = "stablehlo.multiply"(%v144, %v143) : (tensor<32xf32>, tensor<32xf32>) -> tensor<32xf32>
    %v146 = "stablehlo.subtract"(%params.dense1_b, %v145) : (tensor<32xf32>, tensor<32xf32>) -> tensor<32xf32>
    %v147 = "stablehlo.constant"() {value = dense<0x3F666666> : tensor<f32>} : () -> tensor<f32>
    %v148 = "stablehlo.broadcast_in_dim"(%v147) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<512x32xf32>
    %v149 = "stablehlo.multiply"(%slots.dense1_w_momentum, %v148) : (tensor<512x32xf32>, tensor<512x32xf32>) -> tensor<512x32xf32>
    %v150 = "stablehlo.add"(%v149, %v109) : (tensor<512x32xf32>, tensor<512x32xf32>) -> tensor<512x32xf32>
    %v151 = "stablehlo.broadcast_in_dim"(%learning_rate) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<512x32xf32>
    %v152 = "stablehlo.multiply"(%v151, %v150) : (tensor<512x32xf32>, tensor<512x32xf32>) -> tensor<512x32xf32>
    %v153 = "stablehlo.subtract"(%params.dense1_w, %v152) : (tensor<512x32xf32>, tensor<512x32xf32>) -> tensor<512x32xf32>
    %v154 = "stablehlo.constant"() {value = dense<0x3F666666> : tensor<f32>} : () -> tensor<f32>
    %v155 = "stablehlo.broadcast_in_dim"(%v154) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<10xf32>
    %v156 = "stablehlo.multiply"(%slots.dense2_b_momentum, %v155) : (tensor<10xf32>, tensor<10xf32>) -> tensor<10xf32>
    %v157 = "stablehlo.add"(%v156, %v110) : (tensor<10xf32>, tensor<10xf32>) -> tensor<10xf32>
    %v158 = "stablehlo.broadcast_in_dim"(%learning_rate) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<10xf32>
    %v159 = "stablehlo.multiply"(%v158, %v157) : (tensor<10xf32>, tensor<10xf32>) -> tensor<10xf32>
    %v160 = "stablehlo.subtract"(%params.dense2_b, %v159) : (tensor<10xf32>, tensor<10xf32>) -> tensor<10xf32>
    %v161 = "stablehlo.constant"() {value = dense<0x3F666666> : tensor<f32>} : () -> tensor<f32>
    %v162 = "stablehlo.broadcast_in_dim"(%v161) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<32x10xf32>
    %v163 = "stablehlo.multiply"(%slots.dense2_w_momentum, %v162) : (tensor<32x10xf32>, tensor<32x10xf32>) -> tensor<32x10xf32>
    %v164 = "stablehlo.add"(%v163, %v111) : (tensor<32x10xf32>, tensor<32x10xf32>) -> tensor<32x10xf32>
    %v165 = "stablehlo.broadcast_in_dim"(%learning_rate) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<32x10xf32>
    %v166 = "stablehlo.multiply"(%v165, %v164) : (tensor<32x10xf32>, tensor<32x10xf32>) -> tensor<32x10xf32>
    %v167 = "stablehlo.subtract"(%params.dense2_w, %v166) : (tensor<32x10xf32>, tensor<32x10xf32>) -> tensor<32x10xf32>
    %v168 = "stablehlo.constant"() {value = dense<0x0000000000000000> : tensor<16xf64>} : () -> tensor<16xf64>
    %v169 = "stablehlo.constant"() {value = dense<0x0000000000000000> : tensor<8x8x1x16xf64>} : () -> tensor<8x8x1x16xf64>
    %v170 = "stablehlo.constant"() {value = dense<0x0000000000000000> : tensor<32xf64>} : () -> tensor<32xf64>
    %v171 = "stablehlo.constant"() {value = dense<0x0000000000000000> : tensor<4x4x16x32xf64>} : () -> tensor<4x4x16x32xf64>
    %v172 = "stablehlo.constant"() {value = dense<0x0000000000000000> : tensor<32xf64>} : () -> tensor<32xf64>
    %v173 = "stablehlo.constant"() {value = dense<0x0000000000000000> : tensor<512x32xf64>} : () -> tensor<512x32xf64>
    %v174 = "stablehlo.constant"() {value = dense<0x0000000000000000> : tensor<10xf64>} : () -> tensor<10xf64>
    %v175 = "stablehlo.constant"() {value = dense<0x0000000000000000> : tensor<32x10xf64>} : () -> tensor<32x10xf64>
    %v176 = "stablehlo.abs"(%v118) : (tensor<16xf32>) -> tensor<16xf32>
    %v177 = "stablehlo.constant"() {value = dense<0x7F800000> : tensor<f32>} : () -> tensor<f32>
    %v178 = "stablehlo.broadcast_in_dim"(%v177) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<16xf32>
    %v179 = "stablehlo.compare"(%v176, %v178) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<16xf32>, tensor<16xf32>) -> tensor<16xi1>
    %v180 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v181 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
    %v182 = "stablehlo.broadcast_in_dim"(%v180) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<16xf32>
    %v183 = "stablehlo.broadcast_in_dim"(%v181) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<16xf32>
    %v184 = "stablehlo.select"(%v179, %v182, %v183) : (tensor<16xi1>, tensor<16xf32>, tensor<16xf32>) -> tensor<16xf32>
    %t52 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v185 = "stablehlo.reduce"(%v184, %t52) ({
    ^bb0(%t53: tensor<f32>, %t54: tensor<f32>):
      %t55 = "stablehlo.add"(%t53, %t54) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t55) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0>} : (tensor<16xf32>, tensor<f32>) -> tensor<f32>
    %v186 = "stablehlo.abs"(%v125) : (tensor<8x8x1x16xf32>) -> tensor<8x8x1x16xf32>
    %v187 = "stablehlo.constant"() {value = dense<0x7F800000> : tensor<f32>} : () -> tensor<f32>
    %v188 = "stablehlo.broadcast_in_dim"(%v187) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x8x1x16xf32>
    %v189 = "stablehlo.compare"(%v186, %v188) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<8x8x1x16xf32>, tensor<8x8x1x16xf32>) -> tensor<8x8x1x16xi1>
    %v190 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v191 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
    %v192 = "stablehlo.broadcast_in_dim"(%v190) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x8x1x16xf32>
    %v193 = "stablehlo.broadcast_in_dim"(%v191) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x8x1x16xf32>
    %v194 = "stablehlo.select"(%v189, %v192, %v193) : (tensor<8x8x1x16xi1>, tensor<8x8x1x16xf32>, tensor<8x8x1x16xf32>) -> tensor<8x8x1x16xf32>
    %t56 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v195 = "stablehlo.reduce"(%v194, %t56) ({
    ^bb0(%t57: tensor<f32>, %t58: tensor<f32>):
      %t59 = "stablehlo.add"(%t57, %t58) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t59) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0, 1, 2, 3>} : (tensor<8x8x1x16xf32>, tensor<f32>) -> tensor<f32>
    %v196 = "stablehlo.add"(%v185, %v195) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %v197 = "stablehlo.abs"(%v132) : (tensor<32xf32>) -> tensor<32xf32>
    %v198 = "stablehlo.constant"() {value = dense<0x7F800000> : tensor<f32>} : () -> tensor<f32>
    %v199 = "stablehlo.broadcast_in_dim"(%v198) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<32xf32>
    %v200 = "stablehlo.compare"(%v197, %v199) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<32xf32>, tensor<32xf32>) -> tensor<32xi1>
    %v201 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v202 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
    %v203 = "stablehlo.broadcast_in_dim"(%v201) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<32xf32>
    %v204 = "stablehlo.broadcast_in_dim"(%v202) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<32xf32>
    %v205 = "stablehlo.select"(%v200, %v203, %v204) : (tensor<32xi1>, tensor<32xf32>, tensor<32xf32>) -> tensor<32xf32>
    %t60 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v206 = "stablehlo.reduce"(%v205, %t60) ({
    ^bb0(%t61: tensor<f32>, %t62: tensor<f32>):
      %t63 = "stablehlo.add"(%t61, %t62) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t63) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0>} : (tensor<32xf32>, tensor<f32>) -> tensor<f32>
    %v207 = "stablehlo.add"(%v196, %v206) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %v208 = "stablehlo.abs"(%v139) : (tensor<4x4x16x32xf32>) -> tensor<4x4x16x32xf32>
    %v209 = "stablehlo.constant"() {value = dense<0x7F800000> : tensor<f32>} : () -> tensor<f32>
    %v210 = "stablehlo.broadcast_in_dim"(%v209) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<4x4x16x32xf32>
    %v211 = "stablehlo.compare"(%v208, %v210) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<4x4x16x32xf32>, tensor<4x4x16x32xf32>) -> tensor<4x4x16x32xi1>
    %v212 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v213 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
    %v214 = "stablehlo.broadcast_in_dim"(%v212) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<4x4x16x32xf32>
    %v215 = "stablehlo.broadcast_in_dim"(%v213) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<4x4x16x32xf32>
    %v216 = "stablehlo.select"(%v211, %v214, %v215) : (tensor<4x4x16x32xi1>, tensor<4x4x16x32xf32>, tensor<4x4x16x32xf32>) -> tensor<4x4x16x32xf32>
    %t64 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v217 = "stablehlo.reduce"(%v216, %t64) ({
    ^bb0(%t65: tensor<f32>, %t66: tensor<f32>):
      %t67 = "stablehlo.add"(%t65, %t66) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t67) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0, 1, 2, 3>} : (tensor<4x4x16x32xf32>, tensor<f32>) -> tensor<f32>
    %v218 = "stablehlo.add"(%v207, %v217) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %v219 = "stablehlo.abs"(%v146) : (tensor<32xf32>) -> tensor<32xf32>
    %v220 = "stablehlo.constant"() {value = dense<0x7F800000> : tensor<f32>} : () -> tensor<f32>
    %v221 = "stablehlo.broadcast_in_dim"(%v220) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<32xf32>
    %v222 = "stablehlo.compare"(%v219, %v221) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<32xf32>, tensor<32xf32>) -> tensor<32xi1>
    %v223 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v224 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
    %v225 = "stablehlo.broadcast_in_dim"(%v223) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<32xf32>
    %v226 = "stablehlo.broadcast_in_dim"(%v224) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<32xf32>
    %v227 = "stablehlo.select"(%v222, %v225, %v226) : (tensor<32xi1>, tensor<32xf32>, tensor<32xf32>) -> tensor<32xf32>
    %t68 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v228 = "stablehlo.reduce"(%v227, %t68) ({
    ^bb0(%t69: tensor<f32>, %t70: tensor<f32>):
      %t71 = "stablehlo.add"(%t69, %t70) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t71) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0>} : (tensor<32xf32>, tensor<f32>) -> tensor<f32>
    %v229 = "stablehlo.add"(%v218, %v228) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %v230 = "stablehlo.abs"(%v153) : (tensor<512x32xf32>) -> tensor<512x32xf32>
    %v231 = "stablehlo.constant"() {value = dense<0x7F800000> : tensor<f32>} : () -> tensor<f32>
    %v232 = "stablehlo.broadcast_in_dim"(%v231) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<512x32xf32>
    %v233 = "stablehlo.compare"(%v230, %v232) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<512x32xf32>, tensor<512x32xf32>) -> tensor<512x32xi1>
    %v234 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v235 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
    %v236 = "stablehlo.broadcast_in_dim"(%v234) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<512x32xf32>
    %v237 = "stablehlo.broadcast_in_dim"(%v235) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<512x32xf32>
    %v238 = "stablehlo.select"(%v233, %v236, %v237) : (tensor<512x32xi1>, tensor<512x32xf32>, tensor<512x32xf32>) -> tensor<512x32xf32>
    %t72 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v239 = "stablehlo.reduce"(%v238, %t72) ({
    ^bb0(%t73: tensor<f32>, %t74: tensor<f32>):
      %t75 = "stablehlo.add"(%t73, %t74) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t75) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0, 1>} : (tensor<512x32xf32>, tensor<f32>) -> tensor<f32>
    %v240 = "stablehlo.add"(%v229, %v239) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %v241 = "stablehlo.abs"(%v160) : (tensor<10xf32>) -> tensor<10xf32>
    %v242 = "stablehlo.constant"() {value = dense<0x7F800000> : tensor<f32>} : () -> tensor<f32>
    %v243 = "stablehlo.broadcast_in_dim"(%v242) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<10xf32>
    %v244 = "stablehlo.compare"(%v241, %v243) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<10xf32>, tensor<10xf32>) -> tensor<10xi1>
    %v245 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v246 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
    %v247 = "stablehlo.broadcast_in_dim"(%v245) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<10xf32>
    %v248 = "stablehlo.broadcast_in_dim"(%v246) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<10xf32>
    %v249 = "stablehlo.select"(%v244, %v247, %v248) : (tensor<10xi1>, tensor<10xf32>, tensor<10xf32>) -> tensor<10xf32>
    %t76 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v250 = "stablehlo.reduce"(%v249, %t76) ({
    ^bb0(%t77: tensor<f32>, %t78: tensor<f32>):
      %t79 = "stablehlo.add"(%t77, %t78) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t79) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0>} : (tensor<10xf32>, tensor<f32>) -> tensor<f32>
    %v251 = "stablehlo.add"(%v240, %v250) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %v252 = "stablehlo.abs"(%v167) : (tensor<32x10xf32>) -> tensor<32x10xf32>
    %v253 = "stablehlo.constant"() {value = dense<0x7F800000> : tensor<f32>} : () -> tensor<f32>
    %v254 = "stablehlo.broadcast_in_dim"(%v253) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<32x10xf32>
    %v255 = "stablehlo.compare"(%v252, %v254) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<32x10xf32>, tensor<32x10xf32>) -> tensor<32x10xi1>
    %v256 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v257 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
    %v258 = "stablehlo.broadcast_in_dim"(%v256) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<32x10xf32>
    %v259 = "stablehlo.broadcast_in_dim"(%v257) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<32x10xf32>
    %v260 = "stablehlo.select"(%v255, %v258, %v259) : (tensor<32x10xi1>, tensor<32x10xf32>, tensor<32x10xf32>) -> tensor<32x10xf32>
    %t80 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v261 = "stablehlo.reduce"(%v260, %t80) ({
    ^bb0(%t81: tensor<f32>, %t82: tensor<f32>):
      %t83 = "stablehlo.add"(%t81, %t82) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t83) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0, 1>} : (tensor<32x10xf32>, tensor<f32>) -> tensor<f32>
    %v262 = "stablehlo.add"(%v251, %v261) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    "func.return"(%v118, %v125, %v132, %v139, %v146, %v153, %v160, %v167, %v115, %v122, %v129, %v136, %v143, %v150, %v157, %v164, %v168, %v169, %v170, %v171, %v172, %v173, %v174, %v175, %v262) : (tensor<16xf32>, tensor<8x8x1x16xf32>, tensor<32xf32>, tensor<4x4x16x32xf32>, tensor<32xf32>, tensor<512x32xf32>, tensor<10xf32>, tensor<32x10xf32>, tensor<16xf32>, tensor<8x8x1x16xf32>, tensor<32xf32>, tensor<4x4x16x32xf32>, tensor<32xf32>, tensor<512x32xf32>, tensor<10xf32>, tensor<32x10xf32>, tensor<16xf64>, tensor<8x8x1x16xf64>, tensor<32xf64>, tensor<4x4x16x32xf64>, tensor<32xf64>, tensor<512x32xf64>, tensor<10xf64>, tensor<32x10xf64>, tensor<f32>) -> ()
  }
}
