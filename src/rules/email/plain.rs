//! The fast accept path of the e-mail rule: addresses of the plain shape (letters, digits, dots and
//! hyphens around one `@`, at most 64 bytes), tested 16 bytes at a time. Nearly every address of an
//! import file has it. It only accepts: whatever it does not accept goes through the full rule,
//! which also says what is wrong.

use crate::lanes::{Block, LANES};

/// Every byte a plain address is made of: letters, digits, dots, hyphens and the `@`.
pub(crate) const ALPHABET: &str =
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-@";

/// Longest value the fast path takes: one bit per byte in a `u64`. It also keeps the local part
/// (at most 63 bytes) and every domain label (at most 62) within their limits.
const MAX: usize = 64;

/// Per byte of a value (bit `i` for byte `i`): which bytes are of each class.
#[derive(Default)]
struct Classes {
    alpha: u64,
    dot: u64,
    hyphen: u64,
    at: u64,
    /// The bytes of none of these classes.
    other: u64,
}

impl Classes {
    /// The classes of the bytes of `bytes` (at most [`MAX`] of them).
    fn of(bytes: &[u8]) -> Classes {
        let mut classes = Classes::default();
        for (i, at) in (0..bytes.len()).step_by(LANES).enumerate() {
            // The tail: the last 16 bytes (or, under 16, padded with a letter: no class it
            // could break, the padding's bits past the last byte).
            let (b, skip) = Block::positioned(bytes, at, b'a');
            let alpha = b.or(0x20).within(b'a', b'z');
            let digit = b.within(b'0', b'9');
            let dot = b.equal(b'.');
            let hyphen = b.equal(b'-');
            let at_sign = b.equal(b'@');
            let shift = (LANES * i) as u32;
            let bits = |flags: crate::lanes::Flags| u64::from(flags.mask() >> skip) << shift;
            classes.alpha |= bits(alpha);
            classes.dot |= bits(dot);
            classes.hyphen |= bits(hyphen);
            classes.at |= bits(at_sign);
            classes.other |= bits(!(alpha | digit | dot | hyphen | at_sign));
        }
        classes
    }
}

/// Whether `value` is a plain address that the full rule accepts (its syntax only; allowed
/// domains are checked apart). `false` tells nothing.
pub(super) fn accepts(value: &str) -> bool {
    let n = value.len();
    if n == 0 || n > MAX {
        return false;
    }
    let c = Classes::of(value.as_bytes());
    let last = 1u64 << (n - 1);
    // Exactly one `@` (so the domain has none), and nothing but letters, digits, dots, hyphens.
    if c.other != 0 || !c.at.is_power_of_two() {
        return false;
    }
    // No dot or `@` first, last, or next to another: the local part is not empty and has no
    // leading, trailing or double dot; the domain is not empty and has no empty label.
    let sep = c.dot | c.at;
    if sep & 1 != 0 || sep & last != 0 || sep & (sep >> 1) != 0 {
        return false;
    }
    let full = last | (last - 1);
    let domain = full & !(c.at | (c.at - 1));
    let domain_dots = c.dot & domain;
    let hyphens = c.hyphen & domain;
    // A dot in the domain, and no label that starts or ends with a hyphen.
    if domain_dots == 0
        || hyphens & ((domain_dots | c.at) << 1) != 0
        || hyphens & (domain_dots >> 1) != 0
        || hyphens & last != 0
    {
        return false;
    }
    // The top-level label: at least two letters and only letters.
    let last_dot = 1u64 << (63 - domain_dots.leading_zeros());
    let tld = full & !(last_dot | (last_dot - 1));
    // (`tld & (tld - 1)`: `tld` without its lowest bit.)
    tld & !c.alpha == 0 && tld & (tld - 1) != 0
}

#[cfg(test)]
pub(crate) mod tests {
    //! Also run in wasm, where `Classes::of` differs (see `bindings::unit_tests`).
    use super::*;

    /// Whether the full rule, without this path, accepts `value`.
    fn full_rule_accepts(value: &str) -> bool {
        super::super::full_problem(value).is_none()
    }

    #[test]
    fn takes_the_common_shapes() {
        for plain in [
            "user0000012@example.co.jp",
            "taro.yamada@mail-1.example.com",
            "a@b.cd",
            "t-y@x.example.jp",
            &format!("{}@example.com", "a".repeat(52)),
        ] {
            assert!(accepts(plain), "{plain}");
        }
        for other in [
            "t.yamada+iw@mail.example.co.jp",
            "a_b@example.jp",
            &format!("{}@example.com", "a".repeat(53)),
        ] {
            assert!(!accepts(other), "{other}");
        }
    }

    #[test]
    pub(crate) fn accepts_only_what_the_full_rule_accepts() {
        // Every string of up to 6 bytes over an alphabet of each class and some outside them.
        let alphabet = [b'a', b'Z', b'1', b'.', b'-', b'@', b'_'];
        let mut value = Vec::new();
        let mut count = 0u64;
        for len in 1..=6u32 {
            for mut k in 0..(alphabet.len() as u64).pow(len) {
                value.clear();
                for _ in 0..len {
                    value.push(alphabet[(k % alphabet.len() as u64) as usize]);
                    k /= alphabet.len() as u64;
                }
                let text = std::str::from_utf8(&value).unwrap();
                if accepts(text) {
                    count += 1;
                    assert!(full_rule_accepts(text), "{text}");
                } else if !text.contains('_') {
                    // Within its shape, the fast path misses nothing.
                    assert!(!full_rule_accepts(text), "{text}");
                }
            }
        }
        assert!(count > 0);
    }

    #[test]
    pub(crate) fn agrees_with_the_full_rule_on_longer_values() {
        // Pseudo-random addresses near the plain shape, of every length around the word and size
        // limits, with the odd byte from outside it.
        let pieces = [
            "a", "Z", "9", ".", "-", "@", "example", "co", "jp", "_", "+", "é", "..", "@x.jp",
        ];
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        let mut accepted = 0;
        for _ in 0..200_000 {
            let mut value = String::new();
            let len = (seed >> 58) as usize + 8;
            while value.len() < len {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                let weighted = (seed % 40) as usize;
                value.push_str(
                    pieces[if weighted < 14 {
                        weighted
                    } else {
                        weighted % 7
                    }],
                );
            }
            if accepts(&value) {
                accepted += 1;
                assert!(full_rule_accepts(&value), "{value}");
            }
        }
        assert!(accepted > 1000, "{accepted}");
    }
}
