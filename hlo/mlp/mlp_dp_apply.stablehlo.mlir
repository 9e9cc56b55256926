module @dpxla {
  func.func public @main(%params.dense1_b: tensor<512xf32>, %params.dense1_w: tensor<784x512xf32>, %params.dense2_b: tensor<512xf32>, %params.dense2_w: tensor<512x512xf32>, %params.dense3_b: tensor<10xf32>, %params.dense3_w: tensor<512x10xf32>, %slots.dense1_b_momentum: tensor<512xf32>, %slots.dense1_w_momentum: tensor<784x512xf32>, %slots.dense2_b_momentum: tensor<512xf32>, %slots.dense2_w_momentum: tensor<512x512xf32>, %slots.dense3_b_momentum: tensor<10xf32>, %slots.dense3_w_momentum: tensor<512x10xf32>, %accumulators.dense1_b: tensor<512xf32>, %accumulators.dense1_w: tensor<784x512xf32>, %accumulators.dense2_b: tensor<512xf32>, %accumulators.dense2_w: tensor<512x512xf32>, %accumulators.dense3_b: tensor<10xf32>, %accumulators.dense3_w: tensor<512x10xf32>, %noise_key: tensor<4xui32>, %learning_rate: tensor<f32>, %step: tensor<f32>) -> (tensor<512xf32>, tensor<784x512xf32>, tensor<512xf32>, tensor<512x512xf32>, tensor<10xf32>, tensor<512x10xf32>, tensor<512xf32>, tensor<784x512xf32>, tensor<512xf32>, tensor<512x512xf32>, tensor<10xf32>, tensor<512x10xf32>, tensor<512xf32>, tensor<784x512xf32>, tensor<512xf32>, tensor<512x512xf32>, tensor<10xf32>, tensor<512x10xf32>, tensor<f32>) {
    %t1 = "stablehlo.reshape"(%noise_key) : (tensor<4xui32>) -> tensor<2x2xui32>
    %t2 = "stablehlo.bitcast_convert"(%t1) : (tensor<2x2xui32>) -> tensor<2xui64>
    %t3:2 = "stablehlo.rng_bit_generator"(%t2) {rng_algorithm = #stablehlo<rng_algorithm THREE_FRY>} : (tensor<2xui64>) -> (tensor<2xui64>, tensor<3x334853xui32>)
    %t4 = "stablehlo.slice"(%t3#1) {start_indices = array<i64: 0, 0>, limit_indices = array<i64: 1, 334853>, strides = array<i64: 1, 1>} : (tensor<3x334853xui32>) -> tensor<1x334853xui32>
    %t5 = "stablehlo.reshape"(%t4) : (tensor<1x334853xui32>) -> tensor<334853xui32>
    %t6 = "stablehlo.slice"(%t3#1) {start_indices = array<i64: 1, 0>, limit_indices = array<i64: 2, 334853>, strides = array<i64: 1, 1>} : (tensor<3x334853xui32>) -> tensor<1x334853xui32>
    %t7 = "stablehlo.reshape"(%t6) : (tensor<1x334853xui32>) -> tensor<334853xui32>
    %t8 = "stablehlo.constant"() {value = dense<2147483648> : tensor<334853xui32>} : () -> tensor<334853xui32>
    %t9 = "stablehlo.compare"(%t5, %t8) {comparison_direction = #stablehlo<comparison_direction GE>, compare_type = #stablehlo<comparison_type UNSIGNED>} : (tensor<334853xui32>, tensor<334853xui32>) -> tensor<334853xi1>
    %t10 = "stablehlo.not"(%t5) : (tensor<334853xui32>) -> tensor<334853xui32>
    %t11 = "stablehlo.not"(%t7) : (tensor<334853xui32>) -> tensor<334853xui32>
    %t12 = "stablehlo.select"(%t9, %t10, %t5) : (tensor<334853xi1>, tensor<334853xui32>, tensor<334853xui32>) -> tensor<334853xui32>
    %t13 = "stablehlo.select"(%t9, %t11, %t7) : (tensor<334853xi1>, tensor<334853xui32>, tensor<334853xui32>) -> tensor<334853xui32>
    %t14 = "stablehlo.convert"(%t12) : (tensor<334853xui32>) -> tensor<334853xf32>
    %t15 = "stablehlo.convert"(%t13) : (tensor<334853xui32>) -> tensor<334853xf32>
    %t16 = "stablehlo.constant"() {value = dense<0x2F800000> : tensor<334853xf32>} : () -> tensor<334853xf32>
    %t17 = "stablehlo.multiply"(%t14, %t16) : (tensor<334853xf32>, tensor<334853xf32>) -> tensor<334853xf32>
    %t18 = "stablehlo.constant"() {value = dense<0x3F000000> : tensor<334853xf32>} : () -> tensor<334853xf32>
    %t19 = "stablehlo.add"(%t15, %t18) : (tensor<334853xf32>, tensor<334853xf32>) -> tensor<334853xf32>
    %t20 = "stablehlo.constant"() {value = dense<0x1F800000> : tensor<334853xf32>} : () -> tensor<334853xf32>
    %t21 = "stablehlo.multiply"(%t19, %t20) : (tensor<334853xf32>, tensor<334853xf32>) -> tensor<334853xf32>
    %t22 = "stablehlo.add"(%t17, %t21) : (tensor<334853xf32>, tensor<334853xf32>) -> tensor<334853xf32>
    %t23 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<334853xf32>} : () -> tensor<334853xf32>
    %t24 = "stablehlo.subtract"(%t23, %t22) : (tensor<334853xf32>, tensor<334853xf32>) -> tensor<334853xf32>
    %t25 = "stablehlo.subtract"(%t23, %t24) : (tensor<334853xf32>, tensor<334853xf32>) -> tensor<334853xf32>
    %t26 = "stablehlo.subtract"(%t25, %t22) : (tensor<334853xf32>, tensor<334853xf32>) -> tensor<334853xf32>
    %t27 = "stablehlo.select"(%t9, %t24, %t22) : (tensor<334853xi1>, tensor<334853xf32>, tensor<334853xf32>) -> tensor<334853xf32>
    %t28 = "stablehlo.log"(%t27) : (tensor<334853xf32>) -> tensor<334853xf32>
    %t29 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<334853xf32>} : () -> tensor<334853xf32>
    %t30 = "stablehlo.select"(%t9, %t26, %t29) : (tensor<334853xi1>, tensor<334853xf32>, tensor<334853xf32>) -> tensor<334853xf32>
    %t31 = "stablehlo.add"(%t28, %t30) : (tensor<334853xf32>, tensor<334853xf32>) -> tensor<334853xf32>
    %t32 = "stablehlo.constant"() {value = dense<0xC0000000> : tensor<334853xf32>} : () -> tensor<334853xf32>
    %t33 = "stablehlo.multiply"(%t31, %t32) : (tensor<334853xf32>, tensor<334853xf32>) -> tensor<334853xf32>
    %t34 = "stablehlo.sqrt"(%t33) : (tensor<334853xf32>) -> tensor<334853xf32>
    %t35 = "stablehlo.slice"(%t3#1) {start_indices = array<i64: 2, 0>, limit_indices = array<i64: 3, 334853>, strides = array<i64: 1, 1>} : (tensor<3x334853xui32>) -> tensor<1x334853xui32>
    %t36 = "stablehlo.reshape"(%t35) : (tensor<1x334853xui32>) -> tensor<334853xui32>
    %t37 = "stablehlo.convert"(%t36) : (tensor<334853xui32>) -> tensor<334853xf32>
    %t38 = "stablehlo.constant"() {value = dense<0x2F800000> : tensor<334853xf32>} : () -> tensor<334853xf32>
    %t39 = "stablehlo.multiply"(%t37, %t38) : (tensor<334853xf32>, tensor<334853xf32>) -> tensor<334853xf32>
    %t40 = "stablehlo.constant"() {value = dense<0x40C90FDB> : tensor<334853xf32>} : () -> tensor<334853xf32>
    %t41 = "stablehlo.multiply"(%t39, %t40) : (tensor<334853xf32>, tensor<334853xf32>) -> tensor<334853xf32>
    %t42 = "stablehlo.broadcast_in_dim"(%t41) {broadcast_dimensions = array<i64: 1>} : (tensor<334853xf32>) -> tensor<2x334853xf32>
    %t43 = "stablehlo.broadcast_in_dim"(%t34) {broadcast_dimensions = array<i64: 1>} : (tensor<334853xf32>) -> tensor<2x334853xf32>
    %t44 = "stablehlo.iota"() {iota_dimension = 0 : i64} : () -> tensor<2x334853xf32>
    %t45 = "stablehlo.constant"() {value = dense<0x3FC90FDB> : tensor<2x334853xf32>} : () -> tensor<2x334853xf32>
    %t46 = "stablehlo.multiply"(%t44, %t45) : (tensor<2x334853xf32>, tensor<2x334853xf32>) -> tensor<2x334853xf32>
    %t47 = "stablehlo.subtract"(%t42, %t46) : (tensor<2x334853xf32>, tensor<2x334853xf32>) -> tensor<2x334853xf32>
    %t48 = "stablehlo.cosine"(%t47) : (tensor<2x334853xf32>) -> tensor<2x334853xf32>
    %t49 = "stablehlo.multiply"(%t43, %t48) : (tensor<2x334853xf32>, tensor<2x334853xf32>) -> tensor<2x334853xf32>
    %t50 = "stablehlo.reshape"(%t49) : (tensor<2x334853xf32>) -> tensor<669706xf32>
    %t51 = "stablehlo.reshape"(%t50) : (tensor<669706xf32>) -> tensor<669706xf32>
    %v21 = "stablehlo.convert"(%t51) : (tensor<669706xf32>) -> tensor<669706xf32>
    %v22 = "stablehlo.slice"(%v21) {start_indices = array<i64: 0>, limit_indices = array<i64: 512>, strides = array<i64: 1>} : (tensor<669706xf32>) -> tensor<512xf32>
    %v23 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
    %v24 = "stablehlo.broadcast_in_dim"(%v23) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<512xf32>
    %v25 = "stablehlo.multiply"(%v22, %v24) : (tensor<512xf32>, tensor<512xf32>) -> tensor<512xf32>
    %v26 = "stablehlo.add"(%accumulators.dense1_b, %v25) : (tensor<512xf32>, tensor<512xf32>) -> tensor<512xf32>
    %v27 = "stablehlo.constant"() {value = dense<0x41000000> : tensor<f32>} : () -> tensor<f32>
    %v28 = "stablehlo.broadcast_in_dim"(%v27) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<512xf32>
    %v29 = "stablehlo.divide"(%v26, %v28) : (tensor<512xf32>, tensor<512xf32>) -> tensor<512xf32>
    %v30 = "stablehlo.slice"(%v21) {start_indices = array<i64: 512>, limit_indices = array<i64: 401920>, strides = array<i64: 1>} : (tensor<669706xf32>) -> tensor<401408xf32>
    %v31 = "stablehlo.reshape"(%v30) : (tensor<401408xf32>) -> tensor<784x512xf32>
    %v32 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
    %v33 = "stablehlo.broadcast_in_dim"(%v32) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<784x512xf32>
    %v34 = "stablehlo.multiply"(%v31, %v33) : (tensor<784x512xf32>, tensor<784x512xf32>) -> tensor<784x512xf32>
    %v35 = "stablehlo.add"(%accumulators.dense1_w, %v34) : (tensor<784x512xf32>, tensor<784x512xf32>) -> tensor<784x512xf32>
    %v36 = "stablehlo.constant"() {value = dense<0x41000000> : tensor<f32>} : () -> tensor<f32>
    %v37 = "stablehlo.broadcast_in_dim"(%v36) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<784x512xf32>
    %v38 = "stablehlo.divide"(%v35, %v37) : (tensor<784x512xf32>, tensor<784x512xf32>) -> tensor<784x512xf32>
    %v39 = "stablehlo.slice"(%v21) {start_indices = array<i64: 401920>, limit_indices = array<i64: 402432>, strides = array<i64: 1>} : (tensor<669706xf32>) -> tensor<512xf32>
    %v40 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
    %v41 = "stablehlo.broadcast_in_dim"(%v40) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<512xf32>
    %v42 = "stablehlo.multiply"(%v39, %v41) : (tensor<512xf32>, tensor<512xf32>) -> tensor<512xf32>
    %v43 = "stablehlo.add"(%accumulators.dense2_b, %v42) : (tensor<512xf32>, tensor<512xf32>) -> tensor<512xf32>
    %v44 = "stablehlo.constant"() {value = dense<0x41000000> : tensor<f32>} : () -> tensor<f32>
    %v45 = "stablehlo.broadcast_in_dim"(%v44) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<512xf32>
    %v46 = "stablehlo.divide"(%v43, %v45) : (tensor<512xf32>, tensor<512xf32>) -> tensor<512xf32>
    %v47 = "stablehlo.slice"(%v21) {start_indices = array<i64: 402432>, limit_indices = array<i64: 664576>, strides = array<i64: 1>} : (tensor<669706xf32>) -> tensor<262144xf32>
    %v48 = "stablehlo.reshape"(%v47) : (tensor<262144xf32>) -> tensor<512x512xf32>
    %v49 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
    %v50 = "stablehlo.broadcast_in_dim"(%v49) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<512x512xf32>
    %v51 = "stablehlo.multiply"(%v48, %v50) : (tensor<512x512xf32>, tensor<512x512xf32>) -> tensor<512x512xf32>
    %v52 = "stablehlo.add"(%accumulators.dense2_w, %v51) : (tensor<512x512xf32>, tensor<512x512xf32>) -> tensor<512x512xf32>
    %v53 = "stablehlo.constant"() {value = dense<0x41000000> : tensor<f32>} : () -> tensor<f32>
    %v54 = "stablehlo.broadcast_in_dim"(%v53) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<512x512xf32>
    %v55 = "stablehlo.divide"(%v52, %v54) : (tensor<512x512xf32>, tensor<512x512xf32>) -> tensor<512x512xf32>
    %v56 = "stablehlo.slice"(%v21) {start_indices = array<i64: 664576>, limit_indices = array<i64: 664586>, strides = array<i64: 1>} : (tensor<669706xf32>) -> tensor<10xf32>
    %v57 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
    %v58 = "stablehlo.broadcast_in_dim"(%v57) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<10xf32>
    %v59 = "stablehlo.multiply"(%v56, %v58) : (tensor<10xf32>, tensor<10xf32>) -> tensor<10xf32>
    %v60 = "stablehlo.add"(%accumulators.dense3_b, %v59) : (tensor<10xf32>, tensor<10xf32>) -> tensor<10xf32>
    %v61 = "stablehlo.constant"() {value = dense<0x41000000> : tensor<f32>} : () -> tensor<f32>
    %v62 = "stablehlo.broadcast_in_dim"(%v61) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<10xf32>
    %v63 = "stablehlo.divide"(%v60, %v62) : (tensor<10xf32>, tensor<10xf32>) -> tensor<10xf32>
    %v64 = "stablehlo.slice"(%v21) {start_indices = array<i64: 664586>, limit_indices = array<i64: 669706>, strides = array<i64: 1>} : (tensor<669706xf32>) -> tensor<5120xf32>
    %v65 = "stablehlo.reshape"(%v64) : (tensor<5120xf32>) -> tensor<512x10xf32>
    %v66 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
    %v67 = "stablehlo.broadcast_in_dim"(%v66) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<512x10xf32>
    %v68 = "stablehlo.multiply"(%v65, %v67) : (tensor<512x10xf32>, tensor<512x10xf32>) -> tensor<512x10xf32>
    %v69 = "stablehlo.add"(%accumulators.dense3_w, %v68) : (tensor<512x10xf32>, tensor<512x10xf32>) -> tensor<512x10xf32>
    %v70 = "stablehlo.constant"() {value = dense<0x41000000> : tensor<f32>} : () -> tensor<f32>
    %v71 = "stablehlo.broadcast_in_dim"(%v70) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<512x10xf32>
    %v72 = "stablehlo.divide"(%v69, %v71) : (tensor<512x10xf32>, tensor<512x10xf32>) -> tensor<512x10xf32>
    %v73 = "stablehlo.constant"() {value = dense<0x3F666666> : tensor<f32>} : () -> tensor<f32>
    %v74 = "stablehlo.broadcast_in_dim"(%v73) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<512xf32>
    %v75 = "stablehlo.multiply"(%slots.dense1_b_momentum, %v74) : (tensor<512xf32>, tensor<512xf32>) -> tensor<512xf32>
    %v76 = "stablehlo.add"(%v75, %v29) : (tensor<512xf32>, tensor<512xf32>) -> tensor<512xf32>
    %v77 = "stablehlo.broadcast_in_dim"(%learning_rate) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<512xf32>
    %v78 = "stablehlo.multiply"(%v77, %v76) : (tensor<512xf32>, tensor<512xf32>) -> tensor<512xf32>
    %v79 = "stablehlo.subtract"(%params.dense1_b, %v78) : (tensor<512xf32>, tensor<512xf32>) -> tensor<512xf32>
    %v80 = "stablehlo.constant"() {value = dense<0x3F666666> : tensor<f32>} : () -> tensor<f32>
    %v81 = "stablehlo.broadcast_in_dim"(%v80) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<784x512xf32>
    %v82 = "stablehlo.multiply"(%slots.dense1_w_momentum, %v81) : (tensor<784x512xf32>, tensor<784x512xf32>) -> tensor<784x512xf32>
    %v83 = "stablehlo.add"(%v82, %v38) : (tensor<784x512xf32>, tensor<784x512xf32>) -> tensor<784x512xf32>
    %v84 = "stablehlo.broadcast_in_dim"(%learning_rate) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<784x512xf32>
    %v85 = "stablehlo.multiply"(%v84, %v83) : (tensor<784x512xf32>, tensor<784x512xf32>) -> tensor<784x512xf32>
    %v86 = "stablehlo.subtract"(%params.dense1_w, %v85) : (tensor<784x512xf32>, tensor<784x512xf32>) -> tensor<784x512xf32>
    %v87 = "stablehlo.constant"() {value = dense<0x3F666666> : tensor<f32>} : () -> tensor<f32>
    %v88 = "stablehlo.broadcast_in_dim"(%v87) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<512xf32>
    %v89 = "stablehlo.multiply"(%slots.dense2_b_momentum, %v88) : (tensor<512xf32>, tensor<512xf32>) -> tensor<512xf32>
    %v90 = "stablehlo.add"(%v89, %v46) : (tensor<512xf32>, tensor<512xf32>) -> tensor<512xf32>
    %v91 = "stablehlo.broadcast_in_dim"(%learning_rate) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<512xf32>
    %v92 = "stablehlo.multiply"(%v91, %v90) : (tensor<512xf32>, tensor<512xf32>) -> tensor<512xf32>
    %v93 = "stablehlo.subtract"(%params.dense2_b, %v92) : (tensor<512xf32>, tensor<512xf32>) -> tensor<512xf32>
    %v94 = "stablehlo.constant"() {value = dense<0x3F666666> : tensor<f32>} : () -> tensor<f32>
    %v95 = "stablehlo.broadcast_in_dim"(%v94) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<512x512xf32>
    %v96 = "stablehlo.multiply"(%slots.dense2_w_momentum, %v95) : (tensor<512x512xf32>, tensor<512x512xf32>) -> tensor<512x512xf32>
    %v97 = "stablehlo.add"(%v96, %v55) : (tensor<512x512xf32>, tensor<512x512xf32>) -> tensor<512x512xf32>
    %v98 = "stablehlo.broadcast_in_dim"(%learning_rate) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<512x512xf32>
    %v99 = "stablehlo.multiply"(%v98, %v97) : (tensor<512x512xf32>, tensor<512x512xf32>) -> tensor<512x512xf32>
    %v100 = "stablehlo.subtract"(%params.dense2_w, %v99) : (tensor<512x512xf32>, tensor<512x512xf32>) -> tensor<512x512xf32>
    %v101 = "stablehlo.constant"() {value = dense<0x3F666666> : tensor<f32>} : () -> tensor<f32>
    %v102 = "stablehlo.broadcast_in_dim"(%v101) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<10xf32>
    %v103 = "stablehlo.multiply"(%slots.dense3_b_momentum, %v102) : (tensor<10xf32>, tensor<10xf32>) -> tensor<10xf32>
    %v104 = "stablehlo.add"(%v103, %v63) : (tensor<10xf32>, tensor<10xf32>) -> tensor<10xf32>
    %v105 = "stablehlo.broadcast_in_dim"(%learning_rate) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<10xf32>
    %v106 = "stablehlo.multiply"(%v105, %v104) : (tensor<10xf32>, tensor<10xf32>) -> tensor<10xf32>
    %v107 = "stablehlo.subtract"(%params.dense3_b, %v106) : (tensor<10xf32>, tensor<10xf32>) -> tensor<10xf32>
    %v108 = "stablehlo.constant"() {value = dense<0x3F666666> : tensor<f32>} : () -> tensor<f32>
    %v109 = "stablehlo.broadcast_in_dim"(%v108) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<512x10xf32>
    %v110 = "stablehlo.multiply"(%slots.dense3_w_momentum, %v109) : (tensor<512x10xf32>, tensor<512x10xf32>) -> tensor<512x10xf32>
    %v111 = "stablehlo.add"(%v110, %v72) : (tensor<512x10xf32>, tensor<512x10xf32>) -> tensor<512x10xf32>
    %v112 = "stablehlo.broadcast_in_dim"(%learning_rate) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<512x10xf32>
    %v113 = "stablehlo.multiply"(%v112, %v111) : (tensor<512x10xf32>, tensor<512x10xf32>) -> tensor<512x10xf32>
    %v114 = "stablehlo.subtract"(%params.dense3_w, %v113) : (tensor<512x10xf32>, tensor<512x10xf32>) -> tensor<512x10xf32>
    %v115 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<512xf32>} : () -> tensor<512xf32>
    %v116 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<784x512xf32>} : () -> tensor<784x512xf32>
    %v117 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<512xf32>} : () -> tensor<512xf32>
    %v118 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<512x512xf32>} : () -> tensor<512x512xf32>
    %v119 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<10xf32>} : () -> tensor<10xf32>
    %v120 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<512x10xf32>} : () -> tensor<512x10xf32>
    %v121 = "stablehlo.abs"(%v79) : (tensor<512xf32>) -> tensor<512xf32>
    %v122 = "stablehlo.constant"() {value = dense<0x7F800000> : tensor<f32>} : () -> tensor<f32>
    %v123 = "stablehlo.broadcast_in_dim"(%v122) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<512xf32>
    %v124 = "stablehlo.compare"(%v121, %v123) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<512xf32>, tensor<512xf32>) -> tensor<512xi1>
    %v125 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v126 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
    %v127 = "stablehlo.broadcast_in_dim"(%v125) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<512xf32>
    %v128 = "stablehlo.broadcast_in_dim"(%v126) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<512xf32>
    %v129 = "stablehlo.select"(%v124, %v127, %v128) : (tensor<512xi1>, tensor<512xf32>, tensor<512xf32>) -> tensor<512xf32>
    %t52 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v130 = "stablehlo.reduce"(%v129, %t52) ({
    ^bb0(%t53: tensor<f32>, %t54: tensor<f32>):
      %t55 = "stablehlo.add"(%t53, %t54) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t55) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0>} : (tensor<512xf32>, tensor<f32>) -> tensor<f32>
    %v131 = "stablehlo.abs"(%v86) : (tensor<784x512xf32>) -> tensor<784x512xf32>
    %v132 = "stablehlo.constant"() {value = dense<0x7F800000> : tensor<f32>} : () -> tensor<f32>
    %v133 = "stablehlo.broadcast_in_dim"(%v132) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<784x512xf32>
    %v134 = "stablehlo.compare"(%v131, %v133) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<784x512xf32>, tensor<784x512xf32>) -> tensor<784x512xi1>
    %v135 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v136 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
    %v137 = "stablehlo.broadcast_in_dim"(%v135) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<784x512xf32>
    %v138 = "stablehlo.broadcast_in_dim"(%v136) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<784x512xf32>
    %v139 = "stablehlo.select"(%v134, %v137, %v138) : (tensor<784x512xi1>, tensor<784x512xf32>, tensor<784x512xf32>) -> tensor<784x512xf32>
    %t56 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v140 = "stablehlo.reduce"(%v139, %t56) ({
    ^bb0(%t57: tensor<f32>, %t58: tensor<f32>):
      %t59 = "stablehlo.add"(%t57, %t58) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t59) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0, 1>} : (tensor<784x512xf32>, tensor<f32>) -> tensor<f32>
    %v141 = "stablehlo.add"(%v130, %v140) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %v142 = "stablehlo.abs"(%v93) : (tensor<512xf32>) -> tensor<512xf32>
    %v143 = "stablehlo.constant"() {value = dense<0x7F800000> : tensor<f32>} : () -> tensor<f32>
    %v144 = "stablehlo.broadcast_in_dim"(%v143) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<512xf32>
    %v145 = "stablehlo.compare"(%v142, %v144) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<512xf32>, tensor<512xf32>) -> tensor<512xi1>
    %v146 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v147 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
    %v148 = "stablehlo.broadcast_in_dim"(%v146) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<512xf32>
    %v149 = "stablehlo.broadcast_in_dim"(%v147) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<512xf32>
    %v150 = "stablehlo.select"(%v145, %v148, %v149) : (tensor<512xi1>, tensor<512xf32>, tensor<512xf32>) -> tensor<512xf32>
    %t60 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v151 = "stablehlo.reduce"(%v150, %t60) ({
    ^bb0(%t61: tensor<f32>, %t62: tensor<f32>):
      %t63 = "stablehlo.add"(%t61, %t62) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t63) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0>} : (tensor<512xf32>, tensor<f32>) -> tensor<f32>
    %v152 = "stablehlo.add"(%v141, %v151) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %v153 = "stablehlo.abs"(%v100) : (tensor<512x512xf32>) -> tensor<512x512xf32>
    %v154 = "stablehlo.constant"() {value = dense<0x7F800000> : tensor<f32>} : () -> tensor<f32>
    %v155 = "stablehlo.broadcast_in_dim"(%v154) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<512x512xf32>
    %v156 = "stablehlo.compare"(%v153, %v155) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<512x512xf32>, tensor<512x512xf32>) -> tensor<512x512xi1>
    %v157 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v158 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
    %v159 = "stablehlo.broadcast_in_dim"(%v157) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<512x512xf32>
    %v160 = "stablehlo.broadcast_in_dim"(%v158) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<512x512xf32>
    %v161 = "stablehlo.select"(%v156, %v159, %v160) : (tensor<512x512xi1>, tensor<512x512xf32>, tensor<512x512xf32>) -> tensor<512x512xf32>
    %t64 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v162 = "stablehlo.reduce"(%v161, %t64) ({
    ^bb0(%t65: tensor<f32>, %t66: tensor<f32>):
      %t67 = "stablehlo.add"(%t65, %t66) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t67) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0, 1>} : (tensor<512x512xf32>, tensor<f32>) -> tensor<f32>
    %v163 = "stablehlo.add"(%v152, %v162) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %v164 = "stablehlo.abs"(%v107) : (tensor<10xf32>) -> tensor<10xf32>
    %v165 = "stablehlo.constant"() {value = dense<0x7F800000> : tensor<f32>} : () -> tensor<f32>
    %v166 = "stablehlo.broadcast_in_dim"(%v165) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<10xf32>
    %v167 = "stablehlo.compare"(%v164, %v166) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<10xf32>, tensor<10xf32>) -> tensor<10xi1>
    %v168 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v169 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
    %v170 = "stablehlo.broadcast_in_dim"(%v168) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<10xf32>
    %v171 = "stablehlo.broadcast_in_dim"(%v169) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<10xf32>
    %v172 = "stablehlo.select"(%v167, %v170, %v171) : (tensor<10xi1>, tensor<10xf32>, tensor<10xf32>) -> tensor<10xf32>
    %t68 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v173 = "stablehlo.reduce"(%v172, %t68) ({
    ^bb0(%t69: tensor<f32>, %t70: tensor<f32>):
      %t71 = "stablehlo.add"(%t69, %t70) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t71) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0>} : (tensor<10xf32>, tensor<f32>) -> tensor<f32>
    %v174 = "stablehlo.add"(%v163, %v173) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %v175 = "stablehlo.abs"(%v114) : (tensor<512x10xf32>) -> tensor<512x10xf32>
    %v176 = "stablehlo.constant"() {value = dense<0x7F800000> : tensor<f32>} : () -> tensor<f32>
    %v177 = "stablehlo.broadcast_in_dim"(%v176) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<512x10xf32>
    %v178 = "stablehlo.compare"(%v175, %v177) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<512x10xf32>, tensor<512x10xf32>) -> tensor<512x10xi1>
    %v179 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v180 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
    %v181 = "stablehlo.broadcast_in_dim"(%v179) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<512x10xf32>
    %v182 = "stablehlo.broadcast_in_dim"(%v180) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<512x10xf32>
    %v183 = "stablehlo.select"(%v178, %v181, %v182) : (tensor<512x10xi1>, tensor<512x10xf32>, tensor<512x10xf32>) -> tensor<512x10xf32>
    %t72 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v184 = "stablehlo.reduce"(%v183, %t72) ({
    ^bb0(%t73: tensor<f32>, %t74: tensor<f32>):
      %t75 = "stablehlo.add"(%t73, %t74) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t75) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0, 1>} : (tensor<512x10xf32>, tensor<f32>) -> tensor<f32>
    %v185 = "stablehlo.add"(%v174, %v184) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    "func.return"(%v79, %v86, %v93, %v100, %v107, %v114, %v76, %v83, %v90, %v97, %v104, %v111, %v115, %v116, %v117, %v118, %v119, %v120, %v185) : (tensor<512xf32>, tensor<784x512xf32>, tensor<512xf32>, tensor<512x512xf32>, tensor<10xf32>, tensor<512x10xf32>, tensor<512xf32>, tensor<784x512xf32>, tensor<512xf32>, tensor<512x512xf32>, tensor<10xf32>, tensor<512x10xf32>, tensor<512xf32>, tensor<784x512xf32>, tensor<512xf32>, tensor<512x512xf32>, tensor<10xf32>, tensor<512x10xf32>, tensor<f32>) -> ()
  }
}
