module @dpxla {
  func.func public @main(%params.conv1_b: tensor<16xf32>, %params.conv1_w: tensor<8x8x1x16xf32>, %params.conv2_b: tensor<32xf32>, %params.conv2_w: tensor<4x4x16x32xf32>, %params.dense1_b: tensor<32xf32>, %params.dense1_w: tensor<512x32xf32>, %params.dense2_b: tensor<10xf32>, %params.dense2_w: tensor<32x10xf32>, %slots.conv1_b_momentum: tensor<16xf32>, %slots.conv1_w_momentum: tensor<8x8x1x16xf32>, %slots.conv2_b_momentum: tensor<32xf32>, %slots.conv2_w_momentum: tensor<4x4x16x32xf32>, %slots.dense1_b_momentum: tensor<32xf32>, %slots.dense1_w_momentum: tensor<512x32xf32>, %slots.dense2_b_momentum: tensor<10xf32>, %slots.dense2_w_momentum: tensor<32x10xf32>, %accumulators.conv1_b: tensor<16xf32>, %accumulators.conv1_w: tensor<8x8x1x16xf32>, %accumulators.conv2_b: tensor<32xf32>, %accumulators.conv2_w: tensor<4x4x16x32xf32>, %accumulators.dense1_b: tensor<32xf32>, %accumulators.dense1_w: tensor<512x32xf32>, %accumulators.dense2_b: tensor<10xf32>, %accumulators.dense2_w: tensor<32x10xf32>, %noise_key: tensor<4xui32>, %learning_rate: tensor<f32>, %step: tensor<f32>) -> (tensor<16xf32>, tensor<8x8x1x16xf32>, tensor<32xf32>, tensor<4x4x16x32xf32>, tensor<32xf32>, tensor<512x32xf32>, tensor<10xf32>, tensor<32x10xf32>, tensor<16xf32>, tensor<8x8x1x16xf32>, tensor<32xf32>, tensor<4x4x16x32xf32>, tensor<32xf32>, tensor<512x32xf32>, tensor<10xf32>, tensor<32x10xf32>, tensor<16xf32>, tensor<8x8x1x16xf32>, tensor<32xf32>, tensor<4x4x16x32xf32>, tensor<32xf32>, tensor<512x32xf32>, tensor<10xf32>, tensor<32x10xf32>, tensor<f32>) {
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
    %v29 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
    %v30 = "stablehlo.broadcast_in_dim"(%v29) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<16xf32>
    %v31 = "stablehlo.multiply"(%v28, %v30) : (tensor<16xf32>, tensor<16xf32>) -> tensor<16xf32>
    %v32 = "stablehlo.add"(%accumulators.conv1_b, %v31) : (tensor<16xf32>, tensor<16xf32>) -> tensor<16xf32>
    %v33 = "stablehlo.constant"() {value = dense<0x41000000> : tensor<f32>} : () -> tensor<f32>
    %v34 = "stablehlo.broadcast_in_dim"(%v33) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<16xf32>
    %v35 = "stablehlo.divide"(%v32, %v34) : (tensor<16xf32>, tensor<16xf32>) -> tensor<16xf32>
    %v36 = "stablehlo.slice"(%v27) {start_indices = array<i64: 16>, limit_indices = array<i64: 1040>, strides = array<i64: 1>} : (tensor<26010xf32>) -> tensor<1024xf32>
    %v37 = "stablehlo.reshape"(%v36) : (tensor<1024xf32>) -> tensor<8x8x1x16xf32>
    %v38 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
    %v39 = "stablehlo.broadcast_in_dim"(%v38) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x8x1x16xf32>
    %v40 = "stablehlo.multiply"(%v37, %v39) : (tensor<8x8x1x16xf32>, tensor<8x8x1x16xf32>) -> tensor<8x8x1x16xf32>
    %v41 = "stablehlo.add"(%accumulators.conv1_w, %v40) : (tensor<8x8x1x16xf32>, tensor<8x8x1x16xf32>) -> tensor<8x8x1x16xf32>
    %v42 = "stablehlo.constant"() {value = dense<0x41000000> : tensor<f32>} : () -> tensor<f32>
    %v43 = "stablehlo.broadcast_in_dim"(%v42) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x8x1x16xf32>
    %v44 = "stablehlo.divide"(%v41, %v43) : (tensor<8x8x1x16xf32>, tensor<8x8x1x16xf32>) -> tensor<8x8x1x16xf32>
    %v45 = "stablehlo.slice"(%v27) {start_indices = array<i64: 1040>, limit_indices = array<i64: 1072>, strides = array<i64: 1>} : (tensor<26010xf32>) -> tensor<32xf32>
    %v46 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
    %v47 = "stablehlo.broadcast_in_dim"(%v46) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<32xf32>
    %v48 = "stablehlo.multiply"(%v45, %v47) : (tensor<32xf32>, tensor<32xf32>) -> tensor<32xf32>
    %v49 = "stablehlo.add"(%accumulators.conv2_b, %v48) : (tensor<32xf32>, tensor<32xf32>) -> tensor<32xf32>
    %v50 = "stablehlo.constant"() {value = dense<0x41000000> : tensor<f32>} : () -> tensor<f32>
    %v51 = "stablehlo.broadcast_in_dim"(%v50) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<32xf32>
    %v52 = "stablehlo.divide"(%v49, %v51) : (tensor<32xf32>, tensor<32xf32>) -> tensor<32xf32>
    %v53 = "stablehlo.slice"(%v27) {start_indices = array<i64: 1072>, limit_indices = array<i64: 9264>, strides = array<i64: 1>} : (tensor<26010xf32>) -> tensor<8192xf32>
    %v54 = "stablehlo.reshape"(%v53) : (tensor<8192xf32>) -> tensor<4x4x16x32xf32>
    %v55 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
    %v56 = "stablehlo.broadcast_in_dim"(%v55) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<4x4x16x32xf32>
    %v57 = "stablehlo.multiply"(%v54, %v56) : (tensor<4x4x16x32xf32>, tensor<4x4x16x32xf32>) -> tensor<4x4x16x32xf32>
    %v58 = "stablehlo.add"(%accumulators.conv2_w, %v57) : (tensor<4x4x16x32xf32>, tensor<4x4x16x32xf32>) -> tensor<4x4x16x32xf32>
    %v59 = "stablehlo.constant"() {value = dense<0x41000000> : tensor<f32>} : () -> tensor<f32>
    %v60 = "stablehlo.broadcast_in_dim"(%v59) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<4x4x16x32xf32>
    %v61 = "stablehlo.divide"(%v58, %v60) : (tensor<4x4x16x32xf32>, tensor<4x4x16x32xf32>) -> tensor<4x4x16x32xf32>
    %v62 = "stablehlo.slice"(%v27) {start_indices = array<i64: 9264>, limit_indices = array<i64: 9296>, strides = array<i64: 1>} : (tensor<26010xf32>) -> tensor<32xf32>
    %v63 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
    %v64 = "stablehlo.broadcast_in_dim"(%v63) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<32xf32>
    %v65 = "stablehlo.multiply"(%v62, %v64) : (tensor<32xf32>, tensor<32xf32>) -> tensor<32xf32>
    %v66 = "stablehlo.add"(%accumulators.dense1_b, %v65) : (tensor<32xf32>, tensor<32xf32>) -> tensor<32xf32>
    %v67 = "stablehlo.constant"() {value = dense<0x41000000> : tensor<f32>} : () -> tensor<f32>
    %v68 = "stablehlo.broadcast_in_dim"(%v67) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<32xf32>
    %v69 = "stablehlo.divide"(%v66, %v68) : (tensor<32xf32>, tensor<32xf32>) -> tensor<32xf32>
    %v70 = "stablehlo.slice"(%v27) {start_indices = array<i64: 9296>, limit_indices = array<i64: 25680>, strides = array<i64: 1>} : (tensor<26010xf32>) -> tensor<16384xf32>
    %v71 = "stablehlo.reshape"(%v70) : (tensor<16384xf32>) -> tensor<512x32xf32>
    %v72 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
    %v73 = "stablehlo.broadcast_in_dim"(%v72) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<512x32xf32>
    %v74 = "stablehlo.multiply"(%v71, %v73) : (tensor<512x32xf32>, tensor<512x32xf32>) -> tensor<512x32xf32>
    %v75 = "stablehlo.add"(%accumulators.dense1_w, %v74) : (tensor<512x32xf32>, tensor<512x32xf32>) -> tensor<512x32xf32>
    %v76 = "stablehlo.constant"() {value = dense<0x41000000> : tensor<f32>} : () -> tensor<f32>
    %v77 = "stablehlo.broadcast_in_dim"(%v76) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<512x32xf32>
    %v78 = "stablehlo.divide"(%v75, %v77) : (tensor<512x32xf32>, tensor<512x32xf32>) -> tensor<512x32xf32>
    %v79 = "stablehlo.slice"(%v27) {start_indices = array<i64: 25680>, limit_indices = array<i64: 25690>, strides = array<i64: 1>} : (tensor<26010xf32>) -> tensor<10xf32>
    %v80 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
    %v81 = "stablehlo.broadcast_in_dim"(%v80) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<10xf32>
    %v82 = "stablehlo.multiply"(%v79, %v81) : (tensor<10xf32>, tensor<10xf32>) -> tensor<10xf32>
    %v83 = "stablehlo.add"(%accumulators.dense2_b, %v82) : (tensor<10xf32>, tensor<10xf32>) -> tensor<10xf32>
    %v84 = "stablehlo.constant"() {value = dense<0x41000000> : tensor<f32>} : () -> tensor<f32>
    %v85 = "stablehlo.broadcast_in_dim"(%v84) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<10xf32>
    %v86 = "stablehlo.divide"(%v83, %v85) : (tensor<10xf32>, tensor<10xf32>) -> tensor<10xf32>
    %v87 = "stablehlo.slice"(%v27) {start_indices = array<i64: 25690>, limit_indices = array<i64: 26010>, strides = array<i64: 1>} : (tensor<26010xf32>) -> tensor<320xf32>
    %v88 = "stablehlo.reshape"(%v87) : (tensor<320xf32>) -> tensor<32x10xf32>
    %v89 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
    %v90 = "stablehlo.broadcast_in_dim"(%v89) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<32x10xf32>
    %v91 = "stablehlo.multiply"(%v88, %v90) : (tensor<32x10xf32>, tensor<32x10xf32>) -> tensor<32x10xf32>
    %v92 = "stablehlo.add"(%accumulators.dense2_w, %v91) : (tensor<32x10xf32>, tensor<32x10xf32>) -> tensor<32x10xf32>
    %v93 = "stablehlo.constant"() {value = dense<0x41000000> : tensor<f32>} : () -> tensor<f32>
    %v94 = "stablehlo.broadcast_in_dim"(%v93) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<32x10xf32>
    %v95 = "stablehlo.divide"(%v92, %v94) : (tensor<32x10xf32>, tensor<32x10xf32>) -> tensor<32x10xf32>
    %v96 = "stablehlo.constant"() {value = dense<0x3F666666> : tensor<f32>} : () -> tensor<f32>
    %v97 = "stablehlo.broadcast_in_dim"(%v96) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<16xf32>
    %v98 = "stablehlo.multiply"(%slots.conv1_b_momentum, %v97) : (tensor<16xf32>, tensor<16xf32>) -> tensor<16xf32>
    %v99 = "stablehlo.add"(%v98, %v35) : (tensor<16xf32>, tensor<16xf32>) -> tensor<16xf32>
    %v100 = "stablehlo.broadcast_in_dim"(%learning_rate) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<16xf32>
    %v101 = "stablehlo.multiply"(%v100, %v99) : (tensor<16xf32>, tensor<16xf32>) -> tensor<16xf32>
    %v102 = "stablehlo.subtract"(%params.conv1_b, %v101) : (tensor<16xf32>, tensor<16xf32>) -> tensor<16xf32>
    %v103 = "stablehlo.constant"() {value = dense<0x3F666666> : tensor<f32>} : () -> tensor<f32>
    %v104 = "stablehlo.broadcast_in_dim"(%v103) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x8x1x16xf32>
    %v105 = "stablehlo.multiply"(%slots.conv1_w_momentum, %v104) : (tensor<8x8x1x16xf32>, tensor<8x8x1x16xf32>) -> tensor<8x8x1x16xf32>
    %v106 = "stablehlo.add"(%v105, %v44) : (tensor<8x8x1x16xf32>, tensor<8x8x1x16xf32>) -> tensor<8x8x1x16xf32>
    %v107 = "stablehlo.broadcast_in_dim"(%learning_rate) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x8x1x16xf32>
    %v108 = "stablehlo.multiply"(%v107, %v106) : (tensor<8x8x1x16xf32>, tensor<8x8x1x16xf32>) -> tensor<8x8x1x16xf32>
    %v109 = "stablehlo.subtract"(%params.conv1_w, %v108) : (tensor<8x8x1x16xf32>, tensor<8x8x1x16xf32>) -> tensor<8x8x1x16xf32>
    %v110 = "stablehlo.constant"() {value = dense<0x3F666666> : tensor<f32>} : () -> tensor<f32>
    %v111 = "stablehlo.broadcast_in_dim"(%v110) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<32xf32>
    %v112 = "stablehlo.multiply"(%slots.conv2_b_momentum, %v111) : (tensor<32xf32>, tensor<32xf32>) -> tensor<32xf32>
    %v113 = "stablehlo.add"(%v112, %v52) : (tensor<32xf32>, tensor<32xf32>) -> tensor<32xf32>
    %v114 = "stablehlo.broadcast_in_dim"(%learning_rate) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<32xf32>
    %v115 = "stablehlo.multiply"(%v114, %v113) : (tensor<32xf32>, tensor<32xf32>) -> tensor<32xf32>
    %v116 = "stablehlo.subtract"(%params.conv2_b, %v115) : (tensor<32xf32>, tensor<32xf32>) -> tensor<32xf32>
    %v117 = "stablehlo.constant"() {value = dense<0x3F666666> : tensor<f32>} : () -> tensor<f32>
    %v118 = "stablehlo.broadcast_in_dim"(%v117) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<4x4x16x32xf32>
    %v119 = "stablehlo.multiply"(%slots.conv2_w_momentum, %v118) : (tensor<4x4x16x32xf32>, tensor<4x4x16x32xf32>) -> tensor<4x4x16x32xf32>
    %v120 = "stablehlo.add"(%v119, %v61) : (tensor<4x4x16x32xf32>, tensor<4x4x16x32xf32>) -> tensor<4x4x16x32xf32>
    %v121 = "stablehlo.broadcast_in_dim"(%learning_rate) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<4x4x16x32xf32>
    %v122 = "stablehlo.multiply"(%v121, %v120) : (tensor<4x4x16x32xf32>, tensor<4x4x16x32xf32>) -> tensor<4x4x16x32xf32>
    %v123 = "stablehlo.subtract"(%params.conv2_w, %v122) : (tensor<4x4x16x32xf32>, tensor<4x4x16x32xf32>) -> tensor<4x4x16x32xf32>
    %v124 = "stablehlo.constant"() {value = dense<0x3F666666> : tensor<f32>} : () -> tensor<f32>
    %v125 = "stablehlo.broadcast_in_dim"(%v124) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<32xf32>
    %v126 = "stablehlo.multiply"(%slots.dense1_b_momentum, %v125) : (tensor<32xf32>, tensor<32xf32>) -> tensor<32xf32>
    %v127 = "stablehlo.add"(%v126, %v69) : (tensor<32xf32>, tensor<32xf32>) -> tensor<32xf32>
    %v128 = "stablehlo.broadcast_in_dim"(%learning_rate) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<32xf32>
    %v129 = "stablehlo.multiply"(%v128, %v127) : (tensor<32xf32>, tensor<32xf32>) -> tensor<32xf32>
    %v130 = "stablehlo.subtract"(%params.dense1_b, %v129) : (tensor<32xf32>, tensor<32xf32>) -> tensor<32xf32>
    %v131 = "stablehlo.constant"() {value = dense<0x3F666666> : tensor<f32>} : () -> tensor<f32>
    %v132 = "stablehlo.broadcast_in_dim"(%v131) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<512x32xf32>
    %v133 = "stablehlo.multiply"(%slots.dense1_w_momentum, %v132) : (tensor<512x32xf32>, tensor<512x32xf32>) -> tensor<512x32xf32>
    %v134 = "stablehlo.add"(%v133, %v78) : (tensor<512x32xf32>, tensor<512x32xf32>) -> tensor<512x32xf32>
    %v135 = "stablehlo.broadcast_in_dim"(%learning_rate) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<512x32xf32>
    %v136 = "stablehlo.multiply"(%v135, %v134) : (tensor<512x32xf32>, tensor<512x32xf32>) -> tensor<512x32xf32>
    %v137 = "stablehlo.subtract"(%params.dense1_w, %v136) : (tensor<512x32xf32>, tensor<512x32xf32>) -> tensor<512x32xf32>
    %v138 = "stablehlo.constant"() {value = dense<0x3F666666> : tensor<f32>} : () -> tensor<f32>
    %v139 = "stablehlo.broadcast_in_dim"(%v138) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<10xf32>
    %v140 = "stablehlo.multiply"(%slots.dense2_b_momentum, %v139) : (tensor<10xf32>, tensor<10xf32>) -> tensor<10xf32>
    %v141 = "stablehlo.add"(%v140, %v86) : (tensor<10xf32>, tensor<10xf32>) -> tensor<10xf32>
    %v142 = "stablehlo.broadcast_in_dim"(%learning_rate) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<10xf32>
    %v143 = "stablehlo.multiply"(%v142, %v141) : (tensor<10xf32>, tensor<10xf32>) -> tensor<10xf32>
    %v144 = "stablehlo.subtract"(%params.dense2_b, %v143) : (tensor<10xf32>, tensor<10xf32>) -> tensor<10xf32>
    %v145 = "stablehlo.constant"() {value = dense<0x3F666666> : tensor<f32>} : () -> tensor<f32>
    %v146 = "stablehlo.broadcast_in_dim"(%v145) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<32x10xf32>
    %v147 = "stablehlo.multiply"(%slots.dense2_w_momentum, %v146) : (tensor<32x10xf32>, tensor<32x10xf32>) -> tensor<32x10xf32>
    %v148 = "stablehlo.add"(%v147, %v95) : (tensor<32x10xf32>, tensor<32x10xf32>) -> tensor<32x10xf32>
    %v149 = "stablehlo.broadcast_in_dim"(%learning_rate) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<32x10xf32>
    %v150 = "stablehlo.multiply"(%v149, %v148) : (tensor<32x10xf32>, tensor<32x10xf32>) -> tensor<32x10xf32>
    %v151 = "stablehlo.subtract"(%params.dense2_w, %v150) : (tensor<32x10xf32>, tensor<32x10xf32>) -> tensor<32x10xf32>
    %v152 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<16xf32>} : () -> tensor<16xf32>
    %v153 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<8x8x1x16xf32>} : () -> tensor<8x8x1x16xf32>
    %v154 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<32xf32>} : () -> tensor<32xf32>
    %v155 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<4x4x16x32xf32>} : () -> tensor<4x4x16x32xf32>
    %v156 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<32xf32>} : () -> tensor<32xf32>
    %v157 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<512x32xf32>} : () -> tensor<512x32xf32>
    %v158 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<10xf32>} : () -> tensor<10xf32>
    %v159 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<32x10xf32>} : () -> tensor<32x10xf32>
    %v160 = "stablehlo.abs"(%v102) : (tensor<16xf32>) -> tensor<16xf32>
    %v161 = "stablehlo.constant"() {value = dense<0x7F800000> : tensor<f32>} : () -> tensor<f32>
    %v162 = "stablehlo.broadcast_in_dim"(%v161) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<16xf32>
    %v163 = "stablehlo.compare"(%v160, %v162) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<16xf32>, tensor<16xf32>) -> tensor<16xi1>
    %v164 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v165 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
    %v166 = "stablehlo.broadcast_in_dim"(%v164) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<16xf32>
    %v167 = "stablehlo.broadcast_in_dim"(%v165) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<16xf32>
    %v168 = "stablehlo.select"(%v163, %v166, %v167) : (tensor<16xi1>, tensor<16xf32>, tensor<16xf32>) -> tensor<16xf32>
    %t52 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v169 = "stablehlo.reduce"(%v168, %t52) ({
    ^bb0(%t53: tensor<f32>, %t54: tensor<f32>):
      %t55 = "stablehlo.add"(%t53, %t54) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t55) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0>} : (tensor<16xf32>, tensor<f32>) -> tensor<f32>
    %v170 = "stablehlo.abs"(%v109) : (tensor<8x8x1x16xf32>) -> tensor<8x8x1x16xf32>
    %v171 = "stablehlo.constant"() {value = dense<0x7F800000> : tensor<f32>} : () -> tensor<f32>
    %v172 = "stablehlo.broadcast_in_dim"(%v171) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x8x1x16xf32>
    %v173 = "stablehlo.compare"(%v170, %v172) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<8x8x1x16xf32>, tensor<8x8x1x16xf32>) -> tensor<8x8x1x16xi1>
    %v174 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v175 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
    %v176 = "stablehlo.broadcast_in_dim"(%v174) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x8x1x16xf32>
    %v177 = "stablehlo.broadcast_in_dim"(%v175) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x8x1x16xf32>
    %v178 = "stablehlo.select"(%v173, %v176, %v177) : (tensor<8x8x1x16xi1>, tensor<8x8x1x16xf32>, tensor<8x8x1x16xf32>) -> tensor<8x8x1x16xf32>
    %t56 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v179 = "stablehlo.reduce"(%v178, %t56) ({
    ^bb0(%t57: tensor<f32>, %t58: tensor<f32>):
      %t59 = "stablehlo.add"(%t57, %t58) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t59) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0, 1, 2, 3>} : (tensor<8x8x1x16xf32>, tensor<f32>) -> tensor<f32>
    %v180 = "stablehlo.add"(%v169, %v179) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %v181 = "stablehlo.abs"(%v116) : (tensor<32xf32>) -> tensor<32xf32>
    %v182 = "stablehlo.constant"() {value = dense<0x7F800000> : tensor<f32>} : () -> tensor<f32>
    %v183 = "stablehlo.broadcast_in_dim"(%v182) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<32xf32>
    %v184 = "stablehlo.compare"(%v181, %v183) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<32xf32>, tensor<32xf32>) -> tensor<32xi1>
    %v185 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v186 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
    %v187 = "stablehlo.broadcast_in_dim"(%v185) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<32xf32>
    %v188 = "stablehlo.broadcast_in_dim"(%v186) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<32xf32>
    %v189 = "stablehlo.select"(%v184, %v187, %v188) : (tensor<32xi1>, tensor<32xf32>, tensor<32xf32>) -> tensor<32xf32>
    %t60 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v190 = "stablehlo.reduce"(%v189, %t60) ({
    ^bb0(%t61: tensor<f32>, %t62: tensor<f32>):
      %t63 = "stablehlo.add"(%t61, %t62) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t63) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0>} : (tensor<32xf32>, tensor<f32>) -> tensor<f32>
    %v191 = "stablehlo.add"(%v180, %v190) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %v192 = "stablehlo.abs"(%v123) : (tensor<4x4x16x32xf32>) -> tensor<4x4x16x32xf32>
    %v193 = "stablehlo.constant"() {value = dense<0x7F800000> : tensor<f32>} : () -> tensor<f32>
    %v194 = "stablehlo.broadcast_in_dim"(%v193) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<4x4x16x32xf32>
    %v195 = "stablehlo.compare"(%v192, %v194) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<4x4x16x32xf32>, tensor<4x4x16x32xf32>) -> tensor<4x4x16x32xi1>
    %v196 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v197 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
    %v198 = "stablehlo.broadcast_in_dim"(%v196) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<4x4x16x32xf32>
    %v199 = "stablehlo.broadcast_in_dim"(%v197) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<4x4x16x32xf32>
    %v200 = "stablehlo.select"(%v195, %v198, %v199) : (tensor<4x4x16x32xi1>, tensor<4x4x16x32xf32>, tensor<4x4x16x32xf32>) -> tensor<4x4x16x32xf32>
    %t64 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v201 = "stablehlo.reduce"(%v200, %t64) ({
    ^bb0(%t65: tensor<f32>, %t66: tensor<f32>):
      %t67 = "stablehlo.add"(%t65, %t66) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t67) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0, 1, 2, 3>} : (tensor<4x4x16x32xf32>, tensor<f32>) -> tensor<f32>
    %v202 = "stablehlo.add"(%v191, %v201) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %v203 = "stablehlo.abs"(%v130) : (tensor<32xf32>) -> tensor<32xf32>
    %v204 = "stablehlo.constant"() {value = dense<0x7F800000> : tensor<f32>} : () -> tensor<f32>
    %v205 = "stablehlo.broadcast_in_dim"(%v204) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<32xf32>
    %v206 = "stablehlo.compare"(%v203, %v205) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<32xf32>, tensor<32xf32>) -> tensor<32xi1>
    %v207 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v208 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
    %v209 = "stablehlo.broadcast_in_dim"(%v207) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<32xf32>
    %v210 = "stablehlo.broadcast_in_dim"(%v208) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<32xf32>
    %v211 = "stablehlo.select"(%v206, %v209, %v210) : (tensor<32xi1>, tensor<32xf32>, tensor<32xf32>) -> tensor<32xf32>
    %t68 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v212 = "stablehlo.reduce"(%v211, %t68) ({
    ^bb0(%t69: tensor<f32>, %t70: tensor<f32>):
      %t71 = "stablehlo.add"(%t69, %t70) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t71) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0>} : (tensor<32xf32>, tensor<f32>) -> tensor<f32>
    %v213 = "stablehlo.add"(%v202, %v212) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %v214 = "stablehlo.abs"(%v137) : (tensor<512x32xf32>) -> tensor<512x32xf32>
    %v215 = "stablehlo.constant"() {value = dense<0x7F800000> : tensor<f32>} : () -> tensor<f32>
    %v216 = "stablehlo.broadcast_in_dim"(%v215) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<512x32xf32>
    %v217 = "stablehlo.compare"(%v214, %v216) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<512x32xf32>, tensor<512x32xf32>) -> tensor<512x32xi1>
    %v218 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v219 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
    %v220 = "stablehlo.broadcast_in_dim"(%v218) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<512x32xf32>
    %v221 = "stablehlo.broadcast_in_dim"(%v219) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<512x32xf32>
    %v222 = "stablehlo.select"(%v217, %v220, %v221) : (tensor<512x32xi1>, tensor<512x32xf32>, tensor<512x32xf32>) -> tensor<512x32xf32>
    %t72 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v223 = "stablehlo.reduce"(%v222, %t72) ({
    ^bb0(%t73: tensor<f32>, %t74: tensor<f32>):
      %t75 = "stablehlo.add"(%t73, %t74) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t75) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0, 1>} : (tensor<512x32xf32>, tensor<f32>) -> tensor<f32>
    %v224 = "stablehlo.add"(%v213, %v223) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %v225 = "stablehlo.abs"(%v144) : (tensor<10xf32>) -> tensor<10xf32>
    %v226 = "stablehlo.constant"() {value = dense<0x7F800000> : tensor<f32>} : () -> tensor<f32>
    %v227 = "stablehlo.broadcast_in_dim"(%v226) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<10xf32>
    %v228 = "stablehlo.compare"(%v225, %v227) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<10xf32>, tensor<10xf32>) -> tensor<10xi1>
    %v229 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v230 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
    %v231 = "stablehlo.broadcast_in_dim"(%v229) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<10xf32>
    %v232 = "stablehlo.broadcast_in_dim"(%v230) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<10xf32>
    %v233 = "stablehlo.select"(%v228, %v231, %v232) : (tensor<10xi1>, tensor<10xf32>, tensor<10xf32>) -> tensor<10xf32>
    %t76 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v234 = "stablehlo.reduce"(%v233, %t76) ({
    ^bb0(%t77: tensor<f32>, %t78: tensor<f32>):
      %t79 = "stablehlo.add"(%t77, %t78) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t79) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0>} : (tensor<10xf32>, tensor<f32>) -> tensor<f32>
    %v235 = "stablehlo.add"(%v224, %v234) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %v236 = "stablehlo.abs"(%v151) : (tensor<32x10xf32>) -> tensor<32x10xf32>
    %v237 = "stablehlo.constant"() {value = dense<0x7F800000> : tensor<f32>} : () -> tensor<f32>
    %v238 = "stablehlo.broadcast_in_dim"(%v237) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<32x10xf32>
    %v239 = "stablehlo.compare"(%v236, %v238) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<32x10xf32>, tensor<32x10xf32>) -> tensor<32x10xi1>
    %v240 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v241 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
    %v242 = "stablehlo.broadcast_in_dim"(%v240) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<32x10xf32>
    %v243 = "stablehlo.broadcast_in_dim"(%v241) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<32x10xf32>
    %v244 = "stablehlo.select"(%v239, %v242, %v243) : (tensor<32x10xi1>, tensor<32x10xf32>, tensor<32x10xf32>) -> tensor<32x10xf32>
    %t80 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v245 = "stablehlo.reduce"(%v244, %t80) ({
    ^bb0(%t81: tensor<f32>, %t82: tensor<f32>):
      %t83 = "stablehlo.add"(%t81, %t82) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t83) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0, 1>} : (tensor<32x10xf32>, tensor<f32>) -> tensor<f32>
    %v246 = "stablehlo.add"(%v235, %v245) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    "func.return"(%v102, %v109, %v116, %v123, %v130, %v137, %v144, %v151, %v99, %v106, %v113, %v120, %v127, %v134, %v141, %v148, %v152, %v153, %v154, %v155, %v156, %v157, %v158, %v159, %v246) : (tensor<16xf32>, tensor<8x8x1x16xf32>, tensor<32xf32>, tensor<4x4x16x32xf32>, tensor<32xf32>, tensor<512x32xf32>, tensor<10xf32>, tensor<32x10xf32>, tensor<16xf32>, tensor<8x8x1x16xf32>, tensor<32xf32>, tensor<4x4x16x32xf32>, tensor<32xf32>, tensor<512x32xf32>, tensor<10xf32>, tensor<32x10xf32>, tensor<16xf32>, tensor<8x8x1x16xf32>, tensor<32xf32>, tensor<4x4x16x32xf32>, tensor<32xf32>, tensor<512x32xf32>, tensor<10xf32>, tensor<32x10xf32>, tensor<f32>) -> ()
  }
}
