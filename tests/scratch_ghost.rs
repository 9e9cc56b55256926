use dpxla::nn::models::Mlp;
use dpxla::nn::{per_example_grads, trace_example_loss};
#[test]
fn show() {
    let m = Mlp {
        input: vec![2, 2, 1],
        hidden: vec![3],
        classes: 2,
    };
    let loss = trace_example_loss(&m).unwrap();
    let g = per_example_grads(&loss, 5).unwrap();
    println!("{g}");
}
