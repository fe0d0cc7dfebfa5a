//! Values the user types, read the same way in every front end.
//!
//! Why it exists: a humidity reading may be typed "55", "55 %" or "55,5" (a decimal
//! comma, as Russian writes it); the window's fields read it here, with the range the
//! model accepts, so no screen keeps its own copy of either rule.

use crate::model::ValueKind;

/// Why a typed value cannot be saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unreadable {
    /// Empty, or not a number at all.
    NotANumber,
    /// A number, but not one a reading of this kind can be (the field says the range).
    OutOfRange,
}

/// The reading typed into a field for a step that records `kind`.
pub fn typed_value(kind: ValueKind, typed: &str) -> Result<f64, Unreadable> {
    let number = typed.trim().trim_end_matches('%').trim().replace(',', ".");
    let value = number.parse::<f64>().ok().filter(|value| value.is_finite()).ok_or(Unreadable::NotANumber)?;
    if kind.accepts(value) { Ok(value) } else { Err(Unreadable::OutOfRange) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn humidity_is_read_with_a_percent_sign_or_a_decimal_comma() {
        let read = |typed| typed_value(ValueKind::HumidityPercent, typed);
        assert_eq!(read("55"), Ok(55.0));
        assert_eq!(read(" 55 % "), Ok(55.0));
        assert_eq!(read("55,5"), Ok(55.5));
        assert_eq!(read("0"), Ok(0.0));
        assert_eq!(read("100%"), Ok(100.0));
        for bad in ["", "%", "abc", "NaN", "inf"] {
            assert_eq!(read(bad), Err(Unreadable::NotANumber), "{bad:?}");
        }
        for far in ["100.1", "-1", "1e9"] {
            assert_eq!(read(far), Err(Unreadable::OutOfRange), "{far:?}");
        }
    }
}
