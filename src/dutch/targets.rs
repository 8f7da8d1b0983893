//! The sentences of "wat moet je nog halen?" (RULES.md §7), for the
//! counsellor (de student) and for the student's report (je).

use std::fmt::{self, Formatter};

use crate::rules::{Goal, Msg, Target, TargetMsg};

use super::listing;

/// Who a sentence speaks to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Voice {
    /// The counsellor reads about the student.
    Counsellor,
    /// The student reads about themselves (the report).
    Student,
}

pub fn target(m: &TargetMsg, voice: Voice, f: &mut Formatter<'_>) -> fmt::Result {
    let (who, must) = match voice {
        Voice::Counsellor => ("de student", "moet de student"),
        Voice::Student => ("je", "moet je"),
    };
    match m {
        TargetMsg::Need {
            goal,
            programme,
            year,
            acquired,
            taken,
            percent,
            need,
            reachable: true,
            units,
        } => {
            let programme = programme.as_deref().unwrap_or("");
            match goal {
                Goal::BindingConditions => write!(
                    f,
                    "Om bindende voorwaarden te vermijden {must} nog minstens {need} SP halen (in {year} minstens {percent} % van {taken} opgenomen SP; nu {acquired} verworven), bijvoorbeeld {}.",
                    listing(units)
                ),
                Goal::IndividualTrajectory => write!(
                    f,
                    "Voor een automatisch individueel traject in {} {must} in {programme} nog minstens {need} SP halen (studie-efficiëntie van minstens {percent} %; nu {acquired} van {taken}), bijvoorbeeld {}.",
                    year.next(),
                    listing(units)
                ),
                Goal::ToleranceSe => write!(
                    f,
                    "Om tekorten in {programme} te kunnen tolereren {must} nog minstens {need} SP halen (cumulatieve studie-efficiëntie van minstens {percent} %; nu {acquired} van {taken}), bijvoorbeeld {}.",
                    listing(units)
                ),
                Goal::BalancePositive => Ok(()),
            }
        }
        TargetMsg::Need {
            goal,
            programme,
            year,
            percent,
            taken,
            need,
            ..
        } => {
            let programme = programme.as_deref().unwrap_or("");
            match goal {
                Goal::BindingConditions => write!(
                    f,
                    "Bindende voorwaarden zijn niet meer te vermijden: ook als alle {need} SP die nog een resultaat krijgen slagen, blijft {who} in {year} onder {percent} % van {taken} opgenomen SP."
                ),
                Goal::IndividualTrajectory => write!(
                    f,
                    "Een automatisch individueel traject in {} is niet meer haalbaar in {programme}: ook met alle {need} SP die nog komen, blijft de studie-efficiëntie onder {percent} %.",
                    year.next()
                ),
                Goal::ToleranceSe => write!(
                    f,
                    "Tekorten tolereren in {programme} wordt niet meer mogelijk: ook met alle {need} SP die nog komen, blijft de cumulatieve studie-efficiëntie onder {percent} %."
                ),
                Goal::BalancePositive => Ok(()),
            }
        }
        TargetMsg::Balance {
            end,
            need,
            reachable: true,
            units,
            ..
        } => write!(
            f,
            "Het leerkrediet eindigt nu op {end}: om te vermijden dat de volgende inschrijving geweigerd wordt, {must} nog minstens {need} SP halen, bijvoorbeeld {}.",
            listing(units)
        ),
        TargetMsg::Balance { need, .. } => write!(
            f,
            "Ook als alle {need} SP die nog een resultaat krijgen slagen, blijft het leerkrediet 0 of minder: de volgende inschrijving wordt geweigerd, tenzij de uitzondering van Art. 8.1 §10 geldt."
        ),
    }
}

/// A goal's sentence in the given voice.
pub fn target_sentence(t: &Target, voice: Voice) -> String {
    struct Shown<'a>(&'a TargetMsg, Voice);
    impl fmt::Display for Shown<'_> {
        fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
            target(self.0, self.1, f)
        }
    }
    t.lines
        .iter()
        .find_map(|l| match &l.msg {
            Msg::Target(m) => Some(Shown(m, voice).to_string()),
            _ => None,
        })
        .unwrap_or_default()
}

/// The name of a goal, for a list or a heading.
pub fn goal(g: Goal) -> &'static str {
    match g {
        Goal::BindingConditions => "geen bindende voorwaarden",
        Goal::IndividualTrajectory => "automatisch individueel traject",
        Goal::ToleranceSe => "tekorten tolereren",
        Goal::BalancePositive => "leerkrediet boven 0",
    }
}

/// The same, short, for a narrow pane.
pub fn goal_short(g: Goal) -> &'static str {
    match g {
        Goal::BindingConditions => "geen bind. voorw.",
        Goal::IndividualTrajectory => "autom. traject",
        Goal::ToleranceSe => "tolereren",
        Goal::BalancePositive => "saldo > 0",
    }
}
