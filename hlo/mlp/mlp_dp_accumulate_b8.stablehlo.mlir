module @dpxla {
  func.func public @main(%params.dense1_b: tensor<512xf32>, %params.dense1_w: tensor<784x512xf32>, %params.dense2_b: tensor<512xf32>, %params.dense2_w: tensor<512x512xf32>, %params.dense3_b: tensor<10xf32>, %params.dense3_w: tensor<512x10xf32>, %accumulators.dense1_b: tensor<512xf64>, %accumulators.dense1_w: tensor<784x512xf64>, %accumulators.dense2_b: tensor<512xf64>, %accumulators.dense2_w: tensor<512x512xf64>, %accumulators.dense3_b: tensor<10xf64>, %accumulators.dense3_w: tensor<512x10xf64>, %images: tensor<8x28x28x1xf32>, %labels: tensor<8xi32>, %mask: tensor<8xf32>) -> (tensor<512xf64>, tensor<784x512xf64>, tensor<512xf64>, tensor<512x512xf64>, tensor<10xf64>, tensor<512x10xf64>, tensor<f32>, tensor<f32>) {
    %v15 = "stablehlo.reshape"(%images) : (tensor<8x28x28x1xf32>) -> tensor<8x784xf32>
    %v16 = "stablehlo.dot_general"(%v15, %params.dense1_w) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [1], rhs_contracting_dimensions = [0]>, precision_config = [#stablehlo<precision HIGHEST>, #stablehlo<precision HIGHEST>]} : (tensor<8x784xf32>, tensor<784x512xf32>) -> tensor<8x512xf32>
    %v17 = "stablehlo.broadcast_in_dim"(%params.dense1_b) {broadcast_dimensions = array<i64: 1>} : (tensor<512xf32>) -> tensor<8x512xf32>
    %v18 = "stablehlo.add"(%v16, %v17) : (tensor<8x512xf32>, tensor<8x512xf32>) -> tensor<8x512xf32>
    %v19 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v20 = "stablehlo.broadcast_in_dim"(%v19) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<512xf32>
    %v21 = "stablehlo.broadcast_in_dim"(%v20) {broadcast_dimensions = array<i64: 1>} : (tensor<512xf32>) -> tensor<8x512xf32>
    %v22 = "stablehlo.maximum"(%v18, %v21) : (tensor<8x512xf32>, tensor<8x512xf32>) -> tensor<8x512xf32>
    %v23 = "stablehlo.dot_general"(%v22, %params.dense2_w) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [1], rhs_contracting_dimensions = [0]>, precision_config = [#stablehlo<precision HIGHEST>, #stablehlo<precision HIGHEST>]} : (tensor<8x512xf32>, tensor<512x512xf32>) -> tensor<8x512xf32>
    %v24 = "stablehlo.broadcast_in_dim"(%params.dense2_b) {broadcast_dimensions = array<i64: 1>} : (tensor<512xf32>) -> tensor<8x512xf32>
    %v25 = "stablehlo.add"(%v23, %v24) : (tensor<8x512xf32>, tensor<8x512xf32>) -> tensor<8x512xf32>
    %v26 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v27 = "stablehlo.broadcast_in_dim"(%v26) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<512xf32>
    %v28 = "stablehlo.broadcast_in_dim"(%v27) {broadcast_dimensions = array<i64: 1>} : (tensor<512xf32>) -> tensor<8x512xf32>
    %v29 = "stablehlo.maximum"(%v25, %v28) : (tensor<8x512xf32>, tensor<8x512xf32>) -> tensor<8x512xf32>
    %v30 = "stablehlo.dot_general"(%v29, %params.dense3_w) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [1], rhs_contracting_dimensions = [0]>, precision_config = [#stablehlo<precision HIGHEST>, #stablehlo<precision HIGHEST>]} : (tensor<8x512xf32>, tensor<512x10xf32>) -> tensor<8x10xf32>
    %v31 = "stablehlo.broadcast_in_dim"(%params.dense3_b) {broadcast_dimensions = array<i64: 1>} : (tensor<10xf32>) -> tensor<8x10xf32>
    %v32 = "stablehlo.add"(%v30, %v31) : (tensor<8x10xf32>, tensor<8x10xf32>) -> tensor<8x10xf32>
    %v33 = "stablehlo.iota"() {iota_dimension = 0 : i64} : () -> tensor<10xi32>
    %v34 = "stablehlo.broadcast_in_dim"(%labels) {broadcast_dimensions = array<i64: 0>} : (tensor<8xi32>) -> tensor<8x10xi32>
    %v35 = "stablehlo.broadcast_in_dim"(%v33) {broadcast_dimensions = array<i64: 1>} : (tensor<10xi32>) -> tensor<8x10xi32>
    %v36 = "stablehlo.compare"(%v34, %v35) {comparison_direction = #stablehlo<comparison_direction EQ>, compare_type = #stablehlo<comparison_type SIGNED>} : (tensor<8x10xi32>, tensor<8x10xi32>) -> tensor<8x10xi1>
    %v37 = "stablehlo.convert"(%v36) : (tensor<8x10xi1>) -> tensor<8x10xf32>
    %t1 = "stablehlo.constant"() {value = dense<0xFF800000> : tensor<f32>} : () -> tensor<f32>
    %v38 = "stablehlo.reduce"(%v32, %t1) ({
    ^bb0(%t2: tensor<f32>, %t3: tensor<f32>):
      %t4 = "stablehlo.maximum"(%t2, %t3) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t4) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 1>} : (tensor<8x10xf32>, tensor<f32>) -> tensor<8xf32>
    %v40 = "stablehlo.broadcast_in_dim"(%v38) {broadcast_dimensions = array<i64: 0>} : (tensor<8xf32>) -> tensor<8x10xf32>
    %v41 = "stablehlo.subtract"(%v32, %v40) : (tensor<8x10xf32>, tensor<8x10xf32>) -> tensor<8x10xf32>
    %v42 = "stablehlo.exponential"(%v41) : (tensor<8x10xf32>) -> tensor<8x10xf32>
    %t5 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v43 = "stablehlo.reduce"(%v42, %t5) ({
    ^bb0(%t6: tensor<f32>, %t7: tensor<f32>):
      %t8 = "stablehlo.add"(%t6, %t7) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t8) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 1>} : (tensor<8x10xf32>, tensor<f32>) -> tensor<8xf32>
    %v44 = "stablehlo.log"(%v43) : (tensor<8xf32>) -> tensor<8xf32>
    %v45 = "stablehlo.broadcast_in_dim"(%v44) {broadcast_dimensions = array<i64: 0>} : (tensor<8xf32>) -> tensor<8x10xf32>
    %v46 = "stablehlo.subtract"(%v41, %v45) : (tensor<8x10xf32>, tensor<8x10xf32>) -> tensor<8x10xf32>
    %v47 = "stablehlo.multiply"(%v37, %v46) : (tensor<8x10xf32>, tensor<8x10xf32>) -> tensor<8x10xf32>
    %t9 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v48 = "stablehlo.reduce"(%v47, %t9) ({
    ^bb0(%t10: tensor<f32>, %t11: tensor<f32>):
      %t12 = "stablehlo.add"(%t10, %t11) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t12) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 1>} : (tensor<8x10xf32>, tensor<f32>) -> tensor<8xf32>
    %v49 = "stablehlo.negate"(%v48) : (tensor<8xf32>) -> tensor<8xf32>
    %v50 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
    %v51 = "stablehlo.negate"(%v50) : (tensor<f32>) -> tensor<f32>
    %v52 = "stablehlo.broadcast_in_dim"(%v51) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<10xf32>
    %v53 = "stablehlo.broadcast_in_dim"(%v52) {broadcast_dimensions = array<i64: 1>} : (tensor<10xf32>) -> tensor<8x10xf32>
    %v54 = "stablehlo.multiply"(%v53, %v37) : (tensor<8x10xf32>, tensor<8x10xf32>) -> tensor<8x10xf32>
    %v55 = "stablehlo.negate"(%v54) : (tensor<8x10xf32>) -> tensor<8x10xf32>
    %t13 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v56 = "stablehlo.reduce"(%v55, %t13) ({
    ^bb0(%t14: tensor<f32>, %t15: tensor<f32>):
      %t16 = "stablehlo.add"(%t14, %t15) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t16) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 1>} : (tensor<8x10xf32>, tensor<f32>) -> tensor<8xf32>
    %v57 = "stablehlo.divide"(%v56, %v43) : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
    %v58 = "stablehlo.broadcast_in_dim"(%v57) {broadcast_dimensions = array<i64: 0>} : (tensor<8xf32>) -> tensor<8x10xf32>
    %v59 = "stablehlo.multiply"(%v58, %v42) : (tensor<8x10xf32>, tensor<8x10xf32>) -> tensor<8x10xf32>
    %v60 = "stablehlo.add"(%v54, %v59) : (tensor<8x10xf32>, tensor<8x10xf32>) -> tensor<8x10xf32>
    %v61 = "stablehlo.dot_general"(%v60, %params.dense3_w) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [1], rhs_contracting_dimensions = [1]>, precision_config = [#stablehlo<precision HIGHEST>, #stablehlo<precision HIGHEST>]} : (tensor<8x10xf32>, tensor<512x10xf32>) -> tensor<8x512xf32>
    %v62 = "stablehlo.broadcast_in_dim"(%v27) {broadcast_dimensions = array<i64: 1>} : (tensor<512xf32>) -> tensor<8x512xf32>
    %v63 = "stablehlo.compare"(%v25, %v62) {comparison_direction = #stablehlo<comparison_direction GT>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<8x512xf32>, tensor<8x512xf32>) -> tensor<8x512xi1>
    %v64 = "stablehlo.broadcast_in_dim"(%v27) {broadcast_dimensions = array<i64: 1>} : (tensor<512xf32>) -> tensor<8x512xf32>
    %v65 = "stablehlo.compare"(%v25, %v64) {comparison_direction = #stablehlo<comparison_direction EQ>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<8x512xf32>, tensor<8x512xf32>) -> tensor<8x512xi1>
    %v66 = "stablehlo.convert"(%v65) : (tensor<8x512xi1>) -> tensor<8x512xf32>
    %v67 = "stablehlo.constant"() {value = dense<0x3F000000> : tensor<f32>} : () -> tensor<f32>
    %v68 = "stablehlo.broadcast_in_dim"(%v67) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<512xf32>
    %v69 = "stablehlo.broadcast_in_dim"(%v68) {broadcast_dimensions = array<i64: 1>} : (tensor<512xf32>) -> tensor<8x512xf32>
    %v70 = "stablehlo.multiply"(%v66, %v69) : (tensor<8x512xf32>, tensor<8x512xf32>) -> tensor<8x512xf32>
    %v71 = "stablehlo.convert"(%v63) : (tensor<8x512xi1>) -> tensor<8x512xf32>
    %v72 = "stablehlo.add"(%v71, %v70) : (tensor<8x512xf32>, tensor<8x512xf32>) -> tensor<8x512xf32>
    %v73 = "stablehlo.multiply"(%v61, %v72) : (tensor<8x512xf32>, tensor<8x512xf32>) -> tensor<8x512xf32>
    %v74 = "stablehlo.dot_general"(%v73, %params.dense2_w) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [1], rhs_contracting_dimensions = [1]>, precision_config = [#stablehlo<precision HIGHEST>, #stablehlo<precision HIGHEST>]} : (tensor<8x512xf32>, tensor<512x512xf32>) -> tensor<8x512xf32>
    %v75 = "stablehlo.broadcast_in_dim"(%v20) {broadcast_dimensions = array<i64: 1>} : (tensor<512xf32>) -> tensor<8x512xf32>
    %v76 = "stablehlo.compare"(%v18, %v75) {comparison_direction = #stablehlo<comparison_direction GT>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<8x512xf32>, tensor<8x512xf32>) -> tensor<8x512xi1>
    %v77 = "stablehlo.broadcast_in_dim"(%v20) {broadcast_dimensions = array<i64: 1>} : (tensor<512xf32>) -> tensor<8x512xf32>
    %v78 = "stablehlo.compare"(%v18, %v77) {comparison_direction = #stablehlo<comparison_direction EQ>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<8x512xf32>, tensor<8x512xf32>) -> tensor<8x512xi1>
    %v79 = "stablehlo.convert"(%v78) : (tensor<8x512xi1>) -> tensor<8x512xf32>
    %v80 = "stablehlo.constant"() {value = dense<0x3F000000> : tensor<f32>} : () -> tensor<f32>
    %v81 = "stablehlo.broadcast_in_dim"(%v80) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<512xf32>
    %v82 = "stablehlo.broadcast_in_dim"(%v81) {broadcast_dimensions = array<i64: 1>} : (tensor<512xf32>) -> tensor<8x512xf32>
    %v83 = "stablehlo.multiply"(%v79, %v82) : (tensor<8x512xf32>, tensor<8x512xf32>) -> tensor<8x512xf32>
    %v84 = "stablehlo.convert"(%v76) : (tensor<8x512xi1>) -> tensor<8x512xf32>
    %v85 = "stablehlo.add"(%v84, %v83) : (tensor<8x512xf32>, tensor<8x512xf32>) -> tensor<8x512xf32>
    %v86 = "stablehlo.multiply"(%v74, %v85) : (tensor<8x512xf32>, tensor<8x512xf32>) -> tensor<8x512xf32>
    %v87 = "stablehlo.convert"(%v86) : (tensor<8x512xf32>) -> tensor<8x512xf64>
    %v88 = "stablehlo.multiply"(%v87, %v87) : (tensor<8x512xf64>, tensor<8x512xf64>) -> tensor<8x512xf64>
    %t17 = "stablehlo.constant"() {value = dense<0x0000000000000000> : tensor<f64>} : () -> tensor<f64>
    %v89 = "stablehlo.reduce"(%v88, %t17) ({
    ^bb0(%t18: tensor<f64>, %t19: tensor<f64>):
      %t20 = "stablehlo.add"(%t18, %t19) : (tensor<f64>, tensor<f64>) -> tensor<f64>
      "stablehlo.return"(%t20) : (tensor<f64>) -> ()
    }) {dimensions = array<i64: 1>} : (tensor<8x512xf64>, tensor<f64>) -> tensor<8xf64>
    %v90 = "stablehlo.convert"(%v15) : (tensor<8x784xf32>) -> tensor<8x784xf64>
    %v91 = "stablehlo.convert"(%v86) : (tensor<8x512xf32>) -> tensor<8x512xf64>
    %v92 = "stablehlo.multiply"(%v90, %v90) : (tensor<8x784xf64>, tensor<8x784xf64>) -> tensor<8x784xf64>
    %t21 = "stablehlo.constant"() {value = dense<0x0000000000000000> : tensor<f64>} : () -> tensor<f64>
    %v93 = "stablehlo.reduce"(%v92, %t21) ({
    ^bb0(%t22: tensor<f64>, %t23: tensor<f64>):
      %t24 = "stablehlo.add"(%t22, %t23) : (tensor<f64>, tensor<f64>) -> tensor<f64>
      "stablehlo.return"(%t24) : (tensor<f64>) -> ()
    }) {dimensions = array<i64: 1>} : (tensor<8x784xf64>, tensor<f64>) -> tensor<8xf64>
    %v94 = "stablehlo.multiply"(%v91, %v91) : (tensor<8x512xf64>, tensor<8x512xf64>) -> tensor<8x512xf64>
    %t25 = "stablehlo.constant"() {value = dense<0x0000000000000000> : tensor<f64>} : () -> tensor<f64>
    %v95 = "stablehlo.reduce"(%v94, %t25) ({
    ^bb0(%t26: tensor<f64>, %t27: tensor<f64>):
      %t28 = "stablehlo.add"(%t26, %t27) : (tensor<f64>, tensor<f64>) -> tensor<f64>
      "stablehlo.return"(%t28) : (tensor<f64>) -> ()
    }) {dimensions = array<i64: 1>} : (tensor<8x512xf64>, tensor<f64>) -> tensor<8xf64>
    %v96 = "stablehlo.multiply"(%v93, %v95) : (tensor<8xf64>, tensor<8xf64>) -> tensor<8xf64>
    %v97 = "stablehlo.convert"(%v73) : (tensor<8x512xf32>) -> tensor<8x512xf64>
    %v98 = "stablehlo.multiply"(%v97, %v97) : (tensor<8x512xf64>, tensor<8x512xf64>) -> tensor<8x512xf64>
    %t29 = "stablehlo.constant"() {value = dense<0x0000000000000000> : tensor<f64>} : () -> tensor<f64>
    %v99 = "stablehlo.reduce"(%v98, %t29) ({
    ^bb0(%t30: tensor<f64>, %t31: tensor<f64>):
      %t32 = "stablehlo.add"(%t30, %t31) : (tensor<f64>, tensor<f64>) -> tensor<f64>
      "stablehlo.return"(%t32) : (tensor<f64>) -> ()
    }) {dimensions = array<i64: 1>} : (tensor<8x512xf64>, tensor<f64>) -> tensor<8xf64>
    %v100 = "stablehlo.convert"(%v22) : (tensor<8x512xf32>) -> tensor<8x512xf64>
    %v101 = "stablehlo.convert"(%v73) : (tensor<8x512xf32>) -> tensor<8x512xf64>
    %v102 = "stablehlo.multiply"(%v100, %v100) : (tensor<8x512xf64>, tensor<8x512xf64>) -> tensor<8x512xf64>
    %t33 = "stablehlo.constant"() {value = dense<0x0000000000000000> : tensor<f64>} : () -> tensor<f64>
    %v103 = "stablehlo.reduce"(%v102, %t33) ({
    ^bb0(%t34: tensor<f64>, %t35: tensor<f64>):
      %t36 = "stablehlo.add"(%t34, %t35) : (tensor<f64>, tensor<f64>) -> tensor<f64>
      "stablehlo.return"(%t36) : (tensor<f64>) -> ()
    }) {dimensions = array<i64: 1>} : (tensor<8x512xf64>, tensor<f64>) -> tensor<8xf64>
    %v104 = "stablehlo.multiply"(%v101, %v101) : (tensor<8x512xf64>, tensor<8x512xf64>) -> tensor<8x512xf64>
    %t37 = "stablehlo.constant"() {value = dense<0x0000000000000000> : tensor<f64>} : () -> tensor<f64>
    %v105 = "stablehlo.reduce"(%v104, %t37) ({
    ^bb0(%t38: tensor<f64>, %t39: tensor<f64>):
      %t40 = "stablehlo.add"(%t38, %t39) : (tensor<f64>, tensor<f64>) -> tensor<f64>
      "stablehlo.return"(%t40) : (tensor<f64>) -> ()
    }) {dimensions = array<i64: 1>} : (tensor<8x512xf64>, tensor<f64>) -> tensor<8xf64>
    %v106 = "stablehlo.multiply"(%v103, %v105) : (tensor<8xf64>, tensor<8xf64>) -> tensor<8xf64>
    %v107 = "stablehlo.convert"(%v60) : (tensor<8x10xf32>) -> tensor<8x10xf64>
    %v108 = "stablehlo.multiply"(%v107, %v107) : (tensor<8x10xf64>, tensor<8x10xf64>) -> tensor<8x10xf64>
    %t41 = "stablehlo.constant"() {value = dense<0x0000000000000000> : tensor<f64>} : () -> tensor<f64>
    %v109 = "stablehlo.reduce"(%v108, %t41) ({
    ^bb0(%t42: tensor<f64>, %t43: tensor<f64>):
      %t44 = "stablehlo.add"(%t42, %t43) : (tensor<f64>, tensor<f64>) -> tensor<f64>
      "stablehlo.return"(%t44) : (tensor<f64>) -> ()
    }) {dimensions = array<i64: 1>} : (tensor<8x10xf64>, tensor<f64>) -> tensor<8xf64>
    %v110 = "stablehlo.convert"(%v29) : (tensor<8x512xf32>) -> tensor<8x512xf64>
    %v111 = "stablehlo.convert"(%v60) : (tensor<8x10xf32>) -> tensor<8x10xf64>
    %v112 = "stablehlo.multiply"(%v110, %v110) : (tensor<8x512xf64>, tensor<8x512xf64>) -> tensor<8x512xf64>
    %t45 = "stablehlo.constant"() {value = dense<0x0000000000000000> : tensor<f64>} : () -> tensor<f64>
    %v113 = "stablehlo.reduce"(%v112, %t45) ({
    ^bb0(%t46: tensor<f64>, %t47: tensor<f64>):
      %t48 = "stablehlo.add"(%t46, %t47) : (tensor<f64>, tensor<f64>) -> tensor<f64>
      "stablehlo.return"(%t48) : (tensor<f64>) -> ()
    }) {dimensions = array<i64: 1>} : (tensor<8x512xf64>, tensor<f64>) -> tensor<8xf64>
    %v114 = "stablehlo.multiply"(%v111, %v111) : (tensor<8x10xf64>, tensor<8x10xf64>) -> tensor<8x10xf64>
    %t49 = "stablehlo.constant"() {value = dense<0x0000000000000000> : tensor<f64>} : () -> tensor<f64>
    %v115 = "stablehlo.reduce"(%v114, %t49) ({
    ^bb0(%t50: tensor<f64>, %t51: tensor<f64>):
      %t52 = "stablehlo.add"(%t50, %t51) : (tensor<f64>, tensor<f64>) -> tensor<f64>
      "stablehlo.return"(%t52) : (tensor<f64>) -> ()
    }) {dimensions = array<i64: 1>} : (tensor<8x10xf64>, tensor<f64>) -> tensor<8xf64>
    %v116 = "stablehlo.multiply"(%v113, %v115) : (tensor<8xf64>, tensor<8xf64>) -> tensor<8xf64>
    %v117 = "stablehlo.add"(%v89, %v96) : (tensor<8xf64>, tensor<8xf64>) -> tensor<8xf64>
    %v118 = "stablehlo.add"(%v117, %v99) : (tensor<8xf64>, tensor<8xf64>) -> tensor<8xf64>
    %v119 = "stablehlo.add"(%v118, %v106) : (tensor<8xf64>, tensor<8xf64>) -> tensor<8xf64>
    %v120 = "stablehlo.add"(%v119, %v109) : (tensor<8xf64>, tensor<8xf64>) -> tensor<8xf64>
    %v121 = "stablehlo.add"(%v120, %v116) : (tensor<8xf64>, tensor<8xf64>) -> tensor<8xf64>
    %v122 = "stablehlo.constant"() {value = dense<0x7FF0000000000000> : tensor<f64>} : () -> tensor<f64>
    %v123 = "stablehlo.broadcast_in_dim"(%v122) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<8xf64>
    %v124 = "stablehlo.compare"(%v121, %v123) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<8xf64>, tensor<8xf64>) -> tensor<8xi1>
    %v125 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v126 = "stablehlo.broadcast_in_dim"(%v125) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8xf32>
    %v127 = "stablehlo.sqrt"(%v121) : (tensor<8xf64>) -> tensor<8xf64>
    %v128 = "stablehlo.constant"() {value = dense<0x3FF0000000000000> : tensor<f64>} : () -> tensor<f64>
    %v129 = "stablehlo.constant"() {value = dense<0x3FEFFFFDE7210BE9> : tensor<f64>} : () -> tensor<f64>
    %v130 = "stablehlo.broadcast_in_dim"(%v129) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<8xf64>
    %v131 = "stablehlo.divide"(%v127, %v130) : (tensor<8xf64>, tensor<8xf64>) -> tensor<8xf64>
    %v132 = "stablehlo.broadcast_in_dim"(%v128) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<8xf64>
    %v133 = "stablehlo.maximum"(%v131, %v132) : (tensor<8xf64>, tensor<8xf64>) -> tensor<8xf64>
    %v134 = "stablehlo.broadcast_in_dim"(%v128) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<8xf64>
    %v135 = "stablehlo.divide"(%v134, %v133) : (tensor<8xf64>, tensor<8xf64>) -> tensor<8xf64>
    %v136 = "stablehlo.convert"(%v135) : (tensor<8xf64>) -> tensor<8xf32>
    %v137 = "stablehlo.multiply"(%mask, %v136) : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
    %v138 = "stablehlo.select"(%v124, %v137, %v126) : (tensor<8xi1>, tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
    %v139 = "stablehlo.constant"() {value = dense<0x3FF0000000000000> : tensor<f64>} : () -> tensor<f64>
    %v140 = "stablehlo.broadcast_in_dim"(%v139) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<8xf64>
    %v141 = "stablehlo.compare"(%v127, %v140) {comparison_direction = #stablehlo<comparison_direction GT>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<8xf64>, tensor<8xf64>) -> tensor<8xi1>
    %v142 = "stablehlo.convert"(%v141) : (tensor<8xi1>) -> tensor<8xf32>
    %v143 = "stablehlo.multiply"(%mask, %v142) : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
    %t53 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v144 = "stablehlo.reduce"(%v143, %t53) ({
    ^bb0(%t54: tensor<f32>, %t55: tensor<f32>):
      %t56 = "stablehlo.add"(%t54, %t55) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t56) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0>} : (tensor<8xf32>, tensor<f32>) -> tensor<f32>
    %v145 = "stablehlo.broadcast_in_dim"(%v124) {broadcast_dimensions = array<i64: 0>} : (tensor<8xi1>) -> tensor<8x512xi1>
    %v146 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v147 = "stablehlo.broadcast_in_dim"(%v146) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x512xf32>
    %v148 = "stablehlo.select"(%v145, %v86, %v147) : (tensor<8x512xi1>, tensor<8x512xf32>, tensor<8x512xf32>) -> tensor<8x512xf32>
    %v149 = "stablehlo.convert"(%v148) : (tensor<8x512xf32>) -> tensor<8x512xf64>
    %v150 = "stablehlo.convert"(%v138) : (tensor<8xf32>) -> tensor<8xf64>
    %v151 = "stablehlo.broadcast_in_dim"(%v150) {broadcast_dimensions = array<i64: 0>} : (tensor<8xf64>) -> tensor<8x512xf64>
    %v152 = "stablehlo.multiply"(%v151, %v149) : (tensor<8x512xf64>, tensor<8x512xf64>) -> tensor<8x512xf64>
    %t57 = "stablehlo.constant"() {value = dense<0x0000000000000000> : tensor<f64>} : () -> tensor<f64>
    %v153 = "stablehlo.reduce"(%v152, %t57) ({
    ^bb0(%t58: tensor<f64>, %t59: tensor<f64>):
      %t60 = "stablehlo.add"(%t58, %t59) : (tensor<f64>, tensor<f64>) -> tensor<f64>
      "stablehlo.return"(%t60) : (tensor<f64>) -> ()
    }) {dimensions = array<i64: 0>} : (tensor<8x512xf64>, tensor<f64>) -> tensor<512xf64>
    %v154 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v155 = "stablehlo.broadcast_in_dim"(%v154) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8xf32>
    %v156 = "stablehlo.compare"(%v138, %v155) {comparison_direction = #stablehlo<comparison_direction NE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xi1>
    %v157 = "stablehlo.convert"(%v138) : (tensor<8xf32>) -> tensor<8xf64>
    %v158 = "stablehlo.broadcast_in_dim"(%v156) {broadcast_dimensions = array<i64: 0>} : (tensor<8xi1>) -> tensor<8x784xi1>
    %v159 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v160 = "stablehlo.broadcast_in_dim"(%v159) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x784xf32>
    %v161 = "stablehlo.select"(%v158, %v15, %v160) : (tensor<8x784xi1>, tensor<8x784xf32>, tensor<8x784xf32>) -> tensor<8x784xf32>
    %v162 = "stablehlo.convert"(%v161) : (tensor<8x784xf32>) -> tensor<8x784xf64>
    %v163 = "stablehlo.broadcast_in_dim"(%v156) {broadcast_dimensions = array<i64: 0>} : (tensor<8xi1>) -> tensor<8x512xi1>
    %v164 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v165 = "stablehlo.broadcast_in_dim"(%v164) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x512xf32>
    %v166 = "stablehlo.select"(%v163, %v86, %v165) : (tensor<8x512xi1>, tensor<8x512xf32>, tensor<8x512xf32>) -> tensor<8x512xf32>
    %v167 = "stablehlo.convert"(%v166) : (tensor<8x512xf32>) -> tensor<8x512xf64>
    %v168 = "stablehlo.broadcast_in_dim"(%v157) {broadcast_dimensions = array<i64: 0>} : (tensor<8xf64>) -> tensor<8x784xf64>
    %v169 = "stablehlo.multiply"(%v162, %v168) : (tensor<8x784xf64>, tensor<8x784xf64>) -> tensor<8x784xf64>
    %v170 = "stablehlo.dot_general"(%v169, %v167) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [0], rhs_contracting_dimensions = [0]>, precision_config = [#stablehlo<precision HIGHEST>, #stablehlo<precision HIGHEST>]} : (tensor<8x784xf64>, tensor<8x512xf64>) -> tensor<784x512xf64>
    %v171 = "stablehlo.broadcast_in_dim"(%v124) {broadcast_dimensions = array<i64: 0>} : (tensor<8xi1>) -> tensor<8x512xi1>
    %v172 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v173 = "stablehlo.broadcast_in_dim"(%v172) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x512xf32>
    %v174 = "stablehlo.select"(%v171, %v73, %v173) : (tensor<8x512xi1>, tensor<8x512xf32>, tensor<8x512xf32>) -> tensor<8x512xf32>
    %v175 = "stablehlo.convert"(%v174) : (tensor<8x512xf32>) -> tensor<8x512xf64>
    %v176 = "stablehlo.convert"(%v138) : (tensor<8xf32>) -> tensor<8xf64>
    %v177 = "stablehlo.broadcast_in_dim"(%v176) {broadcast_dimensions = array<i64: 0>} : (tensor<8xf64>) -> tensor<8x512xf64>
    %v178 = "stablehlo.multiply"(%v177, %v175) : (tensor<8x512xf64>, tensor<8x512xf64>) -> tensor<8x512xf64>
    %t61 = "stablehlo.constant"() {value = dense<0x0000000000000000> : tensor<f64>} : () -> tensor<f64>
    %v179 = "stablehlo.reduce"(%v178, %t61) ({
    ^bb0(%t62: tensor<f64>, %t63: tensor<f64>):
      %t64 = "stablehlo.add"(%t62, %t63) : (tensor<f64>, tensor<f64>) -> tensor<f64>
      "stablehlo.return"(%t64) : (tensor<f64>) -> ()
    }) {dimensions = array<i64: 0>} : (tensor<8x512xf64>, tensor<f64>) -> tensor<512xf64>
    %v180 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v181 = "stablehlo.broadcast_in_dim"(%v180) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8xf32>
    %v182 = "stablehlo.compare"(%v138, %v181) {comparison_direction = #stablehlo<comparison_direction NE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xi1>
    %v183 = "stablehlo.convert"(%v138) : (tensor<8xf32>) -> tensor<8xf64>
    %v184 = "stablehlo.broadcast_in_dim"(%v182) {broadcast_dimensions = array<i64: 0>} : (tensor<8xi1>) -> tensor<8x512xi1>
    %v185 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v186 = "stablehlo.broadcast_in_dim"(%v185) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x512xf32>
    %v187 = "stablehlo.select"(%v184, %v22, %v186) : (tensor<8x512xi1>, tensor<8x512xf32>, tensor<8x512xf32>) -> tensor<8x512xf32>
    %v188 = "stablehlo.convert"(%v187) : (tensor<8x512xf32>) -> tensor<8x512xf64>
    %v189 = "stablehlo.broadcast_in_dim"(%v182) {broadcast_dimensions = array<i64: 0>} : (tensor<8xi1>) -> tensor<8x512xi1>
    %v190 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v191 = "stablehlo.broadcast_in_dim"(%v190) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x512xf32>
    %v192 = "stablehlo.select"(%v189, %v73, %v191) : (tensor<8x512xi1>, tensor<8x512xf32>, tensor<8x512xf32>) -> tensor<8x512xf32>
    %v193 = "stablehlo.convert"(%v192) : (tensor<8x512xf32>) -> tensor<8x512xf64>
    %v194 = "stablehlo.broadcast_in_dim"(%v183) {broadcast_dimensions = array<i64: 0>} : (tensor<8xf64>) -> tensor<8x512xf64>
    %v195 = "stablehlo.multiply"(%v188, %v194) : (tensor<8x512xf64>, tensor<8x512xf64>) -> tensor<8x512xf64>
    %v196 = "stablehlo.dot_general"(%v195, %v193) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [0], rhs_contracting_dimensions = [0]>, precision_config = [#stablehlo<precision HIGHEST>, #stablehlo<precision HIGHEST>]} : (tensor<8x512xf64>, tensor<8x512xf64>) -> tensor<512x512xf64>
    %v197 = "stablehlo.broadcast_in_dim"(%v124) {broadcast_dimensions = array<i64: 0>} : (tensor<8xi1>) -> tensor<8x10xi1>
    %v198 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v199 = "stablehlo.broadcast_in_dim"(%v198) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x10xf32>
    %v200 = "stablehlo.select"(%v197, %v60, %v199) : (tensor<8x10xi1>, tensor<8x10xf32>, tensor<8x10xf32>) -> tensor<8x10xf32>
    %v201 = "stablehlo.convert"(%v200) : (tensor<8x10xf32>) -> tensor<8x10xf64>
    %v202 = "stablehlo.convert"(%v138) : (tensor<8xf32>) -> tensor<8xf64>
    %v203 = "stablehlo.broadcast_in_dim"(%v202) {broadcast_dimensions = array<i64: 0>} : (tensor<8xf64>) -> tensor<8x10xf64>
    %v204 = "stablehlo.multiply"(%v203, %v201) : (tensor<8x10xf64>, tensor<8x10xf64>) -> tensor<8x10xf64>
    %t65 = "stablehlo.constant"() {value = dense<0x0000000000000000> : tensor<f64>} : () -> tensor<f64>
    %v205 = "stablehlo.reduce"(%v204, %t65) ({
    ^bb0(%t66: tensor<f64>, %t67: tensor<f64>):
      %t68 = "stablehlo.add"(%t66, %t67) : (tensor<f64>, tensor<f64>) -> tensor<f64>
      "stablehlo.return"(%t68) : (tensor<f64>) -> ()
    }) {dimensions = array<i64: 0>} : (tensor<8x10xf64>, tensor<f64>) -> tensor<10xf64>
    %v206 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v207 = "stablehlo.broadcast_in_dim"(%v206) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8xf32>
    %v208 = "stablehlo.compare"(%v138, %v207) {comparison_direction = #stablehlo<comparison_direction NE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xi1>
    %v209 = "stablehlo.convert"(%v138) : (tensor<8xf32>) -> tensor<8xf64>
    %v210 = "stablehlo.broadcast_in_dim"(%v208) {broadcast_dimensions = array<i64: 0>} : (tensor<8xi1>) -> tensor<8x512xi1>
    %v211 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v212 = "stablehlo.broadcast_in_dim"(%v211) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x512xf32>
    %v213 = "stablehlo.select"(%v210, %v29, %v212) : (tensor<8x512xi1>, tensor<8x512xf32>, tensor<8x512xf32>) -> tensor<8x512xf32>
    %v214 = "stablehlo.convert"(%v213) : (tensor<8x512xf32>) -> tensor<8x512xf64>
    %v215 = "stablehlo.broadcast_in_dim"(%v208) {broadcast_dimensions = array<i64: 0>} : (tensor<8xi1>) -> tensor<8x10xi1>
    %v216 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v217 = "stablehlo.broadcast_in_dim"(%v216) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x10xf32>
    %v218 = "stablehlo.select"(%v215, %v60, %v217) : (tensor<8x10xi1>, tensor<8x10xf32>, tensor<8x10xf32>) -> tensor<8x10xf32>
    %v219 = "stablehlo.convert"(%v218) : (tensor<8x10xf32>) -> tensor<8x10xf64>
    %v220 = "stablehlo.broadcast_in_dim"(%v209) {broadcast_dimensions = array<i64: 0>} : (tensor<8xf64>) -> tensor<8x512xf64>
    %v221 = "stablehlo.multiply"(%v214, %v220) : (tensor<8x512xf64>, tensor<8x512xf64>) -> tensor<8x512xf64>
    %v222 = "stablehlo.dot_general"(%v221, %v219) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [0], rhs_contracting_dimensions = [0]>, precision_config = [#stablehlo<precision HIGHEST>, #stablehlo<precision HIGHEST>]} : (tensor<8x512xf64>, tensor<8x10xf64>) -> tensor<512x10xf64>
    %v223 = "stablehlo.add"(%accumulators.dense1_b, %v153) : (tensor<512xf64>, tensor<512xf64>) -> tensor<512xf64>
    %v224 = "stablehlo.add"(%accumulators.dense1_w, %v170) : (tensor<784x512xf64>, tensor<784x512xf64>) -> tensor<784x512xf64>
    %v225 = "stablehlo.add"(%accumulators.dense2_b, %v179) : (tensor<512xf64>, tensor<512xf64>) -> tensor<512xf64>
    %v226 = "stablehlo.add"(%accumulators.dense2_w, %v196) : (tensor<512x512xf64>, tensor<512x512xf64>) -> tensor<512x512xf64>
    %v227 = "stablehlo.add"(%accumulators.dense3_b, %v205) : (tensor<10xf64>, tensor<10xf64>) -> tensor<10xf64>
    %v228 = "stablehlo.add"(%accumulators.dense3_w, %v222) : (tensor<512x10xf64>, tensor<512x10xf64>) -> tensor<512x10xf64>
    %v229 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v230 = "stablehlo.broadcast_in_dim"(%v229) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8xf32>
    %v231 = "stablehlo.compare"(%mask, %v230) {comparison_direction = #stablehlo<comparison_direction GT>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xi1>
    %v232 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v233 = "stablehlo.broadcast_in_dim"(%v232) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8xf32>
    %v234 = "stablehlo.select"(%v231, %v49, %v233) : (tensor<8xi1>, tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
    %v235 = "stablehlo.constant"() {value = dense<0x7F800000> : tensor<f32>} : () -> tensor<f32>
    %v236 = "stablehlo.broadcast_in_dim"(%v235) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8xf32>
    %v237 = "stablehlo.compare"(%v234, %v236) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xi1>
    %v238 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v239 = "stablehlo.broadcast_in_dim"(%v238) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8xf32>
    %v240 = "stablehlo.select"(%v237, %v234, %v239) : (tensor<8xi1>, tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
    %t69 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v241 = "stablehlo.reduce"(%v240, %t69) ({
    ^bb0(%t70: tensor<f32>, %t71: tensor<f32>):
      %t72 = "stablehlo.add"(%t70, %t71) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t72) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0>} : (tensor<8xf32>, tensor<f32>) -> tensor<f32>
    "func.return"(%v223, %v224, %v225, %v226, %v227, %v228, %v241, %v144) : (tensor<512xf64>, tensor<784x512xf64>, tensor<512xf64>, tensor<512x512xf64>, tensor<10xf64>, tensor<512x10xf64>, tensor<f32>, tensor<f32>) -> ()
  }
}
