//! The state of the case list as an overview (issue: keyboard-driven case
//! review): the computed row of each case, its order, the filter typed
//! with `/`, the quick filters and the progress of the worker that
//! computes the rows off the UI thread.

use std::collections::HashMap;
use std::path::PathBuf;

use crate::review::{Column, Finding, Overview, Quick, Sort, matches};
use crate::rules::{Goal, Outcome};

use super::rows::{FigureKind, figure_items};

/// Which case a computed row belongs to.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Key {
    File(PathBuf),
    /// A bundled demo (index into `demo::DEMOS`).
    Demo(usize),
}

/// The overview state of the case list.
#[derive(Clone, Debug, Default)]
pub struct Review {
    /// The computed row of every case seen so far.
    pub rows: HashMap<Key, Overview>,
    /// How many rows the worker computes now, and how many have come.
    pub total: usize,
    pub done: usize,
    pub sort: Sort,
    /// What was typed after `/` (name, number, finding).
    pub filter: String,
    /// The filter takes the keys (after `/`, until Enter or Esc).
    pub typing: bool,
    pub quick: Quick,
    /// Show the demo cases (a section of their own after the counsellor's
    /// files; hidden by default, `v`).
    pub show_demos: bool,
    /// The finding of the case being opened: the editor lands on its
    /// figure.
    pub open_at: Option<Finding>,
}

/// A key typed in the filter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FilterKey {
    Char(char),
    Backspace,
    /// Empty the filter and stop typing (Esc).
    Clear,
}

impl Review {
    /// Whether the worker is still computing.
    pub fn busy(&self) -> bool {
        self.done < self.total
    }

    /// Whether a case is shown under the filters (a case not computed yet
    /// is shown while nothing is filtered).
    pub fn keeps(&self, key: &Key) -> bool {
        match self.rows.get(key) {
            Some(o) => self.quick.keeps(o) && matches(o, &self.filter),
            None => self.quick == Quick::All && self.filter.trim().is_empty(),
        }
    }

    /// The order of two cases: computed ones in the chosen order, the rest
    /// after them in list order.
    pub fn compare(&self, a: &Key, b: &Key) -> std::cmp::Ordering {
        match (self.rows.get(a), self.rows.get(b)) {
            (Some(x), Some(y)) => self.sort.compare(x, y),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        }
    }

    /// The sort in Dutch, for the line above the table.
    pub fn sort_dutch(&self) -> String {
        let what = match self.sort.column {
            Column::Name => "naam",
            Column::Number => "studentnummer",
            Column::Year => "jaar",
            Column::Balance => "saldo",
            Column::Se => "SE vorig jaar",
            Column::Tolerance => "tolerantie over",
            Column::Finding => "bevinding, dan laagste saldo",
            Column::Saved => "laatst bewaard",
        };
        format!(
            "volgorde: {what}{}",
            if self.sort.descending {
                " (omgekeerd)"
            } else {
                ""
            }
        )
    }
}

/// The figure of the editor's figures pane a finding points at.
pub fn figure_of(o: &Outcome, f: &Finding) -> Option<usize> {
    let items = figure_items(o);
    let titled = |t: String| items.iter().position(|i| i.title == t);
    let target = |goal: Goal, year: crate::model::AcademicYear| {
        let head = crate::dutch::goal(goal);
        let tail = year.to_string();
        items.iter().position(|i| {
            i.kind == FigureKind::Target && i.title.starts_with(head) && i.title.ends_with(&tail)
        })
    };
    match f {
        Finding::Refused { year: Some(y) } => titled(format!("Leerkrediet {y}")),
        Finding::Refused { year: None } | Finding::BalanceLow { .. } => {
            titled("Leerkrediet: saldo".into())
        }
        Finding::RefusalAvoidable { year, .. } => target(Goal::BalancePositive, *year),
        Finding::BindingConditions { year: Some(y) } => titled(format!("Studievoortgang {y}")),
        Finding::BindingAvoidable { year, .. } => target(Goal::BindingConditions, *year),
        Finding::Errors { .. } => items.iter().position(|i| i.kind == FigureKind::Error),
        Finding::OfficialDiffers { year: Some(y) } => {
            titled(format!("Afstemming met Mijn Burgerprofiel {y}"))
        }
        _ => None,
    }
}
