//! The codes of warnings and errors: one enum, each code with its stable
//! key (for `check --json` and scripts), its severity and its article. The
//! Dutch title a person reads is in [`crate::dutch`].

use super::trace::Article;

/// How much a finding weighs for the counsellor, most serious first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The institution refuses the enrolment (8.1 §10).
    Refusal,
    /// Something entered cannot be right; the figures may be incomplete.
    Error,
    /// A consequence the counsellor must act on.
    Warning,
    /// Worth knowing; nothing to act on.
    Info,
}

macro_rules! codes {
    ($( $(#[$doc:meta])* $variant:ident = $key:literal, $severity:ident, $article:expr; )*) => {
        /// A warning or error code.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Code {
            $( $(#[$doc])* $variant, )*
        }

        impl Code {
            /// Every code, in declaration order.
            pub const ALL: &'static [Code] = &[$(Code::$variant),*];

            /// The stable key of `check --json` (`binding-conditions`).
            pub fn key(self) -> &'static str {
                match self { $(Code::$variant => $key,)* }
            }

            /// How serious it is.
            pub fn severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$severity,)* }
            }

            /// The article a warning rests on; errors in the case have none.
            pub fn article(self) -> Option<Article> {
                match self { $(Code::$variant => $article,)* }
            }
        }
    };
}

const fn a(art: &'static str, par: u8) -> Option<Article> {
    Some(Article::par(art, par))
}

codes! {
    // Warnings: consequences of the rules.
    /// Enrolled for more SP than the balance (8.1 §10).
    EnrolmentExceedsBalance = "enrolment-exceeds-balance", Warning, a("8.1", 10);
    /// A balance of 0 or less: the enrolment is refused (8.1 §10).
    EnrolmentRefused = "enrolment-refused", Refusal, a("8.1", 10);
    /// The exception of 8.1 §10 applies.
    EnrolmentException = "enrolment-exception", Info, a("8.1", 10);
    /// Binding conditions may be imposed (13.1).
    BindingConditions = "binding-conditions", Warning, Some(Article::art("13.1"));
    /// The degree of merit needs grades the case lacks (18.4).
    MeritIncomplete = "merit-incomplete", Warning, Some(Article::art("18.4"));
    /// A switch of programme in a year whose generatiestudent status is not stated (8.1 §9).
    GenerationStudentUnknown = "generation-student-unknown", Warning, a("8.1", 9);
    /// A removal under 11.6 asked for after the grensdatum.
    RemovalTooLate = "removal-too-late", Warning, Some(Article::art("11.6"));
    /// The official balance differs from the computed one.
    OfficialBalanceDiffers = "official-balance-differs", Warning, Some(Article::art("8.1"));
    /// The opening lies after every listed year: those years are history only.
    OpeningAfterYears = "opening-after-years", Warning, Some(Article::par("8.1", 1));

    // Errors: input that cannot be right.
    /// A grade outside 0–20.
    GradeOutOfRange = "grade-out-of-range", Error, None;
    /// A unit grade with a decimal.
    GradeNotWhole = "grade-not-whole", Error, None;
    /// A number on a pass/fail unit, or geslaagd on a graded one.
    ResultKindMismatch = "result-kind-mismatch", Error, None;
    /// A grade on a composite unit itself.
    CompositeUnitResult = "composite-unit-result", Error, None;
    /// A part with weight 0.
    PartWeightInvalid = "part-weight-invalid", Error, None;
    /// A unit of fewer than 3 SP, or of an absurd size.
    UnitSpInvalid = "unit-sp-invalid", Error, None;
    /// A unit without a code.
    UnitCodeMissing = "unit-code-missing", Error, None;
    /// A unit without a name.
    UnitNameMissing = "unit-name-missing", Error, None;
    /// A second-chance result without a first-chance one.
    SecondWithoutFirst = "second-without-first", Error, None;
    /// More academic years than a career can hold.
    TooManyYears = "too-many-years", Error, None;
    /// An exempted unit with a result.
    ExemptWithResult = "exempt-with-result", Error, None;
    /// A date outside its academic year.
    DateOutsideYear = "date-outside-year", Error, None;
    /// A withdrawal before the enrolment.
    WithdrawalBeforeEnrolment = "withdrawal-before-enrolment", Error, None;
    /// A unit's own withdrawal after its exams.
    WithdrawalAfterExams = "withdrawal-after-exams", Error, None;
    /// A second-chance result after a first-chance credit.
    SecondChanceAfterCredit = "second-chance-after-credit", Error, None;
    /// A tolerance on a unit that cannot be tolerated.
    ToleranceNotAllowed = "tolerance-not-allowed", Error, None;
    /// Enrolled again for a unit already credited.
    EnrolledAgainAfterCredit = "enrolled-again-after-credit", Error, None;
    /// Enrolled again for a unit already tolerated.
    EnrolledAgainAfterTolerance = "enrolled-again-after-tolerance", Error, None;
    /// A withdrawal from a unit whose grensdatum is unknown.
    MissingGrensdatum = "missing-grensdatum", Error, None;
    /// A unit code twice in one year.
    DuplicateUnitCode = "duplicate-unit-code", Error, None;
    /// An academic year twice.
    DuplicateYear = "duplicate-year", Error, None;
    /// Two enrolments in one programme in one year.
    DuplicateEnrolment = "duplicate-enrolment", Error, None;
    /// A programme id twice.
    DuplicateProgramme = "duplicate-programme", Error, None;
    /// A reference to a programme that is not in the case.
    UnknownProgramme = "unknown-programme", Error, None;
    /// A programme of 0 SP.
    ProgrammeSizeInvalid = "programme-size-invalid", Error, None;
    /// An opening bonus over its cap.
    OpeningBonusInvalid = "opening-bonus-invalid", Error, None;
    /// A summary line whose figures cannot all be true.
    SummaryInconsistent = "summary-inconsistent", Error, None;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_unique_and_kebab_case() {
        let mut keys: Vec<&str> = Code::ALL.iter().map(|c| c.key()).collect();
        assert!(
            keys.iter()
                .all(|k| k.chars().all(|c| c.is_ascii_lowercase() || c == '-'))
        );
        keys.sort();
        let n = keys.len();
        keys.dedup();
        assert_eq!(keys.len(), n);
    }

    #[test]
    fn warnings_cite_an_article_and_errors_do_not() {
        for c in Code::ALL {
            assert_eq!(
                c.article().is_some(),
                c.severity() != Severity::Error,
                "{}",
                c.key()
            );
        }
    }
}
