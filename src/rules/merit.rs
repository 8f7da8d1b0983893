//! Passing the programme (OER 18.1) and the degree of merit (OER 18.4).

use crate::model::{Case, Mark};
use crate::params::Params;

use super::code::Code;
use super::efficiency::History;
use super::facts::{Findings, YearFacts};
use super::msg::{MeritMsg, MeritReason};
use super::outcome::{Degree, Merit, Progress};
use super::ratio::Ratio;
use super::tolerance::Accepted;
use super::trace::{Article, Line, name};

/// SP of the programme done by credit, exemption and tolerance.
///
/// OER 18.1 §1: "De student in een bacheloropleiding … wordt automatisch
/// geslaagd verklaard voor de opleiding op grond van het feit dat voor alle
/// opleidingsonderdelen van de betrokken opleiding een creditbewijs is
/// verworven en/of een vrijstelling is toegekend en/of een tolerantie is
/// opgenomen in zijn tolerantiedossier." The case knows the programme's
/// size, not its curriculum: passed = done ≥ size.
pub fn progress(h: &History, tolerated_detail: u64) -> Progress {
    let sum = |f: fn(&super::efficiency::YearFigures) -> u64| {
        f(&h.earlier) + h.years.iter().map(f).sum::<u64>()
    };
    Progress {
        credited: sum(|y| y.acquired),
        exempted: sum(|y| y.exempted),
        tolerated: sum(|y| y.summary_tolerated) + tolerated_detail,
    }
}

/// The lines that explain progress and passing.
pub fn progress_lines(programme: &str, size: u32, p: &Progress) -> Vec<Line> {
    vec![Line::note(
        Article::par("18.1", 1),
        MeritMsg::Progress {
            programme: name(programme),
            credited: p.credited,
            exempted: p.exempted,
            tolerated: p.tolerated,
            size,
        }
        .into(),
    )]
}

/// OER 18.4.
const MERIT: Article = Article::art("18.4");

/// The degree of merit of a passed programme.
///
/// OER 18.4: "1. Op voldoende wijze als de student geslaagd is én een
/// gewogen gemiddelde behaalt van minder dan 65%; 2. Onderscheiding vanaf
/// een gewogen gemiddelde van 65%; 3. Grote onderscheiding vanaf … 75%; 4.
/// Grootste onderscheiding vanaf … 85%. Om in aanmerking te komen voor een
/// graad van verdienste dient het aantal opleidingsonderdelen waarvoor de
/// student examen heeft afgelegd, ten minste de helft van het totaal aantal
/// studiepunten van de opleiding te vertegenwoordigen. … Het gewogen
/// gemiddelde wordt berekend op basis van alle examencijfers uitgedrukt in
/// een geheel getal op 20 die tot een creditbewijs of een getolereerd cijfer
/// geleid hebben binnen de gehele opleiding. Met vrijstellingen wordt dus
/// geen rekening gehouden. Ook opleidingsonderdelen waarvoor volgens de
/// ECTS-fiche een niet-numerieke resultaatsbepaling wordt gehanteerd, worden
/// niet in deze berekening meegenomen."
///
/// Returns `None` (with a `merit-incomplete` warning) when credits or
/// tolerances come from summary lines or earlier progress without grades.
pub fn merit(
    case: &Case,
    params: &Params,
    years: &[YearFacts],
    programme: usize,
    h: &History,
    accepted: &Accepted,
    found: &mut Findings,
) -> Option<Merit> {
    let p = &case.programmes[programme];
    // The degree is judged by the regulation of the programme's last year.
    let year = h.last_year().or(case.opening.as_ref().map(|o| o.year))?;
    let t = params.oer_of(p, year);
    let ungraded = h.earlier.acquired
        + h.earlier.summary_tolerated
        + h.years
            .iter()
            .filter(|y| !y.detailed_only)
            .map(|y| y.acquired + y.summary_tolerated)
            .sum::<u64>();
    if ungraded > 0 {
        found.warn(
            Code::MeritIncomplete,
            h.last_year(),
            MeritMsg::Incomplete {
                programme: name(&p.name),
                sp: ungraded,
            },
        );
        return None;
    }
    let mut weighted: u64 = 0;
    let mut weight: u64 = 0;
    let mut examined: u64 = 0;
    for yf in years.iter().filter(|y| h.from.is_none_or(|f| y.year >= f)) {
        for (ei, e) in yf
            .enrolments
            .iter()
            .enumerate()
            .filter(|(_, e)| e.programme == programme)
        {
            for (ui, u) in e.units.iter().enumerate() {
                let tolerated = accepted.contains((yf.year, ei, ui));
                if !(u.credit || tolerated) {
                    continue;
                }
                examined += u64::from(u.sp);
                if let Some(Mark::Tenths(g)) = u.result.final_mark
                    && g >= 0
                {
                    weighted += u64::from(u.sp) * (g as u64 / 10);
                    weight += u64::from(u.sp);
                }
            }
        }
    }
    let average = Ratio::new(weighted, weight * 20);
    let mut lines = Vec::new();
    if let Some(a) = average {
        lines.push(Line::note(
            MERIT,
            MeritMsg::Average {
                weighted,
                out_of: weight * 20,
                average: a,
            }
            .into(),
        ));
    }
    let covered = examined * 100 >= u64::from(p.size) * u64::from(t.merit_coverage_percent);
    if !covered {
        let reason = MeritReason::Coverage {
            examined,
            size: p.size,
        };
        lines.push(Line::note(MERIT, MeritMsg::NoDegree(reason.clone()).into()));
        return Some(Merit {
            average,
            degree: None,
            reason: Some(reason),
            provisional: false,
            lines,
        });
    }
    let Some(a) = average else {
        let reason = MeritReason::NoGrades;
        lines.push(Line::note(MERIT, MeritMsg::NoDegree(reason.clone()).into()));
        return Some(Merit {
            average: None,
            degree: None,
            reason: Some(reason),
            provisional: false,
            lines,
        });
    };
    let m = &t.merit_percents;
    let degree = if a.at_least_percent(m.grootste) {
        Degree::GrootsteOnderscheiding
    } else if a.at_least_percent(m.grote) {
        Degree::GroteOnderscheiding
    } else if a.at_least_percent(m.onderscheiding) {
        Degree::Onderscheiding
    } else {
        Degree::Voldoening
    };
    lines.push(Line::note(
        MERIT,
        MeritMsg::Degree {
            degree,
            onderscheiding: m.onderscheiding,
            grote: m.grote,
            grootste: m.grootste,
        }
        .into(),
    ));
    Some(Merit {
        average: Some(a),
        degree: Some(degree),
        reason: None,
        provisional: false,
        lines,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Unit;
    use crate::rules::testkit::*;

    /// Chemie passed in one year with the given units (180 SP in all).
    fn merit_of(us: Vec<Unit>) -> Merit {
        let o = run(&case(vec![year(2017, vec![enrolment("CH", us)])]));
        assert!(o.programmes[0].passed);
        o.programmes[0].merit.clone().unwrap()
    }

    /// OER 18.4: the average is weighted by SP, over the whole grades that
    /// led to a credit or were tolerated; exemptions and pass/fail units are
    /// left out. 120 SP of 12 and 30 SP of 18 and a tolerated 6-SP 9:
    /// (1440 + 540 + 54) / (156 × 20) = 2034 / 3120 = 65.19 %: onderscheiding.
    #[test]
    fn art_18_4_weighted_average_of_credits_and_tolerances() {
        let mut us = units("A", 20, 6, Some(12));
        us.extend(units("B", 5, 6, Some(18)));
        let mut t = unit("T", 6, Some(9));
        t.tolerated = true;
        us.push(t);
        let mut x = unit("X", 18, None);
        x.exempt = true;
        us.push(x);
        let mut pf = unit("PF", 6, None);
        pf.pass_fail = true;
        pf.first = Some(Mark::Passed);
        us.push(pf);
        let m = merit_of(us);
        assert_eq!(m.average, Ratio::new(2034, 3120));
        assert_eq!(m.degree, Some(Degree::Onderscheiding));
    }

    /// OER 18.4: below 65 % voldoening, from 65, 75, 85 % the three
    /// degrees, compared exactly.
    #[test]
    fn art_18_4_the_four_degrees() {
        let table: &[(i32, Degree)] = &[
            (10, Degree::Voldoening),
            (12, Degree::Voldoening),
            (13, Degree::Onderscheiding),
            (14, Degree::Onderscheiding),
            (15, Degree::GroteOnderscheiding),
            (16, Degree::GroteOnderscheiding),
            (17, Degree::GrootsteOnderscheiding),
            (20, Degree::GrootsteOnderscheiding),
        ];
        for &(g, degree) in table {
            let m = merit_of(units("A", 30, 6, Some(g)));
            assert_eq!(m.degree, Some(degree), "all {g}");
            assert_eq!(m.average, Ratio::new(g as u64 * 180, 3600));
        }
    }

    /// OER 18.4: examined pass/fail units count towards the half of the
    /// programme that must be covered; exemptions do not. 84 graded + 6
    /// pass/fail = 90 of 180: a degree.
    #[test]
    fn art_18_4_pass_fail_units_count_for_coverage() {
        let mut us = units("A", 14, 6, Some(16));
        let mut pf = unit("PF", 6, None);
        pf.pass_fail = true;
        pf.first = Some(Mark::Passed);
        us.push(pf);
        let mut x = units("X", 15, 6, None);
        for u in &mut x {
            u.exempt = true;
        }
        us.extend(x);
        let m = merit_of(us);
        assert_eq!(m.degree, Some(Degree::GroteOnderscheiding));
    }

    /// OER 18.1 §1: passed when credits, exemptions and tolerances reach
    /// the programme's size; one SP short is not passed, and has no degree.
    #[test]
    fn art_18_1_passed_at_the_size_and_not_one_sp_short() {
        let mut us = units("A", 29, 6, Some(12));
        us.push(unit("Z", 6, Some(12)));
        let o = run(&case(vec![year(2017, vec![enrolment("CH", us)])]));
        assert!(o.programmes[0].passed);
        let mut short = units("A", 29, 6, Some(12));
        short.push(unit("Z", 5, Some(12)));
        let o = run(&case(vec![year(2017, vec![enrolment("CH", short)])]));
        let p = &o.programmes[0];
        assert_eq!(p.progress.credited, 179);
        assert!(!p.passed);
        assert!(p.merit.is_none());
    }

    /// A programme is passed when its SP are all done, and a programme of
    /// 0 SP (a size not filled in yet) is never passed, nor gets a degree.
    #[test]
    fn a_programme_without_a_size_is_not_passed() {
        let mut c = case(vec![year(
            2017,
            vec![enrolment("CH", units("U", 2, 6, Some(14)))],
        )]);
        c.programmes[0].size = 0;
        let o = run(&c);
        assert!(!o.programmes[0].passed);
        assert_eq!(o.programmes[0].merit, None);
        c.programmes[0].size = 12;
        assert!(run(&c).programmes[0].passed);
    }

    /// OER 18.4: the average line gives the weighted sum over 20 × the SP
    /// weighed: 174 SP of 12 and a 6-SP 18 give (2088 + 108) / (180 × 20).
    #[test]
    fn art_18_4_the_average_line_shows_its_sum_and_what_it_is_out_of() {
        let mut us = units("A", 29, 6, Some(12));
        us.push(unit("B", 6, Some(18)));
        let m = merit_of(us);
        let text = texts(&m.lines);
        assert!(text[0].ends_with(": 2196/3600 = 61,0 %."), "{text:#?}");
    }

    /// OER 18.1 §1: the progress line of a programme sums credits,
    /// exemptions and tolerances against its size.
    #[test]
    fn art_18_1_the_progress_line_sums_credits_exemptions_and_tolerances() {
        let p = Progress {
            credited: 150,
            exempted: 18,
            tolerated: 12,
        };
        let lines = progress_lines("Chemie", 180, &p);
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].article, Article::par("18.1", 1));
        assert_eq!(
            lines[0].msg,
            MeritMsg::Progress {
                programme: name("Chemie"),
                credited: 150,
                exempted: 18,
                tolerated: 12,
                size: 180,
            }
            .into()
        );
    }

    /// OER 18.4: no degree when SP come without grades — acquired or
    /// tolerated in progress stated at the opening or on a summary line;
    /// the warning counts both.
    #[test]
    fn art_18_4_sp_without_grades_make_the_degree_incomplete() {
        use crate::model::{EarlierProgress, Opening, Summary};
        // (acquired, tolerated) at the opening and on a 2016 summary line.
        let incomplete = |earlier: (u32, u32), elsewhere: (u32, u32)| -> Option<String> {
            let rest = 180 - earlier.0 - earlier.1 - elsewhere.0 - elsewhere.1;
            let mut y16 = year(2016, vec![]);
            if elsewhere != (0, 0) {
                y16.summaries.push(Summary {
                    tolerated: elsewhere.1,
                    ..summary("CH", elsewhere.0 + elsewhere.1, elsewhere.0)
                });
            }
            let y17 = year(
                2017,
                vec![enrolment(
                    "CH",
                    units("U", (rest / 6) as usize, 6, Some(14)),
                )],
            );
            let mut c = case(vec![y16, y17]);
            c.opening = Some(Opening {
                year: crate::model::AcademicYear(2016),
                balance: 140,
                bonus_granted: 60,
                rebuilds: vec![],
                progress: vec![EarlierProgress {
                    programme: "CH".into(),
                    taken: earlier.0 + earlier.1,
                    acquired: earlier.0,
                    exempted: 0,
                    tolerated: earlier.1,
                }],
            });
            let o = run(&c);
            assert!(o.programmes[0].passed, "{earlier:?} {elsewhere:?}");
            o.warnings
                .iter()
                .find(|w| w.code == Code::MeritIncomplete)
                .map(|w| w.msg.to_string())
        };
        let sp = |n: u32| {
            Some(format!(
                "Chemie is behaald, maar {n} studiepunten komen uit samenvattingen of eerdere \
             voortgang zonder cijfers: de graad van verdienste kan niet berekend worden; vul \
             die jaren in detail in"
            ))
        };
        assert_eq!(incomplete((0, 0), (0, 0)), None);
        assert_eq!(incomplete((0, 6), (0, 0)), sp(6));
        assert_eq!(incomplete((30, 6), (0, 0)), sp(36));
        assert_eq!(incomplete((0, 0), (30, 6)), sp(36));
        assert_eq!(incomplete((12, 6), (24, 6)), sp(48));
    }
}
