module @dpxla {
  func.func public @main(%params.dense1_b: tensor<512xf32>, %params.dense1_w: tensor<784x512xf32>, %params.dense2_b: tensor<512xf32>, %params.dense2_w: tensor<512x512xf32>, %params.dense3_b: tensor<10xf32>, %params.dense3_w: tensor<512x10xf32>, %slots.dense1_b_momentum: tensor<512xf32>, %slots.dense1_w_momentum: tensor<784x512xf32>, %slots.dense2_b_momentum: tensor<512xf32>, %slots.dense2_w_momentum: tensor<512x512xf32>, %slots.dense3_b_momentum: tensor<10xf32>, %slots.dense3_w_momentum: tensor<512x10xf32>, %accumulators.dense1_b: tensor<512xf64>, %accumulators.dense1_w: tensor<784x512xf64>, %accumulators.dense2_b: tensor<512xf64>, %accumulators.dense2_w: tensor<512x512xf64>, %accumulators.dense3_b: tensor<10xf64>, %accumulators.dense3_w: tensor<512x10xf64>, %noise_key: tensor<4xui32>, %learning_rate: tensor<f32>, %step: tensor<f32>) -> (tensor<512xf32>, tensor<784x512xf32>, tensor<512xf32>, tensor<512x512xf32>, tensor<10xf32>, tensor<512x10xf32>, tensor<512xf32>, tensor<784x512xf32>, tensor<512xf32>, tensor<512x512xf32>, tensor<10xf32>, tensor<512x10xf32>, tensor<512xf64>, tensor<784x512xf64>, tensor<512xf64>, tensor<512x512xf64>, tensor<10xf64>, tensor<512x10xf64>, tensor<f32>) {
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
    %v23 = "stablehlo.convert"(%v22) : (tensor<512xf32>) -> tensor<512xf64>
    %v24 = "stablehlo.constant"() {value = dense<0x3FF0000000000000> : tensor<f64>} : () -> tensor<f64>
    %v25 = "stablehlo.broadcast_in_dim"(%v24) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<512xf64>
    %v26 = "stablehlo.multiply"(%v23, %v25) : (tensor<512xf64>, tensor<512xf64>) -> tensor<512xf64>
    %v27 = "stablehlo.add"(%accumulators.dense1_b, %v26) : (tensor<512xf64>, tensor<512xf64>) -> tensor<512xf64>
    %v28 = "stablehlo.constant"() {value = dense<0x4020000000000000> : tensor<f64>} : () -> tensor<f64>
    %v29 = "stablehlo.broadcast_in_dim"(%v28) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<512xf64>
    %v30 = "stablehlo.divide"(%v27, %v29) : (tensor<512xf64>, tensor<512xf64>) -> tensor<512xf64>
    %v31 = "stablehlo.slice"(%v21) {start_indices = array<i64: 512>, limit_indices = array<i64: 401920>, strides = array<i64: 1>} : (tensor<669706xf32>) -> tensor<401408xf32>
    %v32 = "stablehlo.reshape"(%v31) : (tensor<401408xf32>) -> tensor<784x512xf32>
    %v33 = "stablehlo.convert"(%v32) : (tensor<784x512xf32>) -> tensor<784x512xf64>
    %v34 = "stablehlo.constant"() {value = dense<0x3FF0000000000000> : tensor<f64>} : () -> tensor<f64>
    %v35 = "stablehlo.broadcast_in_dim"(%v34) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<784x512xf64>
    %v36 = "stablehlo.multiply"(%v33, %v35) : (tensor<784x512xf64>, tensor<784x512xf64>) -> tensor<784x512xf64>
    %v37 = "stablehlo.add"(%accumulators.dense1_w, %v36) : (tensor<784x512xf64>, tensor<784x512xf64>) -> tensor<784x512xf64>
    %v38 = "stablehlo.constant"() {value = dense<0x4020000000000000> : tensor<f64>} : () -> tensor<f64>
    %v39 = "stablehlo.broadcast_in_dim"(%v38) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<784x512xf64>
    %v40 = "stablehlo.divide"(%v37, %v39) : (tensor<784x512xf64>, tensor<784x512xf64>) -> tensor<784x512xf64>
    %v41 = "stablehlo.slice"(%v21) {start_indices = array<i64: 401920>, limit_indices = array<i64: 402432>, strides = array<i64: 1>} : (tensor<669706xf32>) -> tensor<512xf32>
    %v42 = "stablehlo.convert"(%v41) : (tensor<512xf32>) -> tensor<512xf64>
    %v43 = "stablehlo.constant"() {value = dense<0x3FF0000000000000> : tensor<f64>} : () -> tensor<f64>
    %v44 = "stablehlo.broadcast_in_dim"(%v43) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<512xf64>
    %v45 = "stablehlo.multiply"(%v42, %v44) : (tensor<512xf64>, tensor<512xf64>) -> tensor<512xf64>
    %v46 = "stablehlo.add"(%accumulators.dense2_b, %v45) : (tensor<512xf64>, tensor<512xf64>) -> tensor<512xf64>
    %v47 = "stablehlo.constant"() {value = dense<0x4020000000000000> : tensor<f64>} : () -> tensor<f64>
    %v48 = "stablehlo.broadcast_in_dim"(%v47) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<512xf64>
    %v49 = "stablehlo.divide"(%v46, %v48) : (tensor<512xf64>, tensor<512xf64>) -> tensor<512xf64>
    %v50 = "stablehlo.slice"(%v21) {start_indices = array<i64: 402432>, limit_indices = array<i64: 664576>, strides = array<i64: 1>} : (tensor<669706xf32>) -> tensor<262144xf32>
    %v51 = "stablehlo.reshape"(%v50) : (tensor<262144xf32>) -> tensor<512x512xf32>
    %v52 = "stablehlo.convert"(%v51) : (tensor<512x512xf32>) -> tensor<512x512xf64>
    %v53 = "stablehlo.constant"() {value = dense<0x3FF0000000000000> : tensor<f64>} : () -> tensor<f64>
    %v54 = "stablehlo.broadcast_in_dim"(%v53) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<512x512xf64>
    %v55 = "stablehlo.multiply"(%v52, %v54) : (tensor<512x512xf64>, tensor<512x512xf64>) -> tensor<512x512xf64>
    %v56 = "stablehlo.add"(%accumulators.dense2_w, %v55) : (tensor<512x512xf64>, tensor<512x512xf64>) -> tensor<512x512xf64>
    %v57 = "stablehlo.constant"() {value = dense<0x4020000000000000> : tensor<f64>} : () -> tensor<f64>
    %v58 = "stablehlo.broadcast_in_dim"(%v57) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<512x512xf64>
    %v59 = "stablehlo.divide"(%v56, %v58) : (tensor<512x512xf64>, tensor<512x512xf64>) -> tensor<512x512xf64>
    %v60 = "stablehlo.slice"(%v21) {start_indices = array<i64: 664576>, limit_indices = array<i64: 664586>, strides = array<i64: 1>} : (tensor<669706xf32>) -> tensor<10xf32>
    %v61 = "stablehlo.convert"(%v60) : (tensor<10xf32>) -> tensor<10xf64>
    %v62 = "stablehlo.constant"() {value = dense<0x3FF0000000000000> : tensor<f64>} : () -> tensor<f64>
    %v63 = "stablehlo.broadcast_in_dim"(%v62) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<10xf64>
    %v64 = "stablehlo.multiply"(%v61, %v63) : (tensor<10xf64>, tensor<10xf64>) -> tensor<10xf64>
    %v65 = "stablehlo.add"(%accumulators.dense3_b, %v64) : (tensor<10xf64>, tensor<10xf64>) -> tensor<10xf64>
    %v66 = "stablehlo.constant"() {value = dense<0x4020000000000000> : tensor<f64>} : () -> tensor<f64>
    %v67 = "stablehlo.broadcast_in_dim"(%v66) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<10xf64>
    %v68 = "stablehlo.divide"(%v65, %v67) : (tensor<10xf64>, tensor<10xf64>) -> tensor<10xf64>
    %v69 = "stablehlo.slice"(%v21) {start_indices = array<i64: 664586>, limit_indices = array<i64: 669706>, strides = array<i64: 1>} : (tensor<669706xf32>) -> tensor<5120xf32>
    %v70 = "stablehlo.reshape"(%v69) : (tensor<5120xf32>) -> tensor<512x10xf32>
    %v71 = "stablehlo.convert"(%v70) : (tensor<512x10xf32>) -> tensor<512x10xf64>
    %v72 = "stablehlo.constant"() {value = dense<0x3FF0000000000000> : tensor<f64>} : () -> tensor<f64>
    %v73 = "stablehlo.broadcast_in_dim"(%v72) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<512x10xf64>
    %v74 = "stablehlo.multiply"(%v71, %v73) : (tensor<512x10xf64>, tensor<512x10xf64>) -> tensor<512x10xf64>
    %v75 = "stablehlo.add"(%accumulators.dense3_w, %v74) : (tensor<512x10xf64>, tensor<512x10xf64>) -> tensor<512x10xf64>
    %v76 = "stablehlo.constant"() {value = dense<0x4020000000000000> : tensor<f64>} : () -> tensor<f64>
    %v77 = "stablehlo.broadcast_in_dim"(%v76) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<512x10xf64>
    %v78 = "stablehlo.divide"(%v75, %v77) : (tensor<512x10xf64>, tensor<512x10xf64>) -> tensor<512x10xf64>
    %v79 = "stablehlo.convert"(%v30) : (tensor<512xf64>) -> tensor<512xf32>
    %v80 = "stablehlo.convert"(%v40) : (tensor<784x512xf64>) -> tensor<784x512xf32>
    %v81 = "stablehlo.convert"(%v49) : (tensor<512xf64>) -> tensor<512xf32>
    %v82 = "stablehlo.convert"(%v59) : (tensor<512x512xf64>) -> tensor<512x512xf32>
    %v83 = "stablehlo.convert"(%v68) : (tensor<10xf64>) -> tensor<10xf32>
    %v84 = "stablehlo.convert"(%v78) : (tensor<512x10xf64>) -> tensor<512x10xf32>
    %v85 = "stablehlo.constant"() {value = dense<0x3F666666> : tensor<f32>} : () -> tensor<f32>
    %v86 = "stablehlo.broadcast_in_dim"(%v85) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<512xf32>
    %v87 = "stablehlo.multiply"(%slots.dense1_b_momentum, %v86) : (tensor<512xf32>, tensor<512xf32>) -> tensor<512xf32>
    %v88 = "stablehlo.add"(%v87, %v79) : (tensor<512xf32>, tensor<512xf32>) -> tensor<512xf32>
    %v89 = "stablehlo.broadcast_in_dim"(%learning_rate) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<512xf32>
    %v90 = "stablehlo.multiply"(%v89, %v88) : (tensor<512xf32>, tensor<512xf32>) -> tensor<512xf32>
    %v91 = "stablehlo.subtract"(%params.dense1_b, %v90) : (tensor<512xf32>, tensor<512xf32>) -> tensor<512xf32>
    %v92 = "stablehlo.constant"() {value = dense<0x3F666666> : tensor<f32>} : () -> tensor<f32>
    %v93 = "stablehlo.broadcast_in_dim"(%v92) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<784x512xf32>
    %v94 = "stablehlo.multiply"(%slots.dense1_w_momentum, %v93) : (tensor<784x512xf32>, tensor<784x512xf32>) -> tensor<784x512xf32>
    %v95 = "stablehlo.add"(%v94, %v80) : (tensor<784x512xf32>, tensor<784x512xf32>) -> tensor<784x512xf32>
    %v96 = "stablehlo.broadcast_in_dim"(%learning_rate) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<784x512xf32>
    %v97 = "stablehlo.multiply"(%v96, %v95) : (tensor<784x512xf32>, tensor<784x512xf32>) -> tensor<784x512xf32>
    %v98 = "stablehlo.subtract"(%params.dense1_w, %v97) : (tensor<784x512xf32>, tensor<784x512xf32>) -> tensor<784x512xf32>
    %v99 = "stablehlo.constant"() {value = dense<0x3F666666> : tensor<f32>} : () -> tensor<f32>
    %v100 = "stablehlo.broadcast_in_dim"(%v99) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<512xf32>
    %v101 = "stablehlo.multiply"(%slots.dense2_b_momentum, %v100) : (tensor<512xf32>, tensor<512xf32>) -> tensor<512xf32>
    %v102 = "stablehlo.add"(%v101, %v81) : (tensor<512xf32>, tensor<512xf32>) -> tensor<512xf32>
    %v103 = "stablehlo.broadcast_in_dim"(%learning_rate) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<512xf32>
    %v104 = "stablehlo.multiply"(%v103, %v102) : (tensor<512xf32>, tensor<512xf32>) -> tensor<512xf32>
    %v105 = "stablehlo.subtract"(%params.dense2_b, %v104) : (tensor<512xf32>, tensor<512xf32>) -> tensor<512xf32>
    %v106 = "stablehlo.constant"() {value = dense<0x3F666666> : tensor<f32>} : () -> tensor<f32>
    %v107 = "stablehlo.broadcast_in_dim"(%v106) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<512x512xf32>
    %v108 = "stablehlo.multiply"(%slots.dense2_w_momentum, %v107) : (tensor<512x512xf32>, tensor<512x512xf32>) -> tensor<512x512xf32>
    %v109 = "stablehlo.add"(%v108, %v82) : (tensor<512x512xf32>, tensor<512x512xf32>) -> tensor<512x512xf32>
    %v110 = "stablehlo.broadcast_in_dim"(%learning_rate) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<512x512xf32>
    %v111 = "stablehlo.multiply"(%v110, %v109) : (tensor<512x512xf32>, tensor<512x512xf32>) -> tensor<512x512xf32>
    %v112 = "stablehlo.subtract"(%params.dense2_w, %v111) : (tensor<512x512xf32>, tensor<512x512xf32>) -> tensor<512x512xf32>
    %v113 = "stablehlo.constant"() {value = dense<0x3F666666> : tensor<f32>} : () -> tensor<f32>
    %v114 = "stablehlo.broadcast_in_dim"(%v113) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<10xf32>
    %v115 = "stablehlo.multiply"(%slots.dense3_b_momentum, %v114) : (tensor<10xf32>, tensor<10xf32>) -> tensor<10xf32>
    %v116 = "stablehlo.add"(%v115, %v83) : (tensor<10xf32>, tensor<10xf32>) -> tensor<10xf32>
    %v117 = "stablehlo.broadcast_in_dim"(%learning_rate) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<10xf32>
    %v118 = "stablehlo.multiply"(%v117, %v116) : (tensor<10xf32>, tensor<10xf32>) -> tensor<10xf32>
    %v119 = "stablehlo.subtract"(%params.dense3_b, %v118) : (tensor<10xf32>, tensor<10xf32>) -> tensor<10xf32>
    %v120 = "stablehlo.constant"() {value = dense<0x3F666666> : tensor<f32>} : () -> tensor<f32>
    %v121 = "stablehlo.broadcast_in_dim"(%v120) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<512x10xf32>
    %v122 = "stablehlo.multiply"(%slots.dense3_w_momentum, %v121) : (tensor<512x10xf32>, tensor<512x10xf32>) -> tensor<512x10xf32>
    %v123 = "stablehlo.add"(%v122, %v84) : (tensor<512x10xf32>, tensor<512x10xf32>) -> tensor<512x10xf32>
    %v124 = "stablehlo.broadcast_in_dim"(%learning_rate) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<512x10xf32>
    %v125 = "stablehlo.multiply"(%v124, %v123) : (tensor<512x10xf32>, tensor<512x10xf32>) -> tensor<512x10xf32>
    %v126 = "stablehlo.subtract"(%params.dense3_w, %v125) : (tensor<512x10xf32>, tensor<512x10xf32>) -> tensor<512x10xf32>
    %v127 = "stablehlo.constant"() {value = dense<0x0000000000000000> : tensor<512xf64>} : () -> tensor<512xf64>
    %v128 = "stablehlo.constant"() {value = dense<0x0000000000000000> : tensor<784x512xf64>} : () -> tensor<784x512xf64>
    %v129 = "stablehlo.constant"() {value = dense<0x0000000000000000> : tensor<512xf64>} : () -> tensor<512xf64>
    %v130 = "stablehlo.constant"() {value = dense<0x0000000000000000> : tensor<512x512xf64>} : () -> tensor<512x512xf64>
    %v131 = "stablehlo.constant"() {value = dense<0x0000000000000000> : tensor<10xf64>} : () -> tensor<10xf64>
    %v132 = "stablehlo.constant"() {value = dense<0x0000000000000000> : tensor<512x10xf64>} : () -> tensor<512x10xf64>
    %v133 = "stablehlo.abs"(%v91) : (tensor<512xf32>) -> tensor<512xf32>
    %v134 = "stablehlo.constant"() {value = dense<0x7F800000> : tensor<f32>} : () -> tensor<f32>
    %v135 = "stablehlo.broadcast_in_dim"(%v134) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<512xf32>
    %v136 = "stablehlo.compare"(%v133, %v135) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<512xf32>, tensor<512xf32>) -> tensor<512xi1>
    %v137 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v138 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
    %v139 = "stablehlo.broadcast_in_dim"(%v137) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<512xf32>
    %v140 = "stablehlo.broadcast_in_dim"(%v138) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<512xf32>
    %v141 = "stablehlo.select"(%v136, %v139, %v140) : (tensor<512xi1>, tensor<512xf32>, tensor<512xf32>) -> tensor<512xf32>
    %t52 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v142 = "stablehlo.reduce"(%v141, %t52) ({
    ^bb0(%t53: tensor<f32>, %t54: tensor<f32>):
      %t55 = "stablehlo.add"(%t53, %t54) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t55) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0>} : (tensor<512xf32>, tensor<f32>) -> tensor<f32>
    %v143 = "stablehlo.abs"(%v98) : (tensor<784x512xf32>) -> tensor<784x512xf32>
    %v144 = "stablehlo.constant"() {value = dense<0x7F800000> : tensor<f32>} : () -> tensor<f32>
    %v145 = "stablehlo.broadcast_in_dim"(%v144) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<784x512xf32>
    %v146 = "stablehlo.compare"(%v143, %v145) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<784x512xf32>, tensor<784x512xf32>) -> tensor<784x512xi1>
    %v147 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v148 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
    %v149 = "stablehlo.broadcast_in_dim"(%v147) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<784x512xf32>
    %v150 = "stablehlo.broadcast_in_dim"(%v148) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<784x512xf32>
    %v151 = "stablehlo.select"(%v146, %v149, %v150) : (tensor<784x512xi1>, tensor<784x512xf32>, tensor<784x512xf32>) -> tensor<784x512xf32>
    %t56 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v152 = "stablehlo.reduce"(%v151, %t56) ({
    ^bb0(%t57: tensor<f32>, %t58: tensor<f32>):
      %t59 = "stablehlo.add"(%t57, %t58) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t59) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0, 1>} : (tensor<784x512xf32>, tensor<f32>) -> tensor<f32>
    %v153 = "stablehlo.add"(%v142, %v152) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %v154 = "stablehlo.abs"(%v105) : (tensor<512xf32>) -> tensor<512xf32>
    %v155 = "stablehlo.constant"() {value = dense<0x7F800000> : tensor<f32>} : () -> tensor<f32>
    %v156 = "stablehlo.broadcast_in_dim"(%v155) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<512xf32>
    %v157 = "stablehlo.compare"(%v154, %v156) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<512xf32>, tensor<512xf32>) -> tensor<512xi1>
    %v158 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v159 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
    %v160 = "stablehlo.broadcast_in_dim"(%v158) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<512xf32>
    %v161 = "stablehlo.broadcast_in_dim"(%v159) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<512xf32>
    %v162 = "stablehlo.select"(%v157, %v160, %v161) : (tensor<512xi1>, tensor<512xf32>, tensor<512xf32>) -> tensor<512xf32>
    %t60 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v163 = "stablehlo.reduce"(%v162, %t60) ({
    ^bb0(%t61: tensor<f32>, %t62: tensor<f32>):
      %t63 = "stablehlo.add"(%t61, %t62) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t63) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0>} : (tensor<512xf32>, tensor<f32>) -> tensor<f32>
    %v164 = "stablehlo.add"(%v153, %v163) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %v165 = "stablehlo.abs"(%v112) : (tensor<512x512xf32>) -> tensor<512x512xf32>
    %v166 = "stablehlo.constant"() {value = dense<0x7F800000> : tensor<f32>} : () -> tensor<f32>
    %v167 = "stablehlo.broadcast_in_dim"(%v166) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<512x512xf32>
    %v168 = "stablehlo.compare"(%v165, %v167) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<512x512xf32>, tensor<512x512xf32>) -> tensor<512x512xi1>
    %v169 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v170 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
    %v171 = "stablehlo.broadcast_in_dim"(%v169) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<512x512xf32>
    %v172 = "stablehlo.broadcast_in_dim"(%v170) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<512x512xf32>
    %v173 = "stablehlo.select"(%v168, %v171, %v172) : (tensor<512x512xi1>, tensor<512x512xf32>, tensor<512x512xf32>) -> tensor<512x512xf32>
    %t64 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v174 = "stablehlo.reduce"(%v173, %t64) ({
    ^bb0(%t65: tensor<f32>, %t66: tensor<f32>):
      %t67 = "stablehlo.add"(%t65, %t66) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t67) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0, 1>} : (tensor<512x512xf32>, tensor<f32>) -> tensor<f32>
    %v175 = "stablehlo.add"(%v164, %v174) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %v176 = "stablehlo.abs"(%v119) : (tensor<10xf32>) -> tensor<10xf32>
    %v177 = "stablehlo.constant"() {value = dense<0x7F800000> : tensor<f32>} : () -> tensor<f32>
    %v178 = "stablehlo.broadcast_in_dim"(%v177) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<10xf32>
    %v179 = "stablehlo.compare"(%v176, %v178) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<10xf32>, tensor<10xf32>) -> tensor<10xi1>
    %v180 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v181 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
    %v182 = "stablehlo.broadcast_in_dim"(%v180) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<10xf32>
    %v183 = "stablehlo.broadcast_in_dim"(%v181) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<10xf32>
    %v184 = "stablehlo.select"(%v179, %v182, %v183) : (tensor<10xi1>, tensor<10xf32>, tensor<10xf32>) -> tensor<10xf32>
    %t68 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v185 = "stablehlo.reduce"(%v184, %t68) ({
    ^bb0(%t69: tensor<f32>, %t70: tensor<f32>):
      %t71 = "stablehlo.add"(%t69, %t70) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t71) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0>} : (tensor<10xf32>, tensor<f32>) -> tensor<f32>
    %v186 = "stablehlo.add"(%v175, %v185) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %v187 = "stablehlo.abs"(%v126) : (tensor<512x10xf32>) -> tensor<512x10xf32>
    %v188 = "stablehlo.constant"() {value = dense<0x7F800000> : tensor<f32>} : () -> tensor<f32>
    %v189 = "stablehlo.broadcast_in_dim"(%v188) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<512x10xf32>
    %v190 = "stablehlo.compare"(%v187, %v189) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<512x10xf32>, tensor<512x10xf32>) -> tensor<512x10xi1>
    %v191 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v192 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
    %v193 = "stablehlo.broadcast_in_dim"(%v191) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<512x10xf32>
    %v194 = "stablehlo.broadcast_in_dim"(%v192) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<512x10xf32>
    %v195 = "stablehlo.select"(%v190, %v193, %v194) : (tensor<512x10xi1>, tensor<512x10xf32>, tensor<512x10xf32>) -> tensor<512x10xf32>
    %t72 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v196 = "stablehlo.reduce"(%v195, %t72) ({
    ^bb0(%t73: tensor<f32>, %t74: tensor<f32>):
      %t75 = "stablehlo.add"(%t73, %t74) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t75) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0, 1>} : (tensor<512x10xf32>, tensor<f32>) -> tensor<f32>
    %v197 = "stablehlo.add"(%v186, %v196) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    "func.return"(%v91, %v98, %v105, %v112, %v119, %v126, %v88, %v95, %v102, %v109, %v116, %v123, %v127, %v128, %v129, %v130, %v131, %v132, %v197) : (tensor<512xf32>, tensor<784x512xf32>, tensor<512xf32>, tensor<512x512xf32>, tensor<10xf32>, tensor<512x10xf32>, tensor<512xf32>, tensor<784x512xf32>, tensor<512xf32>, tensor<512x512xf32>, tensor<10xf32>, tensor<512x10xf32>, tensor<512xf64>, tensor<784x512xf64>, tensor<512xf64>, tensor<512x512xf64>, tensor<10xf64>, tensor<512x10xf64>, tensor<f32>) -> ()
  }
}
