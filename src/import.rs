//! Course units from rows a spreadsheet gives (a paste, a CSV export):
//! `code, naam, SP, periode, 1e kans, 2e kans`, separated by tabs,
//! semicolons or commas, with or without a header row. With a header the
//! columns may come in any order and carry Dutch or English names; without
//! one they are taken in that order. Every row is checked on its own: a bad
//! cell gives a Dutch message with its row number and column, the other
//! rows stay good.
//!
//! The text is split by the `csv` crate (quotes, flexible row lengths,
//! trimmed cells); nothing here splits by hand.

use crate::model::{AcademicYear, Case, Mark, Period, Unit, parse_tenths};

/// A column of the rows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    Code,
    Name,
    Sp,
    Period,
    First,
    Second,
}

impl Column {
    /// The order of the columns without a header row.
    pub const ORDER: [Column; 6] = [
        Column::Code,
        Column::Name,
        Column::Sp,
        Column::Period,
        Column::First,
        Column::Second,
    ];

    /// The column's name in a message.
    pub fn dutch(self) -> &'static str {
        match self {
            Column::Code => "code",
            Column::Name => "naam",
            Column::Sp => "SP",
            Column::Period => "periode",
            Column::First => "1e kans",
            Column::Second => "2e kans",
        }
    }

    /// The column a header cell names (Dutch or English), if any.
    pub fn of_header(cell: &str) -> Option<Column> {
        let h = words(cell);
        let known: &[(Column, &[&str])] = &[
            (
                Column::Code,
                &[
                    "code",
                    "opleidingsonderdeel code",
                    "opleidingsonderdeelcode",
                    "olod code",
                    "olod-code",
                    "olodcode",
                    "vakcode",
                    "course code",
                    "unit code",
                ],
            ),
            (
                Column::Name,
                &[
                    "naam",
                    "name",
                    "omschrijving",
                    "opleidingsonderdeel",
                    "titel",
                    "title",
                    "vak",
                    "course",
                    "description",
                    "course name",
                    "unit",
                ],
            ),
            (
                Column::Sp,
                &[
                    "sp",
                    "studiepunten",
                    "stp",
                    "credits",
                    "ects",
                    "ects credits",
                    "studiepunt",
                ],
            ),
            (
                Column::Period,
                &[
                    "periode",
                    "onderwijsperiode",
                    "semester",
                    "sem",
                    "period",
                    "term",
                ],
            ),
            (
                Column::First,
                &[
                    "1e kans",
                    "1ste kans",
                    "eerste kans",
                    "1e examenkans",
                    "eerste examenkans",
                    "1e zit",
                    "eerste zit",
                    "kans 1",
                    "1e",
                    "first",
                    "first chance",
                    "first attempt",
                    "exam 1",
                    "exam1",
                ],
            ),
            (
                Column::Second,
                &[
                    "2e kans",
                    "2de kans",
                    "tweede kans",
                    "2e examenkans",
                    "tweede examenkans",
                    "2e zit",
                    "tweede zit",
                    "herexamen",
                    "kans 2",
                    "2e",
                    "second",
                    "second chance",
                    "second attempt",
                    "exam 2",
                    "exam2",
                    "resit",
                    "retake",
                ],
            ),
        ];
        known
            .iter()
            .find(|(_, names)| names.contains(&h.as_str()))
            .map(|(c, _)| *c)
    }
}

/// A cell lowercased, dots and repeated spaces gone: `"Sem. 1"` is
/// `"sem 1"`.
fn words(cell: &str) -> String {
    cell.to_lowercase()
        .replace(['.', '_'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// One row as it was read, and the unit it makes or what is wrong with it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// The row's line in the text (1 is the first line).
    pub line: usize,
    /// The cells as given, per column (empty when the row has none).
    pub code: String,
    pub name: String,
    pub sp: String,
    pub period: String,
    pub first: String,
    pub second: String,
    /// The unit, when the row is good.
    pub unit: Option<Unit>,
    /// What is wrong, in Dutch, each naming the row and the column.
    pub errors: Vec<String>,
}

impl Row {
    /// Whether the row makes a unit.
    pub fn is_good(&self) -> bool {
        self.errors.is_empty() && self.unit.is_some()
    }

    /// The chances as one short text: `8 / 11`, or `12`.
    pub fn chances(&self) -> String {
        match (self.first.is_empty(), self.second.is_empty()) {
            (_, true) => self.first.clone(),
            (true, false) => format!("— / {}", self.second),
            (false, false) => format!("{} / {}", self.first, self.second),
        }
    }
}

/// Every row of a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rows {
    /// The first line was a header row.
    pub header: bool,
    /// Header cells that name no column (left out), in Dutch.
    pub ignored: Vec<String>,
    pub rows: Vec<Row>,
}

impl Rows {
    /// The units of the good rows, in their order.
    pub fn units(&self) -> Vec<Unit> {
        self.rows
            .iter()
            .filter(|r| r.is_good())
            .filter_map(|r| r.unit.clone())
            .collect()
    }

    /// How many rows have errors.
    pub fn bad(&self) -> usize {
        self.rows.iter().filter(|r| !r.is_good()).count()
    }

    /// `6 rijen, 6 goed, 0 met fouten`.
    pub fn summary(&self) -> String {
        let n = self.rows.len();
        format!(
            "{n} {}, {} goed, {} met fouten",
            if n == 1 { "rij" } else { "rijen" },
            n - self.bad(),
            self.bad()
        )
    }

    /// Marks the rows whose code is already among `existing` (the units of
    /// the enrolment they go to): they are reported, never added twice.
    pub fn against(&mut self, existing: &[Unit], year: AcademicYear, programme: &str) {
        for r in &mut self.rows {
            if existing.iter().any(|u| u.code == r.code) {
                r.errors.push(format!(
                    "rij {}, kolom code: ‘{}’ staat al in {year} ({programme}); niet nog eens toegevoegd",
                    r.line, r.code
                ));
            }
        }
    }
}

/// Where the units of `programme` in `year` go: the indices of the year
/// and the enrolment in `case.years`, or what is missing, in Dutch.
pub fn enrolment_of(
    case: &Case,
    year: AcademicYear,
    programme: &str,
) -> Result<(usize, usize), String> {
    let y = case
        .years
        .iter()
        .position(|y| y.year == year)
        .ok_or_else(|| format!("het dossier heeft geen academiejaar {year}; voeg het eerst toe"))?;
    let e = case.years[y]
        .enrolments
        .iter()
        .position(|e| e.programme == programme)
        .ok_or_else(|| {
            let known: Vec<&str> = case.years[y]
                .enrolments
                .iter()
                .map(|e| e.programme.as_str())
                .collect();
            if known.is_empty() {
                format!(
                    "geen inschrijving in {year}; voeg eerst een inschrijving in {programme} toe"
                )
            } else {
                format!(
                    "geen inschrijving in {programme} in {year} (wel in {})",
                    known.join(", ")
                )
            }
        })?;
    Ok((y, e))
}

/// The separator of the text: a tab or a semicolon when the first line has
/// one, else a comma.
fn separator(text: &str) -> u8 {
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    if first.contains('\t') {
        b'\t'
    } else if first.contains(';') {
        b';'
    } else {
        b','
    }
}

/// The period of a pasted or imported row without one: `jaar` in a
/// programme organised per year; none in a programme with semesters or
/// modules, where the row must say which (a wrong guess would move the
/// unit's grensdatum).
pub fn default_period(system: crate::model::PeriodSystem) -> Option<Period> {
    match system {
        crate::model::PeriodSystem::Year => Some(Period::Year),
        _ => None,
    }
}

/// Reads the rows of a text (a paste or a CSV file). `default_period` is
/// the period of a row without one ([`default_period`] of the programme):
/// `None` when the programme has more periods than one, and a row must
/// then say which. An error for the whole text (nothing to read, a header
/// without a code column) is a Dutch message.
pub fn parse(text: &str, default_period: Option<Period>) -> Result<Rows, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // A terminal pastes line ends as CR, Windows exports CRLF: one form.
    let text = &text.replace("\r\n", "\n").replace('\r', "\n");
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .delimiter(separator(text))
        .from_reader(text.as_bytes());
    let mut records = Vec::new();
    for r in reader.records() {
        let r = r.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line());
            format!("regel {line}: niet te lezen als rijen ({e})")
        })?;
        if r.iter().all(str::is_empty) {
            continue;
        }
        // The line in the text, counted from the byte offset (the reader's
        // own count skips blank lines).
        let line = r.position().map_or(0, |p| {
            let bytes = text.as_bytes();
            let mut at = (p.byte() as usize).min(bytes.len());
            // The position is where the reader started: before the blank
            // lines it skipped.
            while at < bytes.len() && matches!(bytes[at], b'\n' | b'\r') {
                at += 1;
            }
            bytes[..at].iter().filter(|b| **b == b'\n').count() + 1
        });
        records.push((line, r));
    }
    let Some((_, first)) = records.first() else {
        return Err(
            "geen rijen gevonden: plak of geef rijen als code, naam, SP, periode, 1e kans, 2e kans"
                .into(),
        );
    };
    let named: Vec<Option<Column>> = first.iter().map(Column::of_header).collect();
    let header = named.iter().flatten().count() >= 2;
    let (columns, ignored, data) = if header {
        for required in [Column::Code, Column::Name, Column::Sp] {
            if !named.contains(&Some(required)) {
                return Err(format!(
                    "de kopregel heeft geen kolom {} (herkend: {})",
                    required.dutch(),
                    named
                        .iter()
                        .flatten()
                        .map(|c| c.dutch())
                        .collect::<Vec<_>>()
                        .join(", ")
                ));
            }
        }
        let ignored = first
            .iter()
            .zip(&named)
            .filter(|(cell, c)| c.is_none() && !cell.is_empty())
            .map(|(cell, _)| format!("kolom ‘{cell}’ niet herkend, weggelaten"))
            .collect();
        (named, ignored, &records[1..])
    } else {
        (
            Column::ORDER.iter().copied().map(Some).collect(),
            Vec::new(),
            &records[..],
        )
    };
    let mut rows: Vec<Row> = Vec::new();
    for (line, record) in data {
        let cell = |c: Column| {
            columns
                .iter()
                .position(|x| *x == Some(c))
                .and_then(|i| record.get(i))
                .unwrap_or("")
                .to_string()
        };
        let mut row = Row {
            line: *line,
            code: cell(Column::Code),
            name: cell(Column::Name),
            sp: cell(Column::Sp),
            period: cell(Column::Period),
            first: cell(Column::First),
            second: cell(Column::Second),
            unit: None,
            errors: Vec::new(),
        };
        if !header && record.len() > Column::ORDER.len() {
            row.errors.push(format!(
                "rij {line}: {} kolommen, verwacht hoogstens 6 (code, naam, SP, periode, 1e kans, 2e kans) of een kopregel",
                record.len()
            ));
        }
        if let Some(earlier) = rows
            .iter()
            .find(|r| !row.code.is_empty() && r.code == row.code)
        {
            row.errors.push(format!(
                "rij {line}, kolom code: ‘{}’ staat ook in rij {}",
                row.code, earlier.line
            ));
        }
        let unit = unit_of(&row, default_period);
        match unit {
            Ok(u) if row.errors.is_empty() => row.unit = Some(u),
            Ok(_) => {}
            Err(e) => row.errors.extend(e),
        }
        rows.push(row);
    }
    if rows.is_empty() {
        return Err("alleen een kopregel, geen rijen met opleidingsonderdelen".into());
    }
    Ok(Rows {
        header,
        ignored,
        rows,
    })
}

/// The unit of a row, or every problem of its cells.
fn unit_of(row: &Row, default_period: Option<Period>) -> Result<Unit, Vec<String>> {
    let at = |c: Column| format!("rij {}, kolom {}", row.line, c.dutch());
    let mut errors = Vec::new();
    if row.code.is_empty() {
        errors.push(format!(
            "{}: leeg; elke rij heeft een code",
            at(Column::Code)
        ));
    }
    if row.name.is_empty() {
        errors.push(format!(
            "{}: leeg; elke rij heeft een naam",
            at(Column::Name)
        ));
    }
    let sp = match parse_tenths(&row.sp) {
        _ if row.sp.is_empty() => {
            errors.push(format!(
                "{}: leeg; elke rij heeft studiepunten",
                at(Column::Sp)
            ));
            None
        }
        Some(t) if t % 10 == 0 && (30..=600).contains(&t) => Some((t / 10) as u32),
        _ => {
            errors.push(format!(
                "{}: ‘{}’ is geen geheel aantal studiepunten van 3 tot en met 60",
                at(Column::Sp),
                row.sp
            ));
            None
        }
    };
    let period = if row.period.is_empty() {
        if default_period.is_none() {
            errors.push(format!(
                "{}: leeg; de opleiding heeft semesters of modules: schrijf sem 1, sem 2, jaar of module 1–4",
                at(Column::Period)
            ));
        }
        default_period
    } else {
        let p = period_of(&row.period);
        if p.is_none() {
            errors.push(format!(
                "{}: ‘{}’ niet herkend; schrijf sem 1, sem 2, jaar of module 1–4",
                at(Column::Period),
                row.period
            ));
        }
        p
    };
    let mut mark = |cell: &str, c: Column| match mark_of(cell) {
        Ok(m) => m,
        Err(e) => {
            errors.push(format!("{}: {e}", at(c)));
            None
        }
    };
    let first = mark(&row.first, Column::First);
    let second = mark(&row.second, Column::Second);
    let pass_fail = [first, second].iter().flatten().any(|m| m.is_pass_fail());
    if pass_fail && [first, second].iter().flatten().any(|m| m.is_numeric()) {
        errors.push(format!(
            "rij {}: een cijfer op 20 en geslaagd/niet geslaagd in dezelfde rij; een opleidingsonderdeel krijgt het een of het ander",
            row.line
        ));
    }
    match (sp, period) {
        (Some(sp), Some(period)) if errors.is_empty() => {
            let mut u = Unit::new(&row.code, &row.name, sp);
            u.period = period;
            u.first = first;
            u.second = second;
            u.pass_fail = pass_fail;
            Ok(u)
        }
        _ => Err(errors),
    }
}

/// The period a cell names: `sem 1`, `semester 1`, `S1`, `1`, `1e
/// semester`, `jaar`, `module 3`, `M3` …
pub fn period_of(cell: &str) -> Option<Period> {
    let w = words(cell);
    let compact: String = w.chars().filter(|c| !c.is_whitespace()).collect();
    let number = |s: &str| -> Option<u32> {
        let s = s
            .trim_end_matches("ste")
            .trim_end_matches("de")
            .trim_end_matches('e');
        s.parse().ok()
    };
    for prefix in ["semester", "sem", "s"] {
        if let Some(rest) = compact.strip_prefix(prefix) {
            return match number(rest) {
                Some(1) => Some(Period::S1),
                Some(2) => Some(Period::S2),
                _ => None,
            };
        }
    }
    for prefix in ["module", "mod", "m"] {
        if let Some(rest) = compact.strip_prefix(prefix) {
            return match number(rest) {
                Some(1) => Some(Period::M1),
                Some(2) => Some(Period::M2),
                Some(3) => Some(Period::M3),
                Some(4) => Some(Period::M4),
                _ => None,
            };
        }
    }
    match w.as_str() {
        "1" | "1e semester" | "eerste semester" | "first semester" => Some(Period::S1),
        "2" | "2e semester" | "tweede semester" | "second semester" => Some(Period::S2),
        "jaar" | "j" | "jaarvak" | "year" | "y" | "heel jaar" | "full year" | "0" => {
            Some(Period::Year)
        }
        _ => None,
    }
}

/// The mark a cell holds (empty or a dash: none). Numbers in tenths with a
/// comma or a dot; a unit gets a whole grade of 0 to 20 (Art. 17.1);
/// `geslaagd`/`pass`, `niet geslaagd`/`fail`, `afwezig`, `F`.
pub fn mark_of(cell: &str) -> Result<Option<Mark>, String> {
    let w = words(cell);
    match w.as_str() {
        "" | "-" | "—" => return Ok(None),
        "pass" | "passed" | "geslaagd" | "g" => return Ok(Some(Mark::Passed)),
        "fail" | "failed" | "not passed" | "niet geslaagd" | "ng" => {
            return Ok(Some(Mark::NotPassed));
        }
        "absent" | "afw" | "afwezig" | "a" => return Ok(Some(Mark::Absent)),
        _ => {}
    }
    match cell.trim().parse::<Mark>() {
        Ok(Mark::Tenths(t)) if !(0..=200).contains(&t) => {
            Err(format!("‘{}’: een cijfer van 0 tot en met 20", cell.trim()))
        }
        Ok(Mark::Tenths(t)) if t % 10 != 0 => Err(format!(
            "‘{}’: een opleidingsonderdeel krijgt een geheel cijfer (Art. 17.1)",
            cell.trim()
        )),
        Ok(m) => Ok(Some(m)),
        Err(_) => Err(format!(
            "‘{}’ niet herkend; schrijf een cijfer op 20, geslaagd, niet geslaagd, afwezig of F",
            cell.trim()
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The six rows of the benchmark of issue 10, as a spreadsheet copies
    /// them (tabs, no header).
    const SARA: &str = "CHEM-ALG\tAlgemene chemie\t6\tsem 1\t12\t\n\
                        WISK1\tWiskunde 1\t6\tsem 1\t8\t11\n\
                        FYS\tFysica\t6\tsem 1\t7\t9\n\
                        LAB\tLabo 1\t3\tsem 2\t14\t\n\
                        BIO\tBiologie\t6\tsem 2\t9\t8\n\
                        ENG\tEngels\t3\tsem 2\t10\t\n";

    #[test]
    fn the_benchmark_rows_make_six_units() {
        let rows = parse(SARA, Some(Period::Year)).unwrap();
        assert!(!rows.header);
        assert_eq!(rows.summary(), "6 rijen, 6 goed, 0 met fouten");
        let units = rows.units();
        assert_eq!(units.len(), 6);
        let wisk = &units[1];
        assert_eq!(
            (wisk.code.as_str(), wisk.name.as_str(), wisk.sp, wisk.period),
            ("WISK1", "Wiskunde 1", 6, Period::S1)
        );
        assert_eq!(wisk.first, Some(Mark::whole(8)));
        assert_eq!(wisk.second, Some(Mark::whole(11)));
        assert_eq!(units[0].second, None);
        assert_eq!(units[5].period, Period::S2);
    }

    #[test]
    fn a_header_in_any_order_dutch_or_english() {
        let nl = "Studiepunten;Opleidingsonderdeel code;Omschrijving;Tweede kans;Eerste kans;Semester\n\
                  6;WISK1;Wiskunde 1;11;8;1\n";
        let en =
            "Name,Code,ECTS,Period,Exam 1,Resit,Lecturer\nWiskunde 1,WISK1,6,S1,8,11,Janssens\n";
        for (text, ignored) in [(nl, 0), (en, 1)] {
            let rows = parse(text, Some(Period::Year)).unwrap();
            assert!(rows.header, "{text}");
            assert_eq!(rows.ignored.len(), ignored, "{:?}", rows.ignored);
            let u = &rows.units()[0];
            assert_eq!((u.code.as_str(), u.sp, u.period), ("WISK1", 6, Period::S1));
            assert_eq!(
                (u.first, u.second),
                (Some(Mark::whole(8)), Some(Mark::whole(11)))
            );
        }
    }

    #[test]
    fn a_header_needs_code_name_and_sp() {
        let e = parse("naam;periode;1e kans\nFysica;1;7\n", Some(Period::Year)).unwrap_err();
        assert!(e.contains("geen kolom code"), "{e}");
    }

    /// Each cell is read as a spreadsheet of a Flemish school writes it.
    #[test]
    fn cells_as_people_write_them() {
        for (cell, p) in [
            ("sem 1", Period::S1),
            ("Sem. 2", Period::S2),
            ("semester 1", Period::S1),
            ("S2", Period::S2),
            ("1", Period::S1),
            ("2e semester", Period::S2),
            ("jaar", Period::Year),
            ("Jaarvak", Period::Year),
            ("module 3", Period::M3),
            ("M4", Period::M4),
        ] {
            assert_eq!(period_of(cell), Some(p), "{cell}");
        }
        for bad in ["sem 3", "zomer", "m5", ""] {
            assert_eq!(period_of(bad), None, "{bad}");
        }
        for (cell, m) in [
            ("12", Some(Mark::whole(12))),
            ("12,0", Some(Mark::whole(12))),
            ("9.0", Some(Mark::whole(9))),
            ("", None),
            ("-", None),
            ("geslaagd", Some(Mark::Passed)),
            ("Pass", Some(Mark::Passed)),
            ("niet geslaagd", Some(Mark::NotPassed)),
            ("fail", Some(Mark::NotPassed)),
            ("afwezig", Some(Mark::Absent)),
            ("F", Some(Mark::Fail)),
        ] {
            assert_eq!(mark_of(cell), Ok(m), "{cell}");
        }
        assert!(mark_of("9,5").unwrap_err().contains("geheel cijfer"));
        assert!(mark_of("21").unwrap_err().contains("0 tot en met 20"));
        assert!(mark_of("goed").unwrap_err().contains("niet herkend"));
    }

    #[test]
    fn pass_fail_words_make_a_pass_fail_unit() {
        let rows = parse("STAGE;Stage;12;jaar;geslaagd\n", Some(Period::Year)).unwrap();
        assert!(rows.units()[0].pass_fail);
        let rows = parse("STAGE;Stage;12;jaar;niet geslaagd;14\n", Some(Period::Year)).unwrap();
        assert!(rows.rows[0].errors[0].contains("het een of het ander"));
    }

    #[test]
    fn each_bad_cell_is_named_by_row_and_column() {
        let text = "CHEM-ALG;Algemene chemie;6;sem 1;12\n\
                    ;Wiskunde 1;zes;sem 3;8;11,5\n\
                    FYS;Fysica;6;1;7;9\n\
                    FYS;Fysica bis;6;1;7;9\n";
        let rows = parse(text, Some(Period::Year)).unwrap();
        assert_eq!(rows.summary(), "4 rijen, 2 goed, 2 met fouten");
        let errors = &rows.rows[1].errors;
        assert_eq!(errors.len(), 4, "{errors:?}");
        assert!(
            errors[0].starts_with("rij 2, kolom code: leeg"),
            "{errors:?}"
        );
        assert!(
            errors[1].starts_with("rij 2, kolom SP: ‘zes’"),
            "{errors:?}"
        );
        assert!(
            errors[2].starts_with("rij 2, kolom periode: ‘sem 3’"),
            "{errors:?}"
        );
        assert!(
            errors[3].starts_with("rij 2, kolom 2e kans: ‘11,5’"),
            "{errors:?}"
        );
        assert_eq!(
            rows.rows[3].errors,
            vec!["rij 4, kolom code: ‘FYS’ staat ook in rij 3".to_string()]
        );
        assert_eq!(rows.units().len(), 2);
    }

    #[test]
    fn blank_lines_quotes_and_a_missing_period() {
        let text = "\n\"LAB\",\"Labo 1, practicum\",3\n\n\nBIO,Biologie,6\r\n";
        let rows = parse(text, Some(Period::S2)).unwrap();
        let u = &rows.units()[0];
        assert_eq!(
            (u.name.as_str(), u.period),
            ("Labo 1, practicum", Period::S2)
        );
        assert_eq!(rows.rows[0].line, 2);
        assert_eq!(rows.rows[1].line, 5);
        // A programme with semesters has no default: the row must say.
        let rows = parse(text, None).unwrap();
        assert!(rows.units().is_empty());
        assert_eq!(
            rows.rows[0].errors,
            vec![
                "rij 2, kolom periode: leeg; de opleiding heeft semesters of modules: schrijf sem 1, sem 2, jaar of module 1–4"
                    .to_string()
            ]
        );
        assert_eq!(
            default_period(crate::model::PeriodSystem::Year),
            Some(Period::Year)
        );
        assert_eq!(default_period(crate::model::PeriodSystem::Semester), None);
        // Line ends as a terminal pastes them (CR only).
        let rows = parse(&SARA.replace('\n', "\r"), Some(Period::Year)).unwrap();
        assert_eq!(rows.summary(), "6 rijen, 6 goed, 0 met fouten");
        assert_eq!(rows.rows[5].line, 6);
    }

    #[test]
    fn nothing_to_read_is_said() {
        assert!(
            parse("", Some(Period::Year))
                .unwrap_err()
                .contains("geen rijen")
        );
        assert!(
            parse("code;naam;sp\n", Some(Period::Year))
                .unwrap_err()
                .contains("alleen een kopregel")
        );
    }

    proptest::proptest! {
        /// Whatever is pasted, reading it never panics, and every row is
        /// either good or says what is wrong.
        #[test]
        fn any_text_is_read_without_panic(text in "[a-zA-Z0-9 ,;\t\"\r\n.é€-]{0,200}") {
            if let Ok(rows) = parse(&text, Some(Period::Year)) {
                for r in &rows.rows {
                    proptest::prop_assert_eq!(r.errors.is_empty(), r.unit.is_some());
                }
            }
        }
    }

    #[test]
    fn codes_already_in_the_enrolment_are_reported() {
        let mut rows = parse(SARA, Some(Period::Year)).unwrap();
        rows.against(&[Unit::new("FYS", "Fysica", 6)], AcademicYear(2017), "CH");
        assert_eq!(rows.summary(), "6 rijen, 5 goed, 1 met fouten");
        assert!(rows.rows[2].errors[0].contains("staat al in 2017-2018 (CH)"));
        assert_eq!(rows.units().len(), 5);
    }
}
