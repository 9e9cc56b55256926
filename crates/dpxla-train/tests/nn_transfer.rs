//! Transfer learning: checkpoints reload bit for bit and evaluate identically,
//! the torchvision name/layout mapping round-trips, head replacement keeps the
//! body, and freezing removes frozen parameters from the gradient graph.

use dpxla_core::array::HostArray;
use dpxla_core::tensor_file::{read_tensors, write_tensors};
use dpxla_core::trace::{eval, Graph, Prim};
use dpxla_nn::models::{CifarCnn, ResNetGn};
use dpxla_nn::transfer::torch::{permute, resnet_from_torch, resnet_to_torch};
use dpxla_nn::transfer::{load_params, load_params_file, replace_head, Freeze};
use dpxla_nn::{
    init_params, per_example_grads, per_example_grads_wrt, trace_example_loss, ExampleLoss, Model,
};
use dpxla_pjrt::lower::LowerOptions;
use dpxla_pjrt::program::Program;
use dpxla_pjrt::runtime::{CompileOptions, XlaFlag};
use dpxla_testkit::pjrt::test_client;
use std::path::PathBuf;

fn tmp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dpxla-nn-transfer-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

fn tiny_resnet(bottleneck: bool, classes: usize) -> ResNetGn {
    let base = if bottleneck {
        ResNetGn::resnet50()
    } else {
        ResNetGn::resnet18()
    };
    ResNetGn {
        width: 4,
        groups: 2,
        input: vec![16, 16, 3],
        classes,
        ..base
    }
}

fn tiny_cnn(classes: usize) -> CifarCnn {
    CifarCnn {
        input: vec![8, 8, 3],
        classes,
        channels: [4, 4, 4, 8],
    }
}

/// Loss of one example (interpreter).
fn loss_of(loss: &ExampleLoss, params: &[(String, HostArray)]) -> f64 {
    let n: usize = loss.input_shape.iter().product();
    let x: Vec<f32> = (0..n).map(|i| ((i * 37 % 19) as f32 - 9.0) / 9.0).collect();
    let mut args: Vec<HostArray> = params.iter().map(|(_, a)| a.clone()).collect();
    args.push(HostArray::f32(loss.input_shape.clone(), x));
    args.push(HostArray::i32(Vec::<usize>::new(), vec![1]));
    eval(&loss.graph, &args).unwrap()[0].to_f64()[0]
}

fn bits(a: &HostArray) -> Vec<u64> {
    a.to_f64().iter().map(|v| v.to_bits()).collect()
}

#[test]
fn a_reloaded_checkpoint_evaluates_identically() {
    let loss = trace_example_loss(&tiny_resnet(false, 5)).unwrap();
    let params = init_params(&loss.params, 11);
    let path = tmp("ckpt.safetensors");
    write_tensors(&path, &params, None).unwrap();
    let back = load_params_file(&loss, &path).unwrap();
    assert_eq!(back, params);
    assert_eq!(
        loss_of(&loss, &back).to_bits(),
        loss_of(&loss, &params).to_bits()
    );
    std::fs::remove_file(&path).unwrap();
}

#[test]
fn checkpoint_mismatches_are_named() {
    let loss = trace_example_loss(&tiny_cnn(10)).unwrap();
    let mut params = init_params(&loss.params, 1);
    params.retain(|(n, _)| n != "conv2/b");
    params.push(("conv9/w".into(), HostArray::f32([1], vec![0.0])));
    params[0].1 = HostArray::f32([1], vec![0.0]); // conv1/b with a wrong shape
    let err = load_params(&loss, &params).unwrap_err().to_string();
    for part in [
        "missing 'conv2/b'",
        "unexpected 'conv9/w'",
        "'conv1/b' has shape [1]",
    ] {
        assert!(err.contains(part), "{err}");
    }
}

#[test]
fn torchvision_mapping_round_trips() {
    for (bottleneck, stages) in [(false, vec![2, 2, 2, 2]), (true, vec![3, 4, 6, 3])] {
        let loss = trace_example_loss(&tiny_resnet(bottleneck, 7)).unwrap();
        let params = init_params(&loss.params, 3);
        let torch = resnet_to_torch(&params, &stages).unwrap();
        let get = |n: &str| &torch.iter().find(|(k, _)| k == n).unwrap().1;
        // Stage 2 starts at block 03 (ResNet-18) / 04 (ResNet-50) and projects.
        let first_of_stage2 = if bottleneck { "block04" } else { "block03" };
        let ours = &params
            .iter()
            .find(|(k, _)| *k == format!("{first_of_stage2}/proj/conv/w"))
            .unwrap()
            .1;
        let theirs = get("layer2.0.downsample.0.weight");
        assert_eq!(theirs.shape, vec![ours.shape[3], ours.shape[2], 1, 1]);
        // OIHW [o, i, h, w] is HWIO [h, w, i, o]: check one element by hand.
        let w = get("conv1.weight"); // [4, 3, 7, 7]
        let hwio = &params.iter().find(|(k, _)| k == "stem/conv/w").unwrap().1;
        let (o, i, h, x) = (2, 1, 5, 3);
        assert_eq!(
            w.to_f64()[((o * 3 + i) * 7 + h) * 7 + x],
            hwio.to_f64()[((h * 7 + x) * 3 + i) * 4 + o]
        );
        assert_eq!(
            get("fc.weight").shape,
            vec![7, 4 * if bottleneck { 32 } else { 8 }]
        );
        // Through a file, with BatchNorm buffers a torch export would carry.
        let mut file = torch.clone();
        file.push(("bn1.running_mean".into(), HostArray::f32([4], vec![0.0; 4])));
        file.push((
            "bn1.num_batches_tracked".into(),
            HostArray::f32([], vec![0.0]),
        ));
        let path = tmp(&format!("torch{bottleneck}.safetensors"));
        write_tensors(&path, &file, None).unwrap();
        let read = read_tensors(&path).unwrap().tensors;
        let (mapped, skipped) = resnet_from_torch(&read).unwrap();
        assert_eq!(skipped.len(), 2);
        let back = load_params(&loss, &mapped).unwrap();
        assert_eq!(back, params);
        std::fs::remove_file(&path).unwrap();
    }
    let bad = vec![(
        "layer1.0.se.weight".to_string(),
        HostArray::f32([1], vec![0.0]),
    )];
    assert!(resnet_from_torch(&bad).is_err());
}

#[test]
fn permute_is_a_transpose() {
    // [[1, 2, 3], [4, 5, 6]]ᵀ = [[1, 4], [2, 5], [3, 6]].
    let a = HostArray::f32([2, 3], vec![1.0, 2.0, 3.0, 4.0, 5.0, 6.0]);
    let t = permute(&a, &[1, 0]);
    assert_eq!(
        t,
        HostArray::f32([3, 2], vec![1.0, 4.0, 2.0, 5.0, 3.0, 6.0])
    );
}

#[test]
fn head_replacement_keeps_the_body_bit_identical() {
    let old = trace_example_loss(&tiny_resnet(false, 10)).unwrap();
    let old_params = init_params(&old.params, 5);
    let new = trace_example_loss(&tiny_resnet(false, 3)).unwrap();
    assert_eq!(new.head_scope(), "head");
    let params = replace_head(&new, &old_params, 99).unwrap();
    assert_eq!(params.len(), new.params.len());
    for ((name, a), spec) in params.iter().zip(&new.params) {
        assert_eq!(name, &spec.name);
        assert_eq!(a.shape, spec.shape);
        if name.starts_with("head/") {
            continue;
        }
        let before = &old_params.iter().find(|(n, _)| n == name).unwrap().1;
        assert_eq!(bits(a), bits(before), "{name}");
    }
    let head_w = &params.iter().find(|(n, _)| n == "head/w").unwrap().1;
    assert_eq!(head_w.shape, vec![32, 3]); // 4 << 3 channels after stage 4
    assert!(loss_of(&new, &params).is_finite());
    // Without replacement the 10-class head does not fit a 3-class model.
    assert!(load_params(&new, &old_params).is_err());
}

fn convs(g: &Graph) -> usize {
    g.eqns
        .iter()
        .filter(|e| matches!(e.prim, Prim::Conv { .. }))
        .count()
}

fn names(loss: &ExampleLoss, idx: &[usize]) -> Vec<String> {
    idx.iter().map(|&i| loss.params[i].name.clone()).collect()
}

#[test]
fn freezing_selects_blocks_by_declaration_order() {
    let loss = trace_example_loss(&tiny_resnet(false, 10)).unwrap();
    assert_eq!(loss.scopes.first().map(String::as_str), Some("stem"));
    assert_eq!(loss.scopes.len(), 1 + 8 + 1);
    let head = Freeze::HeadOnly.trainable(&loss).unwrap();
    assert_eq!(names(&loss, &head), ["head/b", "head/w"]);
    let t = Freeze::FirstBlocks(3).trainable(&loss).unwrap();
    let t = names(&loss, &t);
    assert!(t.iter().all(|n| !n.starts_with("stem/")
        && !n.starts_with("block01/")
        && !n.starts_with("block02/")));
    assert!(t.iter().any(|n| n.starts_with("block03/")));
    assert_eq!(
        Freeze::None.trainable(&loss).unwrap().len(),
        loss.params.len()
    );
    assert!(Freeze::FirstBlocks(10).trainable(&loss).is_err());
}

#[test]
fn frozen_parameters_get_no_gradients() {
    let model = tiny_cnn(4);
    let loss = trace_example_loss(&model).unwrap();
    assert_eq!(loss.scopes, ["conv1", "conv2", "conv3", "conv4", "head"]);
    let batch = 2;
    let full = per_example_grads(&loss, batch).unwrap();
    let head = Freeze::HeadOnly.trainable(&loss).unwrap();
    let head_graph = per_example_grads_wrt(&loss, batch, &head).unwrap();
    // Outputs: losses + the two head gradients; no backward convolution at
    // all (only the forward pass's four).
    assert_eq!(head_graph.outputs.len(), 1 + 2);
    assert_eq!(head_graph.inputs.len(), full.inputs.len());
    assert_eq!(convs(&head_graph), 4);
    assert!(convs(&full) > 4);
    let part = Freeze::FirstBlocks(2).trainable(&loss).unwrap();
    let part_graph = per_example_grads_wrt(&loss, batch, &part).unwrap();
    assert_eq!(part_graph.outputs.len(), 1 + part.len());
    assert!(convs(&part_graph) < convs(&full));

    // Through XLA: the trainable gradients equal those of the full graph.
    let opts = CompileOptions::default().flag("xla_backend_optimization_level", XlaFlag::Int(0));
    let run = |g: &Graph| {
        let prog = Program::compile(test_client(), g, &LowerOptions::default(), &opts).unwrap();
        let params = init_params(&loss.params, 8);
        let mut args: Vec<HostArray> = params.into_iter().map(|(_, a)| a).collect();
        let n = batch * 8 * 8 * 3;
        let x: Vec<f32> = (0..n).map(|i| ((i * 13 % 11) as f32 - 5.0) / 5.0).collect();
        args.push(HostArray::f32([batch, 8, 8, 3], x));
        args.push(HostArray::i32([batch], vec![0, 3]));
        prog.run_host(&args).unwrap()
    };
    let all = run(&full);
    let some = run(&part_graph);
    assert_eq!(bits(&some[0]), bits(&all[0]));
    for (k, &i) in part.iter().enumerate() {
        let (a, b) = (some[1 + k].to_f64(), all[1 + i].to_f64());
        for (x, y) in a.iter().zip(&b) {
            assert!(
                (x - y).abs() <= 1e-6 * (1.0 + y.abs()),
                "{}",
                loss.params[i].name
            );
        }
    }
    assert!(model.name() == "cifar_cnn");
}
