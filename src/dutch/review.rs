//! The Dutch of the case overview: each finding's title and the counts
//! above the list.

use crate::review::{Counts, Finding};

/// The title of a finding, for a table cell.
pub fn finding(f: &Finding) -> String {
    let year =
        |y: &Option<crate::model::AcademicYear>| y.map(|y| format!(" ({y})")).unwrap_or_default();
    match f {
        Finding::Unreadable { message } => format!("Onleesbaar: {message}"),
        Finding::Refused { year: y } => format!("Inschrijving geweigerd{}", year(y)),
        Finding::RefusalAvoidable { need_sp, .. } => {
            format!("Weigering te vermijden: nog {need_sp} SP")
        }
        Finding::BindingConditions { year: y } => {
            format!("Bindende voorwaarden mogelijk{}", year(y))
        }
        Finding::BindingAvoidable { need_sp, .. } => {
            format!("Bindende voorwaarden te vermijden: nog {need_sp} SP")
        }
        Finding::BalanceLow { balance } => format!("Leerkrediet laag ({balance})"),
        Finding::Errors { count: 1 } => "1 fout in het dossier".into(),
        Finding::Errors { count } => format!("{count} fouten in het dossier"),
        Finding::OfficialDiffers { year: y } => format!("Officieel saldo wijkt af{}", year(y)),
        Finding::Nothing => "—".into(),
    }
}

/// The title of a finding for a narrow cell (about 24 characters).
pub fn finding_short(f: &Finding) -> String {
    match f {
        Finding::Unreadable { .. } => "Onleesbaar (Enter)".into(),
        Finding::Refused { .. } => "Inschrijving geweigerd".into(),
        Finding::RefusalAvoidable { need_sp, .. } => format!("Weigering: nog {need_sp} SP"),
        Finding::BindingConditions { .. } => "Bind. voorw. mogelijk".into(),
        Finding::BindingAvoidable { need_sp, .. } => format!("Bind. voorw.: nog {need_sp} SP"),
        Finding::OfficialDiffers { .. } => "Officieel saldo wijkt af".into(),
        _ => finding(f),
    }
}

/// `3 geweigerd · 5 bindende voorwaarden mogelijk · 2 met fouten`.
pub fn counts(c: &Counts) -> String {
    let parts: Vec<String> = [
        (c.refused, "geweigerd"),
        (c.refusal_avoidable, "weigering nog te vermijden"),
        (c.binding, "bindende voorwaarden mogelijk"),
        (c.avoidable, "bindende voorwaarden nog te vermijden"),
        (c.low, "met weinig leerkrediet"),
        (c.errors, "met fouten"),
        (c.unreadable, "onleesbaar"),
    ]
    .iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, what)| format!("{n} {what}"))
    .collect();
    if parts.is_empty() {
        "niets dringends".into()
    } else {
        parts.join(" · ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_read_as_a_sentence() {
        let c = Counts {
            refused: 3,
            binding: 5,
            errors: 2,
            ..Counts::default()
        };
        assert_eq!(
            counts(&c),
            "3 geweigerd · 5 bindende voorwaarden mogelijk · 2 met fouten"
        );
        assert_eq!(counts(&Counts::default()), "niets dringends");
        assert_eq!(
            finding(&Finding::Errors { count: 1 }),
            "1 fout in het dossier"
        );
    }
}
