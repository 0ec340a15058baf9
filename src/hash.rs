//! The crate's 64-bit hash of keys and values (unique keys, the plan's key sets and read-only
//! cells, distinct counts), 8 bytes a step, with ASCII case folded on the way for keys.
//!
//! Every data row hashes its key, so the hash must be cheap where it runs: in wasm a 64 × 64 →
//! 128-bit multiply (which xxh3, used before, needs per 16 bytes) is a call, while a 64-bit
//! multiply is one instruction. Here each word goes through `(h ^ w) · K` and an xor-shift, both
//! invertible: two inputs of one length that differ in a single word never collide, and on
//! structured keys others collide no more often than random 64-bit values would (tested below).
//! Folding ASCII upper case in the words saves the separate upper-case scan and the lower-cased
//! copy that case-insensitive keys needed (a wasm check of a million rows: 374 → 352 ns a row in a
//! build that switched the hash per run). Hashes live only in memory, for one run: nothing stores
//! or exchanges them.

/// The high bit of every byte.
const HIGH: u64 = 0x8080_8080_8080_8080;
/// 1 in every byte.
const ONES: u64 = 0x0101_0101_0101_0101;

/// The hash of `key`'s bytes, as they are.
pub(crate) fn bytes(key: &[u8]) -> u64 {
    words(key, |w| w)
}

/// [`bytes`] of `key` with ASCII upper case lowered when `ignore_case`, computed without a copy;
/// `None` if `key` is not ASCII.
pub(crate) fn ascii(key: &[u8], ignore_case: bool) -> Option<u64> {
    let mut high = 0;
    let hash = if ignore_case {
        words(key, |w| {
            high |= w;
            lower(w)
        })
    } else {
        words(key, |w| {
            high |= w;
            w
        })
    };
    (high & HIGH == 0).then_some(hash)
}

/// The hash of a key of one or more parts: the parts joined with U+001F, lower-cased when
/// `ignore_case` (`buf` is scratch space). A one-part ASCII key is hashed in place.
pub(crate) fn key<'a>(
    parts: impl Iterator<Item = &'a str>,
    ignore_case: bool,
    buf: &mut String,
) -> u64 {
    let mut parts = parts.fuse();
    let first = parts.next().unwrap_or("");
    let second = parts.next();
    if second.is_none() {
        if let Some(hash) = ascii(first.as_bytes(), ignore_case) {
            return hash;
        }
    }
    let all = std::iter::once(first).chain(second).chain(parts);
    buf.clear();
    for (i, part) in all.enumerate() {
        if i > 0 {
            buf.push('\u{1F}');
        }
        if !ignore_case {
            buf.push_str(part);
        } else if part.is_ascii() {
            let start = buf.len();
            buf.push_str(part);
            if let Some(tail) = buf.get_mut(start..) {
                tail.make_ascii_lowercase();
            }
        } else {
            buf.extend(part.chars().flat_map(char::to_lowercase));
        }
    }
    bytes(buf.as_bytes())
}

/// The ASCII upper-case letters of a word of ASCII bytes lowered (other words: any value).
fn lower(w: u64) -> u64 {
    // Per byte b < 0x80, no carry leaves the byte: b + (0x80 - 'A') has the high bit iff b >= 'A',
    // b + (0x80 - 'Z' - 1) iff b > 'Z'; the letter's 0x20 bit is the high bit shifted by 2.
    let at_least_a = w.wrapping_add(ONES * (0x80 - u64::from(b'A')));
    let above_z = w.wrapping_add(ONES * (0x80 - u64::from(b'Z') - 1));
    w | ((at_least_a & !above_z & HIGH) >> 2)
}

/// Hashes the words of `key` (each little-endian word given to `word` first): every 8 bytes, the
/// last word overlapping the one before it, a shorter key padded with zeros; the length goes in
/// first, so that the padding and the overlap do not make two keys alike.
#[inline(always)]
fn words(key: &[u8], mut word: impl FnMut(u64) -> u64) -> u64 {
    let mut h = (key.len() as u64).wrapping_mul(0xC2B2_AE3D_27D4_EB4F) ^ 0x1656_67B1_9E37_79F9;
    let mut chunks = key.chunks_exact(8);
    let last = if key.len() > 8 {
        // All whole words but the last, which the overlapping last word replaces.
        let whole = (key.len() - 1) / 8;
        for chunk in chunks.by_ref().take(whole) {
            h = mix(h, word(le(chunk)));
        }
        key.get(key.len() - 8..).map_or(0, le)
    } else {
        let mut padded = [0u8; 8];
        if let Some(head) = padded.get_mut(..key.len()) {
            head.copy_from_slice(key);
        }
        u64::from_le_bytes(padded)
    };
    finish(mix(h, word(last)))
}

/// The word of 8 bytes (0 if `chunk` is not 8 bytes long, which no caller passes).
#[inline(always)]
fn le(chunk: &[u8]) -> u64 {
    chunk.try_into().map_or(0, u64::from_le_bytes)
}

/// One word into the state: each step a bijection of either input for the other fixed.
#[inline(always)]
fn mix(h: u64, w: u64) -> u64 {
    let m = (h ^ w).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    m ^ (m >> 29)
}

/// The final avalanche (MurmurHash3's `fmix64`), so that the top bits (the table's home slot)
/// depend on every bit of the state.
fn finish(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xFF51_AFD7_ED55_8CCD);
    h ^= h >> 33;
    h = h.wrapping_mul(0xC4CE_B9FE_1A85_EC53);
    h ^ (h >> 33)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    pub(crate) fn folding_gives_the_hash_of_the_lower_cased_key() {
        for key in [
            "",
            "a",
            "Z",
            "@[`{",
            "Taro@Example.COM",
            "USER0000001@EXAMPLE.CO.JP",
            "abcdefgh",
            "ABCDEFGHI",
        ] {
            let lowered = key.to_ascii_lowercase();
            assert_eq!(
                ascii(key.as_bytes(), true),
                Some(bytes(lowered.as_bytes())),
                "{key}"
            );
            assert_eq!(
                ascii(key.as_bytes(), false),
                Some(bytes(key.as_bytes())),
                "{key}"
            );
        }
        // Every byte, in every position of a key of each length up to 17.
        for len in 1..=17 {
            for at in 0..len {
                for b in 0u8..=0x7F {
                    let mut key = vec![b'q'; len];
                    key[at] = b;
                    let lowered = key.to_ascii_lowercase();
                    assert_eq!(
                        ascii(&key, true),
                        Some(bytes(&lowered)),
                        "{b} at {at} of {len}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_key_is_its_parts_joined_and_folded() {
        let mut buf = String::new();
        let mut key =
            |parts: &[&str], ignore_case| key(parts.iter().copied(), ignore_case, &mut buf);
        assert_eq!(key(&["Taro@Example.COM"], true), bytes(b"taro@example.com"));
        assert_eq!(
            key(&["Taro@Example.COM"], false),
            bytes(b"Taro@Example.COM")
        );
        assert_eq!(
            key(&["A", "Bé", "C"], true),
            bytes("a\u{1F}bé\u{1F}c".as_bytes())
        );
        assert_eq!(key(&["A", "B"], false), bytes(b"A\x1FB"));
        assert_eq!(key(&["ÀB山田"], true), bytes("àb山田".as_bytes()));
        assert_eq!(key(&[], true), bytes(b""));
        assert_ne!(key(&["a", "b"], true), key(&["ab"], true));
    }

    #[test]
    fn a_key_with_a_byte_past_ascii_has_no_ascii_hash() {
        for len in 1..=17 {
            for at in 0..len {
                let mut key = vec![b'a'; len];
                key[at] = 0x80;
                assert_eq!(ascii(&key, true), None);
                assert_eq!(ascii(&key, false), None);
            }
        }
        assert_eq!(ascii("山田@example.com".as_bytes(), true), None);
    }

    #[test]
    pub(crate) fn keys_one_byte_apart_never_collide() {
        // The argument in the module doc, checked: any one byte changed, any length to 40.
        for len in 0..=40usize {
            let base: Vec<u8> = (0..len).map(|i| b'a' + (i % 26) as u8).collect();
            let mut seen = HashSet::new();
            assert!(seen.insert(bytes(&base)));
            for at in 0..len {
                for b in [0u8, b'0', b'A', b'z', 0x7F, 0xFF] {
                    let mut key = base.clone();
                    if key[at] == b {
                        continue;
                    }
                    key[at] = b;
                    assert!(seen.insert(bytes(&key)), "{len} {at} {b}");
                }
            }
            // Zero bytes appended do not look like the padding.
            let mut longer = base.clone();
            longer.push(0);
            assert_ne!(bytes(&longer), bytes(&base), "{len}");
        }
    }

    #[test]
    fn structured_keys_spread_like_random_ones() {
        // 300,000 keys as import files have them. Random 64-bit values would all differ, and
        // share their top or bottom 32 bits about n²/2³³ ≈ 10 times.
        let keys: Vec<String> = (0..100_000)
            .flat_map(|i| {
                [
                    format!("user{i:07}@example.co.jp"),
                    format!("{i}"),
                    format!("taro.yamada+{i}@mail{}.example.com", i % 7),
                ]
            })
            .collect();
        let hashes: Vec<u64> = keys.iter().map(|k| bytes(k.as_bytes())).collect();
        let distinct: HashSet<u64> = hashes.iter().copied().collect();
        assert_eq!(distinct.len(), keys.len());
        for half in [|h: u64| h >> 32, |h: u64| h & 0xFFFF_FFFF] {
            let halves: HashSet<u64> = hashes.iter().map(|&h| half(h)).collect();
            let shared = keys.len() - halves.len();
            assert!(shared <= 40, "{shared} keys share half of a hash");
        }
        // The top bits pick the home slot: 2¹⁶ slots get about 4.6 keys each, none far more.
        let mut homes = vec![0u32; 1 << 16];
        for h in &hashes {
            homes[(h >> 48) as usize] += 1;
        }
        assert!(homes.iter().all(|&n| n <= 25), "{:?}", homes.iter().max());
    }
}
