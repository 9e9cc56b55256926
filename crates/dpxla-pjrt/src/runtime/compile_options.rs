//! `xla.CompileOptionsProto`, serialised by hand (a few protobuf fields do not
//! justify a protobuf dependency). Field numbers follow
//! `xla/pjrt/proto/compile_options.proto`. PJRT aborts the whole process on an
//! empty options string, so `encode` always writes the build options.

/// A value for an XLA debug-option override (`OptionOverrideProto`).
#[derive(Clone, Debug, PartialEq)]
pub enum XlaFlag {
    Str(String),
    Bool(bool),
    Int(i64),
    Double(f64),
}

/// What dpxla sets when compiling a program.
#[derive(Clone, Debug, PartialEq)]
pub struct CompileOptions {
    /// Number of replicas (data-parallel copies, one per device).
    pub num_replicas: i64,
    /// Number of partitions (model parallelism); 1 for now.
    pub num_partitions: i64,
    /// XLA debug flags (`env_option_overrides`), e.g. `xla_dump_to`.
    pub xla_flags: Vec<(String, XlaFlag)>,
}

impl Default for CompileOptions {
    fn default() -> Self {
        CompileOptions {
            num_replicas: 1,
            num_partitions: 1,
            xla_flags: Vec::new(),
        }
    }
}

impl CompileOptions {
    /// Adds an XLA flag override.
    pub fn flag(mut self, name: &str, value: XlaFlag) -> Self {
        self.xla_flags.push((name.to_string(), value));
        self
    }

    /// Asks XLA to write the HLO module before and after optimisation, as text,
    /// into `dir` (flags `xla_dump_to`, `xla_dump_hlo_as_text`).
    pub fn dump_hlo_to(self, dir: &std::path::Path) -> Self {
        self.flag(
            "xla_dump_to",
            XlaFlag::Str(dir.to_string_lossy().into_owned()),
        )
        .flag("xla_dump_hlo_as_text", XlaFlag::Bool(true))
    }

    /// Serialises to the bytes `PJRT_Client_Compile` expects.
    pub fn encode(&self) -> Vec<u8> {
        // ExecutableBuildOptionsProto: num_replicas = 4, num_partitions = 5.
        let mut build = Vec::new();
        put_varint_field(&mut build, 4, self.num_replicas as u64);
        put_varint_field(&mut build, 5, self.num_partitions as u64);
        let mut out = Vec::new();
        // CompileOptionsProto.executable_build_options = 3.
        put_bytes_field(&mut out, 3, &build);
        // CompileOptionsProto.env_option_overrides = 7: map<string,
        // OptionOverrideProto>, i.e. repeated entries {key = 1, value = 2}.
        for (name, value) in &self.xla_flags {
            let mut ov = Vec::new();
            match value {
                XlaFlag::Str(s) => put_bytes_field(&mut ov, 1, s.as_bytes()),
                XlaFlag::Bool(b) => put_varint_field(&mut ov, 2, *b as u64),
                XlaFlag::Int(i) => put_varint_field(&mut ov, 3, *i as u64),
                XlaFlag::Double(d) => {
                    put_key(&mut ov, 4, 1);
                    ov.extend_from_slice(&d.to_le_bytes());
                }
            }
            let mut entry = Vec::new();
            put_bytes_field(&mut entry, 1, name.as_bytes());
            put_bytes_field(&mut entry, 2, &ov);
            put_bytes_field(&mut out, 7, &entry);
        }
        out
    }
}

fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// Field key: (field number << 3) | wire type (0 varint, 1 fixed64, 2 bytes).
fn put_key(out: &mut Vec<u8>, field: u32, wire: u8) {
    put_varint(out, ((field as u64) << 3) | wire as u64);
}

fn put_varint_field(out: &mut Vec<u8>, field: u32, v: u64) {
    put_key(out, field, 0);
    put_varint(out, v);
}

fn put_bytes_field(out: &mut Vec<u8>, field: u32, bytes: &[u8]) {
    put_key(out, field, 2);
    put_varint(out, bytes.len() as u64);
    out.extend_from_slice(bytes);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_options_are_the_minimal_known_good_bytes() {
        // docs/design.md, "Runtime facts and PJRT pitfalls": field 3 (tag 0x1a),
        // length 4, then
        // num_replicas=1 (0x20 0x01) and num_partitions=1 (0x28 0x01).
        assert_eq!(
            CompileOptions::default().encode(),
            vec![0x1a, 0x04, 0x20, 0x01, 0x28, 0x01]
        );
    }

    #[test]
    fn flag_is_a_map_entry_with_a_oneof_value() {
        let bytes = CompileOptions::default()
            .flag("ab", XlaFlag::Bool(true))
            .encode();
        // After the 6 build-option bytes: field 7 (0x3a), entry length 8:
        // key "ab" (0x0a 0x02 'a' 'b'), value message (0x12 0x02) holding
        // bool_field = 2 (0x10 0x01).
        assert_eq!(
            &bytes[6..],
            &[0x3a, 0x08, 0x0a, 0x02, b'a', b'b', 0x12, 0x02, 0x10, 0x01]
        );
    }

    #[test]
    fn varints_use_seven_bits_per_byte() {
        let mut v = Vec::new();
        put_varint(&mut v, 300);
        // 300 = 0b1_0010_1100 -> 0xac 0x02 (protobuf encoding guide example).
        assert_eq!(v, vec![0xac, 0x02]);
    }
}
