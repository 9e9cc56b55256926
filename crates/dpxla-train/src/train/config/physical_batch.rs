//! `training.physical_batch`: a number of rows per device, or `"auto"` (the
//! largest size whose compiled accumulate program fits
//! `runtime.memory_budget`, chosen from XLA's memory analysis:
//! `train::engine::physical_auto`), and `runtime.memory_budget`: bytes, as a
//! number or a string with a unit ("8 GiB", "512MB").

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;

/// `training.physical_batch`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PhysicalBatch {
    /// This many rows per device.
    Rows(usize),
    /// Chosen at start-up from the compiled program's memory.
    Auto,
}

impl PhysicalBatch {
    /// The rows per device, `None` for `"auto"` until it is resolved.
    pub fn rows(self) -> Option<usize> {
        match self {
            PhysicalBatch::Rows(r) => Some(r),
            PhysicalBatch::Auto => None,
        }
    }

    pub fn is_auto(self) -> bool {
        self == PhysicalBatch::Auto
    }
}

impl From<usize> for PhysicalBatch {
    fn from(rows: usize) -> Self {
        PhysicalBatch::Rows(rows)
    }
}

impl fmt::Display for PhysicalBatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PhysicalBatch::Rows(r) => write!(f, "{r}"),
            PhysicalBatch::Auto => f.write_str("\"auto\""),
        }
    }
}

impl Serialize for PhysicalBatch {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            PhysicalBatch::Rows(r) => s.serialize_u64(*r as u64),
            PhysicalBatch::Auto => s.serialize_str("auto"),
        }
    }
}

impl<'de> Deserialize<'de> for PhysicalBatch {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = PhysicalBatch;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a number of rows per device (>= 1) or \"auto\"")
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<PhysicalBatch, E> {
                usize::try_from(v)
                    .map(PhysicalBatch::Rows)
                    .map_err(|_| E::custom(format!("physical batch {v} is too large")))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<PhysicalBatch, E> {
                u64::try_from(v)
                    .map_err(|_| E::custom(format!("physical batch must be >= 1, got {v}")))
                    .and_then(|v| self.visit_u64(v))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<PhysicalBatch, E> {
                if v == "auto" {
                    Ok(PhysicalBatch::Auto)
                } else {
                    Err(E::custom(format!(
                        "expected a number of rows per device or \"auto\", got \"{v}\""
                    )))
                }
            }
        }
        d.deserialize_any(V)
    }
}

/// A size in bytes: `runtime.memory_budget`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ByteSize(pub u64);

impl ByteSize {
    /// Parses "123", "8GiB", "8 GiB", "512MB", "1.5 GB" (K/M/G/T with B
    /// decimal, KiB/MiB/GiB/TiB binary).
    pub fn parse(text: &str) -> Result<ByteSize, String> {
        let t = text.trim();
        let split = t
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(t.len());
        let (num, unit) = (t[..split].trim(), t[split..].trim());
        let value: f64 = num
            .parse()
            .map_err(|_| format!("\"{text}\" is not a size (e.g. 8 GiB, 512MB, 1000000)"))?;
        let scale: f64 = match unit.to_ascii_lowercase().as_str() {
            "" | "b" => 1.0,
            "kb" => 1e3,
            "mb" => 1e6,
            "gb" => 1e9,
            "tb" => 1e12,
            "kib" => 1024.0,
            "mib" => 1024.0 * 1024.0,
            "gib" => 1024.0 * 1024.0 * 1024.0,
            "tib" => 1024.0f64.powi(4),
            _ => {
                return Err(format!(
                    "unknown unit \"{unit}\" in \"{text}\" (use B, KB, MB, GB, TB, KiB, MiB, GiB or TiB)"
                ))
            }
        };
        let bytes = value * scale;
        if !(bytes >= 1.0 && bytes < 2f64.powi(63)) {
            return Err(format!("\"{text}\" must be at least 1 byte and below 2^63"));
        }
        Ok(ByteSize(bytes as u64))
    }
}

impl Serialize for ByteSize {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u64(self.0)
    }
}

impl<'de> Deserialize<'de> for ByteSize {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = ByteSize;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a size in bytes, as a number or a string such as \"8 GiB\"")
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<ByteSize, E> {
                if v == 0 {
                    return Err(E::custom("a memory budget must be at least 1 byte"));
                }
                Ok(ByteSize(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<ByteSize, E> {
                u64::try_from(v)
                    .map_err(|_| E::custom(format!("a memory budget must be positive, got {v}")))
                    .and_then(|v| self.visit_u64(v))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<ByteSize, E> {
                ByteSize::parse(v).map_err(E::custom)
            }
        }
        d.deserialize_any(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize, Serialize, Debug, PartialEq)]
    struct T {
        p: PhysicalBatch,
    }

    #[test]
    fn physical_batch_reads_a_number_or_auto_and_nothing_else() {
        let t: T = toml::from_str("p = 64").unwrap();
        assert_eq!(t.p, PhysicalBatch::Rows(64));
        let t: T = toml::from_str("p = \"auto\"").unwrap();
        assert_eq!(t.p, PhysicalBatch::Auto);
        assert_eq!(toml::to_string(&t).unwrap().trim(), "p = \"auto\"");
        for bad in ["p = \"big\"", "p = -3", "p = 1.5"] {
            assert!(toml::from_str::<T>(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn byte_sizes_parse_with_units() {
        assert_eq!(ByteSize::parse("1000").unwrap().0, 1000);
        assert_eq!(ByteSize::parse("8 GiB").unwrap().0, 8 << 30);
        assert_eq!(ByteSize::parse("512MB").unwrap().0, 512_000_000);
        assert_eq!(ByteSize::parse("1.5 GB").unwrap().0, 1_500_000_000);
        for bad in ["", "lots", "8 parsecs", "0", "-1 GB"] {
            assert!(ByteSize::parse(bad).is_err(), "{bad}");
        }
    }
}
