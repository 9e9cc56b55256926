//! bfloat16 conversion (host side; the device stores the same 16 bits).

/// bfloat16 as its raw bits: the top half of an IEEE f32.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[repr(transparent)]
pub struct Bf16(pub u16);

impl Bf16 {
    /// Rounds to nearest even, as XLA's `convert` does; NaN stays NaN.
    pub fn from_f32(x: f32) -> Bf16 {
        let bits = x.to_bits();
        if x.is_nan() {
            return Bf16(((bits >> 16) as u16) | 0x0040);
        }
        let round = 0x7fff + ((bits >> 16) & 1);
        Bf16((bits.wrapping_add(round) >> 16) as u16)
    }

    /// The exact f32 value.
    pub fn to_f32(self) -> f32 {
        f32::from_bits((self.0 as u32) << 16)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bf16_round_trips_exact_values_and_rounds_to_nearest_even() {
        // 1.0 = 0x3f800000 -> 0x3f80 exactly.
        assert_eq!(Bf16::from_f32(1.0).0, 0x3f80);
        assert_eq!(Bf16(0x3f80).to_f32(), 1.0);
        // 1 + 2^-8 lies halfway between bf16 neighbours 1.0 and 1 + 2^-7: ties go to
        // the even mantissa (1.0).
        assert_eq!(Bf16::from_f32(1.0 + 2f32.powi(-8)).to_f32(), 1.0);
        // 1 + 3*2^-9 is above halfway: rounds up to 1 + 2^-7.
        assert_eq!(
            Bf16::from_f32(1.0 + 3.0 * 2f32.powi(-9)).to_f32(),
            1.0 + 2f32.powi(-7)
        );
        assert!(Bf16::from_f32(f32::NAN).to_f32().is_nan());
    }
}
