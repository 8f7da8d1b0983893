//! Exact ratios for percentages: decisions compare the ratio itself, and
//! only display rounds (half up).

use std::fmt;

/// `num / den`, with `den > 0`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ratio {
    pub num: u64,
    pub den: u64,
}

impl Ratio {
    /// The ratio, or `None` when the denominator is zero (undefined, never 0 %).
    pub fn new(num: u64, den: u64) -> Option<Ratio> {
        (den > 0).then_some(Ratio { num, den })
    }

    /// Whether the ratio is at least `percent` %: `num · 100 ≥ percent · den`.
    pub fn at_least_percent(self, percent: u32) -> bool {
        u128::from(self.num) * 100 >= u128::from(percent) * u128::from(self.den)
    }

    /// The percentage in hundredths of a percent, rounded half up
    /// (`2/3` → 6667, shown 66.67).
    pub fn percent_hundredths(self) -> u64 {
        let n = u128::from(self.num) * 10_000;
        let d = u128::from(self.den);
        u64::try_from((2 * n + d) / (2 * d)).unwrap_or(u64::MAX)
    }

    /// The percentage rounded half up to two decimals, for JSON.
    pub fn percent_2(self) -> f64 {
        self.percent_hundredths() as f64 / 100.0
    }

    /// The percentage rounded half up to one decimal, as the screen shows it
    /// (`66,7 %`).
    pub fn percent_1_dutch(self) -> String {
        let n = u128::from(self.num) * 1_000;
        let d = u128::from(self.den);
        let tenths = (2 * n + d) / (2 * d);
        format!("{},{} %", tenths / 10, tenths % 10)
    }
}

impl fmt::Display for Ratio {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.percent_1_dutch())
    }
}

/// A percentage as the screen shows it (`66,7 %`), or `—` when undefined.
pub fn percent_or_dash(r: Option<Ratio>) -> String {
    r.map(Ratio::percent_1_dutch)
        .unwrap_or_else(|| "—".to_string())
}

/// Hundredths shown as a Dutch decimal with one or two decimals: `720` →
/// `7,2`, `567` → `5,67`, `-30` → `-0,3`.
pub fn hundredths_dutch(h: i64) -> String {
    let sign = if h < 0 { "-" } else { "" };
    let a = h.unsigned_abs();
    if a.is_multiple_of(10) {
        format!("{sign}{},{}", a / 100, (a % 100) / 10)
    } else {
        format!("{sign}{},{:02}", a / 100, a % 100)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn undefined_is_none_not_zero() {
        assert_eq!(Ratio::new(0, 0), None);
    }

    #[test]
    fn boundaries_compare_exactly() {
        let half = Ratio::new(6, 12).unwrap();
        assert!(half.at_least_percent(50));
        assert!(!Ratio::new(5, 12).unwrap().at_least_percent(50));
        let sixty = Ratio::new(36, 60).unwrap();
        assert!(sixty.at_least_percent(60));
        assert!(!Ratio::new(35, 60).unwrap().at_least_percent(60));
        // 2999/5000 = 59.98 %: displayed 60.0 with one decimal, still < 60 %.
        let almost = Ratio::new(2999, 5000).unwrap();
        assert_eq!(almost.percent_1_dutch(), "60,0 %");
        assert!(!almost.at_least_percent(60));
    }

    #[test]
    fn display_rounds_half_up() {
        assert_eq!(Ratio::new(2, 3).unwrap().percent_hundredths(), 6667);
        assert_eq!(Ratio::new(1, 8).unwrap().percent_hundredths(), 1250);
        assert_eq!(Ratio::new(1, 3).unwrap().percent_1_dutch(), "33,3 %");
        // Shown with `{}` the way the screen shows it.
        assert_eq!(format!("{}", Ratio::new(1, 3).unwrap()), "33,3 %");
        assert_eq!(hundredths_dutch(720), "7,2");
        assert_eq!(hundredths_dutch(0), "0,0");
        assert_eq!(hundredths_dutch(-30), "-0,3");
    }
}
