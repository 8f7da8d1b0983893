//! Forms built from the case, and applying a submitted form to the case.

use crate::model::{
    AcademicYear, Case, Contract, Enrolment, Event, Opening, Part, Period, PeriodSystem, Programme,
    ProgrammeKind, RebuildKind, RebuildUse, Unit, UnitKind, UnitWithdrawal, Year,
};
use crate::params::Params;

mod student;
mod units;
mod years;

use super::form::{Field, Form, FormTarget, Key, Values};

const KINDS: [UnitKind; 3] = [UnitKind::Regular, UnitKind::Bachelorproef, UnitKind::Stage];
const SYSTEMS: [PeriodSystem; 3] = PeriodSystem::ALL;

fn names<T: Copy>(all: &[T], f: impl Fn(T) -> &'static str) -> Vec<&'static str> {
    all.iter().map(|x| f(*x)).collect()
}

fn index_of<T: PartialEq>(all: &[T], v: &T) -> usize {
    all.iter().position(|x| x == v).unwrap_or(0)
}

fn programme_label(p: &Programme) -> String {
    format!("{} — {}", p.id, p.name)
}

/// The form for a target, filled from the case.
pub fn build(
    target: FormTarget,
    doc: &super::app::Document,
    params: &Params,
    today: crate::model::Date,
) -> Form {
    let case = &doc.case;
    match target {
        FormTarget::Unit {
            year,
            enrolment,
            unit,
        } => units::unit_form(target, case, params, year, enrolment, unit),
        FormTarget::Results {
            year,
            enrolment,
            unit,
        } => units::results_form(target, case, year, enrolment, unit),
        FormTarget::AddPart {
            year,
            enrolment,
            unit,
        } => units::add_part_form(target, case, year, enrolment, unit),
        FormTarget::Enrolment { year, enrolment } => {
            years::enrolment_form(target, case, params, year, enrolment)
        }
        FormTarget::Summary { year, summary } => years::summary_form(target, case, year, summary),
        FormTarget::UnitWithdrawal {
            year,
            enrolment,
            unit,
        } => units::unit_withdrawal_form(target, case, params, year, enrolment, unit),
        FormTarget::Year { year } => years::year_form(target, case, params, year),
        FormTarget::Student => student::student_form(target, case),
        FormTarget::Opening => student::opening_form(target, case),
        FormTarget::EarlierProgress { programme } => {
            student::earlier_progress_form(target, case, programme)
        }
        FormTarget::Event { index } => student::event_form(target, case, index),
        FormTarget::Programme { index } => student::programme_form(target, case, index),
        FormTarget::SaveAs => {
            let name = crate::store::suggest_file_name(&case.student.name);
            Form::new(
                "Opslaan als",
                target,
                vec![Field::text(
                    Key::FileName,
                    "Bestandsnaam (in de gegevensmap)",
                    &name,
                    true,
                )],
            )
        }
        FormTarget::WhatIf(w) => super::whatif::form(w, case, params, today),
        FormTarget::Scenario { index } => {
            let s = &doc.base.scenarios[index];
            Form::new(
                format!("Scenario «{}»", s.name),
                target,
                vec![
                    Field::text(Key::Name, "Naam", &s.name, true),
                    Field::text(Key::Note, "Notitie", &s.note, false),
                    Field::bool(Key::Delete, "Scenario verwijderen", false),
                ],
            )
        }
    }
}

/// A choice of how far a rebuild of the opening balance had come.
fn rebuild_field(o: Option<&Opening>, kind: RebuildKind, label: &str) -> Field {
    let state = o
        .and_then(|o| o.rebuilds.iter().find(|r| r.kind == kind))
        .map_or(0, |r| if r.in_progress { 1 } else { 2 });
    Field::choice(
        Key::Rebuild(kind),
        label,
        &["niet gebruikt", "loopt nog", "al gebruikt"],
        state,
    )
}

/// A number of studiepunten from an int field.
fn sp(v: Option<i64>) -> u32 {
    v.unwrap_or(0).clamp(0, i64::from(u32::MAX)) as u32
}

/// Applies a submitted form's values to the case. `Err` is a Dutch message
/// shown in the form (the case is then unchanged).
pub fn apply(target: &FormTarget, v: &Values, case: &mut Case) -> Result<(), String> {
    match *target {
        FormTarget::Unit {
            year,
            enrolment,
            unit,
        } => units::apply_unit(v, case, year, enrolment, unit),
        FormTarget::Results {
            year,
            enrolment,
            unit,
        } => units::apply_results(v, case, year, enrolment, unit),
        FormTarget::AddPart {
            year,
            enrolment,
            unit,
        } => units::apply_add_part(v, case, year, enrolment, unit),
        FormTarget::Enrolment { year, enrolment } => {
            years::apply_enrolment(v, case, year, enrolment)
        }
        FormTarget::Summary { year, summary } => years::apply_summary(v, case, year, summary),
        FormTarget::UnitWithdrawal {
            year,
            enrolment,
            unit,
        } => units::apply_unit_withdrawal(v, case, year, enrolment, unit),
        FormTarget::Year { year } => years::apply_year(v, case, year),
        FormTarget::Student => student::apply_student(v, case),
        FormTarget::Opening => student::apply_opening(v, case),
        FormTarget::EarlierProgress { programme } => {
            student::apply_earlier_progress(v, case, programme)
        }
        FormTarget::Event { index } => student::apply_event(v, case, index),
        FormTarget::Programme { index } => student::apply_programme(v, case, index),
        // These change the file or the scenarios, not the case: update::submit.
        FormTarget::SaveAs | FormTarget::WhatIf(_) | FormTarget::Scenario { .. } => Ok(()),
    }
}
