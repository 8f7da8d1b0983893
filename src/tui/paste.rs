//! A paste of spreadsheet rows (bracketed paste) before it is added: the
//! rows as read ([`crate::import`]), where they go, and what Enter adds.

use crate::import::Rows;
use crate::model::AcademicYear;

/// The preview of pasted rows (plakvoorbeeld).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PastePreview {
    /// Where the units go: `case.years[year].enrolments[enrolment]`.
    pub year: usize,
    pub enrolment: usize,
    /// The academic year and the programme's code and name, for the title.
    pub academic_year: AcademicYear,
    pub programme: String,
    pub programme_name: String,
    /// Every row read, with its errors (codes already in the enrolment
    /// among them).
    pub rows: Rows,
    /// The first line shown (↑/↓ scroll).
    pub scroll: u16,
}

impl PastePreview {
    /// How many units Enter adds.
    pub fn good(&self) -> usize {
        self.rows.rows.len() - self.rows.bad()
    }

    /// `Plakken in Bachelor Chemie (CH), 2017-2018`.
    pub fn title(&self) -> String {
        format!(
            "Plakken in {} ({}), {}",
            self.programme_name, self.programme, self.academic_year
        )
    }
}
