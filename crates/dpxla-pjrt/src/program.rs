//! A traced graph compiled for a PJRT client: lowering + compilation + running,
//! with host arrays (the interpreter's `HostArray`) converted to device buffers.
//!
//! ```
//! use dpxla_core::array::{DType, HostArray};
//! use dpxla_core::trace::{Aval, Builder};
//! use dpxla_pjrt::program::Program;
//! # fn main() -> dpxla_pjrt::Result<()> {
//! let b = Builder::new();
//! let x = b.input(Aval::new([3], DType::F32));
//! let graph = b.finish(&[(x * x).sum(&[0])])?;
//! // The XLA CPU plugin, found (or fetched) as `dpxla plugin info` does.
//! let client = dpxla_pjrt::runtime::cpu_client()?;
//! let program = Program::new(&client, &graph)?.with_input_names(vec!["x".into()])?;
//! let out = program.run_host(&[HostArray::f32([3], vec![1.0, 2.0, 3.0])])?;
//! assert_eq!(out[0].to_f64(), [14.0]);
//! // Errors about an argument name it.
//! let err = program.run_host(&[HostArray::f32([2], vec![1.0, 2.0])]).unwrap_err();
//! assert!(err.to_string().contains("`x`"), "{err}");
//! # Ok(()) }
//! ```

use crate::lower::{lower, LowerOptions};
use crate::runtime::{Buffer, Client, CompileOptions, ElementType, Executable};
use crate::{Error, Result};
use dpxla_core::array::Bf16;
use dpxla_core::array::{ArrayData, DType, HostArray};
use dpxla_core::trace::{Aval, Graph};

/// The device element type of an IR dtype.
pub fn element_type(dtype: DType) -> ElementType {
    match dtype {
        DType::F32 => ElementType::F32,
        DType::F64 => ElementType::F64,
        DType::BF16 => ElementType::BF16,
        DType::I32 => ElementType::S32,
        DType::I64 => ElementType::S64,
        DType::U8 => ElementType::U8,
        DType::U32 => ElementType::U32,
        DType::Bool => ElementType::Pred,
    }
}

/// The IR dtype of a device element type (`None` for types the IR lacks).
pub fn dtype_of(e: ElementType) -> Option<DType> {
    Some(match e {
        ElementType::F32 => DType::F32,
        ElementType::F64 => DType::F64,
        ElementType::BF16 => DType::BF16,
        ElementType::S32 => DType::I32,
        ElementType::S64 => DType::I64,
        ElementType::U8 => DType::U8,
        ElementType::U32 => DType::U32,
        ElementType::Pred => DType::Bool,
        ElementType::U64 => return None,
    })
}

/// A compiled graph and the types of its inputs and outputs.
pub struct Program {
    exe: Executable,
    client: Client,
    inputs: Vec<Aval>,
    /// What errors call each input: `argument i` unless named.
    input_names: Vec<String>,
    /// Integer inputs whose every value must lie in a range (`[lo, hi)`),
    /// checked by [`Program::run_host`]: e.g. labels, which a one-hot
    /// encoding would silently turn into a zero loss when out of range.
    ranges: Vec<(usize, std::ops::Range<i64>)>,
    outputs: Vec<Aval>,
    mlir: String,
}

impl Program {
    /// Lowers `graph` to StableHLO and compiles it on `client`. The inputs
    /// are named after `lower_options.arg_names` when it is given (so names
    /// are given once), else `argument i`.
    pub fn compile(
        client: &Client,
        graph: &Graph,
        lower_options: &LowerOptions,
        compile_options: &CompileOptions,
    ) -> Result<Program> {
        let mlir = lower(graph, lower_options)?;
        let exe = client.compile(&mlir, compile_options)?;
        Ok(Program {
            exe,
            client: client.clone(),
            input_names: if lower_options.arg_names.is_empty() {
                (0..graph.inputs.len())
                    .map(|i| format!("argument {i}"))
                    .collect()
            } else {
                lower_options.arg_names.clone()
            },
            ranges: Vec::new(),
            inputs: graph.input_avals(),
            outputs: graph.output_avals(),
            mlir,
        })
    }

    /// Compiles `graph` with the default lowering and compile options. Its
    /// inputs are called `argument i` in errors until named with
    /// [`Program::with_input_names`]; a per-example graph of `dpxla_nn`
    /// is named by `dpxla_nn::example_input_names(&loss)` (parameters, then
    /// `images`, `labels`), and its labels checked with
    /// `.with_input_range("labels", 0..num_classes)`.
    pub fn new(client: &Client, graph: &Graph) -> Result<Program> {
        Program::compile(
            client,
            graph,
            &LowerOptions::default(),
            &CompileOptions::default(),
        )
    }

    /// Names the inputs (e.g. parameter names, `images`, `labels`) so that
    /// errors about an argument say which one it is.
    pub fn with_input_names(mut self, names: Vec<String>) -> Result<Program> {
        if names.len() != self.inputs.len() {
            return Err(Error::InvalidInput(format!(
                "{} input names for a program of {} inputs",
                names.len(),
                self.inputs.len()
            )));
        }
        self.input_names = names;
        Ok(self)
    }

    /// Requires every value of the integer input `name` to be in `range`
    /// when run from the host ([`Program::run_host`]; device buffers are not
    /// read back to check). An error if no integer input has that name.
    pub fn with_input_range(mut self, name: &str, range: std::ops::Range<i64>) -> Result<Program> {
        let i = self
            .input_names
            .iter()
            .position(|n| n == name)
            .ok_or_else(|| {
                Error::InvalidInput(format!(
                    "the program has no input `{name}` (its inputs: {})",
                    self.input_names.join(", ")
                ))
            })?;
        let dtype = self.inputs[i].dtype;
        if !matches!(dtype, DType::I32 | DType::I64 | DType::U8 | DType::U32) {
            return Err(Error::InvalidInput(format!(
                "`{name}` is {}: a value range is for integer inputs",
                self.inputs[i]
            )));
        }
        self.ranges.push((i, range));
        Ok(self)
    }

    /// The names errors give the inputs.
    pub fn input_names(&self) -> &[String] {
        &self.input_names
    }

    /// The StableHLO text that was compiled.
    pub fn mlir(&self) -> &str {
        &self.mlir
    }

    pub fn input_avals(&self) -> &[Aval] {
        &self.inputs
    }

    pub fn output_avals(&self) -> &[Aval] {
        &self.outputs
    }

    pub fn executable(&self) -> &Executable {
        &self.exe
    }

    /// Runs on device 0 with device buffers, checking their types first.
    pub fn run(&self, args: &[&Buffer]) -> Result<Vec<Buffer>> {
        self.check_args(args)?;
        self.exe.execute(args)
    }

    /// Number of devices one run uses (`num_replicas` × `num_partitions` of the
    /// compile options).
    pub fn num_devices(&self) -> usize {
        self.exe.num_devices()
    }

    /// Runs a replicated program: `args[r]` are replica `r`'s arguments, on
    /// device `r` (the program's `num_replicas` devices, in client order).
    /// Returns the outputs per replica after all of them completed.
    pub fn run_replicated(&self, args: &[Vec<&Buffer>]) -> Result<Vec<Vec<Buffer>>> {
        if args.len() != self.num_devices() {
            return Err(Error::InvalidInput(format!(
                "the program runs on {} device(s), got arguments for {}",
                self.num_devices(),
                args.len()
            )));
        }
        for a in args {
            self.check_args(a)?;
        }
        self.exe.execute_replicated(args)
    }

    /// Checks the number, shapes and types of one device's arguments.
    fn check_args(&self, args: &[&Buffer]) -> Result<()> {
        if args.len() != self.inputs.len() {
            return Err(Error::InvalidInput(format!(
                "the program takes {} arguments, got {}",
                self.inputs.len(),
                args.len()
            )));
        }
        for ((b, aval), name) in args.iter().zip(&self.inputs).zip(&self.input_names) {
            if b.dims() != aval.shape.as_slice() || b.element_type() != element_type(aval.dtype) {
                let got = match dtype_of(b.element_type()) {
                    Some(d) => Aval::new(b.dims().to_vec(), d).to_string(),
                    None => format!("{:?}{:?}", b.element_type(), b.dims()),
                };
                return Err(Error::InvalidInput(format!(
                    "`{name}`: the program takes {aval}, got {got}"
                )));
            }
        }
        Ok(())
    }

    /// Copies host arrays to device 0, runs, and copies the results back.
    /// Checks the arguments' types and the ranges of
    /// [`Program::with_input_range`] first.
    pub fn run_host(&self, args: &[HostArray]) -> Result<Vec<HostArray>> {
        let refs: Vec<&HostArray> = args.iter().collect();
        self.run_host_refs(&refs)
    }

    /// [`Program::run_host`] on borrowed arrays.
    pub fn run_host_refs(&self, args: &[&HostArray]) -> Result<Vec<HostArray>> {
        if args.len() != self.inputs.len() {
            return Err(Error::InvalidInput(format!(
                "the program takes {} arguments, got {}",
                self.inputs.len(),
                args.len()
            )));
        }
        for ((a, aval), name) in args.iter().zip(&self.inputs).zip(&self.input_names) {
            if &a.aval() != aval {
                return Err(Error::InvalidInput(format!(
                    "`{name}`: the program takes {aval}, got {}",
                    a.aval()
                )));
            }
        }
        for (i, range) in &self.ranges {
            let values: Vec<i64> = match &args[*i].data {
                ArrayData::I32(v) => v.iter().map(|&x| x as i64).collect(),
                ArrayData::I64(v) => v.clone(),
                ArrayData::U8(v) => v.iter().map(|&x| x as i64).collect(),
                ArrayData::U32(v) => v.iter().map(|&x| x as i64).collect(),
                _ => continue, // not integer: refused by `with_input_range`
            };
            if let Some((k, v)) = values.iter().enumerate().find(|(_, v)| !range.contains(v)) {
                return Err(Error::InvalidInput(format!(
                    "`{}` element {k} is {v}, outside {}..{}",
                    self.input_names[*i], range.start, range.end
                )));
            }
        }
        let bufs = args
            .iter()
            .map(|a| to_device(&self.client, a, 0))
            .collect::<Result<Vec<_>>>()?;
        let refs: Vec<&Buffer> = bufs.iter().collect();
        self.run(&refs)?.iter().map(to_host).collect()
    }
}

/// Copies a host array to `device`.
pub fn to_device(client: &Client, a: &HostArray, device: usize) -> Result<Buffer> {
    let dims = &a.shape;
    match &a.data {
        ArrayData::F32(v) => client.buffer_from_host(v, dims, device),
        ArrayData::F64(v) => client.buffer_from_host(v, dims, device),
        ArrayData::BF16(v) => {
            let bits: Vec<Bf16> = v.iter().map(|&b| Bf16(b)).collect();
            client.buffer_from_host(&bits, dims, device)
        }
        ArrayData::I32(v) => client.buffer_from_host(v, dims, device),
        ArrayData::I64(v) => client.buffer_from_host(v, dims, device),
        ArrayData::U8(v) => client.buffer_from_host(v, dims, device),
        ArrayData::U32(v) => client.buffer_from_host(v, dims, device),
        ArrayData::Bool(v) => client.buffer_from_host(v, dims, device),
    }
}

/// Starts copying `a` to device `device` without waiting: the buffer owns
/// the host data until the transfer is done (`Client::buffer_from_vec`).
pub fn to_device_owned(client: &Client, a: HostArray, device: usize) -> Result<Buffer> {
    let dims = &a.shape;
    match a.data {
        ArrayData::F32(v) => client.buffer_from_vec(v, dims, device),
        ArrayData::F64(v) => client.buffer_from_vec(v, dims, device),
        ArrayData::BF16(v) => {
            client.buffer_from_vec(v.into_iter().map(Bf16).collect(), dims, device)
        }
        ArrayData::I32(v) => client.buffer_from_vec(v, dims, device),
        ArrayData::I64(v) => client.buffer_from_vec(v, dims, device),
        ArrayData::U8(v) => client.buffer_from_vec(v, dims, device),
        ArrayData::U32(v) => client.buffer_from_vec(v, dims, device),
        ArrayData::Bool(v) => client.buffer_from_vec(v, dims, device),
    }
}

/// Copies a device buffer to a host array.
pub fn to_host(b: &Buffer) -> Result<HostArray> {
    let data = match b.element_type() {
        ElementType::F32 => ArrayData::F32(b.to_host()?),
        ElementType::F64 => ArrayData::F64(b.to_host()?),
        ElementType::BF16 => ArrayData::BF16(b.to_host::<Bf16>()?.iter().map(|x| x.0).collect()),
        ElementType::S32 => ArrayData::I32(b.to_host()?),
        ElementType::S64 => ArrayData::I64(b.to_host()?),
        ElementType::U8 => ArrayData::U8(b.to_host()?),
        ElementType::U32 => ArrayData::U32(b.to_host()?),
        ElementType::Pred => ArrayData::Bool(b.to_host()?),
        ElementType::U64 => {
            return Err(Error::Runtime(
                "u64 buffers have no host array type in the IR".into(),
            ))
        }
    };
    Ok(HostArray::new(b.dims().to_vec(), data))
}
