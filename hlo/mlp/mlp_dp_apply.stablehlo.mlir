module @dpxla {
  func.func public @main(%params.dense1_b: tensor<512xf32>, %params.dense1_w: tensor<784x512xf32>, %params.dense2_b: tensor<512xf32>, %params.dense2_w: tensor<512x512xf32>, %params.dense3_b: tensor<10xf32>, %params.dense3_w: tensor<512x10xf32>, %slots.dense1_b_momentum: tensor<512xf32>, %slots.dense1_w_momentum: tensor<784x512xf32>, %slots.dense2_b_momentum: tensor<512xf32>, %slots.dense2_w_momentum: tensor<512x512xf32>, %slots.dense3_b_momentum: tensor<10xf32>, %slots.dense3_w_momentum: tensor<512x10xf32>, %accumulators.dense1_b: tensor<512xf32>, %accumulators.dense1_w: tensor<784x512xf32>, %accumulators.dense2_b: tensor<512xf32>, %accumulators.dense2_w: tensor<512x512xf32>, %accumulators.dense3_b: tensor<10xf32>, %accumulators.dense3_w: tensor<512x10xf32>, %noise_key: tensor<4xui32>, %learning_rate: tensor<f32>, %step: tensor<f32>) -> (tensor<512xf32>, tensor<784x512xf32>, tensor<512xf32>, tensor<512x512xf32>, tensor<10xf32>, tensor<512x10xf32>, tensor<512xf32>, tensor<784x512xf32>, tensor<512xf32>, tensor<512x512xf32>, tensor<10xf32>, tensor<512x10xf32>, tensor<512xf32>, tensor<784x512xf32>, tensor<512xf32>, tensor<512x512xf32>, tensor<10xf32>, tensor<512x10xf32>) {
    %t1 = "stablehlo.reshape"(%noise_key) : (tensor<4xui32>) -> tensor<2x2xui32>
    %t2 = "stablehlo.bitcast_convert"(%t1) : (tensor<2x2xui32>) -> tensor<2xui64>
    %t3:2 = "stablehlo.rng_bit_generator"(%t2) {rng_algorithm = #stablehlo<rng_algorithm THREE_FRY>} : (tensor<2xui64>) -> (tensor<2xui64>, tensor<2x669706xui64>)
    %t4 = "stablehlo.constant"() {value = dense<11> : tensor<2x669706xui64>} : () -> tensor<2x669706xui64>
    %t5 = "stablehlo.shift_right_logical"(%t3#1, %t4) : (tensor<2x669706xui64>, tensor<2x669706xui64>) -> tensor<2x669706xui64>
    %t6 = "stablehlo.convert"(%t5) : (tensor<2x669706xui64>) -> tensor<2x669706xf64>
    %t7 = "stablehlo.constant"() {value = dense<0x3CA0000000000000> : tensor<2x669706xf64>} : () -> tensor<2x669706xf64>
    %t8 = "stablehlo.multiply"(%t6, %t7) : (tensor<2x669706xf64>, tensor<2x669706xf64>) -> tensor<2x669706xf64>
    %t9 = "stablehlo.slice"(%t8) {start_indices = array<i64: 0, 0>, limit_indices = array<i64: 1, 669706>, strides = array<i64: 1, 1>} : (tensor<2x669706xf64>) -> tensor<1x669706xf64>
    %t10 = "stablehlo.reshape"(%t9) : (tensor<1x669706xf64>) -> tensor<669706xf64>
    %t11 = "stablehlo.slice"(%t8) {start_indices = array<i64: 1, 0>, limit_indices = array<i64: 2, 669706>, strides = array<i64: 1, 1>} : (tensor<2x669706xf64>) -> tensor<1x669706xf64>
    %t12 = "stablehlo.reshape"(%t11) : (tensor<1x669706xf64>) -> tensor<669706xf64>
    %t13 = "stablehlo.constant"() {value = dense<0x3FF0000000000000> : tensor<669706xf64>} : () -> tensor<669706xf64>
    %t14 = "stablehlo.subtract"(%t13, %t10) : (tensor<669706xf64>, tensor<669706xf64>) -> tensor<669706xf64>
    %t15 = "stablehlo.log"(%t14) : (tensor<669706xf64>) -> tensor<669706xf64>
    %t16 = "stablehlo.constant"() {value = dense<0xC000000000000000> : tensor<669706xf64>} : () -> tensor<669706xf64>
    %t17 = "stablehlo.multiply"(%t16, %t15) : (tensor<669706xf64>, tensor<669706xf64>) -> tensor<669706xf64>
    %t18 = "stablehlo.sqrt"(%t17) : (tensor<669706xf64>) -> tensor<669706xf64>
    %t19 = "stablehlo.constant"() {value = dense<0x401921FB54442D18> : tensor<669706xf64>} : () -> tensor<669706xf64>
    %t20 = "stablehlo.multiply"(%t19, %t12) : (tensor<669706xf64>, tensor<669706xf64>) -> tensor<669706xf64>
    %t21 = "stablehlo.cosine"(%t20) : (tensor<669706xf64>) -> tensor<669706xf64>
    %t22 = "stablehlo.multiply"(%t18, %t21) : (tensor<669706xf64>, tensor<669706xf64>) -> tensor<669706xf64>
    %v21 = "stablehlo.convert"(%t22) : (tensor<669706xf64>) -> tensor<669706xf32>
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
    "func.return"(%v79, %v86, %v93, %v100, %v107, %v114, %v76, %v83, %v90, %v97, %v104, %v111, %v115, %v116, %v117, %v118, %v119, %v120) : (tensor<512xf32>, tensor<784x512xf32>, tensor<512xf32>, tensor<512x512xf32>, tensor<10xf32>, tensor<512x10xf32>, tensor<512xf32>, tensor<784x512xf32>, tensor<512xf32>, tensor<512x512xf32>, tensor<10xf32>, tensor<512x10xf32>, tensor<512xf32>, tensor<784x512xf32>, tensor<512xf32>, tensor<512x512xf32>, tensor<10xf32>, tensor<512x10xf32>) -> ()
  }
}
