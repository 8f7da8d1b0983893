//! The sentences about what was entered (errors in the case), the
//! reconciliation with the official balance and the deadline countdown.

use std::fmt::{self, Formatter};

use crate::rules::{
    CountdownMsg, DateOf, InputMsg, MarkAt, MomentKind, ReconcileMsg, ReferenceFrom, RulesMsg,
};

use super::{day_month, sp};

/// `eerste examenkans`, `deel Labo, tweede examenkans`.
fn mark_at(at: &MarkAt) -> String {
    let chance = if at.second {
        "tweede examenkans"
    } else {
        "eerste examenkans"
    };
    match &at.part {
        Some(p) => format!("deel {p}, {chance}"),
        None => chance.to_string(),
    }
}

pub fn input(m: &InputMsg, f: &mut Formatter<'_>) -> fmt::Result {
    match m {
        InputMsg::DateOutsideYear {
            what,
            date,
            year,
            start,
            end,
        } => {
            let what = match what {
                DateOf::Grensdatum => "grensdatum",
                DateOf::Withdrawal => "uitschrijvingsdatum",
                DateOf::Enrolment => "inschrijvingsdatum",
            };
            write!(
                f,
                "{what} {} valt buiten academiejaar {year} ({} tot en met {})",
                date.dutch(),
                start.dutch(),
                end.dutch()
            )
        }
        InputMsg::GradeOutOfRange { at, mark } => write!(
            f,
            "{}: cijfer {mark} ligt buiten 0–20; toegelaten is een cijfer van 0 tot en met 20",
            mark_at(at)
        ),
        InputMsg::GradeNotWhole { at, mark } => write!(
            f,
            "{}: cijfer {mark} is geen geheel getal; een opleidingsonderdeel krijgt een geheel cijfer op 20 (Art. 17.1), delen een cijfer tot op een tiende",
            mark_at(at)
        ),
        InputMsg::NumberOnPassFail { at, mark } => write!(
            f,
            "{}: cijfer {mark} bij een opleidingsonderdeel met \"geslaagd\"/\"niet geslaagd\" als resultaat",
            mark_at(at)
        ),
        InputMsg::PassFailOnGraded { at, mark } => write!(
            f,
            "{}: \"{mark}\" bij een opleidingsonderdeel met een cijfer op 20; zet pass_fail: true als de ECTS-fiche geen cijfer geeft",
            mark_at(at)
        ),
        InputMsg::CompositeUnitResult => f.write_str(
            "een samengesteld opleidingsonderdeel krijgt zijn cijfer uit de delen (Art. 17.1); het cijfer op het opleidingsonderdeel zelf wordt genegeerd",
        ),
        InputMsg::PartWeightZero { part } => write!(
            f,
            "deel {part}: gewicht 0; een gewicht is een geheel getal van minstens 1"
        ),
        InputMsg::UnitSp { sp: n, min } => write!(
            f,
            "{n} studiepunten: een opleidingsonderdeel telt een geheel aantal studiepunten, minstens {min} (Art. 3.3)"
        ),
        InputMsg::UnitSpTooLarge { sp: n, max } => write!(
            f,
            "{n} studiepunten: dat kan geen opleidingsonderdeel zijn; een opleidingsonderdeel telt hoogstens {max} studiepunten (een heel jaar)"
        ),
        InputMsg::UnitCodeMissing => f.write_str(
            "een opleidingsonderdeel zonder code; geef de code van de ECTS-fiche (bv. CH-ALG): die houdt het opleidingsonderdeel uit elkaar in scenario's en jaren",
        ),
        InputMsg::UnitNameMissing => f.write_str(
            "een opleidingsonderdeel zonder naam; geef de naam van de ECTS-fiche (de lijst zonder tolerantie, Art. 18.3 §1 f, gaat op de naam)",
        ),
        InputMsg::SecondWithoutFirst { part } => {
            if let Some(p) = part {
                write!(f, "deel {p}: ")?;
            }
            f.write_str("een resultaat in de tweede examenkans zonder resultaat in de eerste; vul de eerste kans in (een cijfer, \"afwezig\" of \"F\"); het resultaat van de tweede kans telt zoals ingevuld")
        }
        InputMsg::TooManyYears { years, max } => write!(
            f,
            "het dossier telt {years} academiejaren; zoveel jaren telt geen loopbaan (hoogstens {max}): kijk de jaartallen na"
        ),
        InputMsg::OpeningAfterYears { opening, last } => write!(
            f,
            "Het beginsaldo geldt vanaf {opening}, later dan elk jaar in het dossier (het laatste is {last}): die jaren tellen alleen als geschiedenis en geven geen regels in het leerkrediet. Zet het beginsaldo in het eerste jaar dat moet meetellen."
        ),
        InputMsg::ExemptWithResult => f.write_str(
            "een vrijgesteld opleidingsonderdeel heeft geen examen en geen cijfer (Art. 1.1.69); de resultaten worden genegeerd",
        ),
        InputMsg::SecondAfterCredit { first } => write!(
            f,
            "resultaat in de tweede examenkans na een credit ({}) in de eerste; een credit in de eerste kans vervalt de tweede (Art. 14.2, 17.3); de credit blijft",
            first.map(|m| m.to_string()).unwrap_or_default()
        ),
        InputMsg::WithdrawalBeforeEnrolment {
            withdrawn,
            enrolled,
        } => write!(
            f,
            "uitschrijving op {} vóór de inschrijving op {}",
            withdrawn.dutch(),
            enrolled.dutch()
        ),
        InputMsg::WithdrawalAfterExams => f.write_str(
            "uitschrijving uit een opleidingsonderdeel waarvoor al examen werd afgelegd; dat kan niet (Art. 12.1), het resultaat blijft",
        ),
        InputMsg::ExaminedAtWithdrawal { pass_grade } => write!(
            f,
            "Bij de uitschrijving had dit opleidingsonderdeel al een examenresultaat: het cijfer blijft staan, en vanaf {pass_grade}/20 is er een creditbewijs."
        ),
        InputMsg::MissingGrensdatum { code, period, year } => write!(
            f,
            "geen grensdatum voor {code} (onderwijsperiode {}) in {year}: er is geen kalender voor dat jaar; geef de grensdatum van de ECTS-fiche op bij het opleidingsonderdeel (in een formulier DD-MM-JJJJ, in het dossier grensdatum: \"JJJJ-MM-DD\")",
            period.dutch()
        ),
        InputMsg::RemovalTooLate {
            programme,
            code,
            date,
        } => write!(
            f,
            "{programme} / {code}: schrapping gevraagd op {} na de grensdatum; de toelatingscommissie behandelt zo'n aanvraag niet (Art. 11.6)",
            date.dutch()
        ),
        InputMsg::Exempt { sp: n } => write!(
            f,
            "Vrijgesteld: geen examen, geen cijfer, geen leerkrediet ({}).",
            sp(*n)
        ),
        InputMsg::DuplicateCode => f.write_str(
            "deze code staat twee keer in hetzelfde jaar; elke code is uniek binnen een jaar",
        ),
        InputMsg::DuplicateCodeElsewhere { other } => write!(
            f,
            "deze code staat ook bij {other} in hetzelfde jaar; elke code is uniek binnen een jaar"
        ),
        InputMsg::DuplicateYear => {
            f.write_str("dit academiejaar staat twee keer in het dossier; alleen het eerste telt")
        }
        InputMsg::UnknownProgramme { id, from } => match from {
            ReferenceFrom::Enrolment { known } if known.is_empty() => write!(
                f,
                "de inschrijving verwijst naar opleiding \"{id}\", maar er staan nog geen opleidingen bij programmes"
            ),
            ReferenceFrom::Enrolment { known } => write!(
                f,
                "de inschrijving verwijst naar opleiding \"{id}\", die niet bij programmes staat; toegelaten: {}",
                known.iter().map(|k| &**k).collect::<Vec<_>>().join(", ")
            ),
            ReferenceFrom::Summary => write!(
                f,
                "de samenvattingslijn verwijst naar opleiding \"{id}\", die niet bij programmes staat"
            ),
            ReferenceFrom::Progress => write!(
                f,
                "de eerdere voortgang verwijst naar opleiding \"{id}\", die niet bij programmes staat"
            ),
        },
        InputMsg::DuplicateEnrolment => f.write_str(
            "twee inschrijvingen in dezelfde opleiding in hetzelfde jaar; zet alle opleidingsonderdelen in één inschrijving",
        ),
        InputMsg::SummaryInconsistent {
            acquired,
            tolerated,
            taken,
        } => write!(
            f,
            "verworven ({acquired}) plus getolereerd ({tolerated}) is meer dan opgenomen ({taken}) studiepunten"
        ),
        InputMsg::DuplicateProgramme { id } => write!(
            f,
            "de opleidingscode \"{id}\" staat twee keer bij programmes; elke opleiding heeft een eigen id"
        ),
        InputMsg::ProgrammeSizeZero => {
            f.write_str("studieomvang 0: geef het aantal studiepunten van de opleiding (bv. 180)")
        }
        InputMsg::OpeningBonus { granted, max } => write!(
            f,
            "bonus_granted {granted}: de bonus telt hoogstens {max} studiepunten (Art. 8.1 §3)"
        ),
        InputMsg::EnrolledAgain { year, tolerated } => {
            let what = if *tolerated {
                format!("een tolerantie in {year} (Art. 18.3 §4)")
            } else {
                format!("een credit in {year}")
            };
            write!(
                f,
                "opnieuw ingeschreven voor een opleidingsonderdeel na {what}; dat kan niet (Art. 10.1)"
            )
        }
    }
}

pub fn reconcile(m: &ReconcileMsg, f: &mut Formatter<'_>) -> fmt::Result {
    match m {
        ReconcileMsg::Compared {
            year,
            official,
            computed,
        } => {
            let difference = official - computed;
            write!(
                f,
                "Officieel saldo na {year}: {official}; traject berekent {computed}: {}.",
                if difference == 0 {
                    "gelijk".to_string()
                } else {
                    format!("verschil {difference:+}")
                }
            )
        }
        ReconcileMsg::Possible { same_amount, msg } => {
            if *same_amount {
                write!(f, "Mogelijke verklaring (zelfde bedrag): {msg}")
            } else {
                write!(f, "Mogelijke verklaring: {msg}")
            }
        }
        ReconcileMsg::OfficialHigher { sp: n } => write!(
            f,
            "Het officiële saldo is {} hoger: kijk na of een uitschrijving of schrapping vroeger (op of vóór de grensdatum) werd verwerkt, of een overstap als generatiestudent, of een credit die traject niet kent.",
            sp(*n)
        ),
        ReconcileMsg::OfficialLower { sp: n } => write!(
            f,
            "Het officiële saldo is {} lager: kijk na of alle credits al verwerkt zijn (resultaten van de tweede kans komen later), of een uitschrijving na de grensdatum viel, of de bonus al eerder gebruikt werd.",
            sp(*n)
        ),
        ReconcileMsg::Differs {
            year,
            official,
            computed,
        } => write!(
            f,
            "Het officiële saldo na {year} ({official}) verschilt met {:+} van het berekende ({computed}).",
            official - computed
        ),
    }
}

pub fn rules(m: &RulesMsg, f: &mut Formatter<'_>) -> fmt::Result {
    match m {
        RulesMsg::StandIn {
            institution,
            year,
            regulation,
            span,
        } => write!(
            f,
            "Voor {year} kent traject geen reglement van {institution}; de waarden van {span} ({regulation}) zijn gebruikt. Een eigen regelmap kan het reglement van dat jaar toevoegen (traject regels)."
        ),
    }
}

/// What a moment of the countdown is: `grensdatum 12-03-2018`.
pub fn moment(kind: MomentKind) -> String {
    match kind {
        MomentKind::Today => "vandaag".into(),
        MomentKind::Grensdatum(d) => format!("grensdatum {}", d.dutch()),
        MomentKind::SwitchFull(first_day_after) => {
            format!("vóór {} (overstap)", day_month(first_day_after))
        }
        MomentKind::SwitchHalf(d) => format!("tot en met {} (overstap)", day_month(d)),
    }
}

pub fn countdown(m: &CountdownMsg, f: &mut Formatter<'_>) -> fmt::Result {
    match m {
        CountdownMsg::CreditContract { programme, lost } => write!(
            f,
            "{programme}: onder creditcontract geeft een uitschrijving niets terug; vandaag uitschrijven kost {}.",
            sp(*lost)
        ),
        CountdownMsg::Today {
            programme,
            today,
            lost,
            units,
        } => write!(
            f,
            "{programme}: vandaag ({}) uitschrijven kost {} leerkrediet ({units} van opleidingsonderdelen waarvan de grensdatum voorbij is).",
            today.dutch(),
            sp(*lost)
        ),
        CountdownMsg::Moment {
            date,
            kind,
            days,
            lost,
            switching,
        } => {
            write!(
                f,
                "Uiterlijk {} ({}, nog {days} dagen): uitschrijven kost {}",
                date.dutch(),
                moment(*kind),
                sp(*lost)
            )?;
            if let Some(s) = switching {
                write!(
                    f,
                    "; bij een overstap naar een andere opleiding op die dag: {}",
                    sp(*s)
                )?;
            }
            f.write_str(".")
        }
        CountdownMsg::SwitchToday { lost } => write!(
            f,
            "Generatiestudent: vandaag overstappen naar een andere opleiding kost {}.",
            sp(*lost)
        ),
    }
}
