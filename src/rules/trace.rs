//! Trace lines: every figure explained line by line with its article.
//!
//! A line holds its article, the amount it adds to the figure and a
//! message kind with its values ([`Msg`]); the Dutch sentence is produced
//! at the edges (terminal UI, `check` text and JSON, reports) by
//! [`crate::dutch`], one place per message.

use std::fmt;
use std::sync::Arc;

use super::msg::Msg;

/// A name or code from the case, shared by the lines that mention it.
pub type Name = Arc<str>;

/// Shares a name from the case.
pub fn name(s: &str) -> Name {
    Arc::from(s)
}

/// The provision a line rests on: an article of the exam regulation
/// (`Art. 18.3 §1 a`), or a source that is not an article.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Article {
    /// The article number (`"8.1"`, `"1.1.55"`), or the name of a source
    /// that is not an article (`"Mijn Burgerprofiel"`).
    pub art: &'static str,
    /// The paragraph (§), if any.
    pub par: Option<u8>,
    /// The letter within the paragraph (`a`–`g`), if any.
    pub letter: Option<char>,
}

impl Article {
    /// A whole article (`Art. 1.1.55`).
    pub const fn art(art: &'static str) -> Article {
        Article {
            art,
            par: None,
            letter: None,
        }
    }

    /// A paragraph of an article (`Art. 8.1 §3`).
    pub const fn par(art: &'static str, par: u8) -> Article {
        Article {
            art,
            par: Some(par),
            letter: None,
        }
    }

    /// A lettered point of a paragraph (`Art. 18.3 §1 a`).
    pub const fn letter(art: &'static str, par: u8, letter: char) -> Article {
        Article {
            art,
            par: Some(par),
            letter: Some(letter),
        }
    }

    /// The official database (Mijn Burgerprofiel), for reconciliation.
    pub const PORTAL: Article = Article::art("Mijn Burgerprofiel");

    /// The case itself (an error in what was entered), not an article.
    pub const CASE: Article = Article::art("dossier");

    /// No source: a line that frames an explanation.
    pub const NONE: Article = Article::art("");

    /// Whether this is an article of the regulation (not another source).
    pub fn is_article(self) -> bool {
        self.art.starts_with(|c: char| c.is_ascii_digit())
    }
}

impl fmt::Display for Article {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.is_article() {
            return f.write_str(self.art);
        }
        write!(f, "Art. {}", self.art)?;
        if let Some(p) = self.par {
            write!(f, " §{p}")?;
        }
        if let Some(l) = self.letter {
            write!(f, " {l}")?;
        }
        Ok(())
    }
}

/// One line of an explanation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    /// The article that produced it.
    pub article: Article,
    /// What it adds to the figure, in SP (ledger lines), if anything.
    pub amount: Option<i64>,
    /// It rests on a reading that RULES.md marks as an Interpretation.
    pub interpretation: bool,
    /// What it says, with its values.
    pub msg: Msg,
}

impl Line {
    /// A line that moves a figure by `amount`.
    pub fn amount(article: Article, amount: i64, msg: Msg) -> Line {
        Line {
            article,
            amount: Some(amount),
            interpretation: false,
            msg,
        }
    }

    /// A line that explains without moving a figure.
    pub fn note(article: Article, msg: Msg) -> Line {
        Line {
            article,
            amount: None,
            interpretation: false,
            msg,
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

/// Where trace lines go that are built only when an explanation is asked
/// for (a unit's own lines: computing every figure does not need them).
#[derive(Debug, Default)]
pub struct Sink {
    on: bool,
    lines: Vec<Line>,
}

impl Sink {
    /// A sink that keeps lines when `on`, else builds none.
    pub fn new(on: bool) -> Sink {
        Sink {
            on,
            lines: Vec::new(),
        }
    }

    /// Adds the line `line` builds, when the sink keeps lines.
    pub fn push(&mut self, line: impl FnOnce() -> Line) {
        if self.on {
            self.lines.push(line());
        }
    }

    /// The lines kept.
    pub fn into_lines(self) -> Vec<Line> {
        self.lines
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn articles_read_as_the_regulation_cites_them() {
        assert_eq!(Article::par("8.1", 3).to_string(), "Art. 8.1 §3");
        assert_eq!(
            Article::letter("18.3", 1, 'a').to_string(),
            "Art. 18.3 §1 a"
        );
        assert_eq!(Article::art("1.1.55").to_string(), "Art. 1.1.55");
        assert_eq!(Article::PORTAL.to_string(), "Mijn Burgerprofiel");
        assert!(!Article::CASE.is_article());
    }
}
