//! Forms: typed fields with inline validation in Dutch.

use tui_input::{Input, InputRequest};

use crate::model::{AcademicYear, Date, Mark};

/// What a field holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldKind {
    /// Free text; `required` refuses an empty value.
    Text { required: bool },
    /// A whole number in a range; empty allowed when `optional`.
    Int { min: i64, max: i64, optional: bool },
    /// A date as people write it (`25-09-2017`, `25/9/2017`, `2017-09-25`;
    /// [`Date::parse_written`]), optionally required to fall in `span`.
    Date {
        optional: bool,
        span: Option<(Date, Date)>,
    },
    /// An exam result; whole grades only when `whole`; geslaagd / niet
    /// geslaagd when `pass_fail`, or when the ja/nee field `judged_by` says ja.
    Mark {
        whole: bool,
        pass_fail: bool,
        judged_by: Option<Key>,
    },
    /// One of the options (the input holds the option's text).
    Choice(Vec<String>),
    /// ja / nee.
    Bool,
    /// An academic year `2017-2018`; empty allowed when `optional`.
    Year { optional: bool },
    /// A read-only line that follows the choice field `of`: the text for
    /// each of its options.
    Follows {
        of: Key,
        lines: Vec<(String, String)>,
    },
}

/// A checked value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    Text(String),
    Int(Option<i64>),
    Date(Option<Date>),
    Mark(Option<Mark>),
    Choice(usize),
    Bool(bool),
    Year(Option<AcademicYear>),
}

impl Value {
    pub fn text(&self) -> String {
        match self {
            Value::Text(s) => s.clone(),
            _ => String::new(),
        }
    }
    pub fn int(&self) -> Option<i64> {
        match self {
            Value::Int(i) => *i,
            _ => None,
        }
    }
    pub fn date(&self) -> Option<Date> {
        match self {
            Value::Date(d) => *d,
            _ => None,
        }
    }
    pub fn mark(&self) -> Option<Mark> {
        match self {
            Value::Mark(m) => *m,
            _ => None,
        }
    }
    pub fn choice(&self) -> usize {
        match self {
            Value::Choice(i) => *i,
            _ => 0,
        }
    }
    pub fn bool(&self) -> bool {
        matches!(self, Value::Bool(true))
    }
    pub fn year(&self) -> Option<AcademicYear> {
        match self {
            Value::Year(y) => *y,
            _ => None,
        }
    }
}

/// The name of a field, by which a form's values are read. Forms share
/// names where the meaning is the same (`Code`, `Name`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Key {
    Code,
    Name,
    Sp,
    Period,
    /// A read-only line: the unit's grensdatum from the calendar.
    CalendarGrensdatum,
    Grensdatum,
    Kind,
    PassFail,
    Exempt,
    First,
    Second,
    Tolerated,
    /// Part `n` (from 0) of a composite unit.
    PartName(usize),
    PartWeight(usize),
    PartFirst(usize),
    PartSecond(usize),
    Programme,
    Contract,
    Enrolled,
    Withdrawn,
    Taken,
    Acquired,
    Exempted,
    ToleratedSp,
    Year,
    Generation,
    Binding,
    OfficialBalance,
    Number,
    Notes,
    AsOf,
    UseOpening,
    Balance,
    BonusGranted,
    Rebuild(crate::model::RebuildKind),
    Event,
    Size,
    Institution,
    Department,
    System,
    Academic,
    LegacyBase,
    FileName,
    Date,
    Removal,
    Mark,
    NewCode,
    NewName,
    Entered,
    Note,
    Delete,
}

/// One field of a form.
#[derive(Clone, Debug)]
pub struct Field {
    /// The name the value is read by.
    pub key: Key,
    pub label: String,
    pub kind: FieldKind,
    pub input: Input,
    /// The format or default shown beside the field.
    pub hint: String,
    /// Focus just arrived by Tab: the value is selected, and typing
    /// replaces it (as in a browser's form).
    pub selected: bool,
}

impl Field {
    fn new(key: Key, label: &str, kind: FieldKind, value: String, hint: &str) -> Field {
        Field {
            key,
            label: label.to_string(),
            kind,
            input: Input::new(value),
            hint: hint.to_string(),
            selected: false,
        }
    }

    pub fn text(key: Key, label: &str, value: &str, required: bool) -> Field {
        Field::new(
            key,
            label,
            FieldKind::Text { required },
            value.to_string(),
            "",
        )
    }

    /// The same field with another hint beside it.
    pub fn with_hint(mut self, hint: &str) -> Field {
        self.hint = hint.to_string();
        self
    }

    pub fn int(
        key: Key,
        label: &str,
        value: Option<i64>,
        (min, max): (i64, i64),
        optional: bool,
        hint: &str,
    ) -> Field {
        Field::new(
            key,
            label,
            FieldKind::Int { min, max, optional },
            value.map(|v| v.to_string()).unwrap_or_default(),
            hint,
        )
    }

    pub fn date(
        key: Key,
        label: &str,
        value: Option<Date>,
        optional: bool,
        span: Option<(Date, Date)>,
        hint: &str,
    ) -> Field {
        let hint = if hint.is_empty() {
            "DD-MM-JJJJ".to_string()
        } else {
            format!("DD-MM-JJJJ; {hint}")
        };
        Field::new(
            key,
            label,
            FieldKind::Date { optional, span },
            value.map(|d| d.dutch()).unwrap_or_default(),
            &hint,
        )
    }

    pub fn mark(key: Key, label: &str, value: Option<Mark>, whole: bool, pass_fail: bool) -> Field {
        Field::new(
            key,
            label,
            FieldKind::Mark {
                whole,
                pass_fail,
                judged_by: None,
            },
            value.map(|m| m.to_string()).unwrap_or_default(),
            "",
        )
    }

    /// A mark whose kind (a grade or geslaagd/niet geslaagd) follows the
    /// ja/nee field `by` of the same form.
    pub fn judged_by(mut self, by: Key) -> Field {
        if let FieldKind::Mark { judged_by, .. } = &mut self.kind {
            *judged_by = Some(by);
        }
        self
    }

    pub fn choice(key: Key, label: &str, options: &[&str], selected: usize) -> Field {
        let options: Vec<String> = options.iter().map(|s| s.to_string()).collect();
        let value = options.get(selected).cloned().unwrap_or_default();
        Field::new(
            key,
            label,
            FieldKind::Choice(options),
            value,
            "←/→ of spatie",
        )
    }

    pub fn bool(key: Key, label: &str, value: bool) -> Field {
        Field::new(
            key,
            label,
            FieldKind::Bool,
            if value { "ja" } else { "nee" }.to_string(),
            "spatie",
        )
    }

    pub fn year(key: Key, label: &str, value: Option<AcademicYear>, optional: bool) -> Field {
        Field::new(
            key,
            label,
            FieldKind::Year { optional },
            value.map(|y| y.to_string()).unwrap_or_default(),
            "JJJJ-JJJJ",
        )
    }

    /// A read-only line whose text follows the choice field `of`: `lines`
    /// holds the text for each of its options.
    pub fn follows(key: Key, label: &str, of: Key, lines: Vec<(String, String)>) -> Field {
        Field::new(
            key,
            label,
            FieldKind::Follows { of, lines },
            String::new(),
            "",
        )
    }

    /// Whether the field takes the focus (a read-only line does not).
    pub fn is_focusable(&self) -> bool {
        !matches!(self.kind, FieldKind::Follows { .. })
    }

    /// Whether typing edits this field (choices and booleans cycle instead).
    pub fn is_typed(&self) -> bool {
        !matches!(
            self.kind,
            FieldKind::Choice(_) | FieldKind::Bool | FieldKind::Follows { .. }
        )
    }

    /// The field's value, or the Dutch message of what is wrong.
    pub fn check(&self) -> Result<Value, String> {
        let raw = self.input.value().trim();
        match &self.kind {
            FieldKind::Text { required } => {
                if *required && raw.is_empty() {
                    Err("verplicht".into())
                } else {
                    Ok(Value::Text(raw.to_string()))
                }
            }
            FieldKind::Int { min, max, optional } => {
                if raw.is_empty() {
                    return if *optional {
                        Ok(Value::Int(None))
                    } else {
                        Err("verplicht".into())
                    };
                }
                match raw.parse::<i64>() {
                    Ok(v) if (*min..=*max).contains(&v) => Ok(Value::Int(Some(v))),
                    Ok(_) => Err(format!("een geheel getal van {min} tot en met {max}")),
                    Err(_) => Err(format!(
                        "geen geheel getal; toegelaten: {min} tot en met {max}"
                    )),
                }
            }
            FieldKind::Date { optional, span } => {
                if raw.is_empty() {
                    return if *optional {
                        Ok(Value::Date(None))
                    } else {
                        Err("verplicht (DD-MM-JJJJ)".into())
                    };
                }
                let d = Date::parse_written(raw)?;
                if let Some((a, b)) = span
                    && (d < *a || d > *b)
                {
                    return Err(format!(
                        "valt buiten het academiejaar ({} tot {})",
                        a.dutch(),
                        b.dutch()
                    ));
                }
                Ok(Value::Date(Some(d)))
            }
            FieldKind::Mark {
                whole, pass_fail, ..
            } => {
                if raw.is_empty() {
                    return Ok(Value::Mark(None));
                }
                let m: Mark = raw.parse()?;
                match m {
                    Mark::Tenths(t) if *pass_fail => Err(format!(
                        "{} : dit opleidingsonderdeel krijgt geslaagd of niet geslaagd",
                        Mark::Tenths(t)
                    )),
                    Mark::Tenths(t) if !(0..=200).contains(&t) => {
                        Err("een cijfer van 0 tot en met 20".into())
                    }
                    Mark::Tenths(t) if *whole && t % 10 != 0 => {
                        Err("een opleidingsonderdeel krijgt een geheel cijfer (Art. 17.1)".into())
                    }
                    Mark::Passed | Mark::NotPassed if !*pass_fail => {
                        Err("dit opleidingsonderdeel krijgt een cijfer op 20".into())
                    }
                    m => Ok(Value::Mark(Some(m))),
                }
            }
            FieldKind::Choice(options) => Ok(Value::Choice(
                options.iter().position(|o| o == raw).unwrap_or(0),
            )),
            FieldKind::Bool => Ok(Value::Bool(raw == "ja")),
            FieldKind::Year { optional } => {
                if raw.is_empty() {
                    return if *optional {
                        Ok(Value::Year(None))
                    } else {
                        Err("verplicht (JJJJ-JJJJ)".into())
                    };
                }
                raw.parse::<AcademicYear>().map(|y| Value::Year(Some(y)))
            }
            FieldKind::Follows { .. } => Ok(Value::Text(String::new())),
        }
    }

    /// Turns a choice or a ja/nee field by one step.
    pub fn cycle(&mut self, step: i8) {
        match &self.kind {
            FieldKind::Choice(options) if !options.is_empty() => {
                let n = options.len() as i64;
                let i = options
                    .iter()
                    .position(|o| o == self.input.value())
                    .unwrap_or(0) as i64;
                let next = (i + i64::from(step)).rem_euclid(n) as usize;
                self.input = Input::new(options[next].clone());
            }
            FieldKind::Bool => {
                let v = if self.input.value() == "ja" {
                    "nee"
                } else {
                    "ja"
                };
                self.input = Input::new(v.to_string());
            }
            _ => {}
        }
    }
}

/// What a form changes when it is submitted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormTarget {
    /// A unit of `years[year].enrolments[enrolment]`; `None` adds one.
    Unit {
        year: usize,
        enrolment: usize,
        unit: Option<usize>,
    },
    /// The results of a unit (and its parts).
    Results {
        year: usize,
        enrolment: usize,
        unit: usize,
    },
    /// A new part of a unit.
    AddPart {
        year: usize,
        enrolment: usize,
        unit: usize,
    },
    /// An enrolment (programme, contract, dates); `None` adds one.
    Enrolment {
        year: usize,
        enrolment: Option<usize>,
    },
    /// A summary line of a year; `None` adds one.
    Summary {
        year: usize,
        summary: Option<usize>,
    },
    /// A unit's own withdrawal.
    UnitWithdrawal {
        year: usize,
        enrolment: usize,
        unit: usize,
    },
    /// An academic year; `None` adds one.
    Year {
        year: Option<usize>,
    },
    Student,
    Opening,
    /// A programme's progress before the opening year.
    EarlierProgress {
        programme: usize,
    },
    Event {
        index: Option<usize>,
    },
    Programme {
        index: Option<usize>,
    },
    /// The file name for a first save.
    SaveAs,
    /// A quick what-if that makes a scenario.
    WhatIf(super::whatif::WhatIf),
    /// The name and note of the scenario shown, or deleting it.
    Scenario {
        index: usize,
    },
}

/// The checked values of a form, read by the fields' names.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Values(Vec<(Key, Value)>);

impl Values {
    /// The value of `key`; a form without that field is a programming error
    /// (caught by the tests), read as an empty value.
    pub fn get(&self, key: Key) -> Option<&Value> {
        let v = self.0.iter().find(|(k, _)| *k == key).map(|(_, v)| v);
        debug_assert!(v.is_some(), "the form has no field {key:?}");
        v
    }
    /// Whether the form has a field `key`.
    pub fn has(&self, key: Key) -> bool {
        self.0.iter().any(|(k, _)| *k == key)
    }
    pub fn text(&self, key: Key) -> String {
        self.get(key).map(Value::text).unwrap_or_default()
    }
    pub fn int(&self, key: Key) -> Option<i64> {
        self.get(key).and_then(Value::int)
    }
    pub fn date(&self, key: Key) -> Option<Date> {
        self.get(key).and_then(Value::date)
    }
    pub fn mark(&self, key: Key) -> Option<Mark> {
        self.get(key).and_then(Value::mark)
    }
    pub fn choice(&self, key: Key) -> usize {
        self.get(key).map(Value::choice).unwrap_or(0)
    }
    pub fn bool(&self, key: Key) -> bool {
        self.get(key).is_some_and(Value::bool)
    }
    pub fn year(&self, key: Key) -> Option<AcademicYear> {
        self.get(key).and_then(Value::year)
    }
}

/// A form on screen.
#[derive(Clone, Debug)]
pub struct Form {
    pub title: String,
    pub fields: Vec<Field>,
    pub focus: usize,
    pub target: FormTarget,
    /// A message for the whole form (after a refused submit).
    pub message: Option<String>,
}

impl Form {
    pub fn new(title: impl Into<String>, target: FormTarget, fields: Vec<Field>) -> Form {
        let focus = fields.iter().position(Field::is_focusable).unwrap_or(0);
        Form {
            title: title.into(),
            fields,
            focus,
            target,
            message: None,
        }
    }

    /// The field named `key`.
    pub fn field(&self, key: Key) -> Option<&Field> {
        self.fields.iter().find(|f| f.key == key)
    }

    /// The field named `key`, to change it.
    pub fn field_mut(&mut self, key: Key) -> Option<&mut Field> {
        self.fields.iter_mut().find(|f| f.key == key)
    }

    /// Field `i` as it is checked now: a mark judged by a ja/nee field
    /// takes that field's present value.
    pub fn resolved(&self, i: usize) -> Option<Field> {
        let mut f = self.fields.get(i)?.clone();
        if let FieldKind::Mark {
            pass_fail,
            judged_by: Some(by),
            ..
        } = &mut f.kind
        {
            *pass_fail = self.field(*by).is_some_and(|b| b.input.value() == "ja");
        }
        Some(f)
    }

    /// The text a read-only line shows now (the line for the present
    /// option of the field it follows).
    pub fn follow_text(&self, f: &Field) -> String {
        match &f.kind {
            FieldKind::Follows { of, lines } => {
                let now = self.field(*of).map(|o| o.input.value()).unwrap_or("");
                lines
                    .iter()
                    .find(|(option, _)| option == now)
                    .map(|(_, line)| line.clone())
                    .unwrap_or_default()
            }
            _ => String::new(),
        }
    }

    /// Field `i` checked as it is now.
    pub fn check(&self, i: usize) -> Result<Value, String> {
        self.resolved(i)
            .map_or(Ok(Value::Text(String::new())), |f| f.check())
    }

    /// Edits the focused field. A value just selected by Tab is replaced
    /// by what is typed, and cleared by Backspace or Delete.
    pub fn input(&mut self, req: InputRequest) {
        if let Some(f) = self.fields.get_mut(self.focus) {
            let selected = std::mem::take(&mut f.selected);
            if f.is_typed() {
                match req {
                    InputRequest::InsertChar(_) if selected => f.input = Input::default(),
                    InputRequest::DeletePrevChar | InputRequest::DeleteNextChar if selected => {
                        f.input = Input::default();
                        return;
                    }
                    _ => {}
                }
                f.input.handle(req);
            } else if matches!(req, InputRequest::InsertChar(' ')) {
                f.cycle(1);
            }
        }
    }

    /// Moves the focus `step` fields on (skipping read-only lines); the
    /// value of the field it lands on is selected.
    fn step(&mut self, step: isize) {
        let n = self.fields.len() as isize;
        if n == 0 {
            return;
        }
        if let Some(f) = self.fields.get_mut(self.focus) {
            f.selected = false;
        }
        let mut i = self.focus as isize;
        for _ in 0..n {
            i = (i + step).rem_euclid(n);
            if self.fields[i as usize].is_focusable() {
                break;
            }
        }
        self.focus = i as usize;
        let f = &mut self.fields[self.focus];
        f.selected = f.is_typed() && !f.input.value().is_empty();
    }

    pub fn next(&mut self) {
        self.step(1);
    }

    pub fn prev(&mut self) {
        self.step(-1);
    }

    /// Every value by its name, or the first field in error (focused) with
    /// its message.
    pub fn values(&mut self) -> Result<Values, String> {
        let mut out = Vec::new();
        for i in 0..self.fields.len() {
            if !self.fields[i].is_focusable() {
                continue;
            }
            match self.check(i) {
                Ok(v) => out.push((self.fields[i].key, v)),
                Err(e) => {
                    self.focus = i;
                    return Err(format!("{}: {e}", self.fields[i].label));
                }
            }
        }
        Ok(Values(out))
    }
}

/// The hint beside a field: the format it takes.
pub fn hint(f: &Field) -> String {
    match f.kind {
        FieldKind::Mark {
            pass_fail: true, ..
        } => "geslaagd (g), niet geslaagd (ng), afwezig".into(),
        FieldKind::Mark { whole: true, .. } => "0–20, afwezig, F; leeg: nog geen".into(),
        FieldKind::Mark { .. } => "0–20 (bv. 9,4), afwezig, F".into(),
        _ => f.hint.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(f: &mut Field, s: &str) {
        f.input = Input::new(s.to_string());
    }

    #[test]
    fn fields_check_their_values() {
        let mut sp = Field::int(Key::Sp, "SP", None, (3, 60), false, "");
        typed(&mut sp, "2");
        assert!(sp.check().unwrap_err().contains("3 tot en met 60"));
        typed(&mut sp, "6");
        assert_eq!(sp.check().unwrap(), Value::Int(Some(6)));
        let span = Some(("2017-09-18".parse().unwrap(), "2018-09-16".parse().unwrap()));
        let mut d = Field::date(Key::Date, "Datum", None, true, span, "");
        assert_eq!(d.check().unwrap(), Value::Date(None));
        typed(&mut d, "2016-10-01");
        assert!(d.check().unwrap_err().contains("buiten"));
        for written in ["25-09-2017", "25/9/2017", "25.9.2017", "2017-09-25"] {
            typed(&mut d, written);
            assert_eq!(
                d.check().unwrap(),
                Value::Date(Date::ymd(2017, 9, 25)),
                "{written}"
            );
        }
        typed(&mut d, "31-02-2018");
        assert!(d.check().unwrap_err().contains("D/M/JJJJ"));
        let mut m = Field::mark(Key::First, "1e kans", None, true, false);
        typed(&mut m, "9.5");
        assert!(m.check().is_err());
        typed(&mut m, "afwezig");
        assert_eq!(m.check().unwrap(), Value::Mark(Some(Mark::Absent)));
    }

    #[test]
    fn choices_cycle() {
        let mut c = Field::choice(Key::Contract, "Contract", &["a", "b", "c"], 0);
        c.cycle(-1);
        assert_eq!(c.check().unwrap(), Value::Choice(2));
        let mut b = Field::bool(Key::Exempt, "Vrijgesteld", false);
        b.cycle(1);
        assert_eq!(b.check().unwrap(), Value::Bool(true));
    }
}
