//! A tiny end-to-end check that a plugin really compiles and runs StableHLO:
//! used by `dpxla plugin info` (and so by the README's first command).

use super::client::Client;
use super::compile_options::CompileOptions;
use crate::{Error, Result};
use std::time::{Duration, Instant};

/// y = 2x + 1 on four floats.
const PROGRAM: &str = r#"
func.func @main(%x: tensor<4xf32>) -> tensor<4xf32> {
  %two = stablehlo.constant dense<2.0> : tensor<4xf32>
  %one = stablehlo.constant dense<1.0> : tensor<4xf32>
  %0 = stablehlo.multiply %x, %two : tensor<4xf32>
  %1 = stablehlo.add %0, %one : tensor<4xf32>
  return %1 : tensor<4xf32>
}"#;

/// Timings of the smoke test.
#[derive(Clone, Copy, Debug)]
pub struct SmokeReport {
    pub compile: Duration,
    pub execute: Duration,
}

impl Client {
    /// Compiles and runs y = 2x + 1 on device 0 and checks the result.
    pub fn smoke_test(&self) -> Result<SmokeReport> {
        let t0 = Instant::now();
        let exe = self.compile(PROGRAM, &CompileOptions::default())?;
        let compile = t0.elapsed();
        let x = self.buffer_from_host(&[0.0f32, 1.0, -2.0, 3.5], &[4], 0)?;
        let t1 = Instant::now();
        let out = exe.execute(&[&x])?;
        let y: Vec<f32> = out[0].to_host()?;
        let execute = t1.elapsed();
        if y != [1.0, 3.0, -3.0, 8.0] {
            return Err(Error::Runtime(format!(
                "smoke test computed {y:?} for 2x+1 of [0, 1, -2, 3.5]"
            )));
        }
        Ok(SmokeReport { compile, execute })
    }
}
