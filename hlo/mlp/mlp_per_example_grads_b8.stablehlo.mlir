module @dpxla {
  func.func public @main(%dense1_b: tensor<512xf32>, %dense1_w: tensor<784x512xf32>, %dense2_b: tensor<512xf32>, %dense2_w: tensor<512x512xf32>, %dense3_b: tensor<10xf32>, %dense3_w: tensor<512x10xf32>, %images: tensor<8x28x28x1xf32>, %labels: tensor<8xi32>) -> (tensor<8xf32>, tensor<8x512xf32>, tensor<8x784x512xf32>, tensor<8x512xf32>, tensor<8x512x512xf32>, tensor<8x10xf32>, tensor<8x512x10xf32>) {
    %v8 = "stablehlo.reshape"(%images) : (tensor<8x28x28x1xf32>) -> tensor<8x784xf32>
    %v9 = "stablehlo.dot_general"(%v8, %dense1_w) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [1], rhs_contracting_dimensions = [0]>, precision_config = [#stablehlo<precision HIGHEST>, #stablehlo<precision HIGHEST>]} : (tensor<8x784xf32>, tensor<784x512xf32>) -> tensor<8x512xf32>
    %v10 = "stablehlo.broadcast_in_dim"(%dense1_b) {broadcast_dimensions = array<i64: 1>} : (tensor<512xf32>) -> tensor<8x512xf32>
    %v11 = "stablehlo.add"(%v9, %v10) : (tensor<8x512xf32>, tensor<8x512xf32>) -> tensor<8x512xf32>
    %v12 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v13 = "stablehlo.broadcast_in_dim"(%v12) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<512xf32>
    %v14 = "stablehlo.broadcast_in_dim"(%v13) {broadcast_dimensions = array<i64: 1>} : (tensor<512xf32>) -> tensor<8x512xf32>
    %v15 = "stablehlo.maximum"(%v11, %v14) : (tensor<8x512xf32>, tensor<8x512xf32>) -> tensor<8x512xf32>
    %v16 = "stablehlo.dot_general"(%v15, %dense2_w) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [1], rhs_contracting_dimensions = [0]>, precision_config = [#stablehlo<precision HIGHEST>, #stablehlo<precision HIGHEST>]} : (tensor<8x512xf32>, tensor<512x512xf32>) -> tensor<8x512xf32>
    %v17 = "stablehlo.broadcast_in_dim"(%dense2_b) {broadcast_dimensions = array<i64: 1>} : (tensor<512xf32>) -> tensor<8x512xf32>
    %v18 = "stablehlo.add"(%v16, %v17) : (tensor<8x512xf32>, tensor<8x512xf32>) -> tensor<8x512xf32>
    %v19 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v20 = "stablehlo.broadcast_in_dim"(%v19) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<512xf32>
    %v21 = "stablehlo.broadcast_in_dim"(%v20) {broadcast_dimensions = array<i64: 1>} : (tensor<512xf32>) -> tensor<8x512xf32>
    %v22 = "stablehlo.maximum"(%v18, %v21) : (tensor<8x512xf32>, tensor<8x512xf32>) -> tensor<8x512xf32>
    %v23 = "stablehlo.dot_general"(%v22, %dense3_w) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [1], rhs_contracting_dimensions = [0]>, precision_config = [#stablehlo<precision HIGHEST>, #stablehlo<precision HIGHEST>]} : (tensor<8x512xf32>, tensor<512x10xf32>) -> tensor<8x10xf32>
    %v24 = "stablehlo.broadcast_in_dim"(%dense3_b) {broadcast_dimensions = array<i64: 1>} : (tensor<10xf32>) -> tensor<8x10xf32>
    %v25 = "stablehlo.add"(%v23, %v24) : (tensor<8x10xf32>, tensor<8x10xf32>) -> tensor<8x10xf32>
    %v26 = "stablehlo.iota"() {iota_dimension = 0 : i64} : () -> tensor<10xi32>
    %v27 = "stablehlo.broadcast_in_dim"(%labels) {broadcast_dimensions = array<i64: 0>} : (tensor<8xi32>) -> tensor<8x10xi32>
    %v28 = "stablehlo.broadcast_in_dim"(%v26) {broadcast_dimensions = array<i64: 1>} : (tensor<10xi32>) -> tensor<8x10xi32>
    %v29 = "stablehlo.compare"(%v27, %v28) {comparison_direction = #stablehlo<comparison_direction EQ>, compare_type = #stablehlo<comparison_type SIGNED>} : (tensor<8x10xi32>, tensor<8x10xi32>) -> tensor<8x10xi1>
    %v30 = "stablehlo.convert"(%v29) : (tensor<8x10xi1>) -> tensor<8x10xf32>
    %t1 = "stablehlo.constant"() {value = dense<0xFF800000> : tensor<f32>} : () -> tensor<f32>
    %v31 = "stablehlo.reduce"(%v25, %t1) ({
    ^bb0(%t2: tensor<f32>, %t3: tensor<f32>):
      %t4 = "stablehlo.maximum"(%t2, %t3) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t4) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 1>} : (tensor<8x10xf32>, tensor<f32>) -> tensor<8xf32>
    %v33 = "stablehlo.broadcast_in_dim"(%v31) {broadcast_dimensions = array<i64: 0>} : (tensor<8xf32>) -> tensor<8x10xf32>
    %v34 = "stablehlo.subtract"(%v25, %v33) : (tensor<8x10xf32>, tensor<8x10xf32>) -> tensor<8x10xf32>
    %v35 = "stablehlo.exponential"(%v34) : (tensor<8x10xf32>) -> tensor<8x10xf32>
    %t5 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v36 = "stablehlo.reduce"(%v35, %t5) ({
    ^bb0(%t6: tensor<f32>, %t7: tensor<f32>):
      %t8 = "stablehlo.add"(%t6, %t7) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t8) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 1>} : (tensor<8x10xf32>, tensor<f32>) -> tensor<8xf32>
    %v37 = "stablehlo.log"(%v36) : (tensor<8xf32>) -> tensor<8xf32>
    %v38 = "stablehlo.broadcast_in_dim"(%v37) {broadcast_dimensions = array<i64: 0>} : (tensor<8xf32>) -> tensor<8x10xf32>
    %v39 = "stablehlo.subtract"(%v34, %v38) : (tensor<8x10xf32>, tensor<8x10xf32>) -> tensor<8x10xf32>
    %v40 = "stablehlo.multiply"(%v30, %v39) : (tensor<8x10xf32>, tensor<8x10xf32>) -> tensor<8x10xf32>
    %t9 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v41 = "stablehlo.reduce"(%v40, %t9) ({
    ^bb0(%t10: tensor<f32>, %t11: tensor<f32>):
      %t12 = "stablehlo.add"(%t10, %t11) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t12) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 1>} : (tensor<8x10xf32>, tensor<f32>) -> tensor<8xf32>
    %v42 = "stablehlo.negate"(%v41) : (tensor<8xf32>) -> tensor<8xf32>
    %v43 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
    %v44 = "stablehlo.negate"(%v43) : (tensor<f32>) -> tensor<f32>
    %v45 = "stablehlo.broadcast_in_dim"(%v44) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<10xf32>
    %v46 = "stablehlo.broadcast_in_dim"(%v45) {broadcast_dimensions = array<i64: 1>} : (tensor<10xf32>) -> tensor<8x10xf32>
    %v47 = "stablehlo.multiply"(%v46, %v30) : (tensor<8x10xf32>, tensor<8x10xf32>) -> tensor<8x10xf32>
    %v48 = "stablehlo.negate"(%v47) : (tensor<8x10xf32>) -> tensor<8x10xf32>
    %t13 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %v49 = "stablehlo.reduce"(%v48, %t13) ({
    ^bb0(%t14: tensor<f32>, %t15: tensor<f32>):
      %t16 = "stablehlo.add"(%t14, %t15) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%t16) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 1>} : (tensor<8x10xf32>, tensor<f32>) -> tensor<8xf32>
    %v50 = "stablehlo.divide"(%v49, %v36) : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
    %v51 = "stablehlo.broadcast_in_dim"(%v50) {broadcast_dimensions = array<i64: 0>} : (tensor<8xf32>) -> tensor<8x10xf32>
    %v52 = "stablehlo.multiply"(%v51, %v35) : (tensor<8x10xf32>, tensor<8x10xf32>) -> tensor<8x10xf32>
    %v53 = "stablehlo.add"(%v47, %v52) : (tensor<8x10xf32>, tensor<8x10xf32>) -> tensor<8x10xf32>
    %v54 = "stablehlo.dot_general"(%v53, %dense3_w) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [1], rhs_contracting_dimensions = [1]>, precision_config = [#stablehlo<precision HIGHEST>, #stablehlo<precision HIGHEST>]} : (tensor<8x10xf32>, tensor<512x10xf32>) -> tensor<8x512xf32>
    %v55 = "stablehlo.dot_general"(%v22, %v53) {dot_dimension_numbers = #stablehlo.dot<lhs_batching_dimensions = [0], rhs_batching_dimensions = [0]>, precision_config = [#stablehlo<precision HIGHEST>, #stablehlo<precision HIGHEST>]} : (tensor<8x512xf32>, tensor<8x10xf32>) -> tensor<8x512x10xf32>
    %v56 = "stablehlo.broadcast_in_dim"(%v20) {broadcast_dimensions = array<i64: 1>} : (tensor<512xf32>) -> tensor<8x512xf32>
    %v57 = "stablehlo.compare"(%v18, %v56) {comparison_direction = #stablehlo<comparison_direction GT>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<8x512xf32>, tensor<8x512xf32>) -> tensor<8x512xi1>
    %v58 = "stablehlo.broadcast_in_dim"(%v20) {broadcast_dimensions = array<i64: 1>} : (tensor<512xf32>) -> tensor<8x512xf32>
    %v59 = "stablehlo.compare"(%v18, %v58) {comparison_direction = #stablehlo<comparison_direction EQ>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<8x512xf32>, tensor<8x512xf32>) -> tensor<8x512xi1>
    %v60 = "stablehlo.convert"(%v59) : (tensor<8x512xi1>) -> tensor<8x512xf32>
    %v61 = "stablehlo.constant"() {value = dense<0x3F000000> : tensor<f32>} : () -> tensor<f32>
    %v62 = "stablehlo.broadcast_in_dim"(%v61) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<512xf32>
    %v63 = "stablehlo.broadcast_in_dim"(%v62) {broadcast_dimensions = array<i64: 1>} : (tensor<512xf32>) -> tensor<8x512xf32>
    %v64 = "stablehlo.multiply"(%v60, %v63) : (tensor<8x512xf32>, tensor<8x512xf32>) -> tensor<8x512xf32>
    %v65 = "stablehlo.convert"(%v57) : (tensor<8x512xi1>) -> tensor<8x512xf32>
    %v66 = "stablehlo.add"(%v65, %v64) : (tensor<8x512xf32>, tensor<8x512xf32>) -> tensor<8x512xf32>
    %v67 = "stablehlo.multiply"(%v54, %v66) : (tensor<8x512xf32>, tensor<8x512xf32>) -> tensor<8x512xf32>
    %v68 = "stablehlo.dot_general"(%v67, %dense2_w) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [1], rhs_contracting_dimensions = [1]>, precision_config = [#stablehlo<precision HIGHEST>, #stablehlo<precision HIGHEST>]} : (tensor<8x512xf32>, tensor<512x512xf32>) -> tensor<8x512xf32>
    %v69 = "stablehlo.dot_general"(%v15, %v67) {dot_dimension_numbers = #stablehlo.dot<lhs_batching_dimensions = [0], rhs_batching_dimensions = [0]>, precision_config = [#stablehlo<precision HIGHEST>, #stablehlo<precision HIGHEST>]} : (tensor<8x512xf32>, tensor<8x512xf32>) -> tensor<8x512x512xf32>
    %v70 = "stablehlo.broadcast_in_dim"(%v13) {broadcast_dimensions = array<i64: 1>} : (tensor<512xf32>) -> tensor<8x512xf32>
    %v71 = "stablehlo.compare"(%v11, %v70) {comparison_direction = #stablehlo<comparison_direction GT>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<8x512xf32>, tensor<8x512xf32>) -> tensor<8x512xi1>
    %v72 = "stablehlo.broadcast_in_dim"(%v13) {broadcast_dimensions = array<i64: 1>} : (tensor<512xf32>) -> tensor<8x512xf32>
    %v73 = "stablehlo.compare"(%v11, %v72) {comparison_direction = #stablehlo<comparison_direction EQ>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<8x512xf32>, tensor<8x512xf32>) -> tensor<8x512xi1>
    %v74 = "stablehlo.convert"(%v73) : (tensor<8x512xi1>) -> tensor<8x512xf32>
    %v75 = "stablehlo.constant"() {value = dense<0x3F000000> : tensor<f32>} : () -> tensor<f32>
    %v76 = "stablehlo.broadcast_in_dim"(%v75) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<512xf32>
    %v77 = "stablehlo.broadcast_in_dim"(%v76) {broadcast_dimensions = array<i64: 1>} : (tensor<512xf32>) -> tensor<8x512xf32>
    %v78 = "stablehlo.multiply"(%v74, %v77) : (tensor<8x512xf32>, tensor<8x512xf32>) -> tensor<8x512xf32>
    %v79 = "stablehlo.convert"(%v71) : (tensor<8x512xi1>) -> tensor<8x512xf32>
    %v80 = "stablehlo.add"(%v79, %v78) : (tensor<8x512xf32>, tensor<8x512xf32>) -> tensor<8x512xf32>
    %v81 = "stablehlo.multiply"(%v68, %v80) : (tensor<8x512xf32>, tensor<8x512xf32>) -> tensor<8x512xf32>
    %v82 = "stablehlo.dot_general"(%v8, %v81) {dot_dimension_numbers = #stablehlo.dot<lhs_batching_dimensions = [0], rhs_batching_dimensions = [0]>, precision_config = [#stablehlo<precision HIGHEST>, #stablehlo<precision HIGHEST>]} : (tensor<8x784xf32>, tensor<8x512xf32>) -> tensor<8x784x512xf32>
    "func.return"(%v42, %v81, %v82, %v67, %v69, %v53, %v55) : (tensor<8xf32>, tensor<8x512xf32>, tensor<8x784x512xf32>, tensor<8x512xf32>, tensor<8x512x512xf32>, tensor<8x10xf32>, tensor<8x512x10xf32>) -> ()
  }
}
