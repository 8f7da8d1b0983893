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
    /// An exam result; whole grades only when `whole`.
    Mark { whole: bool, pass_fail: bool },
    /// One of the options (the input holds the option's text).
    Choice(Vec<String>),
    /// ja / nee.
    Bool,
    /// An academic year `2017-2018`; empty allowed when `optional`.
    Year { optional: bool },
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

/// One field of a form.
#[derive(Clone, Debug)]
pub struct Field {
    pub label: String,
    pub kind: FieldKind,
    pub input: Input,
    /// The format or default shown beside the field.
    pub hint: String,
}

impl Field {
    fn new(label: &str, kind: FieldKind, value: String, hint: &str) -> Field {
        Field {
            label: label.to_string(),
            kind,
            input: Input::new(value),
            hint: hint.to_string(),
        }
    }

    pub fn text(label: &str, value: &str, required: bool) -> Field {
        Field::new(label, FieldKind::Text { required }, value.to_string(), "")
    }

    /// The same field with another hint beside it.
    pub fn with_hint(mut self, hint: &str) -> Field {
        self.hint = hint.to_string();
        self
    }

    pub fn int(
        label: &str,
        value: Option<i64>,
        min: i64,
        max: i64,
        optional: bool,
        hint: &str,
    ) -> Field {
        Field::new(
            label,
            FieldKind::Int { min, max, optional },
            value.map(|v| v.to_string()).unwrap_or_default(),
            hint,
        )
    }

    pub fn date(
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
            label,
            FieldKind::Date { optional, span },
            value.map(|d| d.dutch()).unwrap_or_default(),
            &hint,
        )
    }

    pub fn mark(label: &str, value: Option<Mark>, whole: bool, pass_fail: bool) -> Field {
        let hint = if pass_fail {
            "geslaagd, niet geslaagd, afwezig"
        } else if whole {
            "0–20, afwezig, F"
        } else {
            "0–20 (bv. 9.4), afwezig, F"
        };
        Field::new(
            label,
            FieldKind::Mark { whole, pass_fail },
            value.map(|m| m.to_string()).unwrap_or_default(),
            hint,
        )
    }

    pub fn choice(label: &str, options: &[&str], selected: usize) -> Field {
        let options: Vec<String> = options.iter().map(|s| s.to_string()).collect();
        let value = options.get(selected).cloned().unwrap_or_default();
        Field::new(label, FieldKind::Choice(options), value, "←/→ of spatie")
    }

    pub fn bool(label: &str, value: bool) -> Field {
        Field::new(
            label,
            FieldKind::Bool,
            if value { "ja" } else { "nee" }.to_string(),
            "spatie",
        )
    }

    pub fn year(label: &str, value: Option<AcademicYear>, optional: bool) -> Field {
        Field::new(
            label,
            FieldKind::Year { optional },
            value.map(|y| y.to_string()).unwrap_or_default(),
            "JJJJ-JJJJ",
        )
    }

    /// Whether typing edits this field (choices and booleans cycle instead).
    pub fn is_typed(&self) -> bool {
        !matches!(self.kind, FieldKind::Choice(_) | FieldKind::Bool)
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
            FieldKind::Mark { whole, pass_fail } => {
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
        Form {
            title: title.into(),
            fields,
            focus: 0,
            target,
            message: None,
        }
    }

    /// Edits the focused field.
    pub fn input(&mut self, req: InputRequest) {
        if let Some(f) = self.fields.get_mut(self.focus) {
            if f.is_typed() {
                f.input.handle(req);
            } else if matches!(req, InputRequest::InsertChar(' ')) {
                f.cycle(1);
            }
        }
    }

    pub fn next(&mut self) {
        self.focus = (self.focus + 1) % self.fields.len().max(1);
    }

    pub fn prev(&mut self) {
        let n = self.fields.len().max(1);
        self.focus = (self.focus + n - 1) % n;
    }

    /// Every value, or the first field in error (focused) with its message.
    pub fn values(&mut self) -> Result<Vec<Value>, String> {
        let mut out = Vec::new();
        for (i, f) in self.fields.iter().enumerate() {
            match f.check() {
                Ok(v) => out.push(v),
                Err(e) => {
                    self.focus = i;
                    return Err(format!("{}: {e}", f.label));
                }
            }
        }
        Ok(out)
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
        let mut sp = Field::int("SP", None, 3, 60, false, "");
        typed(&mut sp, "2");
        assert!(sp.check().unwrap_err().contains("3 tot en met 60"));
        typed(&mut sp, "6");
        assert_eq!(sp.check().unwrap(), Value::Int(Some(6)));
        let span = Some(("2017-09-18".parse().unwrap(), "2018-09-16".parse().unwrap()));
        let mut d = Field::date("Datum", None, true, span, "");
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
        let mut m = Field::mark("1e kans", None, true, false);
        typed(&mut m, "9.5");
        assert!(m.check().is_err());
        typed(&mut m, "afwezig");
        assert_eq!(m.check().unwrap(), Value::Mark(Some(Mark::Absent)));
    }

    #[test]
    fn choices_cycle() {
        let mut c = Field::choice("Contract", &["a", "b", "c"], 0);
        c.cycle(-1);
        assert_eq!(c.check().unwrap(), Value::Choice(2));
        let mut b = Field::bool("Vrijgesteld", false);
        b.cycle(1);
        assert_eq!(b.check().unwrap(), Value::Bool(true));
    }
}
