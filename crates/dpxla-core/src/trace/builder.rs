//! The graph builder and the `Tensor` handle.
//!
//! The builder uses interior mutability so that `Tensor<'b>` is `Copy` and
//! arithmetic operators work on it. Ops never return `Result`: the FIRST
//! error (with the caller's `#[track_caller]` location, the op and the
//! operand shapes) is kept and returned by [`Builder::finish`]; later ops
//! produce placeholder values so that tracing can continue.
//! Transformations use the same API (Autodidax: rules are "just tracing").

use std::cell::RefCell;
use std::panic::Location;

use super::error::{TraceError, TraceResult};
use super::ir::{Aval, Eqn, Graph, Literal, Prim, RngDist, Var};
use super::shape::abstract_eval;
use crate::array::DType;

#[derive(Default)]
struct Inner {
    avals: Vec<Aval>,
    inputs: Vec<Var>,
    eqns: Vec<Eqn>,
    error: Option<TraceError>,
}

/// Records equations into a [`Graph`].
#[derive(Default)]
pub struct Builder {
    inner: RefCell<Inner>,
}

/// A value in a graph under construction. Cheap to copy.
#[derive(Clone, Copy)]
pub struct Tensor<'b> {
    b: &'b Builder,
    var: Var,
}

impl std::fmt::Debug for Tensor<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Tensor({:?}: {})", self.var, self.aval())
    }
}

fn shapes_str(avals: &[Aval]) -> String {
    let s: Vec<String> = avals.iter().map(|a| a.to_string()).collect();
    format!("({})", s.join(", "))
}

impl Builder {
    pub fn new() -> Builder {
        Builder::default()
    }

    fn new_var(&self, aval: Aval) -> Var {
        let mut inner = self.inner.borrow_mut();
        inner.avals.push(aval);
        Var(inner.avals.len() as u32 - 1)
    }

    fn wrap(&self, var: Var) -> Tensor<'_> {
        Tensor { b: self, var }
    }

    /// A new graph input.
    pub fn input(&self, aval: Aval) -> Tensor<'_> {
        let v = self.new_var(aval);
        self.inner.borrow_mut().inputs.push(v);
        self.wrap(v)
    }

    /// Abstract value of a var of this builder.
    pub fn aval(&self, v: Var) -> Aval {
        self.inner.borrow().avals[v.index()].clone()
    }

    /// Whether an error has been recorded.
    pub fn has_error(&self) -> bool {
        self.inner.borrow().error.is_some()
    }

    /// Record an error (only the first one is kept) at the caller's location.
    #[track_caller]
    pub fn fail(&self, op: &str, operands: &[Aval], msg: impl Into<String>) {
        let mut inner = self.inner.borrow_mut();
        if inner.error.is_none() {
            inner.error = Some(TraceError::Op {
                op: op.to_string(),
                shapes: shapes_str(operands),
                msg: msg.into(),
                location: Location::caller(),
            });
        }
    }

    /// Append `out = prim(inputs)`; on a shape error record it and return a
    /// placeholder (typed like the first operand, or f32[]).
    #[track_caller]
    pub fn emit(&self, prim: Prim, inputs: &[Tensor<'_>]) -> Tensor<'_> {
        let avals: Vec<Aval> = inputs.iter().map(|t| t.aval()).collect();
        match abstract_eval(&prim, &avals) {
            Ok(aval) => {
                let out = self.new_var(aval);
                let eqn = Eqn {
                    prim,
                    inputs: inputs.iter().map(|t| t.var).collect(),
                    out,
                };
                self.inner.borrow_mut().eqns.push(eqn);
                self.wrap(out)
            }
            Err(e) => {
                self.fail(prim.name(), &avals, e.0);
                let placeholder = avals.first().cloned().unwrap_or(Aval::scalar(DType::F32));
                self.wrap(self.new_var(placeholder))
            }
        }
    }

    /// A constant from a literal.
    #[track_caller]
    pub fn constant(&self, value: Literal) -> Tensor<'_> {
        self.emit(Prim::Constant { value }, &[])
    }

    /// A scalar constant.
    #[track_caller]
    pub fn scalar(&self, value: f64, dtype: DType) -> Tensor<'_> {
        self.constant(Literal::splat(value, vec![], dtype))
    }

    /// A splat constant of any shape.
    #[track_caller]
    pub fn full(&self, value: f64, shape: &[usize], dtype: DType) -> Tensor<'_> {
        self.constant(Literal::splat(value, shape.to_vec(), dtype))
    }

    /// Zeros of an abstract value.
    #[track_caller]
    pub fn zeros(&self, aval: &Aval) -> Tensor<'_> {
        self.full(0.0, &aval.shape, aval.dtype)
    }

    /// `iota` along `dim`.
    #[track_caller]
    pub fn iota(&self, shape: &[usize], dtype: DType, dim: usize) -> Tensor<'_> {
        self.emit(
            Prim::Iota {
                shape: shape.to_vec(),
                dtype,
                dim,
            },
            &[],
        )
    }

    /// `select(pred, on_true, on_false)`, all of one shape.
    #[track_caller]
    pub fn select<'a>(
        &'a self,
        pred: Tensor<'a>,
        on_true: Tensor<'a>,
        on_false: Tensor<'a>,
    ) -> Tensor<'a> {
        self.emit(Prim::Select, &[pred, on_true, on_false])
    }

    /// Concatenate along `dim`.
    #[track_caller]
    pub fn concat<'a>(&'a self, xs: &[Tensor<'a>], dim: usize) -> Tensor<'a> {
        self.emit(Prim::Concatenate { dim }, xs)
    }

    /// Uniform samples in [0, 1) from a `u32[4]` key.
    #[track_caller]
    pub fn rng_uniform<'a>(&'a self, key: Tensor<'a>, shape: &[usize], dtype: DType) -> Tensor<'a> {
        self.emit(
            Prim::Rng {
                dist: RngDist::Uniform,
                shape: shape.to_vec(),
                dtype,
            },
            &[key],
        )
    }
    /// Standard normal samples from a `u32[4]` key.
    #[track_caller]
    pub fn rng_normal<'a>(&'a self, key: Tensor<'a>, shape: &[usize], dtype: DType) -> Tensor<'a> {
        self.emit(
            Prim::Rng {
                dist: RngDist::Normal,
                shape: shape.to_vec(),
                dtype,
            },
            &[key],
        )
    }

    /// Inline `g` applied to `args`; returns its outputs.
    #[track_caller]
    pub fn call<'a>(&'a self, g: &Graph, args: &[Tensor<'a>]) -> Vec<Tensor<'a>> {
        let arg_avals: Vec<Aval> = args.iter().map(|t| t.aval()).collect();
        if arg_avals != g.input_avals() {
            self.fail(
                "call",
                &arg_avals,
                format!("graph expects {}", shapes_str(&g.input_avals())),
            );
            return g
                .output_avals()
                .into_iter()
                .map(|a| self.wrap(self.new_var(a)))
                .collect();
        }
        let mut env: Vec<Option<Tensor<'a>>> = vec![None; g.avals.len()];
        for (v, t) in g.inputs.iter().zip(args) {
            env[v.index()] = Some(*t);
        }
        for eqn in &g.eqns {
            let ins: Vec<Tensor<'a>> = eqn
                .inputs
                .iter()
                .map(|v| env[v.index()].expect("SSA"))
                .collect();
            env[eqn.out.index()] = Some(self.emit(eqn.prim.clone(), &ins));
        }
        g.outputs
            .iter()
            .map(|v| env[v.index()].expect("SSA"))
            .collect()
    }

    /// The graph with `outputs`, or the first recorded error. Eqns that the
    /// outputs do not depend on are dropped (dead-code elimination), as are
    /// unused vars (renumbered densely).
    pub fn finish(&self, outputs: &[Tensor<'_>]) -> TraceResult<Graph> {
        let inner = self.inner.borrow();
        if let Some(e) = &inner.error {
            return Err(e.clone());
        }
        let mut live = vec![false; inner.avals.len()];
        for t in outputs {
            live[t.var.index()] = true;
        }
        let mut keep = vec![false; inner.eqns.len()];
        for (i, e) in inner.eqns.iter().enumerate().rev() {
            if live[e.out.index()] {
                keep[i] = true;
                for v in &e.inputs {
                    live[v.index()] = true;
                }
            }
        }
        // Renumber: inputs first, then eqn outputs in order.
        let mut map: Vec<Option<Var>> = vec![None; inner.avals.len()];
        let mut g = Graph::default();
        let def = |v: Var, g: &mut Graph, map: &mut Vec<Option<Var>>| {
            g.avals.push(inner.avals[v.index()].clone());
            let nv = Var(g.avals.len() as u32 - 1);
            map[v.index()] = Some(nv);
            nv
        };
        for &v in &inner.inputs {
            let nv = def(v, &mut g, &mut map);
            g.inputs.push(nv);
        }
        for (e, _) in inner.eqns.iter().zip(&keep).filter(|(_, k)| **k) {
            let inputs = e
                .inputs
                .iter()
                .map(|v| map[v.index()].expect("SSA"))
                .collect();
            let out = def(e.out, &mut g, &mut map);
            g.eqns.push(Eqn {
                prim: e.prim.clone(),
                inputs,
                out,
            });
        }
        for t in outputs {
            match map[t.var.index()] {
                Some(v) => g.outputs.push(v),
                None => {
                    return Err(TraceError::Verify(format!(
                        "output {:?} is not defined in this builder",
                        t.var
                    )))
                }
            }
        }
        Ok(g)
    }
}

impl<'b> Tensor<'b> {
    pub fn var(&self) -> Var {
        self.var
    }
    pub fn builder(&self) -> &'b Builder {
        self.b
    }
    pub fn aval(&self) -> Aval {
        self.b.aval(self.var)
    }
    pub fn shape(&self) -> Vec<usize> {
        self.aval().shape
    }
    pub fn dtype(&self) -> DType {
        self.aval().dtype
    }
    pub fn rank(&self) -> usize {
        self.aval().rank()
    }
}
