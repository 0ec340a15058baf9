//! Formula injection: cells a spreadsheet would run are flagged on input (`formula-prefix`, a
//! warning), and the result CSV neutralises them with a leading apostrophe.

use csv_preflight::{builtin, check, result_csv, CheckOptions, Severity};

const HEADER: &str = "mail_address,family_name,given_name,language,group,option,company_name,department_name,job_title_name,device_user_id,iccard_number\r\n";

fn csv() -> String {
    let mut csv = String::from(HEADER);
    // Row 2: a formula, an @-function, a phone number Excel would compute, a DDE payload.
    csv.push_str("taro@example.com,\"=HYPERLINK(\"\"http://x.example/\"\",\"\"click\"\")\",@SUM(1+1),ja,,,+81-90-1234-5678,\"=cmd|' /C calc'!A0\",,,\r\n");
    // Row 3: not formulas: a dash for "none", a negative number, an address starting with '-',
    // a value with a space first.
    csv.push_str("-hanako@example.com,山田,花子,ja,,,-,-42, =1,,\r\n");
    // Row 4: tab and carriage return first (the CR inside quotes).
    csv.push_str("jiro@example.com,\"\t=1\",\"\r=2\",ja,,,,,,,\r\n");
    csv
}

#[test]
fn formula_cells_are_warnings_with_their_own_code() {
    let profile = builtin("fujifilm-iwpro/add-users").unwrap();
    let report = check(csv().as_bytes(), &profile, CheckOptions::default()).unwrap();
    let formulas: Vec<(u64, &str, &str)> = report
        .diagnostics
        .iter()
        .filter(|d| d.code.as_str() == "formula-prefix")
        .map(|d| {
            assert_eq!(d.severity, Severity::Warning);
            (
                d.row.unwrap(),
                d.column.as_deref().unwrap(),
                d.value.as_deref().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        formulas,
        [
            (
                2,
                "family_name",
                "=HYPERLINK(\"http://x.example/\",\"click\")"
            ),
            (2, "given_name", "@SUM(1+1)"),
            (2, "company_name", "+81-90-1234-5678"),
            (2, "department_name", "=cmd|' /C calc'!A0"),
            (4, "family_name", "\t=1"),
            (4, "given_name", "\r=2"),
        ]
    );
    let first = report
        .diagnostics
        .iter()
        .find(|d| d.code.as_str() == "formula-prefix")
        .unwrap();
    assert_eq!(
        first.message,
        "the value starts with \"=\" (U+003D), so a spreadsheet would run it as a formula"
    );
}

#[test]
fn the_result_csv_neutralises_formula_cells() {
    let profile = builtin("fujifilm-iwpro/add-users").unwrap();
    let out = result_csv(csv().as_bytes(), &profile, CheckOptions::default()).unwrap();
    let text = String::from_utf8(out.bytes).unwrap();
    let text = text.strip_prefix('\u{FEFF}').unwrap();
    let rows: Vec<&str> = text.split("\r\n").collect();
    assert!(rows[1].starts_with(
        "taro@example.com,\"'=HYPERLINK(\"\"http://x.example/\"\",\"\"click\"\")\",'@SUM(1+1),ja,,,'+81-90-1234-5678,'=cmd|' /C calc'!A0,,,,"
    ), "{}", rows[1]);
    // Every cell a spreadsheet would run starts with an apostrophe, including the ones the
    // checker leaves alone on input (a negative number is written as text, which is harmless).
    assert!(
        rows[2].starts_with("'-hanako@example.com,山田,花子,ja,,,'-,'-42, =1,,,"),
        "{}",
        rows[2]
    );
    assert!(
        rows[3].starts_with("jiro@example.com,'\t=1,\"'\r=2\",ja,"),
        "{}",
        rows[3]
    );
    // No cell of the output starts with a formula character.
    for row in &rows {
        for cell in row.split(',') {
            let cell = cell.trim_start_matches('"');
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{cell:?} in {row:?}"
            );
        }
    }
}
