//! What it checks: e-mail addresses (the user ID in IWpro and FLAT), and the tenant's allowed domains.
//! Why: a typo here means a user who never receives the invitation; IWpro rejects domains the
//! tenant does not allow with E000000009.
//! Example: `taro＠example.com` (full-width ＠) → `invalid-email` explaining the full-width character.
//!
//! The syntax accepted is the practical subset that mail systems and these imports agree on
//! (RFC 5321 "dot-atom" local part, LDH domain labels, a dot in the domain); quoted local parts and
//! IP-literal domains are rejected, as the target systems do.

use crate::report::{Code, EmailProblem, Kind};

mod plain;
// For the wasm run of its unit tests (`bindings::unit_tests`).
#[cfg(all(test, feature = "wasm", target_arch = "wasm32"))]
pub(crate) use plain::tests as plain_tests;

/// Codes this rule emits.
pub(crate) const CODES: &[Code] = &[Code::InvalidEmail, Code::EmailDomainNotAllowed];

const LOCAL_SPECIALS: &str = "!#$%&'*+-/=?^_`{|}~.";

/// Byte classes, as bits of [`CLASSES`].
const LOCAL: u8 = 1; // allowed in a dot-atom local part
const LDH: u8 = 2; // letter, digit or hyphen (a domain label byte)
const ALPHA: u8 = 4;
const DOT: u8 = 8;
const AT: u8 = 16;

/// The class bits of every byte.
const CLASSES: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        if byte.is_ascii_alphanumeric() {
            table[b] = LOCAL | LDH;
        }
        if byte.is_ascii_alphabetic() {
            table[b] |= ALPHA;
        }
        b += 1;
    }
    let specials = LOCAL_SPECIALS.as_bytes();
    let mut i = 0;
    while i < specials.len() {
        table[specials[i] as usize] |= LOCAL;
        i += 1;
    }
    table[b'-' as usize] |= LDH;
    table[b'.' as usize] |= DOT;
    table[b'@' as usize] |= AT;
    table
};

/// Every byte an address [`plain`] accepts is made of.
pub(crate) const PLAIN_ALPHABET: &str = plain::ALPHABET;

/// Whether `value` is a plain address (letters, digits, dots and hyphens around one `@`, at most
/// 64 bytes) that the rule accepts; `false` tells nothing. Allowed domains are not looked at.
pub(crate) fn plain(value: &str) -> bool {
    plain::accepts(value)
}

/// The first problem of `value`, in order of precedence.
fn problem(value: &str) -> Option<EmailProblem> {
    if plain(value) {
        return None;
    }
    full_problem(value)
}

/// [`problem`] without the fast path. One pass over the bytes gathers what the checks need (a
/// valid address is ASCII and short).
fn full_problem(value: &str) -> Option<EmailProblem> {
    // Full-width forms and the ideographic space are never ASCII.
    if !value.is_ascii() && value.chars().any(crate::rules::width::is_wide) {
        return Some(EmailProblem::FullWidth);
    }
    let bytes = value.as_bytes();
    // The local part: the AND of its classes, and whether two dots follow each other.
    let (mut local_all, mut double_dot, mut prev) = (LOCAL, false, 0u8);
    let mut at = None;
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'@' {
            at = Some(i);
            break;
        }
        local_all &= CLASSES[usize::from(b)];
        double_dot |= b == b'.' && prev == b'.';
        prev = b;
    }
    let Some(at) = at else {
        return Some(EmailProblem::NoAt);
    };
    let (local, domain) = (
        bytes.get(..at).unwrap_or(&[]),
        bytes.get(at + 1..).unwrap_or(&[]),
    );
    let domain = DomainScan::of(domain);
    if domain.seen & AT != 0 {
        return Some(EmailProblem::SeveralAt);
    }
    if local.is_empty() {
        return Some(EmailProblem::EmptyLocal);
    }
    if local.len() > 64 {
        return Some(EmailProblem::LocalTooLong);
    }
    if local_all & LOCAL == 0 {
        return Some(EmailProblem::BadCharacter);
    }
    if double_dot || local.first() == Some(&b'.') || local.last() == Some(&b'.') {
        return Some(EmailProblem::BadDots);
    }
    if domain.len == 0 || domain.len > 253 {
        return Some(EmailProblem::BadDomain);
    }
    if domain.seen & DOT == 0 {
        return Some(EmailProblem::DomainWithoutDot);
    }
    if !domain.ok {
        return Some(EmailProblem::BadDomain);
    }
    None
}

/// What one pass over a domain finds.
struct DomainScan {
    len: usize,
    /// The OR of the classes of its bytes.
    seen: u8,
    /// Every label is 1 to 63 letters, digits and inner hyphens, and the last one (the top-level
    /// domain) at least two letters.
    ok: bool,
}

impl DomainScan {
    fn of(domain: &[u8]) -> DomainScan {
        let (mut seen, mut every, mut labels_ok) = (0u8, LDH, true);
        // The current label: where it starts, and the AND of its classes.
        let (mut start, mut label_all) = (0usize, LDH | ALPHA);
        for (i, &b) in domain.iter().enumerate() {
            let class = CLASSES[usize::from(b)];
            seen |= class;
            if class & DOT != 0 {
                labels_ok &= label_ok(domain.get(start..i).unwrap_or(&[]));
                (start, label_all) = (i + 1, LDH | ALPHA);
            } else {
                every &= class;
                label_all &= class;
            }
        }
        let tld = domain.get(start..).unwrap_or(&[]);
        let tld_ok = label_ok(tld) && tld.len() >= 2 && label_all & ALPHA != 0;
        DomainScan {
            len: domain.len(),
            seen,
            ok: labels_ok && tld_ok && every & LDH != 0,
        }
    }
}

/// Whether a label has an allowed length and no hyphen at either end (its bytes are checked by
/// the caller).
fn label_ok(label: &[u8]) -> bool {
    !label.is_empty()
        && label.len() <= 63
        && label.first() != Some(&b'-')
        && label.last() != Some(&b'-')
}

/// Checks the syntax and, when `allowed_domains` is not empty, the domain (a sub-domain of an
/// allowed domain is allowed).
pub(crate) fn check(value: &str, allowed_domains: &[String], out: &mut Vec<Kind>) {
    if let Some(problem) = problem(value) {
        out.push(Kind::InvalidEmail { problem });
        return;
    }
    if allowed_domains.is_empty() {
        return;
    }
    let domain = value.rsplit('@').next().unwrap_or("").to_ascii_lowercase();
    let allowed = allowed_domains.iter().any(|d| {
        domain == *d
            || domain
                .strip_suffix(d.as_str())
                .is_some_and(|rest| rest.ends_with('.'))
    });
    if !allowed {
        out.push(Kind::EmailDomainNotAllowed {
            domain,
            allowed: allowed_domains.to_vec(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(value: &str, domains: &[&str]) -> Vec<Kind> {
        let domains: Vec<String> = domains.iter().map(|d| d.to_string()).collect();
        let mut out = Vec::new();
        check(value, &domains, &mut out);
        out
    }

    fn problem_of(value: &str) -> Option<EmailProblem> {
        match run(value, &[]).first() {
            Some(Kind::InvalidEmail { problem }) => Some(*problem),
            _ => None,
        }
    }

    #[test]
    fn accepts_common_addresses() {
        for ok in [
            "taro@example.com",
            "t.yamada+iw@mail.example.co.jp",
            "a_b-c@sub-domain.example.jp",
        ] {
            assert_eq!(problem_of(ok), None, "{ok}");
        }
    }

    #[test]
    fn names_the_problem() {
        assert_eq!(problem_of("taro.example.com"), Some(EmailProblem::NoAt));
        assert_eq!(problem_of("a@b@example.com"), Some(EmailProblem::SeveralAt));
        assert_eq!(
            problem_of("taro＠example.com"),
            Some(EmailProblem::FullWidth)
        );
        assert_eq!(problem_of("@example.com"), Some(EmailProblem::EmptyLocal));
        assert_eq!(
            problem_of("taro..y@example.com"),
            Some(EmailProblem::BadDots)
        );
        assert_eq!(
            problem_of("ta ro@example.com"),
            Some(EmailProblem::BadCharacter)
        );
        assert_eq!(
            problem_of("山田@example.com"),
            Some(EmailProblem::BadCharacter)
        );
        assert_eq!(
            problem_of("taro@example"),
            Some(EmailProblem::DomainWithoutDot)
        );
        assert_eq!(
            problem_of("taro@-example.com"),
            Some(EmailProblem::BadDomain)
        );
        assert_eq!(
            problem_of("taro@example.c0m"),
            Some(EmailProblem::BadDomain)
        );
        assert_eq!(
            problem_of(&format!("{}@example.com", "a".repeat(65))),
            Some(EmailProblem::LocalTooLong)
        );
    }

    #[test]
    fn allowed_domains_include_subdomains_and_ignore_case() {
        assert!(run("taro@Example.COM", &["example.com"]).is_empty());
        assert!(run("taro@tokyo.example.com", &["example.com"]).is_empty());
        assert_eq!(
            run("taro@badexample.com", &["example.com"]),
            vec![Kind::EmailDomainNotAllowed {
                domain: "badexample.com".into(),
                allowed: vec!["example.com".into()]
            }]
        );
    }
}
