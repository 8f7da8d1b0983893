//! The sentences of the ledger, the rebuilds, the enrolment limits and the
//! generatiestudent's switch (OER 8.1).

use std::fmt::{self, Formatter};

use crate::model::RebuildKind;
use crate::rules::{LedgerMsg, LimitMsg, NoLeerkrediet, RebuildMsg, SwitchMsg};

use super::{count_word, day_month, names, sp};

pub fn ledger(m: &LedgerMsg, f: &mut Formatter<'_>) -> fmt::Result {
    match m {
        LedgerMsg::FirstEnrolment { initial } => write!(
            f,
            "Eerste inschrijving in het hoger onderwijs: een leerkrediet van {initial}."
        ),
        LedgerMsg::NoLeerkrediet { programme, why } => match why {
            NoLeerkrediet::ExamContract => write!(
                f,
                "{programme}: onder examencontract wordt geen leerkrediet ingezet."
            ),
            NoLeerkrediet::Kind(k) => write!(
                f,
                "{programme}: voor een {} wordt geen leerkrediet ingezet.",
                k.dutch()
            ),
        },
        LedgerMsg::Taken {
            programme,
            contract,
            sp: n,
        } => write!(
            f,
            "Ingeschreven in {programme} ({}) voor {}: {n} punten leerkrediet ingezet.",
            contract.dutch(),
            sp(*n)
        ),
        LedgerMsg::Exempted { codes, sp: n } => write!(
            f,
            "Vrijgesteld ({}): {} zonder leerkrediet.",
            names(codes),
            sp(*n)
        ),
        LedgerMsg::Removed { codes, sp: n } => write!(
            f,
            "Geschrapt na een goedgekeurde wijziging van het contract, gevraagd uiterlijk op de grensdatum ({}): {} terug.",
            names(codes),
            sp(*n)
        ),
        LedgerMsg::WithdrawnInTime { date, codes, sp: n } => write!(
            f,
            "Uitgeschreven op {} uiterlijk op de grensdatum van {}: {} terug.",
            date.dutch(),
            names(codes),
            sp(*n)
        ),
        LedgerMsg::WithdrawnCreditContract { codes, sp: n } => write!(
            f,
            "Uitgeschreven uit {} onder creditcontract: dat verandert niets aan de opgenomen studiepunten, ook vóór de grensdatum ({} blijven ingezet).",
            names(codes),
            sp(*n)
        ),
        LedgerMsg::WithdrawnLate { date, codes, sp: n } => write!(
            f,
            "Uitgeschreven op {} na de grensdatum van {}: die {} leerkrediet zijn verloren.",
            date.dutch(),
            names(codes),
            sp(*n)
        ),
        LedgerMsg::SummaryTaken {
            programme,
            contract,
            sp: n,
        } => write!(
            f,
            "{programme} ({}), samenvatting: {} opgenomen na teruggaven.",
            contract.dutch(),
            sp(*n)
        ),
        LedgerMsg::SummaryWithout {
            programme,
            contract,
        } => write!(
            f,
            "{programme} ({}): geen leerkrediet ingezet.",
            contract.dutch()
        ),
        LedgerMsg::Acquired {
            programme,
            sp: n,
            lost,
        } => {
            write!(
                f,
                "{programme}: credits voor {}, die punten komen terug.",
                sp(*n)
            )?;
            if *lost > 0 {
                write!(
                    f,
                    " Voor {} zonder credit (niet geslaagd of getolereerd) is het leerkrediet verloren.",
                    sp(*lost)
                )?;
            }
            Ok(())
        }
        LedgerMsg::SummaryAcquired { programme, sp: n } => write!(
            f,
            "{programme}, samenvatting: {} verworven, die punten komen terug.",
            sp(*n)
        ),
        LedgerMsg::NotEnrolled { year } => write!(f, "Geen inschrijving in {year}."),
        LedgerMsg::NoBonusCreditContract => {
            f.write_str("Geen bonus: credits onder creditcontract tellen niet dubbel.")
        }
        LedgerMsg::NoBonusAfterRebuild => f.write_str(
            "Geen bonus: na een heropbouw of aanvulling van het leerkrediet worden verworven studiepunten niet meer dubbel geteld.",
        ),
        LedgerMsg::NoBonusLeft { cap } => write!(
            f,
            "Geen bonus meer: de eerste {cap} verworven studiepunten werden al dubbel geteld."
        ),
        LedgerMsg::Bonus { cap, sp: n, granted } => write!(
            f,
            "Bonus: de eerste {cap} studiepunten die een student onder diplomacontract verwerft, tellen één keer dubbel; nu +{} (in totaal {granted} van {cap} gebruikt).",
            sp(*n)
        ),
        LedgerMsg::Provisional {
            pending,
            bonus,
            end_if_all_pass,
        } => {
            write!(
                f,
                "Voorlopig: {} {} nog geen eindresultaat en tellen hier niet als credit. Halen ze allemaal een credit, dan komen die punten terug",
                sp(*pending),
                if *pending == 1 { "heeft" } else { "hebben" }
            )?;
            if *bonus > 0 {
                write!(f, ", met {} bonus", sp(*bonus))?;
            }
            write!(f, ", en eindigt het jaar op {end_if_all_pass}.")
        }
        LedgerMsg::MasterDiploma { year, deduction } => write!(
            f,
            "Masterdiploma behaald in {year}: het leerkrediet vermindert met {deduction}."
        ),
    }
}

pub fn rebuild(m: &RebuildMsg, f: &mut Formatter<'_>) -> fmt::Result {
    match m {
        RebuildMsg::Finished { now, target } => write!(
            f,
            "Het leerkrediet ({now}) is al minstens {target}: de heropbouw is afgelopen."
        ),
        RebuildMsg::Step {
            kind,
            step,
            target,
            done,
        } => {
            let why = match kind {
                RebuildKind::Master => "na het masterdiploma",
                _ => "na het verlaten van het hoger onderwijs",
            };
            write!(
                f,
                "Heropbouw {why}: +{} bij de start van het academiejaar (tot hoogstens {target}){}.",
                sp(*step),
                if *done {
                    "; daarmee is de heropbouw voltooid"
                } else {
                    ""
                }
            )
        }
        RebuildMsg::Hbo5NotNeeded {
            diploma,
            balance,
            target,
        } => write!(
            f,
            "HBO5-diploma in {diploma}: het leerkrediet ({balance}) is bij de herinschrijving niet lager dan {target}, dus er wordt niet aangevuld."
        ),
        RebuildMsg::Hbo5TopUp {
            diploma,
            target,
            add,
        } => write!(
            f,
            "HBO5-diploma in {diploma}: bij de herinschrijving wordt het leerkrediet in één keer aangevuld tot {target} (+{}).",
            sp(*add)
        ),
        RebuildMsg::EndedByTopUp { kind } => write!(
            f,
            "De lopende heropbouw {} stopt: de aanvulling na het HBO5-diploma brengt het leerkrediet in één keer op peil, en een heropbouw gebeurt maar één keer.",
            match kind {
                RebuildKind::Master => "na het masterdiploma",
                _ => "na het verlaten van het hoger onderwijs",
            }
        ),
        RebuildMsg::Replaced => f.write_str(
            "De heropbouw na het verlaten van het hoger onderwijs stopt: de heropbouw na het masterdiploma neemt zijn plaats in (er loopt maar één heropbouw tegelijk, +10 per jaar).",
        ),
        RebuildMsg::NoLeftAfterMaster { year, balance } => write!(
            f,
            "Geen inschrijving in {year} met een leerkrediet van {balance}, maar de student heeft al een masterdiploma: de heropbouw na het verlaten van het hoger onderwijs (Art. 8.1 §12) geldt alleen wie nog geen masterdiploma behaald heeft."
        ),
        RebuildMsg::MasterStarts {
            balance,
            target,
            from,
            step,
        } => write!(
            f,
            "Het leerkrediet na het masterdiploma ({balance}) is lager dan {target}: vanaf {from} komt er elk jaar {} bij, tot {target}.",
            sp(*step)
        ),
        RebuildMsg::LeftStarts {
            year,
            balance,
            target,
            from,
            step,
        } => write!(
            f,
            "Geen inschrijving in {year} met een leerkrediet van {balance} (lager dan {target}): de student heeft het hoger onderwijs verlaten; vanaf {from} komt er elk jaar {} bij, tot {target}.",
            sp(*step)
        ),
    }
}

pub fn limit(m: &LimitMsg, f: &mut Formatter<'_>) -> fmt::Result {
    match m {
        LimitMsg::Exception {
            available,
            taken,
            home,
            years,
            max_sp,
            programmes,
        } => {
            let missing: Vec<String> = programmes
                .iter()
                .map(|p| format!("{} (nog {} SP)", p.programme, p.sp))
                .collect();
            let previous = if *years == 1 {
                "in het vorige academiejaar".to_string()
            } else {
                format!("in de {} vorige academiejaren", count_word(*years))
            };
            write!(
                f,
                "Leerkrediet {available} voor een inschrijving van {taken} SP, maar de uitzondering geldt: zonder onderbreking ingeschreven aan {home} {previous} en hoogstens {max_sp} SP van het diploma ({}). De student mag één academiejaar inschrijven voor studiepunten zonder leerkrediet; het saldo kan negatief worden.",
                missing.join(", ")
            )
        }
        LimitMsg::Refused { available, home } => write!(
            f,
            "Leerkrediet {available} bij de inschrijving (0 of minder): {home} weigert de inschrijving voor een opleiding of opleidingsonderdelen met leerkrediet."
        ),
        LimitMsg::Exceeds { taken, available } => write!(
            f,
            "Inschrijving voor {taken} SP met een leerkrediet van {available}: de student kan voor hoogstens {available} SP inschrijven; de toelatingscommissie vermindert de opgenomen studiepunten tot het saldo. De tabel toont wat werd ingevuld."
        ),
    }
}

pub fn switch(m: &SwitchMsg, f: &mut Formatter<'_>) -> fmt::Result {
    match m {
        SwitchMsg::Full { before, base } => write!(
            f,
            "Generatiestudent die van opleiding verandert vóór {}: de {} die nog ingezet waren, komen volledig terug.",
            before.dutch(),
            sp(*base)
        ),
        SwitchMsg::Half {
            from,
            until,
            enrolled,
            base,
        } => write!(
            f,
            "Generatiestudent die van opleiding verandert tussen {} en {} (nieuwe inschrijving op {}): de helft van {}, naar boven afgerond, komt terug.",
            day_month(*from),
            until.dutch(),
            enrolled.dutch(),
            sp(*base)
        ),
        SwitchMsg::Nothing {
            after,
            enrolled,
            base,
        } => write!(
            f,
            "Generatiestudent die pas na {} van opleiding verandert (nieuwe inschrijving op {}): de {} komen niet terug.",
            day_month(*after),
            enrolled.dutch(),
            sp(*base)
        ),
        SwitchMsg::GenerationUnknown { from, to, year } => write!(
            f,
            "Overstap van {from} naar {to} in {year}: het dossier begint met een beginsaldo en zegt niet of de student dat jaar generatiestudent was; zonder dat gegeven geldt Art. 8.1 §9 niet (zet generation_student: true bij het jaar als het wel zo is)"
        ),
        SwitchMsg::NotGeneration { from, to, year } => write!(
            f,
            "Overstap van {from} naar {to}: de student is in {year} geen generatiestudent, dus er komt niets extra terug."
        ),
        SwitchMsg::NotDiploma { from, to } => write!(
            f,
            "Overstap van {from} naar {to}: de verlaten inschrijving liep niet onder een diplomacontract met leerkrediet, dus Art. 8.1 §9 geeft niets terug."
        ),
    }
}
