//! The yearly leerkrediet ledger (OER 8.1 §1–§3, §6–§7, §11; FAQ).

use crate::model::{AcademicYear, Case, Contract, Event};
use crate::params::Params;

use super::facts::{EnrolmentFacts, Findings, Scope, YearFacts};
use super::limits::enrolment_limits;
use super::outcome::{Ledger, LedgerRow, Switch};
use super::rebuild::Rebuilds;
use super::switch::{is_generation_student, switches};
use super::trace::{Line, listing, sp};

/// The first year of the ledger: the opening year, or the first year with an
/// enrolment from 2008-2009 on (8.1 §1: "Sinds het academiejaar 2008-2009
/// krijgt elke student bij inschrijving een eenmalig individueel
/// leerkrediet van 140 studiepunten.").
pub fn first_year(case: &Case, params: &Params, years: &[YearFacts]) -> Option<AcademicYear> {
    if let Some(o) = &case.opening {
        return Some(o.year);
    }
    years
        .iter()
        .filter(|y| y.year >= params.thresholds.first_ledger_year)
        .find(|y| !y.enrolments.is_empty() || !y.summaries.is_empty())
        .map(|y| y.year)
}

fn codes(units: &[&super::facts::UnitFacts]) -> Vec<String> {
    units.iter().map(|u| u.code.clone()).collect()
}

/// How a withdrawn unit ends in the ledger.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Withdrawn {
    /// Removed under 11.6 in time: refunded.
    Removal,
    /// Withdrawn on or before the grensdatum: refunded.
    InTime,
    /// Withdrawn in time under creditcontract: not refunded (8.1 §7).
    CreditContract,
    /// Withdrawn after the grensdatum: lost.
    Late,
}

impl Withdrawn {
    fn of(u: &super::facts::UnitFacts) -> Option<Withdrawn> {
        let w = u.withdrawal?;
        Some(match (u.refunded, w.removal, w.in_time) {
            (true, true, _) => Withdrawn::Removal,
            (true, false, _) => Withdrawn::InTime,
            (false, _, true) => Withdrawn::CreditContract,
            (false, _, false) => Withdrawn::Late,
        })
    }
}

/// SP taken and returned by withdrawals for one enrolment.
///
/// OER 8.1 §2: "Bij elke inschrijving in een academiejaar wordt het aantal
/// studiepunten waarvoor een student zich heeft ingeschreven (opgenomen
/// studiepunten) in dat academiejaar afgetrokken van het saldo …"
/// OER 8.1 §6: "… de uiterste datum van uitschrijving … enkel mogelijk tot
/// aan de grensdata vermeld in §4. Bij uitschrijving na deze grensdata kan
/// het leerkrediet niet meer worden teruggegeven."
/// OER 8.1 §7: "Uitschrijvingen voor opleidingsonderdelen door studenten
/// onder creditcontract geven geen wijzigingen in het aantal opgenomen
/// studiepunten."
/// OER 11.6: "… die het schrappen van een opleidingsonderdeel inhoudt, dan
/// wordt de student voor dit opleidingsonderdeel uitgeschreven met
/// teruggave leerkrediet."
fn taken_and_refunds(case: &Case, e: &EnrolmentFacts, lines: &mut Vec<Line>) -> (i64, i64) {
    let p = &case.programmes[e.programme];
    let exempt: Vec<&_> = e.units.iter().filter(|u| u.exempt).collect();
    if !e.uses_lk {
        let why = match e.contract {
            Contract::Exam => "onder examencontract wordt geen leerkrediet ingezet".to_string(),
            _ => format!("voor een {} wordt geen leerkrediet ingezet", p.kind.dutch()),
        };
        lines.push(Line::amount(
            "Art. 8.1 §1",
            0,
            format!("{}: {why}.", p.name),
        ));
        return (0, 0);
    }
    let taken = e.ledger_taken() as i64;
    lines.push(Line::amount(
        "Art. 8.1 §2",
        -taken,
        format!(
            "Ingeschreven in {} ({}) voor {}: {taken} punten leerkrediet ingezet.",
            p.name,
            e.contract.dutch(),
            sp(taken)
        ),
    ));
    if !exempt.is_empty() {
        let n: i64 = exempt.iter().map(|u| i64::from(u.sp)).sum();
        lines.push(Line::amount(
            "Art. 8.1 §1",
            0,
            format!(
                "Vrijgesteld ({}): {} zonder leerkrediet.",
                listing(&codes(&exempt)),
                sp(n)
            ),
        ));
    }
    let mut refunded = 0;
    let withdrawn: Vec<&_> = e
        .units
        .iter()
        .filter(|u| u.ledger_taken && u.withdrawal.is_some())
        .collect();
    // Group by outcome so each line reads as one sentence.
    for group in [
        Withdrawn::Removal,
        Withdrawn::InTime,
        Withdrawn::CreditContract,
        Withdrawn::Late,
    ] {
        let us: Vec<&_> = withdrawn
            .iter()
            .copied()
            .filter(|u| Withdrawn::of(u) == Some(group))
            .collect();
        if us.is_empty() {
            continue;
        }
        let n: i64 = us.iter().map(|u| i64::from(u.sp)).sum();
        let date = us[0].withdrawal.expect("withdrawn").date;
        let on_the_day = us
            .iter()
            .any(|u| u.withdrawal.map(|w| w.date) == u.grensdatum);
        let names = listing(&codes(&us));
        lines.push(match group {
            Withdrawn::Removal => Line::amount(
                "Art. 11.6",
                n,
                format!("Geschrapt na een goedgekeurde wijziging van het contract, gevraagd uiterlijk op de grensdatum ({names}): {} terug.", sp(n)),
            )
            .interpreted_if(on_the_day),
            Withdrawn::InTime => Line::amount(
                if e.withdrawn.is_some() { "Art. 8.1 §6" } else { "Art. 8.1 §5" },
                n,
                format!("Uitgeschreven op {} uiterlijk op de grensdatum van {names}: {} terug.", date.dutch(), sp(n)),
            )
            .interpreted_if(on_the_day),
            Withdrawn::CreditContract => Line::amount(
                "Art. 8.1 §7",
                0,
                format!("Uitgeschreven uit {names} onder creditcontract: dat verandert niets aan de opgenomen studiepunten, ook vóór de grensdatum ({} blijven ingezet).", sp(n)),
            )
            .interpreted(),
            Withdrawn::Late => Line::amount(
                "Art. 8.1 §6",
                0,
                format!("Uitgeschreven op {} na de grensdatum van {names}: die {} leerkrediet zijn verloren.", date.dutch(), sp(n)),
            ),
        });
        if matches!(group, Withdrawn::Removal | Withdrawn::InTime) {
            refunded += n;
        }
    }
    (taken, refunded)
}

/// The ledger from its first year to `as_of`, with the switches found.
pub fn ledger(
    case: &Case,
    params: &Params,
    years: &[YearFacts],
    as_of: Option<AcademicYear>,
    remaining: &dyn Fn(usize, AcademicYear) -> i64,
    found: &mut Findings,
) -> (Ledger, Vec<Switch>) {
    let t = &params.thresholds;
    let mut bonus_granted = case
        .opening
        .as_ref()
        .map_or(0, |o| i64::from(o.bonus_granted));
    let mut balance = case
        .opening
        .as_ref()
        .map_or(i64::from(t.initial_balance), |o| i64::from(o.balance));
    let mut rows = Vec::new();
    let mut all_switches = Vec::new();
    let (Some(first), Some(last)) = (first_year(case, params, years), as_of) else {
        return (
            Ledger {
                rows,
                balance,
                bonus_granted,
            },
            all_switches,
        );
    };
    let mut rebuilds = Rebuilds::from_case(case, first);
    let mut year = first;
    while year <= last {
        let yf = years.iter().find(|y| y.year == year);
        let enrolled = yf.is_some_and(|y| !y.enrolments.is_empty() || !y.summaries.is_empty());
        let start = balance;
        let mut lines = Vec::new();
        if rows.is_empty() && case.opening.is_none() {
            lines.push(Line::amount(
                "Art. 8.1 §1",
                0,
                format!(
                    "Eerste inschrijving in het hoger onderwijs: een leerkrediet van {}.",
                    t.initial_balance
                ),
            ));
        }

        // 1. rebuild
        let rebuild = rebuilds.at_start(case, t, year, enrolled, balance, &mut lines);
        balance += rebuild;

        // 2. taken and refunded
        let (mut taken, mut refunded, mut acquired, mut diploma_acquired) =
            (0i64, 0i64, 0i64, 0i64);
        let mut generation = false;
        if let Some(yf) = yf {
            generation = is_generation_student(case, years, year);
            for e in &yf.enrolments {
                let (tk, rf) = taken_and_refunds(case, e, &mut lines);
                taken += tk;
                refunded += rf;
            }
            for s in &yf.summaries {
                let p = &case.programmes[s.programme];
                if s.uses_lk {
                    taken += s.taken as i64;
                    lines.push(Line::amount(
                        "Art. 8.1 §2",
                        -(s.taken as i64),
                        format!(
                            "{} ({}), samenvatting: {} opgenomen na teruggaven.",
                            p.name,
                            s.contract.dutch(),
                            sp(s.taken as i64)
                        ),
                    ));
                } else {
                    lines.push(Line::amount(
                        "Art. 8.1 §1",
                        0,
                        format!(
                            "{} ({}): geen leerkrediet ingezet.",
                            p.name,
                            s.contract.dutch()
                        ),
                    ));
                }
            }
            for (sw, line) in switches(case, params, years, yf, found) {
                refunded += sw.refund;
                lines.push(line);
                all_switches.push(sw);
            }
            enrolment_limits(
                &Scope {
                    case,
                    params,
                    years,
                },
                yf,
                (balance, taken),
                remaining,
                found,
                &mut lines,
            );

            // 3. acquired
            for e in yf.enrolments.iter().filter(|e| e.uses_lk) {
                let credited: Vec<&_> = e
                    .units
                    .iter()
                    .filter(|u| u.credit && u.ledger_taken)
                    .collect();
                let n: i64 = credited.iter().map(|u| i64::from(u.sp)).sum();
                let failed: i64 = e
                    .units
                    .iter()
                    .filter(|u| u.failed && u.ledger_taken)
                    .map(|u| i64::from(u.sp))
                    .sum();
                acquired += n;
                if e.contract == Contract::Diploma {
                    diploma_acquired += n;
                }
                if n > 0 || failed > 0 {
                    let p = &case.programmes[e.programme];
                    let lost = if failed > 0 {
                        format!(
                            " Voor {} zonder credit (niet geslaagd of getolereerd) is het leerkrediet verloren.",
                            sp(failed)
                        )
                    } else {
                        String::new()
                    };
                    lines.push(Line::amount(
                        "Art. 8.1 §2",
                        n,
                        format!(
                            "{}: credits voor {}, die punten komen terug.{lost}",
                            p.name,
                            sp(n)
                        ),
                    ));
                }
            }
            for s in yf.summaries.iter().filter(|s| s.uses_lk && s.acquired > 0) {
                acquired += s.acquired as i64;
                if s.contract == Contract::Diploma {
                    diploma_acquired += s.acquired as i64;
                }
                lines.push(Line::amount(
                    "Art. 8.1 §2",
                    s.acquired as i64,
                    format!(
                        "{}, samenvatting: {} verworven, die punten komen terug.",
                        case.programmes[s.programme].name,
                        sp(s.acquired as i64)
                    ),
                ));
            }
        } else {
            lines.push(Line::amount(
                "Art. 8.1 §2",
                0,
                format!("Geen inschrijving in {year}."),
            ));
        }
        balance += -taken + refunded + acquired;

        // 4. bonus (8.1 §3)
        let bonus = bonus(
            t.bonus_sp,
            &rebuilds,
            diploma_acquired,
            &mut bonus_granted,
            acquired,
            &mut lines,
        );
        balance += bonus;

        // 5. master diploma (8.1 §11)
        let mut master = 0;
        if case
            .events
            .iter()
            .any(|e| matches!(e, Event::MasterDiploma(y) if *y == year))
        {
            master = -i64::from(t.master_deduction);
            balance += master;
            lines.push(Line::amount(
                "Art. 8.1 §11",
                master,
                format!(
                    "Masterdiploma behaald in {year}: het leerkrediet vermindert met {}.",
                    t.master_deduction
                ),
            ));
            rebuilds.after_master(t, year, balance, &mut lines);
        }
        if !enrolled {
            rebuilds.after_gap_year(case, t, year, balance, &mut lines);
        }

        rows.push(LedgerRow {
            year,
            enrolled,
            generation_student: generation,
            start,
            rebuild,
            taken,
            refunded,
            acquired,
            bonus,
            master,
            end: balance,
            lines,
        });
        year = year.next();
    }
    (
        Ledger {
            rows,
            balance,
            bonus_granted,
        },
        all_switches,
    )
}

/// The one-time bonus.
///
/// OER 8.1 §3: "De eerste 60 verworven studiepunten door een student onder
/// diplomacontract worden eenmalig dubbel aangerekend." FAQ: they may be
/// spread over years, programmes and institutions; after a rebuild there
/// is no bonus any more (Interpretation, RULES.md §2.6; 8.1 §13).
fn bonus(
    cap: u32,
    rebuilds: &Rebuilds,
    diploma_acquired: i64,
    granted: &mut i64,
    acquired: i64,
    lines: &mut Vec<Line>,
) -> i64 {
    let cap = i64::from(cap);
    if diploma_acquired <= 0 {
        if acquired > 0 {
            lines.push(Line::amount(
                "Art. 8.1 §3",
                0,
                "Geen bonus: credits onder creditcontract tellen niet dubbel.",
            ));
        }
        return 0;
    }
    if rebuilds.any_applied {
        lines.push(
            Line::amount(
                "Art. 8.1 §3",
                0,
                "Geen bonus: na een heropbouw of aanvulling van het leerkrediet worden verworven studiepunten niet meer dubbel geteld.",
            )
            .interpreted(),
        );
        return 0;
    }
    let b = diploma_acquired.min((cap - *granted).max(0));
    if b == 0 {
        lines.push(Line::amount(
            "Art. 8.1 §3",
            0,
            format!(
                "Geen bonus meer: de eerste {cap} verworven studiepunten werden al dubbel geteld."
            ),
        ));
        return 0;
    }
    *granted += b;
    lines.push(Line::amount(
        "Art. 8.1 §3",
        b,
        format!(
            "Bonus: de eerste {cap} studiepunten die een student onder diplomacontract verwerft, tellen één keer dubbel; nu +{} (in totaal {} van {cap} gebruikt).",
            sp(b),
            *granted
        ),
    ));
    b
}
