//! Augmentation properties (crop, flip, normalisation, determinism, multiplicity)
//! and the background prefetcher.

use dpxla_core::array::ArrayData;
use dpxla_testkit::data::noise_bytes;
use dpxla_train::data::augment::{
    crop_reflect, flip_horizontal, view_params, view_seed, ViewParams,
};
use dpxla_train::data::{augment_batch, augment_views, normalize_batch, Prefetcher, ViewAugment};

const SHAPE: [usize; 3] = [6, 5, 3];
const PER: usize = 6 * 5 * 3;

fn f32s(a: &dpxla_core::array::HostArray) -> &[f32] {
    match &a.data {
        ArrayData::F32(v) => v,
        other => panic!("expected f32, got {other:?}"),
    }
}

fn crop_flip() -> ViewAugment {
    ViewAugment {
        crop_padding: 2,
        flip: true,
        mean: vec![0.5, 0.4, 0.3],
        std: vec![0.25, 0.2, 0.1],
        random_resized_crop: None,
    }
}

#[test]
fn crops_keep_the_size_and_padding_zero_is_the_identity() {
    let img = noise_bytes(PER, 1);
    for (dy, dx) in [(0, 0), (4, 4), (1, 3), (2, 2)] {
        assert_eq!(crop_reflect(&img, SHAPE, 2, dy, dx).unwrap().len(), PER);
    }
    assert_eq!(crop_reflect(&img, SHAPE, 0, 0, 0).unwrap(), img);
    // The centred window of the padded image is the image.
    assert_eq!(crop_reflect(&img, SHAPE, 2, 2, 2).unwrap(), img);
    // Padding must stay inside the image to reflect.
    assert!(crop_reflect(&img, SHAPE, 5, 0, 0).is_err());
}

#[test]
fn reflect_padding_mirrors_without_repeating_the_edge() {
    // One row 1x4, one channel: [a b c d] padded by 2 reflects to
    // [c b | a b c d | c b]; the window at dx = 0 is [c b a b].
    let row = [10u8, 20, 30, 40];
    assert_eq!(crop_reflect(&row, [1, 4, 1], 0, 0, 0).unwrap(), row);
    let shape = [2, 4, 1];
    let img = [10u8, 20, 30, 40, 50, 60, 70, 80];
    assert_eq!(
        crop_reflect(&img, shape, 1, 1, 0).unwrap(),
        [20, 10, 20, 30, 60, 50, 60, 70]
    );
    assert_eq!(
        crop_reflect(&img, shape, 1, 1, 2).unwrap(),
        [20, 30, 40, 30, 60, 70, 80, 70]
    );
    // dy = 0 shifts down: row -1 reflects to row 1.
    assert_eq!(
        crop_reflect(&img, shape, 1, 0, 1).unwrap(),
        [50, 60, 70, 80, 10, 20, 30, 40]
    );
}

#[test]
fn flipping_twice_is_the_identity_and_once_mirrors_columns() {
    let img = noise_bytes(PER, 2);
    let once = flip_horizontal(&img, SHAPE);
    assert_ne!(once, img);
    assert_eq!(flip_horizontal(&once, SHAPE), img);
    let [_, w, c] = SHAPE;
    for y in 0..6 {
        for x in 0..w {
            let (a, b) = ((y * w + x) * c, (y * w + (w - 1 - x)) * c);
            assert_eq!(once[a..a + c], img[b..b + c]);
        }
    }
}

#[test]
fn normalisation_is_x_over_255_minus_mean_over_std() {
    let cfg = crop_flip();
    let img = [0u8, 51, 255, 255, 0, 102];
    let out = normalize_batch(&img, [1, 2, 3], &cfg).unwrap();
    assert_eq!(out.shape, vec![1, 1, 2, 3]);
    let want = [
        (0.0 - 0.5) / 0.25,
        (0.2 - 0.4) / 0.2,
        (1.0 - 0.3) / 0.1,
        (1.0 - 0.5) / 0.25,
        (0.0 - 0.4) / 0.2,
        (0.4 - 0.3) / 0.1,
    ];
    for (g, w) in f32s(&out).iter().zip(want) {
        assert!((g - w).abs() < 1e-5, "{g} vs {w}");
    }
    let wrong = ViewAugment {
        mean: vec![0.0, 0.0],
        ..ViewAugment::none()
    };
    assert!(normalize_batch(&img, [1, 2, 3], &wrong).is_err());
}

#[test]
fn the_same_seed_step_and_example_give_the_same_views_whatever_the_batch() {
    let cfg = crop_flip();
    let a = noise_bytes(PER, 10);
    let b = noise_bytes(PER, 11);
    let ab: Vec<u8> = [a.clone(), b.clone()].concat();
    let ba: Vec<u8> = [b.clone(), a.clone()].concat();
    let v_ab = augment_views(&ab, SHAPE, &cfg, 7, 3, &[100, 200], 4).unwrap();
    let v_ba = augment_views(&ba, SHAPE, &cfg, 7, 3, &[200, 100], 4).unwrap();
    assert_eq!(v_ab.shape, vec![2, 4, 6, 5, 3]);
    let per_example = 4 * PER;
    let (x, y) = (f32s(&v_ab), f32s(&v_ba));
    // Example 100 is first in one batch and second in the other: same views.
    assert_eq!(x[..per_example], y[per_example..]);
    assert_eq!(x[per_example..], y[..per_example]);
    // Again: bitwise the same.
    assert_eq!(
        v_ab,
        augment_views(&ab, SHAPE, &cfg, 7, 3, &[100, 200], 4).unwrap()
    );
    // Another step, or another seed, draws other views.
    assert_ne!(
        v_ab,
        augment_views(&ab, SHAPE, &cfg, 7, 4, &[100, 200], 4).unwrap()
    );
    assert_ne!(
        v_ab,
        augment_views(&ab, SHAPE, &cfg, 8, 3, &[100, 200], 4).unwrap()
    );
    // The K views of one example are not all the same.
    let views: Vec<&[f32]> = x[..per_example].chunks(PER).collect();
    assert!(views.iter().any(|v| *v != views[0]));
}

#[test]
fn multiplicity_one_equals_the_single_view_path() {
    let cfg = crop_flip();
    let images = noise_bytes(5 * PER, 4);
    let ids = [0, 9, 4, 1_000_000, 3];
    let single = augment_batch(&images, SHAPE, &cfg, 42, 17, &ids).unwrap();
    let k1 = augment_views(&images, SHAPE, &cfg, 42, 17, &ids, 1).unwrap();
    assert_eq!(single.shape, vec![5, 6, 5, 3]);
    assert_eq!(k1.shape, vec![5, 1, 6, 5, 3]);
    assert_eq!(f32s(&single), f32s(&k1));
    // And view 0 of K = 3 is that same view.
    let k3 = augment_views(&images, SHAPE, &cfg, 42, 17, &ids, 3).unwrap();
    for i in 0..5 {
        assert_eq!(
            f32s(&k3)[i * 3 * PER..][..PER],
            f32s(&single)[i * PER..][..PER]
        );
    }
    assert!(augment_views(&images, SHAPE, &cfg, 42, 17, &ids, 0).is_err());
    assert!(augment_batch(&images, SHAPE, &cfg, 42, 17, &ids[..4]).is_err());
}

#[test]
fn each_view_is_a_crop_and_maybe_a_flip_of_its_image() {
    let cfg = ViewAugment {
        crop_padding: 2,
        flip: true,
        ..ViewAugment::none()
    };
    let img = noise_bytes(PER, 5);
    let views = augment_views(&img, SHAPE, &cfg, 1, 2, &[3], 8).unwrap();
    let mut flips = 0;
    for (v, got) in f32s(&views).chunks(PER).enumerate() {
        let ViewParams { dy, dx, flip } = view_params(&cfg, 1, 2, 3, v as u64);
        assert!(dy <= 4 && dx <= 4);
        let mut want = crop_reflect(&img, SHAPE, 2, dy, dx).unwrap();
        if flip {
            want = flip_horizontal(&want, SHAPE);
            flips += 1;
        }
        // view = normalise(flip(crop(image))), exactly.
        let want = normalize_batch(&want, SHAPE, &cfg).unwrap();
        assert_eq!(got, f32s(&want));
    }
    assert!(flips > 0 && flips < 8, "8 fair coins all alike: {flips}");
    // Without augmentation a view is the scaled image.
    let plain = augment_batch(&img, SHAPE, &ViewAugment::none(), 1, 2, &[3]).unwrap();
    assert_eq!(
        plain,
        normalize_batch(&img, SHAPE, &ViewAugment::none()).unwrap()
    );
}

#[test]
fn crop_offsets_and_flips_are_roughly_uniform() {
    // 9,000 draws of a 5-valued offset and a coin: each offset ~1/5, flips ~1/2.
    let cfg = crop_flip();
    let mut counts = [0usize; 5];
    let mut flips = 0;
    for e in 0..9000u64 {
        let p = view_params(&cfg, 0, 0, e, 0);
        counts[p.dx] += 1;
        flips += p.flip as usize;
    }
    // Binomial sd for 1/5 of 9000 is 38: allow ±5 sd.
    assert!(
        counts.iter().all(|&c| (1610..=1990).contains(&c)),
        "{counts:?}"
    );
    assert!((4290..=4710).contains(&flips), "{flips}");
    // The seed mixing keeps argument order: (step 1, example 2) ≠ (step 2, example 1).
    assert_ne!(view_seed(0, 1, 2, 0), view_seed(0, 2, 1, 0));
}

#[test]
fn large_batches_are_split_over_threads_without_changing_the_result() {
    // 64 CIFAR-sized images x K = 2 is above the threading threshold.
    let shape = [32, 32, 3];
    let per = 32 * 32 * 3;
    let images = noise_bytes(64 * per, 6);
    let ids: Vec<u64> = (0..64).collect();
    let cfg = ViewAugment::cifar10();
    let all = augment_views(&images, shape, &cfg, 5, 6, &ids, 2).unwrap();
    let one = augment_views(&images[63 * per..], shape, &cfg, 5, 6, &ids[63..], 2).unwrap();
    assert_eq!(f32s(&all)[63 * 2 * per..], f32s(&one)[..]);
}

#[test]
fn the_prefetcher_delivers_in_order_and_stops_cleanly() {
    let items: Vec<u64> = Prefetcher::spawn(2, |i| (i < 10).then_some(Ok(i * i)))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    assert_eq!(items, (0..10).map(|i| i * i).collect::<Vec<_>>());

    // An error ends the stream after it is delivered.
    let mut p = Prefetcher::spawn(1, |i| {
        Some(if i == 2 {
            Err(dpxla_train::Error::InvalidInput("boom".into()))
        } else {
            Ok(i)
        })
    })
    .unwrap();
    assert_eq!(p.next().unwrap().unwrap(), 0);
    assert_eq!(p.next().unwrap().unwrap(), 1);
    assert!(p.next().unwrap().is_err());
    assert!(p.next().is_none());

    // Dropping an endless producer that is blocked on a full queue returns.
    let endless = Prefetcher::spawn(1, |i| Some(Ok(i))).unwrap();
    drop(endless);

    // A panic in the producer surfaces as an error, not a hang.
    let mut p = Prefetcher::<u64>::spawn(1, |_| panic!("producer failed")).unwrap();
    assert!(p.next().unwrap().is_err());
}

#[test]
fn random_resized_crop_is_deterministic_per_view_and_identity_at_full_scale() {
    use dpxla_train::data::resized_crop::ResizedCrop;
    let shape = [6, 6, 3];
    let img = noise_bytes(6 * 6 * 3, 9);
    let cfg = ViewAugment {
        random_resized_crop: Some(ResizedCrop::default()),
        flip: true,
        ..ViewAugment::none()
    };
    let two = noise_bytes(2 * 6 * 6 * 3, 10);
    let a = augment_views(&two, shape, &cfg, 4, 1, &[7, 8], 4).unwrap();
    let b = augment_views(&two, shape, &cfg, 4, 1, &[7, 8], 4).unwrap();
    assert_eq!(a, b, "a view is a function of (seed, step, example, view)");
    let v = f32s(&a);
    let per = 6 * 6 * 3;
    assert_ne!(&v[..per], &v[per..2 * per], "views of one example differ");
    // Whole area, square ratio, no flip: every view is the image itself.
    let full = ViewAugment {
        random_resized_crop: Some(ResizedCrop {
            scale: [1.0, 1.0],
            ratio: [1.0, 1.0],
        }),
        ..ViewAugment::none()
    };
    let out = augment_batch(&img, shape, &full, 1, 1, &[0]).unwrap();
    let want: Vec<f32> = img.iter().map(|&x| x as f32 / 255.0).collect();
    for (g, w) in f32s(&out).iter().zip(&want) {
        assert!((g - w).abs() < 1e-6, "{g} vs {w}");
    }
    // With a padded crop it is refused.
    let both = ViewAugment {
        crop_padding: 1,
        ..cfg
    };
    assert!(augment_batch(&img, shape, &both, 1, 1, &[0]).is_err());
}
