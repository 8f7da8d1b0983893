//! The Dutch title of every warning and error code.

use crate::rules::Code;

/// The short title a person reads (`Bindende voorwaarden mogelijk`).
pub fn title(code: Code) -> &'static str {
    match code {
        Code::EnrolmentExceedsBalance => "Inschrijving boven het leerkrediet",
        Code::EnrolmentRefused => "Inschrijving geweigerd",
        Code::EnrolmentException => "Uitzondering: inschrijven zonder leerkrediet",
        Code::BindingConditions => "Bindende voorwaarden mogelijk",
        Code::MeritIncomplete => "Graad van verdienste niet te berekenen",
        Code::GenerationStudentUnknown => "Generatiestudent of niet?",
        Code::RemovalTooLate => "Schrapping te laat gevraagd",
        Code::OfficialBalanceDiffers => "Officieel saldo wijkt af",
        Code::OpeningAfterYears => "Beginsaldo na alle jaren",
        Code::GradeOutOfRange => "Cijfer buiten 0–20",
        Code::GradeNotWhole => "Cijfer niet geheel",
        Code::ResultKindMismatch => "Soort resultaat past niet",
        Code::CompositeUnitResult => "Cijfer op een samengesteld opleidingsonderdeel",
        Code::PartWeightInvalid => "Ongeldig gewicht van een deel",
        Code::UnitSpInvalid => "Ongeldig aantal studiepunten",
        Code::UnitCodeMissing => "Code ontbreekt",
        Code::UnitNameMissing => "Naam ontbreekt",
        Code::SecondWithoutFirst => "Tweede kans zonder eerste",
        Code::TooManyYears => "Te veel academiejaren",
        Code::ExemptWithResult => "Resultaat bij een vrijstelling",
        Code::DateOutsideYear => "Datum buiten het academiejaar",
        Code::WithdrawalBeforeEnrolment => "Uitschrijving vóór de inschrijving",
        Code::WithdrawalAfterExams => "Uitschrijving na het examen",
        Code::SecondChanceAfterCredit => "Tweede kans na een credit",
        Code::ToleranceNotAllowed => "Tolerantie niet toegelaten",
        Code::EnrolledAgainAfterCredit => "Opnieuw opgenomen na een credit",
        Code::EnrolledAgainAfterTolerance => "Opnieuw opgenomen na een tolerantie",
        Code::MissingGrensdatum => "Grensdatum ontbreekt",
        Code::DuplicateUnitCode => "Code twee keer gebruikt",
        Code::DuplicateYear => "Academiejaar twee keer",
        Code::DuplicateEnrolment => "Twee inschrijvingen in één opleiding",
        Code::DuplicateProgramme => "Opleidingscode twee keer",
        Code::UnknownProgramme => "Onbekende opleiding",
        Code::ProgrammeSizeInvalid => "Ongeldige studieomvang",
        Code::OpeningBonusInvalid => "Ongeldige bonus in het beginsaldo",
        Code::SummaryInconsistent => "Samenvattingslijn klopt niet",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_has_a_distinct_title() {
        let mut titles: Vec<&str> = Code::ALL.iter().map(|c| title(*c)).collect();
        titles.sort();
        let n = titles.len();
        titles.dedup();
        assert_eq!(titles.len(), n);
    }
}
