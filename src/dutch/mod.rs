//! The Dutch a person reads: every message of the rules core, every
//! warning and error title, in one place each. The rules core produces
//! message kinds with values ([`crate::rules::Msg`]); the terminal UI, the
//! `check` text and JSON and the reports turn them into sentences here.

mod code;
mod countdown;
mod facts;
mod figures;
mod ledger;
pub mod review;
mod targets;
mod verdict;

use std::fmt;

use crate::rules::{Line, Msg, Name};

pub use code::title;
pub use countdown::countdown_sentences;
pub use facts::moment;
pub use figures::merit_reason;
pub use targets::{Voice, goal, goal_short, target_sentence};
pub use verdict::{failing, verdict, verdict_short};

/// `n studiepunt` or `n studiepunten`.
pub fn sp(n: i64) -> String {
    if n == 1 || n == -1 {
        format!("{n} studiepunt")
    } else {
        format!("{n} studiepunten")
    }
}

/// An amount with its sign: `+54`, `-60`, `0`.
pub fn signed(n: i64) -> String {
    if n > 0 {
        format!("+{n}")
    } else {
        n.to_string()
    }
}

/// A list for a sentence: `CH-1, CH-2 en CH-3`.
pub fn listing<S: AsRef<str>>(items: &[S]) -> String {
    match items.len() {
        0 => String::new(),
        1 => items[0].as_ref().to_string(),
        n => {
            let head: Vec<&str> = items[..n - 1].iter().map(AsRef::as_ref).collect();
            format!("{} en {}", head.join(", "), items[n - 1].as_ref())
        }
    }
}

/// A small count as a word (`twee`), larger ones as digits.
pub fn count_word(n: u32) -> String {
    match n {
        1 => "één".into(),
        2 => "twee".into(),
        3 => "drie".into(),
        4 => "vier".into(),
        5 => "vijf".into(),
        _ => n.to_string(),
    }
}

/// A day and month in words: `1 december`, `15 maart`.
pub fn day_month(d: crate::model::Date) -> String {
    use chrono::Datelike;
    const MONTHS: [&str; 12] = [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ];
    format!("{} {}", d.0.day(), MONTHS[d.0.month0() as usize])
}

fn names(items: &[Name]) -> String {
    listing(items)
}

impl fmt::Display for Msg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Msg::Ledger(m) => ledger::ledger(m, f),
            Msg::Rebuild(m) => ledger::rebuild(m, f),
            Msg::Limit(m) => ledger::limit(m, f),
            Msg::Switch(m) => ledger::switch(m, f),
            Msg::Efficiency(m) => figures::efficiency(m, f),
            Msg::Tolerance(m) => figures::tolerance(m, f),
            Msg::Merit(m) => figures::merit(m, f),
            Msg::Grade(m) => figures::grade(m, f),
            Msg::Input(m) => facts::input(m, f),
            Msg::Reconcile(m) => facts::reconcile(m, f),
            Msg::Countdown(m) => facts::countdown(m, f),
            Msg::Rules(m) => facts::rules(m, f),
            Msg::Target(m) => targets::target(m, Voice::Counsellor, f),
            Msg::Explain(m) => match m {
                crate::rules::ExplainMsg::Start { year, balance } => {
                    write!(f, "Saldo bij het begin van {year}: {balance}.")
                }
                crate::rules::ExplainMsg::Year { year, start, end } => {
                    write!(f, "── {year} (van {start} naar {end})")
                }
                crate::rules::ExplainMsg::NotHere(m) => write!(f, "Niet in deze kolom: {m}"),
            },
            Msg::InCase { place, msg } => write!(f, "{place}: {msg}"),
        }
    }
}

/// The sentence of a trace line.
pub fn text(line: &Line) -> String {
    line.msg.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_words() {
        assert_eq!(sp(1), "1 studiepunt");
        assert_eq!(sp(-1), "-1 studiepunt");
        assert_eq!(sp(6), "6 studiepunten");
        assert_eq!(signed(0), "0");
        assert_eq!(signed(54), "+54");
        assert_eq!(listing(&["A", "B", "C"]), "A, B en C");
        assert_eq!(listing::<&str>(&[]), "");
        assert_eq!(count_word(2), "twee");
        assert_eq!(
            day_month(crate::model::Date::ymd(2017, 12, 1).unwrap()),
            "1 december"
        );
    }
}
