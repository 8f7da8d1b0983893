//! A case over two academic years whose regulations differ: every figure
//! uses the values in force in its own year (ledger, SE, 13.1, 11.3 §3,
//! tolerance), and every shipped parameter file is loaded and valid.

use std::path::Path;

use traject::casefile::load_case;
use traject::model::AcademicYear;
use traject::params::{Params, load_only};
use traject::rules::{Code, compute, resolve_as_of};

fn fixture() -> (traject::model::Case, Params) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/rules/two-years");
    let params = load_only(&dir).expect("the test rules are valid");
    let case = load_case(&dir.with_file_name("two-years-case.ron")).expect("the test case parses");
    (case, params)
}

#[test]
fn each_year_is_judged_by_its_own_regulation() {
    let (case, params) = fixture();
    let o = compute(&case, &params, resolve_as_of(&case, None).unwrap());

    // Ledger: the bonus cap is 20 in 2016-2017, 60 from 2017-2018 on.
    let r16 = o.ledger_row(AcademicYear(2016)).unwrap();
    assert_eq!(
        (r16.taken, r16.acquired, r16.bonus, r16.end),
        (60, 30, 20, 130)
    );
    let r17 = o.ledger_row(AcademicYear(2017)).unwrap();
    assert_eq!((r17.acquired, r17.bonus, r17.end), (30, 30, 130));

    // 13.1: 50 % is too little under 2016-2017's 60 %, enough under 2017-2018's 50 %.
    let binding: Vec<AcademicYear> = o
        .warnings
        .iter()
        .filter(|w| w.code == Code::BindingConditions)
        .filter_map(|w| w.year)
        .collect();
    assert_eq!(binding, vec![AcademicYear(2016)]);

    // 11.3 §3 likewise.
    let p = o.programme("P").unwrap();
    let trajectory: Vec<Option<bool>> = p.years.iter().map(|y| y.automatic_trajectory).collect();
    assert_eq!(trajectory, vec![Some(false), Some(true)]);

    // Tolerance: 20 % of 120 SP under 2017-2018 (the programme's last year).
    let t = p.tolerance.as_ref().unwrap();
    assert_eq!(t.available_hundredths, 2400);
    // A 7 is tolerable only under 2017-2018's regulation.
    let a3 = t.units.iter().find(|v| v.code == "A3").unwrap();
    let b3 = t.units.iter().find(|v| v.code == "B3").unwrap();
    assert!(a3.fails.iter().any(|c| c.key() == "b"), "{a3:?}");
    assert!(b3.fails.iter().all(|c| c.key() != "b"), "{b3:?}");
}

#[test]
fn a_year_without_its_own_regulation_says_which_one_stands_in() {
    let (mut case, params) = fixture();
    case.years[1].year = AcademicYear(2019);
    let o = compute(&case, &params, resolve_as_of(&case, None).unwrap());
    let p = o.programme("P").unwrap();
    let y = p
        .years
        .iter()
        .find(|y| y.year == AcademicYear(2019))
        .unwrap();
    let said: Vec<String> = y.lines.iter().map(|l| l.msg.to_string()).collect();
    assert!(
        said.iter().any(|s| s
            .contains("Voor 2019-2020 kent traject geen reglement van Testhogeschool")
            && s.contains("2017-2018")),
        "{said:#?}"
    );
}

#[test]
fn every_shipped_parameter_file_is_loaded_and_valid() {
    let p = Params::default();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/rules");
    let mut on_disk = Vec::new();
    let mut stack = vec![root.clone()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let path = e.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                on_disk.push(format!(
                    "assets/rules/{}",
                    path.strip_prefix(&root).unwrap().display()
                ));
            }
        }
    }
    on_disk.sort();
    let mut read = p.sources.clone();
    read.sort();
    assert_eq!(read, on_disk);
    // The shipped set also validates as a user set of its own.
    assert!(load_only(&root).is_ok());
}
