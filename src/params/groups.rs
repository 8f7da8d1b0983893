//! The two groups of dated parameters: the decree's leerkrediet rules,
//! which hold for every institution, and an institution's exam regulation
//! (OER). Each has a resolved form (the values in force in one academic
//! year) and a file form (every value dated, each key optional so that a
//! user file may add only some).

use serde::{Deserialize, Serialize};

use super::dated::{Dated, InForce};
use super::{MeritPercents, MonthDay};
use crate::model::AcademicYear;

/// Whether a value of a parameter covers `year` exactly.
fn covered<T>(d: &Option<Dated<T>>, year: AcademicYear) -> bool {
    d.as_ref()
        .is_some_and(|d| d.values.iter().any(|v| v.covers(year)))
}

/// One parameter as a listing shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub key: &'static str,
    pub article: String,
    /// `(validity, value in RON, file)`.
    pub values: Vec<(String, String, String)>,
}

/// What resolving a group for one year gives.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Resolved<T> {
    pub values: T,
    /// The keys no value covered, so the nearest value stood in.
    pub nearest: Vec<&'static str>,
}

macro_rules! dated_group {
    (
        $(#[$doc:meta])* $name:ident, $(#[$fdoc:meta])* $file:ident {
            $( $(#[$kdoc:meta])* $key:ident : $ty:ty ),* $(,)?
        }
    ) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq)]
        pub struct $name {
            $( $(#[$kdoc])* pub $key: $ty, )*
        }

        $(#[$fdoc])*
        #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct $file {
            $(
                #[serde(default, skip_serializing_if = "Option::is_none")]
                pub $key: Option<Dated<$ty>>,
            )*
        }

        impl $file {
            /// Every key of the group.
            pub const KEYS: &'static [&'static str] = &[$(stringify!($key)),*];

            /// Records the file every value came from.
            pub fn from_file(mut self, file: &str) -> Self {
                $( self.$key = self.$key.map(|d| d.from_file(file)); )*
                self
            }

            /// Adds another file's values; a conflict names its key.
            pub fn merge(&mut self, other: $file) -> Result<(), (&'static str, String)> {
                $(
                    if let Some(o) = other.$key {
                        match &mut self.$key {
                            Some(d) => d.merge(o).map_err(|e| (stringify!($key), e))?,
                            None => self.$key = Some(o),
                        }
                    }
                )*
                Ok(())
            }

            /// The values in force in `year`; the keys without any value
            /// when some are missing.
            pub fn resolve(&self, year: AcademicYear) -> Result<Resolved<$name>, Vec<&'static str>> {
                let mut missing = Vec::new();
                let mut nearest = Vec::new();
                $(
                    let $key = match self.$key.as_ref().and_then(|d| d.in_force(year)) {
                        Some(InForce::Exact(v)) => Some(v.value.clone()),
                        Some(InForce::Nearest(v)) => {
                            nearest.push(stringify!($key));
                            Some(v.value.clone())
                        }
                        None => {
                            missing.push(stringify!($key));
                            None
                        }
                    };
                )*
                if !missing.is_empty() {
                    return Err(missing);
                }
                Ok(Resolved {
                    values: $name { $( $key: $key.expect("checked above"), )* },
                    nearest,
                })
            }

            /// The years some key covers exactly, where another key has no
            /// value: `(year, key)`. Looked at from `from` to `to`.
            pub fn gaps(&self, from: AcademicYear, to: AcademicYear) -> Vec<(AcademicYear, &'static str)> {
                let mut out = Vec::new();
                let mut y = from;
                while y <= to {
                    let any = false $( || covered(&self.$key, y) )*;
                    if any {
                        $( if !covered(&self.$key, y) { out.push((y, stringify!($key))); } )*
                    }
                    y = y.next();
                }
                out
            }

            /// The first and last year any value names.
            pub fn span(&self) -> Option<(AcademicYear, AcademicYear)> {
                let mut years: Vec<AcademicYear> = Vec::new();
                $(
                    if let Some(d) = &self.$key {
                        for v in &d.values {
                            years.push(v.from);
                            years.extend(v.to);
                        }
                    }
                )*
                Some((*years.iter().min()?, *years.iter().max()?))
            }

            /// Every parameter with its article and values.
            pub fn entries(&self) -> Vec<Entry> {
                let mut out = Vec::new();
                $(
                    if let Some(d) = &self.$key {
                        out.push(Entry {
                            key: stringify!($key),
                            article: d.article.clone(),
                            values: d
                                .values
                                .iter()
                                .map(|v| (v.span(), ron::to_string(&v.value).unwrap_or_default(), v.source.clone()))
                                .collect(),
                        });
                    }
                )*
                out
            }
        }
    };
}

dated_group! {
    /// The decree's leerkrediet rules in force in one academic year (OER
    /// 8.1, restating the Codex Hoger Onderwijs).
    Decree,
    /// The decree's parameters as a file holds them (`decree.ron`).
    DecreeFile {
        /// 8.1 §1: leerkrediet at the first enrolment.
        initial_balance: i32,
        /// 8.1 §1: study history before this year is ignored.
        first_ledger_year: AcademicYear,
        /// 8.1 §3: the first SP acquired under diplomacontract that count double.
        bonus_sp: u32,
        /// 8.1 §11: what a master diploma costs.
        master_deduction: i32,
        /// 8.1 §11–§12: the rebuild's yearly step.
        rebuild_step: i32,
        /// 8.1 §11–§13: the balance a rebuild or top-up reaches.
        rebuild_target: i32,
        /// 8.1 §10: the exception's SP still to take.
        exception_sp: u32,
        /// 8.1 §10: the exception's uninterrupted previous years.
        exception_years: u32,
        /// 8.1 §9: a new enrolment before this day returns everything.
        switch_full_before: MonthDay,
        /// 8.1 §9: up to and including this day, half.
        switch_half_until: MonthDay,
    }
}

dated_group! {
    /// An institution's exam regulation in force in one academic year.
    Oer,
    /// The regulation's parameters as a file holds them (`oer.ron`).
    OerFile {
        /// 22.2: a credit from this grade (out of 20).
        pass_grade: i32,
        /// 17.1: the highest grade.
        max_grade: i32,
        /// 3.3: a unit has at least this many SP.
        min_unit_sp: u32,
        /// 13.1: less than this percentage acquired: binding conditions possible.
        binding_conditions_percent: u32,
        /// 13.1 §2: the student applies for the next enrolment by this day.
        binding_conditions_apply_by: MonthDay,
        /// 11.3 §3: the automatic individual trajectory from this SE.
        trajectory_percent: u32,
        /// 11.3 §3: a trajectory of at most this many SP.
        trajectory_max_sp: u32,
        /// 18.2 §1: tolerance credit as a percentage of the SP taken.
        tolerance_percent: u32,
        /// 18.2 §2: the base counts from this year for students enrolled before it.
        tolerance_legacy_from: AcademicYear,
        /// 18.3 §1 a: the cumulative SE a tolerance needs.
        tolerance_min_cumulative_percent: u32,
        /// 18.3 §1 b: the grades that can be tolerated.
        tolerable_grades: Vec<i32>,
        /// 18.3 §1 d: from this distance to the diploma …
        tolerance_far_sp: u32,
        /// 18.3 §1 d: … at most this many SP tolerated.
        tolerance_far_cap: u32,
        /// 18.4: the thresholds of the degrees of merit.
        merit_percents: MeritPercents,
        /// 18.4: the examined units cover at least this percentage of the programme.
        merit_coverage_percent: u32,
    }
}
