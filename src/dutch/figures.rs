//! The sentences of study efficiency, tolerance, merit and grades (OER
//! 1.1.55, 11.3 §3, 13.1, 15.5, 17.1, 17.3, 18.1–18.4, 22.2).

use std::fmt::{self, Formatter};

use crate::rules::{
    Check, EfficiencyMsg, GradeMsg, MeritMsg, MeritReason, NoToleranceCredit, Sitting,
    ToleranceMsg, TrajectoryWhy, hundredths_dutch, percent_or_dash,
};

use super::{day_month, sp};

pub fn efficiency(m: &EfficiencyMsg, f: &mut Formatter<'_>) -> fmt::Result {
    match m {
        EfficiencyMsg::Year {
            year,
            programme,
            acquired,
            taken,
            efficiency,
        } => write!(
            f,
            "{year}, {programme}: {} verworven van {} opgenomen (na uitschrijvingen tijdig vóór de grensdatum, zonder vrijstellingen): studie-efficiëntie {}.",
            sp(*acquired as i64),
            sp(*taken as i64),
            percent_or_dash(*efficiency)
        ),
        EfficiencyMsg::Cumulative {
            year,
            acquired,
            taken,
            efficiency,
        } => write!(
            f,
            "Cumulatief tot en met {year}: {acquired} van {}: {}.",
            sp(*taken as i64),
            percent_or_dash(*efficiency)
        ),
        EfficiencyMsg::Exemptions { sp: n } => {
            write!(f, "Vrijstellingen ({}) tellen niet mee.", sp(*n as i64))
        }
        EfficiencyMsg::Trajectory {
            next,
            provisional,
            ok,
            max_sp,
            why,
        } => {
            let why = match why {
                TrajectoryWhy::Imposed { year } => {
                    format!("in {year} werden bindende voorwaarden opgelegd")
                }
                TrajectoryWhy::LowEfficiency {
                    year,
                    efficiency,
                    percent,
                } => format!(
                    "de studie-efficiëntie van {year} ({}) haalt {percent} % niet",
                    percent_or_dash(*efficiency)
                ),
                TrajectoryWhy::Holds {
                    programme,
                    efficiency,
                    percent,
                } => format!(
                    "ingeschreven in {programme}, geen bindende voorwaarden, studie-efficiëntie {} (minstens {percent} %)",
                    percent_or_dash(*efficiency)
                ),
            };
            if *provisional {
                f.write_str("Voorlopig: ")?;
            }
            if *ok {
                write!(
                    f,
                    "Automatische inschrijving in een individueel traject in {next}: ja, bij een traject van hoogstens {max_sp} SP ({why})."
                )
            } else {
                write!(
                    f,
                    "Automatische inschrijving in een individueel traject in {next}: nee, want {why}; de student vraagt het traject aan bij de toelatingscommissie."
                )
            }
        }
        EfficiencyMsg::AllProgrammes {
            year,
            acquired,
            taken,
            efficiency,
        } => write!(
            f,
            "{year}: over alle opleidingen {acquired} verworven van {} opgenomen: {}.",
            sp(*taken as i64),
            percent_or_dash(*efficiency)
        ),
        EfficiencyMsg::Provisional { pending } => write!(
            f,
            "Voorlopig: {} {} nog geen eindresultaat; wat er nog bijkomt, telt later mee.",
            sp(*pending as i64),
            if *pending == 1 { "heeft" } else { "hebben" }
        ),
        EfficiencyMsg::BindingConditionsAvoidable {
            year,
            acquired,
            taken,
            pending,
            percent,
        } => write!(
            f,
            "Voorlopig: in {year} tot nu toe {acquired} van {taken} opgenomen studiepunten verworven, minder dan {percent} %. Met de {} die nog een resultaat krijgen, kan de student bindende voorwaarden nog vermijden (zie: wat moet je nog halen?).",
            sp(*pending as i64)
        ),
        EfficiencyMsg::BindingConditions {
            year,
            acquired,
            taken,
            efficiency,
            percent,
            apply_by,
        } => write!(
            f,
            "In {year} verwierf de student {acquired} van {taken} opgenomen studiepunten ({}), minder dan {percent} %: bij een volgende inschrijving kan de toelatingscommissie bindende voorwaarden opleggen. De student vraagt de inschrijving aan uiterlijk op {}.",
            percent_or_dash(*efficiency),
            day_month(*apply_by)
        ),
    }
}

/// What one condition says, without its ✓ or ✗.
pub fn check_text(c: &Check, ok: bool) -> String {
    struct Shown<'a>(&'a Check, bool);
    impl fmt::Display for Shown<'_> {
        fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
            check(self.0, self.1, f)
        }
    }
    Shown(c, ok).to_string()
}

fn check(c: &Check, ok: bool, f: &mut Formatter<'_>) -> fmt::Result {
    match c {
        Check::A {
            year,
            cumulative,
            percent,
        } => write!(
            f,
            "cumulatieve studie-efficiëntie tot en met {year} is {} (minstens {percent} % nodig)",
            percent_or_dash(*cumulative)
        ),
        Check::B { mark, grades } => write!(
            f,
            "eindresultaat {mark}: alleen {} kan getolereerd worden",
            grades
                .iter()
                .map(|g| format!("{g}/20"))
                .collect::<Vec<_>>()
                .join(" of ")
        ),
        Check::C if ok => f.write_str("geen opleidingsonderdeel met geslaagd/niet geslaagd"),
        Check::C => {
            f.write_str("\"niet geslaagd\" bij een pass-fail-beoordeling is niet tolereerbaar")
        }
        Check::D {
            far: true,
            distance,
            far_sp,
            total,
            cap,
        } => write!(
            f,
            "nog {distance} SP van het diploma (minstens {far_sp}): samen {} getolereerd, hoogstens {cap} toegelaten",
            sp(*total as i64)
        ),
        Check::D {
            distance,
            far_sp,
            cap,
            ..
        } => write!(
            f,
            "nog {distance} SP van het diploma, minder dan {far_sp}: geen grens van {cap} SP"
        ),
        Check::E { .. } if ok => f.write_str("geen Bachelorproef of Stage"),
        Check::E { kind } => write!(
            f,
            "voor de {} kan geen tolerantie worden ingezet",
            kind.dutch()
        ),
        Check::F {
            department,
            listed: None,
        } => write!(
            f,
            "niet op de lijst van departement {department} zonder tolerantie"
        ),
        Check::F {
            department,
            listed: Some((name, note)),
        } => {
            write!(
                f,
                "\"{name}\" staat op de lijst van departement {department} zonder tolerantie"
            )?;
            if let Some(n) = note {
                write!(f, " ({n})")?;
            }
            Ok(())
        }
        Check::G { groups } if groups.is_empty() => {
            f.write_str("geen groep met een beperkt aantal toleranties")
        }
        Check::G { groups } => f.write_str(
            &groups
                .iter()
                .map(|(g, n, max)| format!("groep {g}: {n} andere getolereerd, hoogstens {max}"))
                .collect::<Vec<_>>()
                .join("; "),
        ),
        Check::Krediet {
            total,
            credit_hundredths,
        } => write!(
            f,
            "samen {} getolereerd tegenover een tolerantiekrediet van {} SP",
            sp(*total as i64),
            hundredths_dutch(*credit_hundredths)
        ),
        Check::Verlopen { again } => write!(
            f,
            "in {again} opnieuw opgenomen: de keuze om te tolereren kan niet meer"
        ),
    }
}

pub fn tolerance(m: &ToleranceMsg, f: &mut Formatter<'_>) -> fmt::Result {
    match m {
        ToleranceMsg::Base {
            percent,
            taken,
            capped,
            size,
            cap,
            year,
            legacy_from,
            available_hundredths,
        } => {
            let from = legacy_from
                .map(|y| format!(" vanaf {y} (Art. 18.2 §2)"))
                .unwrap_or_default();
            if *capped {
                write!(
                    f,
                    "Tolerantiekrediet: {percent} % van de opgenomen studiepunten{from} ({taken}), begrensd tot wat nog nodig is voor het diploma ({size} min vrijstellingen = {cap}): {} SP.",
                    hundredths_dutch(*available_hundredths)
                )
            } else {
                write!(
                    f,
                    "Tolerantiekrediet: {percent} % van de {} die de student tot en met {year} effectief opnam{from} (zonder vrijstellingen): {} SP.",
                    sp(*taken as i64),
                    hundredths_dutch(*available_hundredths)
                )
            }
        }
        ToleranceMsg::NoBase => {
            f.write_str("Nog geen opgenomen studiepunten: geen tolerantiekrediet.")
        }
        ToleranceMsg::Used {
            used,
            remaining_hundredths,
        } => write!(
            f,
            "Ingezet: {}; nog beschikbaar: {} SP.",
            sp(*used as i64),
            hundredths_dutch(*remaining_hundredths)
        ),
        ToleranceMsg::Check { ok, check: c } => {
            f.write_str(if *ok { "✓ " } else { "✗ " })?;
            check(c, *ok, f)
        }
        ToleranceMsg::Chosen => f.write_str(
            "De student koos ervoor dit tekort te tolereren; die keuze is onherroepelijk en het leerkrediet ervan blijft verloren.",
        ),
        ToleranceMsg::NotAFail { pass_grade } => write!(
            f,
            "tolerantie op een opleidingsonderdeel zonder tekort (geen eindresultaat onder {pass_grade}, of vrijgesteld of uitgeschreven); alleen een tekort kan getolereerd worden (Art. 18.3)"
        ),
        ToleranceMsg::NotYet => f.write_str(
            "tolerantie geregistreerd op een opleidingsonderdeel dat nog geen eindresultaat heeft: het jaar loopt nog, en tolereren kan pas na de tweede examenkans (Art. 18.3 §2); de tolerantie telt (nog) niet mee",
        ),
        ToleranceMsg::NotTolerable { fails } => write!(
            f,
            "tolerantie geregistreerd, maar dit tekort kan niet getolereerd worden (niet voldaan: {}); de tolerantie telt niet mee",
            fails.iter().map(|c| c.key()).collect::<Vec<_>>().join(", ")
        ),
        ToleranceMsg::NoCredit(why) => {
            f.write_str("tolerantie geregistreerd, maar ")?;
            match why {
                NoToleranceCredit::Kind(k) => write!(
                    f,
                    "een {} heeft geen tolerantiekrediet; alleen een bacheloropleiding (Art. 18.2 §1)",
                    k.dutch()
                )?,
                NoToleranceCredit::Elsewhere {
                    programme,
                    home,
                    institution,
                } => write!(
                    f,
                    "{programme} valt niet onder de regels van {home} (instelling {institution}); de tolerantie hoort bij die instelling"
                )?,
            }
            f.write_str("; de tolerantie telt niet mee")
        }
    }
}

/// Why a passed programme has no degree of merit, as a clause.
pub fn merit_reason(r: &MeritReason) -> String {
    match r {
        MeritReason::Coverage { examined, size } => format!(
            "de opleidingsonderdelen met een examen vertegenwoordigen {} van de {size} SP, minder dan de helft",
            sp(*examined as i64)
        ),
        MeritReason::NoGrades => "geen enkel opleidingsonderdeel met een cijfer op 20".into(),
    }
}

pub fn merit(m: &MeritMsg, f: &mut Formatter<'_>) -> fmt::Result {
    match m {
        MeritMsg::Progress {
            programme,
            credited,
            exempted,
            tolerated,
            size,
        } => {
            let done = credited + exempted + tolerated;
            write!(
                f,
                "{programme}: {} door credits, {} vrijgesteld, {} getolereerd: {done} van {size}; {}.",
                sp(*credited as i64),
                sp(*exempted as i64),
                sp(*tolerated as i64),
                if done >= u64::from(*size) {
                    "de opleiding is behaald"
                } else {
                    "de opleiding is nog niet behaald"
                }
            )
        }
        MeritMsg::Incomplete { programme, sp: n } => write!(
            f,
            "{programme} is behaald, maar {} komen uit samenvattingen of eerdere voortgang zonder cijfers: de graad van verdienste kan niet berekend worden; vul die jaren in detail in",
            sp(*n as i64)
        ),
        MeritMsg::Average {
            weighted,
            out_of,
            average,
        } => write!(
            f,
            "Gewogen gemiddelde van de cijfers die tot een credit of tolerantie leidden (vrijstellingen en niet-numerieke resultaten niet meegerekend): {weighted}/{out_of} = {}.",
            average.percent_1_dutch()
        ),
        MeritMsg::NoDegree(r) => write!(f, "Geen graad van verdienste: {}.", merit_reason(r)),
        MeritMsg::Degree {
            degree,
            onderscheiding,
            grote,
            grootste,
        } => write!(
            f,
            "{} (grenzen {onderscheiding} %, {grote} % en {grootste} %, exact vergeleken).",
            degree.dutch()
        ),
    }
}

/// A decimal given as `num / den` tenths, the Dutch way, truncated to two
/// decimals where needed: `945/100` → `9,45`.
fn tenths_dutch(num: i64, den: i64) -> String {
    let hundredths = (num * 10).div_euclid(den);
    if hundredths % 10 == 0 {
        format!("{},{}", hundredths / 100, (hundredths % 100) / 10)
    } else {
        format!("{},{:02}", hundredths / 100, hundredths % 100)
    }
}

fn sitting(s: Sitting) -> &'static str {
    match s {
        Sitting::First => "Eerste examenkans",
        Sitting::AfterSecond => "Na de tweede examenkans",
    }
}

pub fn grade(m: &GradeMsg, f: &mut Formatter<'_>) -> fmt::Result {
    match m {
        GradeMsg::PartFail { sitting: s } => write!(
            f,
            "{}: een deel heeft code F, dus het hele opleidingsonderdeel krijgt F en kan niet geslaagd zijn.",
            sitting(*s)
        ),
        GradeMsg::AllAbsent { sitting: s } => write!(
            f,
            "{}: afwezig op alle delen, dus het resultaat is afwezig.",
            sitting(*s)
        ),
        GradeMsg::Composite {
            sitting: s,
            num,
            den,
            grade,
            absent,
        } => write!(
            f,
            "{}: gewogen gemiddelde van de delen {}{} afgerond tot {grade}/20 (eerste decimaal 4 of kleiner naar onder, 5 of groter naar boven).",
            sitting(*s),
            tenths_dutch(*num, *den),
            if *absent { " (afwezig telt als 0)" } else { "" }
        ),
        GradeMsg::CompositeCredit { mark } => {
            write!(f, "{mark}/20 in de eerste examenkans: een creditbewijs.")
        }
        GradeMsg::SecondByPart => f.write_str(
            "Tweede examenkans: per deel telt het hoogste cijfer van de twee kansen; delen met 10 of meer in de eerste kans worden overgedragen.",
        ),
        GradeMsg::Credit { mark } => write!(f, "{mark} in de eerste examenkans: een creditbewijs."),
        GradeMsg::SecondAbsent { first } => write!(
            f,
            "Afwezig in de tweede examenkans: het resultaat van de eerste kans ({first}) blijft staan."
        ),
        GradeMsg::Pending { first: None } => f.write_str(
            "Nog geen resultaat: het academiejaar loopt nog. Tot er een resultaat is, telt dit opleidingsonderdeel niet als credit, maar ook niet als tekort (voorlopig).",
        ),
        GradeMsg::Pending { first: Some(m) } => write!(
            f,
            "Eerste kans {m}, de tweede kans komt nog: er is nog geen eindresultaat. Tot dan telt dit opleidingsonderdeel niet als credit, maar ook niet als tekort (voorlopig)."
        ),
        GradeMsg::BestOfTwo {
            first,
            second,
            best,
        } => write!(
            f,
            "Eerste kans {first}, tweede kans {second}: het hoogste telt, dus {best}."
        ),
    }
}
