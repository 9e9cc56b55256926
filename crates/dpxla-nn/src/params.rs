//! Parameters seen from inside a traced model: hierarchical names resolved to
//! graph inputs.
//!
//! A model asks for `p.scope("conv1").param("w", shape, init)` while it is traced.
//! Tracing happens twice: a first pass records every parameter the model asks for
//! (its `ParamSpec`), then the real trace creates one graph input per parameter
//! in sorted name order (the executable's argument order) before running the
//! model again and handing out those inputs.

use super::init::{Init, ParamSpec};
use dpxla_core::array::DType;
use dpxla_core::trace::{Aval, Builder, Tensor};
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

enum Mode<'b> {
    /// First pass: record specs; hand out throwaway inputs.
    Collect(Vec<ParamSpec>),
    /// Second pass: hand out the pre-created inputs by name.
    Bound(BTreeMap<String, Tensor<'b>>),
}

/// A view of the parameters under a name prefix.
#[derive(Clone)]
pub struct Params<'b> {
    b: &'b Builder,
    prefix: String,
    /// The dtype parameters are declared with (the model's, see
    /// [`super::Model::dtype`]).
    dtype: DType,
    /// The dtype [`Params::param`] hands parameters out in: `dtype`, or a
    /// narrower compute dtype for mixed precision (`nn::MixedPrecision`).
    compute: DType,
    mode: Rc<RefCell<Mode<'b>>>,
}

impl<'b> Params<'b> {
    pub(crate) fn collecting(b: &'b Builder, dtype: DType) -> Params<'b> {
        Params {
            b,
            prefix: String::new(),
            dtype,
            compute: dtype,
            mode: Rc::new(RefCell::new(Mode::Collect(Vec::new()))),
        }
    }

    /// Parameters resolved to the given tensors by full name (for tracing a
    /// layer on its own, e.g. in tests; models get theirs from the loss
    /// tracer).
    pub fn bound(b: &'b Builder, tensors: BTreeMap<String, Tensor<'b>>) -> Params<'b> {
        let dtype = tensors.values().next().map_or(DType::F32, |t| t.dtype());
        Params {
            b,
            prefix: String::new(),
            dtype,
            compute: dtype,
            mode: Rc::new(RefCell::new(Mode::Bound(tensors))),
        }
    }

    /// The specs recorded by a collecting pass, sorted by name.
    pub(crate) fn into_specs(self) -> Vec<ParamSpec> {
        match &*self.mode.borrow() {
            Mode::Collect(specs) => {
                let mut specs = specs.clone();
                specs.sort_by(|a, b| a.name.cmp(&b.name));
                specs
            }
            Mode::Bound(_) => Vec::new(),
        }
    }

    /// The top-level scopes (the first path component of each parameter name)
    /// in the order the model first declared them: its layers or blocks, input
    /// side first, classifier last. Empty for a bound pass.
    pub(crate) fn top_scopes(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        if let Mode::Collect(specs) = &*self.mode.borrow() {
            for s in specs {
                let top = s.name.split('/').next().unwrap_or("").to_string();
                if !out.contains(&top) {
                    out.push(top);
                }
            }
        }
        out
    }

    /// The builder the model is traced into.
    pub fn builder(&self) -> &'b Builder {
        self.b
    }

    /// Parameters under `prefix/name/`.
    pub fn scope(&self, name: &str) -> Params<'b> {
        Params {
            b: self.b,
            prefix: format!("{}{name}/", self.prefix),
            dtype: self.dtype,
            compute: self.compute,
            mode: self.mode.clone(),
        }
    }

    /// The same parameters, handed out converted to `compute` (declared, stored
    /// and differentiated in [`Params::dtype`]): the cast of mixed precision.
    /// The gradient of a cast is the cotangent cast back, so each gradient
    /// leaves the narrow computation widened to the declared dtype.
    pub fn computing(&self, compute: DType) -> Params<'b> {
        Params {
            compute,
            ..self.clone()
        }
    }

    /// The dtype parameters are declared with: the model's
    /// ([`super::Model::dtype`], f32 unless the model asks for f64).
    pub fn dtype(&self) -> DType {
        self.dtype
    }

    /// The dtype [`Params::param`] returns: [`Params::dtype`] unless
    /// [`Params::computing`] chose a narrower one.
    pub fn compute_dtype(&self) -> DType {
        self.compute
    }

    /// The parameter `name` of `shape` in this scope, declared in
    /// [`Params::dtype`] and returned in [`Params::compute_dtype`].
    #[track_caller]
    pub fn param(&self, name: &str, shape: &[usize], init: Init) -> Tensor<'b> {
        self.declared(name, shape, init).convert(self.compute)
    }

    /// The parameter as declared (before any compute cast).
    #[track_caller]
    fn declared(&self, name: &str, shape: &[usize], init: Init) -> Tensor<'b> {
        let full = format!("{}{name}", self.prefix);
        let aval = Aval::new(shape.to_vec(), self.dtype);
        match &mut *self.mode.borrow_mut() {
            Mode::Collect(specs) => {
                if specs.iter().any(|s| s.name == full) {
                    self.b.fail(
                        "param",
                        std::slice::from_ref(&aval),
                        format!("parameter '{full}' declared twice"),
                    );
                }
                specs.push(ParamSpec {
                    name: full,
                    shape: shape.to_vec(),
                    dtype: self.dtype,
                    init,
                });
                self.b.input(aval)
            }
            Mode::Bound(tensors) => match tensors.get(&full) {
                Some(t) if t.aval() == aval => *t,
                Some(t) => {
                    self.b.fail(
                        "param",
                        &[t.aval()],
                        format!(
                            "parameter '{full}' is {} but was asked for as {aval}",
                            t.aval()
                        ),
                    );
                    *t
                }
                None => {
                    self.b.fail(
                        "param",
                        std::slice::from_ref(&aval),
                        format!("unknown parameter '{full}'"),
                    );
                    self.b.zeros(&aval)
                }
            },
        }
    }
}
