//! What it checks: e-mail addresses (the user ID in IWpro and FLAT), and the tenant's allowed domains.
//! Why: a typo here means a user who never receives the invitation; IWpro rejects domains the
//! tenant does not allow with E000000009.
//! Example: `taro＠example.com` (full-width ＠) → `invalid-email` explaining the full-width character.
//!
//! The syntax accepted is the practical subset that mail systems and these imports agree on
//! (RFC 5321 "dot-atom" local part, LDH domain labels, a dot in the domain); quoted local parts and
//! IP-literal domains are rejected, as the target systems do.

use crate::report::{Code, EmailProblem, Kind};

/// Codes this rule emits.
pub(crate) const CODES: &[Code] = &[Code::InvalidEmail, Code::EmailDomainNotAllowed];

const LOCAL_SPECIALS: &str = "!#$%&'*+-/=?^_`{|}~.";

/// The bytes a dot-atom local part may contain.
const LOCAL_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    let specials = LOCAL_SPECIALS.as_bytes();
    let mut i = 0;
    while i < specials.len() {
        table[specials[i] as usize] = true;
        i += 1;
    }
    table
};

/// The first problem of `value`, checked in order of precedence. The scans are plain byte loops:
/// a valid address is ASCII and short.
fn problem(value: &str) -> Option<EmailProblem> {
    // Full-width forms and the ideographic space are never ASCII.
    if !value.is_ascii()
        && value
            .chars()
            .any(|c| ('\u{FF01}'..='\u{FF5E}').contains(&c) || c == '\u{3000}')
    {
        return Some(EmailProblem::FullWidth);
    }
    let bytes = value.as_bytes();
    let Some(at) = bytes.iter().position(|&b| b == b'@') else {
        return Some(EmailProblem::NoAt);
    };
    let (local, domain) = (
        bytes.get(..at).unwrap_or(&[]),
        bytes.get(at + 1..).unwrap_or(&[]),
    );
    if domain.contains(&b'@') {
        return Some(EmailProblem::SeveralAt);
    }
    if local.is_empty() {
        return Some(EmailProblem::EmptyLocal);
    }
    if local.len() > 64 {
        return Some(EmailProblem::LocalTooLong);
    }
    let (mut bad_byte, mut double_dot, mut prev) = (false, false, 0u8);
    for &b in local {
        bad_byte |= !LOCAL_BYTES[usize::from(b)];
        double_dot |= b == b'.' && prev == b'.';
        prev = b;
    }
    if bad_byte {
        return Some(EmailProblem::BadCharacter);
    }
    if double_dot || local.first() == Some(&b'.') || local.last() == Some(&b'.') {
        return Some(EmailProblem::BadDots);
    }
    if domain.is_empty() || domain.len() > 253 {
        return Some(EmailProblem::BadDomain);
    }
    if !domain.contains(&b'.') {
        return Some(EmailProblem::DomainWithoutDot);
    }
    if !domain_ok(domain) {
        return Some(EmailProblem::BadDomain);
    }
    None
}

/// Whether every label of `domain` is 1 to 63 letters, digits and inner hyphens, and the last one
/// (the top-level domain) at least two letters.
fn domain_ok(domain: &[u8]) -> bool {
    let mut ok = true;
    // The current label: its length, first and last byte, and whether it is all letters.
    let (mut len, mut first, mut last, mut letters) = (0usize, 0u8, 0u8, true);
    for &b in domain {
        if b == b'.' {
            ok &= label_ok(len, first, last);
            (len, letters) = (0, true);
        } else {
            ok &= b.is_ascii_alphanumeric() || b == b'-';
            letters &= b.is_ascii_alphabetic();
            if len == 0 {
                first = b;
            }
            last = b;
            len += 1;
        }
    }
    ok && label_ok(len, first, last) && letters && len >= 2
}

/// Whether a label of `len` bytes from `first` to `last` has an allowed length and no hyphen at
/// either end (its bytes are checked one by one).
fn label_ok(len: usize, first: u8, last: u8) -> bool {
    len > 0 && len <= 63 && first != b'-' && last != b'-'
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
