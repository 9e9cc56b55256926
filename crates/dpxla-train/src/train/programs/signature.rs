//! Named program interfaces: a compiled program's inputs and outputs as
//! named groups (parameters, optimiser slots, averages, accumulators, the
//! batch, scalars) instead of flat positional lists whose order two files
//! agree on through comments.
//!
//! A graph is built through a [`SignatureBuilder`], which creates each
//! group's inputs and records each group's outputs; the resulting
//! [`Signature`] arranges named arguments into the program's order, splits
//! its results back into groups, names every argument in errors and in the
//! exported StableHLO, and derives which inputs could be donated to which
//! outputs (a state group returned updated).

use crate::{Error, Result};
use dpxla_core::array::HostArray;
use dpxla_core::trace::{Aval, Builder, Graph, Tensor};
use dpxla_pjrt::program::Program;
use dpxla_pjrt::runtime::{Buffer, Client, CompileOptions};

/// A named group of a program's arguments or results.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Group {
    /// Every model parameter, in the loss graph's (sorted-name) order.
    Params,
    /// Optimiser slots: per trainable parameter, `Optimizer::slots()` order.
    Slots,
    /// Parameter averages (EMA/Polyak), one per parameter.
    Averages,
    /// Clipped (or plain) gradient sums, one per trainable parameter.
    Accumulators,
    /// BandMF's last b − 1 noise vectors, per trainable parameter (lag 1
    /// first), f64. Secret device state of the apply step.
    NoiseHistory,
    /// Images of one physical batch, `[P, ...]` or `[P, K, ...]`.
    Images,
    /// Labels `[P]`, i32.
    Labels,
    /// 1 for a real example, 0 for a padded row, `[P]`.
    Mask,
    /// The noise key, `u32[4]`.
    NoiseKey,
    /// The learning rate of this step (scalar).
    LearningRate,
    /// The 1-based optimiser step (scalar).
    Step,
    /// The realised logical batch size (non-private runs only; scalar).
    BatchCount,
    /// Σ loss over the real examples (scalar).
    LossSum,
    /// Number of real examples that were clipped (scalar).
    ClippedCount,
    /// Σ correct predictions over the real examples (scalar).
    CorrectSum,
    /// Number of non-finite elements in the updated parameters (scalar): a
    /// function of the released parameters only, so checking it releases
    /// nothing about the private data.
    NonFiniteParams,
    /// Adaptive clipping's current clip norm C_t (`f64[]`, public: a
    /// function of released counts), an input of the accumulate and apply
    /// programs only when `Clipping::runtime_norm`.
    ClipNorm,
}

impl Group {
    /// The name used in errors and in the exported StableHLO.
    pub fn name(self) -> &'static str {
        match self {
            Group::Params => "params",
            Group::Slots => "slots",
            Group::Averages => "averages",
            Group::Accumulators => "accumulators",
            Group::NoiseHistory => "noise_history",
            Group::Images => "images",
            Group::Labels => "labels",
            Group::Mask => "mask",
            Group::NoiseKey => "noise_key",
            Group::LearningRate => "learning_rate",
            Group::Step => "step",
            Group::BatchCount => "batch_count",
            Group::LossSum => "loss_sum",
            Group::ClippedCount => "clipped_count",
            Group::CorrectSum => "correct_sum",
            Group::NonFiniteParams => "non_finite_params",
            Group::ClipNorm => "clip_norm",
        }
    }

    /// Training state carried from one call to the next: an output group of
    /// this kind replaces the input group of the same kind.
    pub fn is_state(self) -> bool {
        matches!(
            self,
            Group::Params
                | Group::Slots
                | Group::Averages
                | Group::Accumulators
                | Group::NoiseHistory
        )
    }

    /// Whether the group has one row per example of the physical batch (the
    /// axis `vmap` maps over; `None` in `in_axes` for every other group).
    pub fn per_example(self) -> bool {
        matches!(self, Group::Images | Group::Labels | Group::Mask)
    }
}

/// One group of a signature: its name, the types of its members and the
/// members' own names (parameter names where known).
#[derive(Clone, Debug, PartialEq)]
pub struct GroupSpec {
    pub group: Group,
    pub avals: Vec<Aval>,
    pub names: Vec<String>,
}

/// The named inputs and outputs of a program, in program order.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Signature {
    pub inputs: Vec<GroupSpec>,
    pub outputs: Vec<GroupSpec>,
}

fn find(specs: &[GroupSpec], g: Group) -> Option<usize> {
    specs.iter().position(|s| s.group == g)
}

impl Signature {
    /// Whether the program takes group `g`.
    pub fn has_input(&self, g: Group) -> bool {
        find(&self.inputs, g).is_some()
    }

    /// Whether the program returns group `g`.
    pub fn has_output(&self, g: Group) -> bool {
        find(&self.outputs, g).is_some()
    }

    /// Each flat input's name: `params.conv1/w`, `images`, ...
    pub fn input_names(&self) -> Vec<String> {
        flat_names(&self.inputs)
    }

    /// The flat positions of input group `g`.
    pub fn input_range(&self, g: Group) -> Option<std::ops::Range<usize>> {
        let k = find(&self.inputs, g)?;
        let start: usize = self.inputs[..k].iter().map(|s| s.avals.len()).sum();
        Some(start..start + self.inputs[k].avals.len())
    }

    /// Each flat output's name.
    pub fn output_names(&self) -> Vec<String> {
        flat_names(&self.outputs)
    }

    /// `(input, output)` index pairs where a state group's member is returned
    /// updated with the same type: the buffers that could be donated.
    pub fn donations(&self) -> Vec<(usize, usize)> {
        let offsets = |specs: &[GroupSpec]| -> Vec<usize> {
            specs
                .iter()
                .scan(0, |o, s| {
                    let at = *o;
                    *o += s.avals.len();
                    Some(at)
                })
                .collect()
        };
        let (in_at, out_at) = (offsets(&self.inputs), offsets(&self.outputs));
        let mut pairs = Vec::new();
        for (i, spec) in self.inputs.iter().enumerate() {
            if !spec.group.is_state() {
                continue;
            }
            let Some(o) = find(&self.outputs, spec.group) else {
                continue;
            };
            for (k, (a, b)) in spec.avals.iter().zip(&self.outputs[o].avals).enumerate() {
                if a == b {
                    pairs.push((in_at[i] + k, out_at[o] + k));
                }
            }
        }
        pairs
    }

    /// `in_axes` for `vmap` over the per-example groups (axis 0), every other
    /// group shared.
    pub fn in_axes(&self) -> Vec<Option<usize>> {
        self.inputs
            .iter()
            .flat_map(|s| {
                let axis = s.group.per_example().then_some(0);
                std::iter::repeat_n(axis, s.avals.len())
            })
            .collect()
    }

    /// Arranges named arguments in the program's order, checking that every
    /// group it takes is given once with the right number of members.
    pub fn arrange<T: Copy>(&self, args: &[(Group, &[T])]) -> Result<Vec<T>> {
        for (k, (g, _)) in args.iter().enumerate() {
            if !self.has_input(*g) {
                return Err(Error::InvalidInput(format!(
                    "the program takes no `{}`",
                    g.name()
                )));
            }
            if args[..k].iter().any(|(h, _)| h == g) {
                return Err(Error::InvalidInput(format!("`{}` given twice", g.name())));
            }
        }
        let mut flat = Vec::new();
        for spec in &self.inputs {
            let (_, given) = args.iter().find(|(g, _)| *g == spec.group).ok_or_else(|| {
                Error::InvalidInput(format!("missing argument group `{}`", spec.group.name()))
            })?;
            if given.len() != spec.avals.len() {
                return Err(Error::InvalidInput(format!(
                    "`{}`: the program takes {} arrays, got {}",
                    spec.group.name(),
                    spec.avals.len(),
                    given.len()
                )));
            }
            flat.extend_from_slice(given);
        }
        Ok(flat)
    }

    /// Splits a program's flat results into its output groups.
    pub fn split<T>(&self, flat: Vec<T>) -> Result<Outputs<T>> {
        let want: usize = self.outputs.iter().map(|s| s.avals.len()).sum();
        if flat.len() != want {
            return Err(Error::Internal(format!(
                "the program returned {} results, its signature has {want}",
                flat.len()
            )));
        }
        let mut it = flat.into_iter();
        let groups = self
            .outputs
            .iter()
            .map(|s| (s.group, it.by_ref().take(s.avals.len()).collect()))
            .collect();
        Ok(Outputs { groups })
    }
}

fn flat_names(specs: &[GroupSpec]) -> Vec<String> {
    specs
        .iter()
        .flat_map(|s| {
            s.names.iter().map(move |n| {
                if n.is_empty() {
                    s.group.name().to_string()
                } else {
                    format!("{}.{n}", s.group.name())
                }
            })
        })
        .collect()
}

/// A program's results, by group.
#[derive(Debug)]
pub struct Outputs<T> {
    groups: Vec<(Group, Vec<T>)>,
}

impl<T> Outputs<T> {
    /// Takes the members of group `g` (an error if the program has no such
    /// output or it was taken already).
    pub fn take(&mut self, g: Group) -> Result<Vec<T>> {
        let k = self
            .groups
            .iter()
            .position(|(h, _)| *h == g)
            .ok_or_else(|| Error::Internal(format!("the program returns no `{}`", g.name())))?;
        Ok(self.groups.remove(k).1)
    }

    /// Takes the single member of group `g`.
    pub fn take_one(&mut self, g: Group) -> Result<T> {
        let mut v = self.take(g)?;
        match (v.pop(), v.is_empty()) {
            (Some(x), true) => Ok(x),
            _ => Err(Error::Internal(format!(
                "`{}` is not a single array",
                g.name()
            ))),
        }
    }
}

/// Builds a graph group by group (see the module docs).
pub struct SignatureBuilder<'b> {
    b: &'b Builder,
    inputs: Vec<GroupSpec>,
    outputs: Vec<(GroupSpec, Vec<Tensor<'b>>)>,
}

impl<'b> SignatureBuilder<'b> {
    pub fn new(b: &'b Builder) -> SignatureBuilder<'b> {
        SignatureBuilder {
            b,
            inputs: Vec::new(),
            outputs: Vec::new(),
        }
    }

    /// The graph builder the groups' tensors belong to.
    pub fn builder(&self) -> &'b Builder {
        self.b
    }

    /// Adds input group `g` with one input per aval (members named by
    /// `names`, or by position when `names` is empty).
    pub fn inputs(&mut self, g: Group, avals: Vec<Aval>, names: Vec<String>) -> Vec<Tensor<'b>> {
        let names = member_names(names, avals.len());
        let ts = avals.iter().map(|a| self.b.input(a.clone())).collect();
        self.inputs.push(GroupSpec {
            group: g,
            avals,
            names,
        });
        ts
    }

    /// Adds a one-member input group.
    pub fn input(&mut self, g: Group, aval: Aval) -> Tensor<'b> {
        self.inputs(g, vec![aval], vec![String::new()])[0]
    }

    /// Records output group `g` (named like the input group of the same
    /// kind when there is one).
    pub fn outputs(&mut self, g: Group, ts: Vec<Tensor<'b>>) {
        let names = match self.inputs.iter().find(|s| s.group == g) {
            Some(s) if s.names.len() == ts.len() => s.names.clone(),
            _ => member_names(Vec::new(), ts.len()),
        };
        let spec = GroupSpec {
            group: g,
            avals: ts.iter().map(Tensor::aval).collect(),
            names,
        };
        self.outputs.push((spec, ts));
    }

    /// Records a one-member output group.
    pub fn output(&mut self, g: Group, t: Tensor<'b>) {
        self.outputs.push((
            GroupSpec {
                group: g,
                avals: vec![t.aval()],
                names: vec![String::new()],
            },
            vec![t],
        ));
    }

    /// The graph (outputs in the order recorded) and its signature. A group
    /// used twice on one side is an error.
    pub fn finish(self) -> Result<(Graph, Signature)> {
        let outputs: Vec<GroupSpec> = self.outputs.iter().map(|(s, _)| s.clone()).collect();
        for side in [&self.inputs, &outputs] {
            for (k, s) in side.iter().enumerate() {
                if side[..k].iter().any(|t| t.group == s.group) {
                    return Err(Error::InvalidInput(format!(
                        "program signature: group `{}` appears twice",
                        s.group.name()
                    )));
                }
            }
        }
        let flat: Vec<Tensor> = self.outputs.iter().flat_map(|(_, ts)| ts.clone()).collect();
        let graph = self.b.finish(&flat)?;
        Ok((
            graph,
            Signature {
                inputs: self.inputs,
                outputs,
            },
        ))
    }
}

fn member_names(names: Vec<String>, n: usize) -> Vec<String> {
    if names.len() == n {
        names
    } else if n == 1 {
        vec![String::new()]
    } else {
        (0..n).map(|i| i.to_string()).collect()
    }
}

/// A compiled program with its named interface.
pub struct NamedProgram {
    program: Program,
    signature: Signature,
}

impl NamedProgram {
    /// Lowers and compiles `graph` (built with `signature`), naming its
    /// arguments after the groups. Nothing is donated (see `Engine::new`).
    pub fn compile(
        client: &Client,
        graph: &Graph,
        signature: Signature,
        options: &CompileOptions,
    ) -> Result<NamedProgram> {
        let lower = dpxla_pjrt::lower::LowerOptions {
            arg_names: signature.input_names(),
            ..Default::default()
        };
        // The lowering's argument names name the inputs in errors too.
        let program = Program::compile(client, graph, &lower, options)?;
        Ok(NamedProgram { program, signature })
    }

    /// [`NamedProgram::run`] from host arrays: copied to device 0, run, and
    /// the results copied back, by group.
    pub fn run_host(&self, args: &[(Group, &[&HostArray])]) -> Result<Outputs<HostArray>> {
        let flat = self.signature.arrange(args)?;
        let outs = self.program.run_host_refs(&flat)?;
        self.signature.split(outs)
    }

    /// Runs with named argument groups; returns the results by group.
    pub fn run(&self, args: &[(Group, &[&Buffer])]) -> Result<Outputs<Buffer>> {
        let flat = self.signature.arrange(args)?;
        let outs = self.program.run(&flat)?;
        self.signature.split(outs)
    }

    /// Runs a replicated program: `args[r]` are replica `r`'s named groups;
    /// returns each replica's results by group.
    pub fn run_replicated(
        &self,
        args: &[Vec<(Group, &[&Buffer])>],
    ) -> Result<Vec<Outputs<Buffer>>> {
        let flat: Vec<Vec<&Buffer>> = args
            .iter()
            .map(|a| self.signature.arrange(a))
            .collect::<Result<_>>()?;
        self.program
            .run_replicated(&flat)?
            .into_iter()
            .map(|outs| self.signature.split(outs))
            .collect()
    }

    /// The compiled program.
    pub fn program(&self) -> &Program {
        &self.program
    }

    /// Its named interface.
    pub fn signature(&self) -> &Signature {
        &self.signature
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dpxla_core::array::DType;

    fn sig() -> Signature {
        let b = Builder::new();
        let mut s = SignatureBuilder::new(&b);
        let p = s.inputs(
            Group::Params,
            vec![Aval::new([2], DType::F32), Aval::new([3], DType::F32)],
            vec!["a".into(), "b".into()],
        );
        let x = s.input(Group::Images, Aval::new([4, 2], DType::F32));
        let lr = s.input(Group::LearningRate, Aval::scalar(DType::F32));
        s.output(Group::LossSum, x.sum(&[0, 1]));
        s.outputs(Group::Params, vec![p[0] * lr, p[1]]);
        s.finish().unwrap().1
    }

    #[test]
    fn arranges_named_groups_in_program_order_whatever_order_they_come_in() {
        let s = sig();
        let (p, x, lr) = ([1, 2], [3], [4]);
        let flat = s
            .arrange(&[
                (Group::LearningRate, &lr[..]),
                (Group::Params, &p[..]),
                (Group::Images, &x[..]),
            ])
            .unwrap();
        assert_eq!(flat, vec![1, 2, 3, 4]);
        assert!(s.arrange(&[(Group::Params, &p[..])]).is_err());
        assert!(s
            .arrange(&[
                (Group::Params, &p[..1]),
                (Group::Images, &x[..]),
                (Group::LearningRate, &lr[..])
            ])
            .is_err());
        assert!(s
            .arrange(&[
                (Group::Params, &p[..]),
                (Group::Images, &x[..]),
                (Group::LearningRate, &lr[..]),
                (Group::Mask, &lr[..])
            ])
            .is_err());
    }

    #[test]
    fn splits_results_and_derives_donation_from_state_groups() {
        let s = sig();
        let mut out = s.split(vec![10, 20, 30]).unwrap();
        assert_eq!(out.take(Group::Params).unwrap(), vec![20, 30]);
        assert_eq!(out.take_one(Group::LossSum).unwrap(), 10);
        assert!(out.take(Group::Params).is_err());
        assert!(s.split(vec![1, 2]).is_err());
        // params (inputs 0, 1) come back as outputs 1, 2; images never.
        assert_eq!(s.donations(), vec![(0, 1), (1, 2)]);
        assert_eq!(
            s.input_names(),
            vec!["params.a", "params.b", "images", "learning_rate"]
        );
        assert_eq!(s.in_axes(), vec![None, None, Some(0), None]);
    }
}
