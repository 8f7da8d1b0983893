//! The generatiestudent who changes programme (OER 8.1 §9, 12.1, 1.1.31).

use crate::model::{AcademicYear, Case, Contract, ProgrammeKind};
use crate::params::Params;

use super::code::Code;
use super::facts::{Findings, YearFacts};
use super::msg::SwitchMsg;
use super::outcome::Switch;
use super::trace::{Article, Line, name};

/// OER 8.1 §9.
const ARTICLE: Article = Article::par("8.1", 9);

/// Whether the student is a generatiestudent in a year.
///
/// OER 1.1.31: "Een student die zich, in een bepaald academiejaar, voor het
/// eerst inschrijft met een diplomacontract voor een professioneel of
/// academisch gerichte bachelor in het Vlaamse hoger onderwijs. Het statuut
/// van generatiestudent geldt voor dat volledige academiejaar."
///
/// Stated per year in the case, or derived when the case holds the whole
/// history (no opening balance).
pub fn is_generation_student(case: &Case, years: &[YearFacts], year: AcademicYear) -> bool {
    if let Some(stated) = years
        .iter()
        .find(|y| y.year == year)
        .and_then(|y| y.source.generation_student)
    {
        return stated;
    }
    if case.opening.is_some() {
        return false;
    }
    let bachelor_diploma = |y: &YearFacts| {
        y.enrolments.iter().any(|e| {
            e.contract == Contract::Diploma
                && case.programmes[e.programme].kind == ProgrammeKind::Bachelor
        }) || y.summaries.iter().any(|s| {
            s.contract == Contract::Diploma
                && case.programmes[s.programme].kind == ProgrammeKind::Bachelor
        })
    };
    years.iter().find(|y| bachelor_diploma(y)).map(|y| y.year) == Some(year)
}

/// The refund for a generatiestudent's change of programme.
///
/// OER 8.1 §9: "Met behoud van de toepassing van de bepalingen in §5 wordt
/// bij een generatiestudent die in de loop van hetzelfde academiejaar
/// verandert van opleiding: het aantal opgenomen studiepunten opnieuw
/// toegevoegd … als de student verandert voor 1 december …; de helft van
/// het aantal opgenomen studiepunten, afgerond naar het bovenliggende geheel
/// getal, … als de student verandert tussen 1 december en 15 maart …; het
/// aantal opgenomen studiepunten afgetrokken … als de student verandert na
/// 15 maart."
///
/// Interpretation (RULES.md §2.4): the date that counts is the enrolment in
/// the new programme; the base is the SP of the programme left that still
/// count as taken after §2.3 and have no exam result yet.
pub fn switch_refund(
    params: &Params,
    year: AcademicYear,
    base: i64,
    enrolled: crate::model::Date,
) -> (i64, Line) {
    let t = params.decree(year);
    let full_before = t.switch_full_before.in_year(year);
    let half_until = t.switch_half_until.in_year(year);
    let (refund, msg) = match (full_before, half_until) {
        (Some(fb), _) if enrolled < fb => (base, SwitchMsg::Full { before: fb, base }),
        (Some(fb), Some(hu)) if enrolled <= hu => (
            (base + 1) / 2,
            SwitchMsg::Half {
                from: fb,
                until: hu,
                enrolled,
                base,
            },
        ),
        (_, hu) => (
            0,
            SwitchMsg::Nothing {
                after: hu.unwrap_or(enrolled),
                enrolled,
                base,
            },
        ),
    };
    (
        refund,
        Line::amount(ARTICLE, refund, msg.into()).interpreted(),
    )
}

/// Derives the changes of programme in a year: a programme the student
/// withdrew from, and another whose enrolment date is on or after that
/// withdrawal (RULES.md §2.4).
pub fn switches(
    case: &Case,
    params: &Params,
    years: &[YearFacts],
    yf: &YearFacts,
    found: &mut Findings,
) -> Vec<(Switch, Line)> {
    let generation = is_generation_student(case, years, yf.year);
    let mut out = Vec::new();
    for from in &yf.enrolments {
        let Some(withdrawn) = from.withdrawn else {
            continue;
        };
        let to = yf
            .enrolments
            .iter()
            .filter(|e| e.programme != from.programme && e.enrolled >= withdrawn)
            .min_by_key(|e| e.enrolled);
        let Some(to) = to else { continue };
        let from_p = &case.programmes[from.programme];
        let to_p = &case.programmes[to.programme];
        let base: i64 = from
            .units
            .iter()
            .filter(|u| u.ledger_taken && !u.refunded && !u.examined)
            .map(|u| i64::from(u.sp))
            .sum();
        let (refund, line) = if generation && from.contract == Contract::Diploma && from.uses_lk {
            switch_refund(params, yf.year, base, to.enrolled)
        } else if !generation {
            if yf.source.generation_student.is_none() && case.opening.is_some() {
                found.warn(
                    Code::GenerationStudentUnknown,
                    Some(yf.year),
                    SwitchMsg::GenerationUnknown {
                        from: name(&from_p.name),
                        to: name(&to_p.name),
                        year: yf.year,
                    },
                );
            }
            (
                0,
                Line::amount(
                    ARTICLE,
                    0,
                    SwitchMsg::NotGeneration {
                        from: name(&from_p.name),
                        to: name(&to_p.name),
                        year: yf.year,
                    }
                    .into(),
                ),
            )
        } else {
            (
                0,
                Line::amount(
                    ARTICLE,
                    0,
                    SwitchMsg::NotDiploma {
                        from: name(&from_p.name),
                        to: name(&to_p.name),
                    }
                    .into(),
                ),
            )
        };
        out.push((
            Switch {
                year: yf.year,
                from: from_p.id.clone(),
                to: to_p.id.clone(),
                withdrawn,
                enrolled: to.enrolled,
                generation_student: generation,
                base,
                refund,
            },
            line,
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testkit::*;

    /// OER 8.1 §9 (RULES.md §2.4): the date of the new enrolment decides:
    /// before 1 December all of the base, from 1 December up to and
    /// including 15 March half rounded up, after 15 March nothing.
    #[test]
    fn art_8_1_par9_refund_by_date_of_the_new_enrolment() {
        let params = Params::default();
        let y = AcademicYear(2017);
        let table: &[(&str, i64, i64)] = &[
            ("2017-09-18", 57, 57),
            ("2017-11-30", 57, 57),
            ("2017-12-01", 57, 29),
            ("2017-12-01", 56, 28),
            ("2017-12-01", 1, 1),
            ("2018-02-15", 57, 29),
            ("2018-03-15", 57, 29),
            ("2018-03-16", 57, 0),
            ("2018-09-16", 57, 0),
            ("2017-11-30", 0, 0),
        ];
        for &(date, base, refund) in table {
            let (got, line) = switch_refund(&params, y, base, d(date));
            assert_eq!(got, refund, "{date} base {base}");
            assert_eq!(line.amount, Some(refund));
            assert_eq!(line.article, Article::par("8.1", 9));
            assert!(line.interpretation);
        }
    }

    /// OER 1.1.31: a generatiestudent enrols for the first time under
    /// diplomacontract in a bachelor; the status lasts that whole year and
    /// only that year. A creditcontract or a master year before does not
    /// count; a stated status wins.
    #[test]
    fn art_1_1_31_generation_student_is_the_first_diploma_bachelor_year() {
        let params = Params::default();
        let mut credit = enrolment("CH", vec![unit("A", 6, Some(12))]);
        credit.contract = Contract::Credit;
        let mut c = case(vec![
            year(2015, vec![credit]),
            year(2016, vec![enrolment("CH", vec![unit("B", 6, Some(12))])]),
            year(2017, vec![enrolment("CH", vec![unit("C", 6, Some(12))])]),
        ]);
        let mut found = super::super::facts::Findings::default();
        let years = super::super::facts::year_facts(&c, &params, None, &mut found);
        let status: Vec<bool> = [2015, 2016, 2017]
            .map(|y| is_generation_student(&c, &years, AcademicYear(y)))
            .to_vec();
        assert_eq!(status, vec![false, true, false]);
        c.years[2].generation_student = Some(true);
        c.years[1].generation_student = Some(false);
        let years = super::super::facts::year_facts(&c, &params, None, &mut found);
        let status: Vec<bool> = [2015, 2016, 2017]
            .map(|y| is_generation_student(&c, &years, AcademicYear(y)))
            .to_vec();
        assert_eq!(status, vec![false, false, true]);
    }

    /// A generatiestudent leaves Chemie on 20 November (units of `left`, no
    /// results) for Vastgoed entered on `entered`.
    fn switch_case(left: Vec<crate::model::Unit>, entered: &str, generation: Option<bool>) -> Case {
        let mut from = enrolment("CH", left);
        from.withdrawn = Some(d("2017-11-20"));
        let mut to = enrolment("VG", vec![unit("V1", 6, Some(14))]);
        to.enrolled = Some(d(entered));
        let mut c = case(vec![year(2017, vec![from, to])]);
        c.programmes.push(crate::model::Programme::new(
            "VG",
            "Vastgoed",
            ProgrammeKind::Bachelor,
            180,
        ));
        c.years[0].generation_student = generation;
        c
    }

    /// OER 8.1 §9 "met behoud van §5" (RULES.md §2.4): the base is the SP
    /// still taken after the grensdatum that have no exam result; a unit
    /// with a result is not in it. 60 SP left, 9 of them examined: base 51,
    /// half on 1 December rounded up = 26.
    #[test]
    fn art_8_1_par9_base_leaves_out_examined_units() {
        let mut left = units("C", 8, 6, None);
        left.push(unit("C8", 3, None));
        left.push(unit("E1", 9, Some(7)));
        let o = run(&switch_case(left, "2017-12-01", None));
        let s = &o.switches[0];
        assert_eq!((s.base, s.refund), (51, 26));
        assert!(s.generation_student);
        let row = &o.ledger.rows[0];
        // 140 − 60 − 6 + 26 + 6 (credit) + 6 (bonus) = 112.
        assert_eq!((row.taken, row.refunded, row.end), (66, 26, 112));
    }

    /// OER 8.1 §9 holds only for a generatiestudent: stated "no" gives no
    /// refund, whatever the date.
    #[test]
    fn art_8_1_par9_no_refund_for_a_student_who_is_no_generation_student() {
        let o = run(&switch_case(
            units("C", 5, 6, None),
            "2017-11-21",
            Some(false),
        ));
        assert_eq!((o.switches[0].base, o.switches[0].refund), (30, 0));
        assert_eq!(o.ledger.rows[0].refunded, 0);
    }

    /// OER 1.1.31 on a summary line too: a year elsewhere under
    /// diplomacontract in a bachelor is the first such year; one under
    /// creditcontract, or in a master, is not.
    #[test]
    fn art_1_1_31_a_summary_year_can_be_the_first_diploma_bachelor_year() {
        let params = Params::default();
        let first = |contract: Contract, kind: ProgrammeKind| -> Vec<bool> {
            let mut y15 = year(2015, vec![]);
            y15.summaries.push(crate::model::Summary {
                contract,
                ..summary("EL", 60, 60)
            });
            let mut c = case(vec![
                y15,
                year(2016, vec![enrolment("CH", vec![unit("B", 6, Some(12))])]),
            ]);
            c.programmes
                .push(crate::model::Programme::new("EL", "Elders", kind, 180));
            let mut found = super::super::facts::Findings::default();
            let years = super::super::facts::year_facts(&c, &params, None, &mut found);
            [2015, 2016]
                .map(|y| is_generation_student(&c, &years, AcademicYear(y)))
                .to_vec()
        };
        assert_eq!(
            first(Contract::Diploma, ProgrammeKind::Bachelor),
            [true, false]
        );
        assert_eq!(
            first(Contract::Credit, ProgrammeKind::Bachelor),
            [false, true]
        );
        assert_eq!(
            first(Contract::Diploma, ProgrammeKind::Master),
            [false, true]
        );
    }

    /// RULES.md §2.4: a change of programme is an enrolment made on or
    /// after the withdrawal. A second programme followed alongside from
    /// before it is no change: no switch, no 8.1 §9 refund.
    #[test]
    fn art_8_1_par9_a_programme_followed_alongside_is_no_change() {
        for (entered, switched) in [("2017-11-19", false), ("2017-11-20", true)] {
            let o = run(&switch_case(units("C", 5, 6, None), entered, None));
            assert_eq!(
                o.switches.len(),
                usize::from(switched),
                "enrolled {entered}"
            );
        }
    }

    /// OER 1.1.31: with an opening balance the case alone cannot tell a
    /// generatiestudent; the change of programme asks for it to be stated,
    /// unless it is.
    #[test]
    fn art_1_1_31_unknown_generation_status_is_asked_only_when_not_stated() {
        let warned = |generation: Option<bool>| {
            let mut c = switch_case(units("C", 5, 6, None), "2017-11-21", generation);
            c.opening = Some(opening(2017, 140, 0));
            warnings(&run(&c)).contains(&"generation-student-unknown")
        };
        assert!(warned(None));
        assert!(!warned(Some(false)));
        assert!(!warned(Some(true)));
        // The whole history in the case, a first bachelor year in 2016:
        // derived (not one in 2017), nothing to ask.
        let mut c = switch_case(units("C", 5, 6, None), "2017-11-21", None);
        c.years.insert(
            0,
            year(2016, vec![enrolment("CH", vec![unit("B", 6, Some(12))])]),
        );
        let o = run(&c);
        assert_eq!(
            (o.switches[0].generation_student, o.switches[0].refund),
            (false, 0)
        );
        assert!(!warnings(&o).contains(&"generation-student-unknown"));
    }
}
