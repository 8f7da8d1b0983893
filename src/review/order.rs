//! The orders and filters of the overview: sort on any column, filter as
//! you type, the quick filters.

use std::cmp::Ordering;

use super::{Finding, Overview, compare};

/// A column of the overview, in the order the table shows them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    /// Naam.
    Name,
    /// Studentnummer.
    Number,
    /// Het jaar waarop de cijfers staan.
    Year,
    /// Saldo leerkrediet.
    Balance,
    /// Studie-efficiëntie van het laatste jaar.
    Se,
    /// Tolerantiekrediet over.
    Tolerance,
    /// De ernstigste bevinding (the default order).
    Finding,
    /// Laatst bewaard.
    Saved,
}

impl Column {
    /// Every column, in table order.
    pub const ALL: [Column; 8] = [
        Column::Name,
        Column::Number,
        Column::Year,
        Column::Balance,
        Column::Se,
        Column::Tolerance,
        Column::Finding,
        Column::Saved,
    ];

    /// The column after this one (round).
    pub fn next(self) -> Column {
        let i = Column::ALL.iter().position(|c| *c == self).unwrap_or(0);
        Column::ALL[(i + 1) % Column::ALL.len()]
    }
}

/// How the rows are sorted: a column, and whether the other way round.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sort {
    pub column: Column,
    pub descending: bool,
}

impl Default for Sort {
    /// The most serious finding first, then the lowest balance.
    fn default() -> Sort {
        Sort {
            column: Column::Finding,
            descending: false,
        }
    }
}

/// `None` after every value, whichever way the column is sorted.
fn last_none<T: Ord>(a: &Option<T>, b: &Option<T>, descending: bool) -> Ordering {
    last_none_by(a, b, descending, T::cmp)
}

fn last_none_by<T>(
    a: &Option<T>,
    b: &Option<T>,
    descending: bool,
    cmp: impl Fn(&T, &T) -> Ordering,
) -> Ordering {
    match (a, b) {
        (Some(x), Some(y)) if descending => cmp(y, x),
        (Some(x), Some(y)) => cmp(x, y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// Names in alphabetical order, capitals or not.
fn by_name(a: &str, b: &str) -> Ordering {
    a.chars()
        .flat_map(char::to_lowercase)
        .cmp(b.chars().flat_map(char::to_lowercase))
}

impl Sort {
    /// The order of two rows: on the column, ties in the default order.
    pub fn compare(&self, a: &Overview, b: &Overview) -> Ordering {
        let flip = |o: Ordering| if self.descending { o.reverse() } else { o };
        let first = match self.column {
            Column::Name => flip(by_name(&a.name, &b.name)),
            Column::Number => flip(a.number.cmp(&b.number)),
            Column::Year => last_none(&a.year, &b.year, self.descending),
            Column::Balance => flip(a.balance.cmp(&b.balance)),
            Column::Se => last_none_by(&a.last_se, &b.last_se, self.descending, |x, y| {
                // Exactly: x.num / x.den against y.num / y.den.
                (u128::from(x.num) * u128::from(y.den))
                    .cmp(&(u128::from(y.num) * u128::from(x.den)))
            }),
            Column::Tolerance => last_none(&a.tolerance_left, &b.tolerance_left, self.descending),
            Column::Finding => flip(compare(a, b)),
            // The latest first when not reversed.
            Column::Saved => last_none(&a.saved, &b.saved, !self.descending),
        };
        first.then_with(|| compare(a, b))
    }
}

/// The quick filters of the overview.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Quick {
    /// Every case.
    #[default]
    All,
    /// Only the cases with a finding ("aandacht nodig").
    Attention,
    /// Only the cases with errors or that cannot be read.
    Errors,
}

impl Quick {
    /// Whether the filter keeps the row.
    pub fn keeps(self, o: &Overview) -> bool {
        match self {
            Quick::All => true,
            Quick::Attention => o.finding().needs_attention(),
            Quick::Errors => o.has_errors(),
        }
    }
}

/// Whether a row matches what was typed in the filter: every word of
/// `query` (case-insensitive) in the name, the student number, the file
/// name or the Dutch title of one of its findings.
pub fn matches(o: &Overview, query: &str) -> bool {
    let query = query.trim();
    if query.is_empty() {
        return true;
    }
    let mut hay = format!("{} {} {}", o.name, o.number, o.file);
    for f in &o.findings {
        if !matches!(f, Finding::Nothing) {
            hay.push(' ');
            hay.push_str(&crate::dutch::review::finding(f));
        }
    }
    let hay = hay.to_lowercase();
    query
        .to_lowercase()
        .split_whitespace()
        .all(|w| hay.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(name: &str, balance: i64, f: Finding) -> Overview {
        let mut o = super::super::unreadable("x.ron", "");
        o.name = name.into();
        o.number = format!("r{balance}");
        o.balance = balance;
        o.findings = vec![f];
        o
    }

    #[test]
    fn sorts_on_a_column_either_way_with_ties_in_the_default_order() {
        let mut v = [
            row("Bert", 50, Finding::BalanceLow { balance: 50 }),
            row("Ann", 120, Finding::Nothing),
            row("Cas", -5, Finding::Refused { year: None }),
        ];
        let names = |v: &[Overview]| v.iter().map(|o| o.name.clone()).collect::<Vec<_>>();
        v.sort_by(|a, b| Sort::default().compare(a, b));
        assert_eq!(names(&v), ["Cas", "Bert", "Ann"]);
        let by = |column, descending| Sort { column, descending };
        v.sort_by(|a, b| by(Column::Name, false).compare(a, b));
        assert_eq!(names(&v), ["Ann", "Bert", "Cas"]);
        v.sort_by(|a, b| by(Column::Balance, true).compare(a, b));
        assert_eq!(names(&v), ["Ann", "Bert", "Cas"]);
        v.sort_by(|a, b| by(Column::Finding, true).compare(a, b));
        assert_eq!(names(&v), ["Ann", "Bert", "Cas"]);
        assert_eq!(Column::Saved.next(), Column::Name);
    }

    #[test]
    fn filters_on_name_number_and_finding() {
        let o = row("Sara Peeters", 40, Finding::BalanceLow { balance: 40 });
        assert!(matches(&o, "sara"));
        assert!(matches(&o, "PEETERS r40"));
        assert!(matches(&o, "leerkrediet laag"));
        assert!(!matches(&o, "geweigerd"));
        assert!(matches(&o, "  "));
        assert!(Quick::Attention.keeps(&o) && !Quick::Errors.keeps(&o));
        let ok = row("Jan", 140, Finding::Nothing);
        assert!(!Quick::Attention.keeps(&ok) && Quick::All.keeps(&ok));
    }
}
