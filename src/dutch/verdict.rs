//! The tolerance verdict of a failed unit (OER 18.3), in its long form for
//! sentences and its short form for table columns.

use crate::rules::{Msg, ToleranceMsg, ToleranceVerdict};

fn letters(v: &ToleranceVerdict, sep: &str) -> String {
    v.fails
        .iter()
        .map(|c| c.key())
        .collect::<Vec<_>>()
        .join(sep)
}

/// `getolereerd`, `kan getolereerd worden`, or `kan niet getolereerd
/// worden (niet voldaan: a, b)`.
pub fn verdict(v: &ToleranceVerdict) -> String {
    if v.tolerated {
        "getolereerd".into()
    } else if v.tolerable() {
        "kan getolereerd worden".into()
    } else {
        format!(
            "kan niet getolereerd worden (niet voldaan: {})",
            letters(v, ", ")
        )
    }
}

/// The same for a narrow column: `getolereerd`, `tolereerbaar`, `niet (a,b)`.
pub fn verdict_short(v: &ToleranceVerdict) -> String {
    if v.tolerated {
        "getolereerd".into()
    } else if v.tolerable() {
        "tolereerbaar".into()
    } else {
        format!("niet ({})", letters(v, ","))
    }
}

/// Each condition not met, with its article: `Art. 18.3 §1 a: cumulatieve
/// studie-efficiëntie …`.
pub fn failing(v: &ToleranceVerdict) -> Vec<String> {
    v.lines
        .iter()
        .filter_map(|l| match &l.msg {
            Msg::Tolerance(ToleranceMsg::Check { ok: false, check }) => Some(format!(
                "{}: {}",
                l.article,
                super::figures::check_text(check, false)
            )),
            _ => None,
        })
        .collect()
}
