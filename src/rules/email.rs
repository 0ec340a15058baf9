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

fn problem(value: &str) -> Option<EmailProblem> {
    if value
        .chars()
        .any(|c| ('\u{FF01}'..='\u{FF5E}').contains(&c) || c == '\u{3000}')
    {
        return Some(EmailProblem::FullWidth);
    }
    let Some(at) = memchr::memchr(b'@', value.as_bytes()) else {
        return Some(EmailProblem::NoAt);
    };
    let (local, domain) = (
        value.get(..at).unwrap_or(""),
        value.get(at + 1..).unwrap_or(""),
    );
    if memchr::memchr(b'@', domain.as_bytes()).is_some() {
        return Some(EmailProblem::SeveralAt);
    }
    if local.is_empty() {
        return Some(EmailProblem::EmptyLocal);
    }
    if local.len() > 64 {
        return Some(EmailProblem::LocalTooLong);
    }
    if !local
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || LOCAL_SPECIALS.as_bytes().contains(&b))
    {
        return Some(EmailProblem::BadCharacter);
    }
    if local.starts_with('.')
        || local.ends_with('.')
        || local.as_bytes().windows(2).any(|w| w == b"..")
    {
        return Some(EmailProblem::BadDots);
    }
    if domain.is_empty() || domain.len() > 253 {
        return Some(EmailProblem::BadDomain);
    }
    if !domain.contains('.') {
        return Some(EmailProblem::DomainWithoutDot);
    }
    let labels_ok = domain.split('.').all(|label| {
        !label.is_empty()
            && label.len() <= 63
            && !label.starts_with('-')
            && !label.ends_with('-')
            && label
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-')
    });
    let tld_ok = domain
        .rsplit('.')
        .next()
        .is_some_and(|tld| tld.len() >= 2 && tld.bytes().all(|b| b.is_ascii_alphabetic()));
    if !labels_ok || !tld_ok {
        return Some(EmailProblem::BadDomain);
    }
    None
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
