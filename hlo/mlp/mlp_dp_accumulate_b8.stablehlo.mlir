module @dpxla {
  func.func public @main(%v0: tensor<512xf32>, %v1: tensor<784x512xf32>, %v2: tensor<512xf32>, %v3: tensor<512x512xf32>, %v4: tensor<10xf32>, %v5: tensor<512x10xf32>, %v6: tensor<512xf32>, %v7: tensor<784x512xf32>, %v8: tensor<512xf32>, %v9: tensor<512x512xf32>, %v10: tensor<10xf32>, %v11: tensor<512x10xf32>, %v12: tensor<8x28x28x1xf32>, %v13: tensor<8xi32>, %v14: tensor<8xf32>) -> (tensor<512xf32>, tensor<784x512xf32>, tensor<512xf32>, tensor<512x512xf32>, tensor<10xf32>, tensor<512x10xf32>, tensor<f32>, tensor<f32>) {
    %v15 = "stablehlo.reshape"(%v12) : (tensor<8x28x28x1xf32>) -> tensor<8x784xf32>
    %v16 = "stablehlo.dot_general"(%v15, %v1) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [1], rhs_contracting_dimensions = [0]>} : (tensor<8x784xf32>, tensor<784x512xf32>) -> tensor<8x512xf32>
    %v17 = "stablehlo.broadcast_in_dim"(%v0) {broadcast_dimensions = array<i64: 1>} : (tensor<512xf32>) -> tensor<8x512xf32>
    %v18 = "stablehlo.add"(%v16, %v17) : (tensor<8x512xf32>, tensor<8x512xf32>) -> tensor<8x512xf32>
    %v19 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v20 = "stablehlo.broadcast_in_dim"(%v19) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<512xf32>
    %v21 = "stablehlo.broadcast_in_dim"(%v20) {broadcast_dimensions = array<i64: 1>} : (tensor<512xf32>) -> tensor<8x512xf32>
    %v22 = "stablehlo.maximum"(%v18, %v21) : (tensor<8x512xf32>, tensor<8x512xf32>) -> tensor<8x512xf32>
    %v23 = "stablehlo.dot_general"(%v22, %v3) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [1], rhs_contracting_dimensions = [0]>} : (tensor<8x512xf32>, tensor<512x512xf32>) -> tensor<8x512xf32>
    %v24 = "stablehlo.broadcast_in_dim"(%v2) {broadcast_dimensions = array<i64: 1>} : (tensor<512xf32>) -> tensor<8x512xf32>
    %v25 = "stablehlo.add"(%v23, %v24) : (tensor<8x512xf32>, tensor<8x512xf32>) -> tensor<8x512xf32>
    %v26 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v27 = "stablehlo.broadcast_in_dim"(%v26) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<512xf32>
    %v28 = "stablehlo.broadcast_in_dim"(%v27) {broadcast_dimensions = array<i64: 1>} : (tensor<512xf32>) -> tensor<8x512xf32>
    %v29 = "stablehlo.maximum"(%v25, %v28) : (tensor<8x512xf32>, tensor<8x512xf32>) -> tensor<8x512xf32>
    %v30 = "stablehlo.dot_general"(%v29, %v5) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [1], rhs_contracting_dimensions = [0]>} : (tensor<8x512xf32>, tensor<512x10xf32>) -> tensor<8x10xf32>
    %v31 = "stablehlo.broadcast_in_dim"(%v4) {broadcast_dimensions = array<i64: 1>} : (tensor<10xf32>) -> tensor<8x10xf32>
    %v32 = "stablehlo.add"(%v30, %v31) : (tensor<8x10xf32>, tensor<8x10xf32>) -> tensor<8x10xf32>
    %v33 = "stablehlo.iota"() {iota_dimension = 0 : i64} : () -> tensor<10xi32>
    %v34 = "stablehlo.broadcast_in_dim"(%v13) {broadcast_dimensions = array<i64: 0>} : (tensor<8xi32>) -> tensor<8x10xi32>
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
    %v61 = "stablehlo.dot_general"(%v60, %v5) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [1], rhs_contracting_dimensions = [1]>} : (tensor<8x10xf32>, tensor<512x10xf32>) -> tensor<8x512xf32>
    %v62 = "stablehlo.dot_general"(%v29, %v60) {dot_dimension_numbers = #stablehlo.dot<lhs_batching_dimensions = [0], rhs_batching_dimensions = [0]>} : (tensor<8x512xf32>, tensor<8x10xf32>) -> tensor<8x512x10xf32>
    %v63 = "stablehlo.broadcast_in_dim"(%v27) {broadcast_dimensions = array<i64: 1>} : (tensor<512xf32>) -> tensor<8x512xf32>
    %v64 = "stablehlo.compare"(%v25, %v63) {comparison_direction = #stablehlo<comparison_direction GT>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<8x512xf32>, tensor<8x512xf32>) -> tensor<8x512xi1>
    %v65 = "stablehlo.broadcast_in_dim"(%v27) {broadcast_dimensions = array<i64: 1>} : (tensor<512xf32>) -> tensor<8x512xf32>
    %v66 = "stablehlo.compare"(%v25, %v65) {comparison_direction = #stablehlo<comparison_direction EQ>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<8x512xf32>, tensor<8x512xf32>) -> tensor<8x512xi1>
    %v67 = "stablehlo.convert"(%v66) : (tensor<8x512xi1>) -> tensor<8x512xf32>
    %v68 = "stablehlo.constant"() {value = dense<0x3F000000> : tensor<f32>} : () -> tensor<f32>
    %v69 = "stablehlo.broadcast_in_dim"(%v68) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<512xf32>
    %v70 = "stablehlo.broadcast_in_dim"(%v69) {broadcast_dimensions = array<i64: 1>} : (tensor<512xf32>) -> tensor<8x512xf32>
    %v71 = "stablehlo.multiply"(%v67, %v70) : (tensor<8x512xf32>, tensor<8x512xf32>) -> tensor<8x512xf32>
    %v72 = "stablehlo.convert"(%v64) : (tensor<8x512xi1>) -> tensor<8x512xf32>
    %v73 = "stablehlo.add"(%v72, %v71) : (tensor<8x512xf32>, tensor<8x512xf32>) -> tensor<8x512xf32>
    %v74 = "stablehlo.multiply"(%v61, %v73) : (tensor<8x512xf32>, tensor<8x512xf32>) -> tensor<8x512xf32>
    %v75 = "stablehlo.dot_general"(%v74, %v3) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [1], rhs_contracting_dimensions = [1]>} : (tensor<8x512xf32>, tensor<512x512xf32>) -> tensor<8x512xf32>
    %v76 = "stablehlo.dot_general"(%v22, %v74) {dot_dimension_numbers = #stablehlo.dot<lhs_batching_dimensions = [0], rhs_batching_dimensions = [0]>} : (tensor<8x512xf32>, tensor<8x512xf32>) -> tensor<8x512x512xf32>
    %v77 = "stablehlo.broadcast_in_dim"(%v20) {broadcast_dimensions = array<i64: 1>} : (tensor<512xf32>) -> tensor<8x512xf32>
    %v78 = "stablehlo.compare"(%v18, %v77) {comparison_direction = #stablehlo<comparison_direction GT>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<8x512xf32>, tensor<8x512xf32>) -> tensor<8x512xi1>
    %v79 = "stablehlo.broadcast_in_dim"(%v20) {broadcast_dimensions = array<i64: 1>} : (tensor<512xf32>) -> tensor<8x512xf32>
    %v80 = "stablehlo.compare"(%v18, %v79) {comparison_direction = #stablehlo<comparison_direction EQ>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<8x512xf32>, tensor<8x512xf32>) -> tensor<8x512xi1>
    %v81 = "stablehlo.convert"(%v80) : (tensor<8x512xi1>) -> tensor<8x512xf32>
    %v82 = "stablehlo.constant"() {value = dense<0x3F000000> : tensor<f32>} : () -> tensor<f32>
    %v83 = "stablehlo.broadcast_in_dim"(%v82) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<512xf32>
    %v84 = "stablehlo.broadcast_in_dim"(%v83) {broadcast_dimensions = array<i64: 1>} : (tensor<512xf32>) -> tensor<8x512xf32>
    %v85 = "stablehlo.multiply"(%v81, %v84) : (tensor<8x512xf32>, tensor<8x512xf32>) -> tensor<8x512xf32>
    %v86 = "stablehlo.convert"(%v78) : (tensor<8x512xi1>) -> tensor<8x512xf32>
    %v87 = "stablehlo.add"(%v86, %v85) : (tensor<8x512xf32>, tensor<8x512xf32>) -> tensor<8x512xf32>
    %v88 = "stablehlo.multiply"(%v75, %v87) : (tensor<8x512xf32>, tensor<8x512xf32>) -> tensor<8x512xf32>
    %v89 = "stablehlo.dot_general"(%v15, %v88) {dot_dimension_numbers = #stablehlo.dot<lhs_batching_dimensions = [0], rhs_batching_dimensions = [0]>} : (tensor<8x784xf32>, tensor<8x512xf32>) -> tensor<8x784x512xf32>
    %v90 = "stablehlo.convert"(%v88) : (tensor<8x512xf32>) -> tensor<8x512xf64>
    %v91 = "stablehlo.multiply"(%v90, %v90) : (tensor<8x512xf64>, tensor<8x512xf64>) -> tensor<8x512xf64>
    %t17 = "stablehlo.constant"() {value = dense<0x0000000000000000> : tensor<f64>} : () -> tensor<f64>
    %v92 = "stablehlo.reduce"(%v91, %t17) ({
    ^bb0(%t18: tensor<f64>, %t19: tensor<f64>):
      %t20 = "stablehlo.add"(%t18, %t19) : (tensor<f64>, tensor<f64>) -> tensor<f64>
      "stablehlo.return"(%t20) : (tensor<f64>) -> ()
    }) {dimensions = array<i64: 1>} : (tensor<8x512xf64>, tensor<f64>) -> tensor<8xf64>
    %v93 = "stablehlo.convert"(%v89) : (tensor<8x784x512xf32>) -> tensor<8x784x512xf64>
    %v94 = "stablehlo.multiply"(%v93, %v93) : (tensor<8x784x512xf64>, tensor<8x784x512xf64>) -> tensor<8x784x512xf64>
    %t21 = "stablehlo.constant"() {value = dense<0x0000000000000000> : tensor<f64>} : () -> tensor<f64>
    %v95 = "stablehlo.reduce"(%v94, %t21) ({
    ^bb0(%t22: tensor<f64>, %t23: tensor<f64>):
      %t24 = "stablehlo.add"(%t22, %t23) : (tensor<f64>, tensor<f64>) -> tensor<f64>
      "stablehlo.return"(%t24) : (tensor<f64>) -> ()
    }) {dimensions = array<i64: 1, 2>} : (tensor<8x784x512xf64>, tensor<f64>) -> tensor<8xf64>
    %v96 = "stablehlo.convert"(%v74) : (tensor<8x512xf32>) -> tensor<8x512xf64>
    %v97 = "stablehlo.multiply"(%v96, %v96) : (tensor<8x512xf64>, tensor<8x512xf64>) -> tensor<8x512xf64>
    %t25 = "stablehlo.constant"() {value = dense<0x0000000000000000> : tensor<f64>} : () -> tensor<f64>
    %v98 = "stablehlo.reduce"(%v97, %t25) ({
    ^bb0(%t26: tensor<f64>, %t27: tensor<f64>):
      %t28 = "stablehlo.add"(%t26, %t27) : (tensor<f64>, tensor<f64>) -> tensor<f64>
      "stablehlo.return"(%t28) : (tensor<f64>) -> ()
    }) {dimensions = array<i64: 1>} : (tensor<8x512xf64>, tensor<f64>) -> tensor<8xf64>
    %v99 = "stablehlo.convert"(%v76) : (tensor<8x512x512xf32>) -> tensor<8x512x512xf64>
    %v100 = "stablehlo.multiply"(%v99, %v99) : (tensor<8x512x512xf64>, tensor<8x512x512xf64>) -> tensor<8x512x512xf64>
    %t29 = "stablehlo.constant"() {value = dense<0x0000000000000000> : tensor<f64>} : () -> tensor<f64>
    %v101 = "stablehlo.reduce"(%v100, %t29) ({
    ^bb0(%t30: tensor<f64>, %t31: tensor<f64>):
      %t32 = "stablehlo.add"(%t30, %t31) : (tensor<f64>, tensor<f64>) -> tensor<f64>
      "stablehlo.return"(%t32) : (tensor<f64>) -> ()
    }) {dimensions = array<i64: 1, 2>} : (tensor<8x512x512xf64>, tensor<f64>) -> tensor<8xf64>
    %v102 = "stablehlo.convert"(%v60) : (tensor<8x10xf32>) -> tensor<8x10xf64>
    %v103 = "stablehlo.multiply"(%v102, %v102) : (tensor<8x10xf64>, tensor<8x10xf64>) -> tensor<8x10xf64>
    %t33 = "stablehlo.constant"() {value = dense<0x0000000000000000> : tensor<f64>} : () -> tensor<f64>
    %v104 = "stablehlo.reduce"(%v103, %t33) ({
    ^bb0(%t34: tensor<f64>, %t35: tensor<f64>):
      %t36 = "stablehlo.add"(%t34, %t35) : (tensor<f64>, tensor<f64>) -> tensor<f64>
      "stablehlo.return"(%t36) : (tensor<f64>) -> ()
    }) {dimensions = array<i64: 1>} : (tensor<8x10xf64>, tensor<f64>) -> tensor<8xf64>
    %v105 = "stablehlo.convert"(%v62) : (tensor<8x512x10xf32>) -> tensor<8x512x10xf64>
    %v106 = "stablehlo.multiply"(%v105, %v105) : (tensor<8x512x10xf64>, tensor<8x512x10xf64>) -> tensor<8x512x10xf64>
    %t37 = "stablehlo.constant"() {value = dense<0x0000000000000000> : tensor<f64>} : () -> tensor<f64>
    %v107 = "stablehlo.reduce"(%v106, %t37) ({
    ^bb0(%t38: tensor<f64>, %t39: tensor<f64>):
      %t40 = "stablehlo.add"(%t38, %t39) : (tensor<f64>, tensor<f64>) -> tensor<f64>
      "stablehlo.return"(%t40) : (tensor<f64>) -> ()
    }) {dimensions = array<i64: 1, 2>} : (tensor<8x512x10xf64>, tensor<f64>) -> tensor<8xf64>
    %v108 = "stablehlo.add"(%v92, %v95) : (tensor<8xf64>, tensor<8xf64>) -> tensor<8xf64>
    %v109 = "stablehlo.add"(%v108, %v98) : (tensor<8xf64>, tensor<8xf64>) -> tensor<8xf64>
    %v110 = "stablehlo.add"(%v109, %v101) : (tensor<8xf64>, tensor<8xf64>) -> tensor<8xf64>
    %v111 = "stablehlo.add"(%v110, %v104) : (tensor<8xf64>, tensor<8xf64>) -> tensor<8xf64>
    %v112 = "stablehlo.add"(%v111, %v107) : (tensor<8xf64>, tensor<8xf64>) -> tensor<8xf64>
    %v113 = "stablehlo.constant"() {value = dense<0x7FF0000000000000> : tensor<f64>} : () -> tensor<f64>
    %v114 = "stablehlo.broadcast_in_dim"(%v113) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<8xf64>
    %v115 = "stablehlo.compare"(%v112, %v114) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<8xf64>, tensor<8xf64>) -> tensor<8xi1>
    %v116 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v117 = "stablehlo.broadcast_in_dim"(%v116) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8xf32>
    %v118 = "stablehlo.broadcast_in_dim"(%v115) {broadcast_dimensions = array<i64: 0>} : (tensor<8xi1>) -> tensor<8x512xi1>
    %v119 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v120 = "stablehlo.broadcast_in_dim"(%v119) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x512xf32>
    %v121 = "stablehlo.select"(%v118, %v88, %v120) : (tensor<8x512xi1>, tensor<8x512xf32>, tensor<8x512xf32>) -> tensor<8x512xf32>
    %v122 = "stablehlo.broadcast_in_dim"(%v115) {broadcast_dimensions = array<i64: 0>} : (tensor<8xi1>) -> tensor<8x784x512xi1>
    %v123 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v124 = "stablehlo.broadcast_in_dim"(%v123) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x784x512xf32>
    %v125 = "stablehlo.select"(%v122, %v89, %v124) : (tensor<8x784x512xi1>, tensor<8x784x512xf32>, tensor<8x784x512xf32>) -> tensor<8x784x512xf32>
    %v126 = "stablehlo.broadcast_in_dim"(%v115) {broadcast_dimensions = array<i64: 0>} : (tensor<8xi1>) -> tensor<8x512xi1>
    %v127 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v128 = "stablehlo.broadcast_in_dim"(%v127) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x512xf32>
    %v129 = "stablehlo.select"(%v126, %v74, %v128) : (tensor<8x512xi1>, tensor<8x512xf32>, tensor<8x512xf32>) -> tensor<8x512xf32>
    %v130 = "stablehlo.broadcast_in_dim"(%v115) {broadcast_dimensions = array<i64: 0>} : (tensor<8xi1>) -> tensor<8x512x512xi1>
    %v131 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v132 = "stablehlo.broadcast_in_dim"(%v131) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x512x512xf32>
    %v133 = "stablehlo.select"(%v130, %v76, %v132) : (tensor<8x512x512xi1>, tensor<8x512x512xf32>, tensor<8x512x512xf32>) -> tensor<8x512x512xf32>
    %v134 = "stablehlo.broadcast_in_dim"(%v115) {broadcast_dimensions = array<i64: 0>} : (tensor<8xi1>) -> tensor<8x10xi1>
    %v135 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v136 = "stablehlo.broadcast_in_dim"(%v135) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x10xf32>
    %v137 = "stablehlo.select"(%v134, %v60, %v136) : (tensor<8x10xi1>, tensor<8x10xf32>, tensor<8x10xf32>) -> tensor<8x10xf32>
    %v138 = "stablehlo.broadcast_in_dim"(%v115) {broadcast_dimensions = array<i64: 0>} : (tensor<8xi1>) -> tensor<8x512x10xi1>
    %v139 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v140 = "stablehlo.broadcast_in_dim"(%v139) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x512x10xf32>
    %v141 = "stablehlo.select"(%v138, %v62, %v140) : (tensor<8x512x10xi1>, tensor<8x512x10xf32>, tensor<8x512x10xf32>) -> tensor<8x512x10xf32>
    %v142 = "stablehlo.sqrt"(%v112) : (tensor<8xf64>) -> tensor<8xf64>
    %v143 = "stablehlo.constant"() {value = dense<0x3FF0000000000000> : tensor<f64>} : () -> tensor<f64>
    %v144 = "stablehlo.constant"() {value = dense<0x3FEFFFFDE7210BE9> : tensor<f64>} : () -> tensor<f64>
    %v145 = "stablehlo.broadcast_in_dim"(%v144) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<8xf64>
    %v146 = "stablehlo.divide"(%v142, %v145) : (tensor<8xf64>, tensor<8xf64>) -> tensor<8xf64>
    %v147 = "stablehlo.broadcast_in_dim"(%v143) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<8xf64>
    %v148 = "stablehlo.maximum"(%v146, %v147) : (tensor<8xf64>, tensor<8xf64>) -> tensor<8xf64>
    %v149 = "stablehlo.broadcast_in_dim"(%v143) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<8xf64>
    %v150 = "stablehlo.divide"(%v149, %v148) : (tensor<8xf64>, tensor<8xf64>) -> tensor<8xf64>
    %v151 = "stablehlo.convert"(%v150) : (tensor<8xf64>) -> tensor<8xf32>
    %v152 = "stablehlo.multiply"(%v14, %v151) : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
    %v153 = "stablehlo.select"(%v115, %v152, %v117) : (tensor<8xi1>, tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
    %v154 = "stablehlo.constant"() {value = dense<0x3FF0000000000000> : tensor<f64>} : () -> tensor<f64>
    %v155 = "stablehlo.broadcast_in_dim"(%v154) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<8xf64>
    %v156 = "stablehlo.compare"(%v142, %v155) {comparison_direction = #stablehlo<comparison_direction GT>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<8xf64>, tensor<8xf64>) -> tensor<8xi1>
    %v157 = "stablehlo.convert"(%v156) : (tensor<8xi1>) -> tensor<8xf32>
    %v158 = "stablehlo.multiply"(%v14, %v157) : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
    %t41 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v159 = "stablehlo.reduce"(%v158, %t41) ({
    ^bb0(%t42: tensor<f32>, %t43: tensor<f32>):
      %t44 = "stablehlo.add"(%t42, %t43) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t44) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0>} : (tensor<8xf32>, tensor<f32>) -> tensor<f32>
    %v160 = "stablehlo.dot_general"(%v153, %v121) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [0], rhs_contracting_dimensions = [0]>} : (tensor<8xf32>, tensor<8x512xf32>) -> tensor<512xf32>
    %v161 = "stablehlo.add"(%v6, %v160) : (tensor<512xf32>, tensor<512xf32>) -> tensor<512xf32>
    %v162 = "stablehlo.dot_general"(%v153, %v125) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [0], rhs_contracting_dimensions = [0]>} : (tensor<8xf32>, tensor<8x784x512xf32>) -> tensor<784x512xf32>
    %v163 = "stablehlo.add"(%v7, %v162) : (tensor<784x512xf32>, tensor<784x512xf32>) -> tensor<784x512xf32>
    %v164 = "stablehlo.dot_general"(%v153, %v129) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [0], rhs_contracting_dimensions = [0]>} : (tensor<8xf32>, tensor<8x512xf32>) -> tensor<512xf32>
    %v165 = "stablehlo.add"(%v8, %v164) : (tensor<512xf32>, tensor<512xf32>) -> tensor<512xf32>
    %v166 = "stablehlo.dot_general"(%v153, %v133) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [0], rhs_contracting_dimensions = [0]>} : (tensor<8xf32>, tensor<8x512x512xf32>) -> tensor<512x512xf32>
    %v167 = "stablehlo.add"(%v9, %v166) : (tensor<512x512xf32>, tensor<512x512xf32>) -> tensor<512x512xf32>
    %v168 = "stablehlo.dot_general"(%v153, %v137) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [0], rhs_contracting_dimensions = [0]>} : (tensor<8xf32>, tensor<8x10xf32>) -> tensor<10xf32>
    %v169 = "stablehlo.add"(%v10, %v168) : (tensor<10xf32>, tensor<10xf32>) -> tensor<10xf32>
    %v170 = "stablehlo.dot_general"(%v153, %v141) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [0], rhs_contracting_dimensions = [0]>} : (tensor<8xf32>, tensor<8x512x10xf32>) -> tensor<512x10xf32>
    %v171 = "stablehlo.add"(%v11, %v170) : (tensor<512x10xf32>, tensor<512x10xf32>) -> tensor<512x10xf32>
    %v172 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v173 = "stablehlo.broadcast_in_dim"(%v172) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8xf32>
    %v174 = "stablehlo.compare"(%v14, %v173) {comparison_direction = #stablehlo<comparison_direction GT>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xi1>
    %v175 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v176 = "stablehlo.broadcast_in_dim"(%v175) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8xf32>
    %v177 = "stablehlo.select"(%v174, %v49, %v176) : (tensor<8xi1>, tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
    %v178 = "stablehlo.constant"() {value = dense<0x7F800000> : tensor<f32>} : () -> tensor<f32>
    %v179 = "stablehlo.broadcast_in_dim"(%v178) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8xf32>
    %v180 = "stablehlo.compare"(%v177, %v179) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xi1>
    %v181 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v182 = "stablehlo.broadcast_in_dim"(%v181) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8xf32>
    %v183 = "stablehlo.select"(%v180, %v177, %v182) : (tensor<8xi1>, tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
    %t45 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v184 = "stablehlo.reduce"(%v183, %t45) ({
    ^bb0(%t46: tensor<f32>, %t47: tensor<f32>):
      %t48 = "stablehlo.add"(%t46, %t47) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t48) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0>} : (tensor<8xf32>, tensor<f32>) -> tensor<f32>
    "func.return"(%v161, %v163, %v165, %v167, %v169, %v171, %v184, %v159) : (tensor<512xf32>, tensor<784x512xf32>, tensor<512xf32>, tensor<512x512xf32>, tensor<10xf32>, tensor<512x10xf32>, tensor<f32>, tensor<f32>) -> ()
  }
}
