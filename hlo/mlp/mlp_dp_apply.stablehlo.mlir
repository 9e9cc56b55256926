module @dpxla {
  func.func public @main(%params.dense1_b: tensor<512xf32>, %params.dense1_w: tensor<784x512xf32>, %params.dense2_b: tensor<512xf32>, %params.dense2_w: tensor<512x512xf32>, %params.dense3_b: tensor<10xf32>, %params.dense3_w: tensor<512x10xf32>, %slots.dense1_b_momentum: tensor<512xf32>, %slots.dense1_w_momentum: tensor<784x512xf32>, %slots.dense2_b_momentum: tensor<512xf32>, %slots.dense2_w_momentum: tensor<512x512xf32>, %slots.dense3_b_momentum: tensor<10xf32>, %slots.dense3_w_momentum: tensor<512x10xf32>, %accumulators.dense1_b: tensor<512xf32>, %accumulators.dense1_w: tensor<784x512xf32>, %accumulators.dense2_b: tensor<512xf32>, %accumulators.dense2_w: tensor<512x512xf32>, %accumulators.dense3_b: tensor<10xf32>, %accumulators.dense3_w: tensor<512x10xf32>, %noise_key: tensor<4xui32>, %learning_rate: tensor<f32>, %step: tensor<f32>) -> (tensor<512xf32>, tensor<784x512xf32>, tensor<512xf32>, tensor<512x512xf32>, tensor<10xf32>, tensor<512x10xf32>, tensor<512xf32>, tensor<784x512xf32>, tensor<512xf32>, tensor<512x512xf32>, tensor<10xf32>, tensor<512x10xf32>, tensor<512xf32>, tensor<784x512xf32>, tensor<512xf32>, tensor<512x512xf32>, tensor<10xf32>, tensor<512x10xf32>, tensor<f32>) {
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
    %v121 = "stablehlo.abs"(%v79) : (tensor<512xf32>) -> tensor<512xf32>
    %v122 = "stablehlo.constant"() {value = dense<0x7F800000> : tensor<f32>} : () -> tensor<f32>
    %v123 = "stablehlo.broadcast_in_dim"(%v122) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<512xf32>
    %v124 = "stablehlo.compare"(%v121, %v123) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<512xf32>, tensor<512xf32>) -> tensor<512xi1>
    %v125 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v126 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
    %v127 = "stablehlo.broadcast_in_dim"(%v125) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<512xf32>
    %v128 = "stablehlo.broadcast_in_dim"(%v126) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<512xf32>
    %v129 = "stablehlo.select"(%v124, %v127, %v128) : (tensor<512xi1>, tensor<512xf32>, tensor<512xf32>) -> tensor<512xf32>
    %t23 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v130 = "stablehlo.reduce"(%v129, %t23) ({
    ^bb0(%t24: tensor<f32>, %t25: tensor<f32>):
      %t26 = "stablehlo.add"(%t24, %t25) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t26) : (tensor<f32>) -> ()
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
    %t27 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v140 = "stablehlo.reduce"(%v139, %t27) ({
    ^bb0(%t28: tensor<f32>, %t29: tensor<f32>):
      %t30 = "stablehlo.add"(%t28, %t29) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t30) : (tensor<f32>) -> ()
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
    %t31 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v151 = "stablehlo.reduce"(%v150, %t31) ({
    ^bb0(%t32: tensor<f32>, %t33: tensor<f32>):
      %t34 = "stablehlo.add"(%t32, %t33) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t34) : (tensor<f32>) -> ()
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
    %t35 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v162 = "stablehlo.reduce"(%v161, %t35) ({
    ^bb0(%t36: tensor<f32>, %t37: tensor<f32>):
      %t38 = "stablehlo.add"(%t36, %t37) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t38) : (tensor<f32>) -> ()
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
    %t39 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v173 = "stablehlo.reduce"(%v172, %t39) ({
    ^bb0(%t40: tensor<f32>, %t41: tensor<f32>):
      %t42 = "stablehlo.add"(%t40, %t41) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t42) : (tensor<f32>) -> ()
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
    %t43 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v184 = "stablehlo.reduce"(%v183, %t43) ({
    ^bb0(%t44: tensor<f32>, %t45: tensor<f32>):
      %t46 = "stablehlo.add"(%t44, %t45) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t46) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0, 1>} : (tensor<512x10xf32>, tensor<f32>) -> tensor<f32>
    %v185 = "stablehlo.add"(%v174, %v184) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    "func.return"(%v79, %v86, %v93, %v100, %v107, %v114, %v76, %v83, %v90, %v97, %v104, %v111, %v115, %v116, %v117, %v118, %v119, %v120, %v185) : (tensor<512xf32>, tensor<784x512xf32>, tensor<512xf32>, tensor<512x512xf32>, tensor<10xf32>, tensor<512x10xf32>, tensor<512xf32>, tensor<784x512xf32>, tensor<512xf32>, tensor<512x512xf32>, tensor<10xf32>, tensor<512x10xf32>, tensor<512xf32>, tensor<784x512xf32>, tensor<512xf32>, tensor<512x512xf32>, tensor<10xf32>, tensor<512x10xf32>, tensor<f32>) -> ()
  }
}
