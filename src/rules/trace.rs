//! Trace lines: every figure explained line by line with its article.

/// One line of an explanation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    /// The article that produced it, e.g. `"Art. 8.1 §3"`.
    pub article: &'static str,
    /// What it adds to the figure, in SP (ledger lines), if anything.
    pub amount: Option<i64>,
    /// It rests on a reading that RULES.md marks as an Interpretation.
    pub interpretation: bool,
    /// A Dutch sentence a student understands.
    pub text: String,
}

impl Line {
    /// A line that moves a figure by `amount`.
    pub fn amount(article: &'static str, amount: i64, text: impl Into<String>) -> Line {
        Line {
            article,
            amount: Some(amount),
            interpretation: false,
            text: text.into(),
        }
    }

    /// A line that explains without moving a figure.
    pub fn note(article: &'static str, text: impl Into<String>) -> Line {
        Line {
            article,
            amount: None,
            interpretation: false,
            text: text.into(),
        }
    }

    /// Marks the line as resting on an Interpretation of RULES.md.
    pub fn interpreted(mut self) -> Line {
        self.interpretation = true;
        self
    }

    /// Marks the line as an Interpretation when `yes`.
    pub fn interpreted_if(mut self, yes: bool) -> Line {
        self.interpretation |= yes;
        self
    }
}

/// `n studiepunt` or `n studiepunten`.
pub fn sp(n: i64) -> String {
    if n == 1 || n == -1 {
        format!("{n} studiepunt")
    } else {
        format!("{n} studiepunten")
    }
}

/// An amount with its sign: `+54`, `-60`, `0`.
pub fn signed(n: i64) -> String {
    if n > 0 {
        format!("+{n}")
    } else {
        n.to_string()
    }
}

/// A list of unit codes for a sentence: `CH-1, CH-2 en CH-3`.
pub fn listing(items: &[String]) -> String {
    match items.len() {
        0 => String::new(),
        1 => items[0].clone(),
        n => format!("{} en {}", items[..n - 1].join(", "), items[n - 1]),
    }
}
