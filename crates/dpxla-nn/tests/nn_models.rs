//! Parameter counts of the model zoo (tracing only, no XLA): the ResNets
//! must equal torchvision's published counts exactly (GroupNorm has as many
//! parameters as BatchNorm), the WRNs a closed form of De et al.'s
//! parametrisation, close to Zagoruyko & Komodakis' published sizes.

use dpxla_nn::{by_name, by_name_with, model_names, param_count, param_specs, ModelOptions};

fn count(name: &str) -> usize {
    param_count(by_name(name).unwrap().as_ref()).unwrap()
}

/// WRN-d-k as De et al. / jax_privacy: WS-convs with gain and bias
/// (k²·cin·cout + 2·cout), GN scale and offset (2·c), a projection skip in the
/// first unit of each group, a final GN and a dense head.
fn wrn_closed_form(depth: usize, k: usize, classes: usize) -> usize {
    let conv = |cin: usize, cout: usize, ks: usize| ks * ks * cin * cout + 2 * cout;
    let gn = |c: usize| 2 * c;
    let n = (depth - 4) / 6;
    let mut total = conv(3, 16, 3);
    let mut cin = 16;
    for w in [16 * k, 32 * k, 64 * k] {
        for i in 0..n {
            if i == 0 {
                total += gn(cin) + conv(cin, w, 1);
            }
            total += gn(cin) + conv(cin, w, 3) + gn(w) + conv(w, w, 3);
            cin = w;
        }
    }
    total + gn(cin) + cin * classes + classes
}

#[test]
fn resnet_gn_counts_equal_torchvision() {
    // torchvision.models.resnet18() / resnet50(): 11,689,512 / 25,557,032.
    assert_eq!(count("resnet18_gn"), 11_689_512);
    assert_eq!(count("resnet50_gn"), 25_557_032);
}

#[test]
fn wrn_counts_match_the_published_architectures() {
    let (w16, w40) = (count("wrn16_4"), count("wrn40_4"));
    assert_eq!(w16, wrn_closed_form(16, 4, 10));
    assert_eq!(w40, wrn_closed_form(40, 4, 10));
    assert_eq!(w16, 2_753_818);
    assert_eq!(w40, 8_961_306);
    // Zagoruyko & Komodakis 2016, Table 1: 2.7M and 8.9M (BatchNorm, no conv
    // biases or WS gains: those add under 0.5%).
    assert!((w16 as f64 / 2.7e6 - 1.0).abs() < 0.02, "{w16}");
    assert!((w40 as f64 / 8.9e6 - 1.0).abs() < 0.02, "{w40}");
}

#[test]
fn small_model_counts() {
    // 784·512+512 + 512·512+512 + 512·10+10.
    assert_eq!(count("mlp"), 669_706);
    // Papernot et al. / Opacus MNIST example: 26,010.
    assert_eq!(count("cnn_tanh"), 26_010);
    // Tramèr & Boneh CIFAR-10 CNN: convs 896+9248+18496+36928+73856+147584,
    // dense 2048·128+128, 128·10+10.
    assert_eq!(count("cnn_tanh_cifar"), 550_570);
    // Opacus cifar10 convnet: 896+18496+36928+73856+1290.
    assert_eq!(count("cifar_cnn"), 131_466);
}

#[test]
fn every_name_builds_and_cnn_tanh_picks_by_input() {
    for name in model_names() {
        let m = by_name(name).unwrap();
        let specs = param_specs(m.as_ref()).unwrap();
        assert!(!specs.is_empty(), "{name}");
        let names: Vec<&str> = specs.iter().map(|s| s.name.as_str()).collect();
        let mut sorted = names.clone();
        sorted.sort();
        assert_eq!(names, sorted, "{name}: specs are in argument order");
    }
    assert!(by_name("resnet1000").is_err());
    let rgb = ModelOptions {
        input: Some(vec![32, 32, 3]),
        classes: None,
    };
    let m = by_name_with("cnn_tanh", &rgb).unwrap();
    assert_eq!(m.name(), "cnn_tanh_cifar");
    // A new class count changes the head only: 1000 → 10 classes on ResNet-18.
    let ten = ModelOptions {
        input: None,
        classes: Some(10),
    };
    let r10 = param_count(by_name_with("resnet18_gn", &ten).unwrap().as_ref()).unwrap();
    assert_eq!(r10, 11_689_512 - 990 * 512 - 990);
}

#[test]
fn scatter_model_counts() {
    // Tramèr & Boneh: Linear(81·7·7, 10); their MNIST_CNN on 81 channels:
    // conv 81→16 3x3, conv 16→32 3x3, dense 512→32, dense 32→10.
    assert_eq!(count("scatter_linear"), 81 * 49 * 10 + 10);
    assert_eq!(count("scatterfeat_linear"), 81 * 49 * 10 + 10);
    let cnn = (81 * 9 * 16 + 16) + (16 * 9 * 32 + 32) + (512 * 32 + 32) + (32 * 10 + 10);
    assert_eq!(count("scatter_cnn"), cnn);
    assert_eq!(count("scatterfeat_cnn"), cnn);
}
