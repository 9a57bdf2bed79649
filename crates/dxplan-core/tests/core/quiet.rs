//! No false findings on ordinary Vietnamese (issue 19): what real plans write correctly must not be
//! reported. Each test makes the plan say it the way real plans do and expects silence.

use crate::common;

fn codes(dir: &std::path::Path) -> Vec<String> {
    let (json, _) = common::check_json(dir);
    common::codes(&json)
}

/// "38.500" and "61.450" are the usual Vietnamese thousands dot: read as 38500, never DX056.
#[test]
fn amounts_with_the_thousands_dot_are_not_reported() {
    let dir = common::example_copy("tinh-ha-lam");
    common::edit(
        dir.path(),
        "phan-2/16-danh-muc.yaml",
        "investment: 1200",
        "investment: \"1.200\"",
    );
    assert!(!codes(dir.path()).contains(&"DX056".to_string()));
}

/// A date that ends a quoted string is read without the quote (DX083 used to report
/// "25/4/2022"" as malformed).
#[test]
fn a_quoted_string_ending_in_a_date_is_not_malformed() {
    let dir = common::example_copy("tinh-ha-lam");
    common::edit(
        dir.path(),
        "phan-1/muc-tieu-2022.yaml",
        "theo Kế hoạch số 38/KH-UBND ngày 15/02/2022 của",
        "theo Kế hoạch số 38/KH-UBND ngày 15/02/2022 (\"38/KH-UBND ngày 15/02/2022\") của",
    );
    let found = codes(dir.path());
    assert!(!found.contains(&"DX083".to_string()), "{found:?}");
}
