//! A large synthetic case for benchmarks: 12 years, 3 programmes, 300
//! units, with withdrawals, second chances, composite units, exemptions
//! and tolerances.

use traject::model::*;

/// The 300-unit case.
pub fn synthetic_case() -> Case {
    synthetic_case_of(300)
}

/// The same mix with `count` units over 12 years and 3 programmes.
pub fn synthetic_case_of(count: usize) -> Case {
    let per_enrolment = count.div_ceil(27).max(13);
    let mut c = Case::new("Synthetisch");
    c.programmes = vec![
        Programme::new("CH", "Chemie", ProgrammeKind::Bachelor, 180),
        {
            let mut p = Programme::new("VG", "Vastgoed", ProgrammeKind::Bachelor, 180);
            p.system = PeriodSystem::Semester;
            p
        },
        Programme::new("MA", "Master Chemie", ProgrammeKind::Master, 120),
    ];
    let mut n = 0;
    for y in 0..12 {
        let ay = AcademicYear(2010 + y);
        let mut year = Year::new(ay);
        for (pi, pid) in ["CH", "VG", "MA"].iter().enumerate() {
            if (y as usize + pi) % 3 == 2 && !(y == 7 && pi == 0) {
                continue;
            }
            let mut units = Vec::new();
            for i in 0..per_enrolment {
                if n >= count {
                    break;
                }
                n += 1;
                let mut u = Unit::new(
                    &format!("{pid}-{y}-{i}"),
                    &format!("Opleidingsonderdeel {i}"),
                    3 + (i % 4) as u32,
                );
                u.period = if pi == 1 {
                    [Period::S1, Period::S2][i % 2]
                } else {
                    Period::Year
                };
                u.grensdatum = Some(Date::ymd(2010 + y, 10, 23).unwrap());
                match i % 6 {
                    0 => u.first = Some(Mark::whole(14)),
                    1 => {
                        u.first = Some(Mark::whole(7));
                        u.second = Some(Mark::whole(11));
                    }
                    2 => {
                        u.first = Some(Mark::whole(9));
                        u.tolerated = i % 12 == 2;
                    }
                    3 => {
                        u.parts = vec![
                            Part {
                                name: "Theorie".into(),
                                weight: 2,
                                first: Some(Mark::Tenths(94)),
                                second: Some(Mark::Tenths(112)),
                            },
                            Part {
                                name: "Labo".into(),
                                weight: 1,
                                first: Some(Mark::Tenths(126)),
                                second: None,
                            },
                        ];
                    }
                    4 => u.exempt = true,
                    _ => {
                        u.withdrawal = Some(UnitWithdrawal {
                            date: Date::ymd(2010 + y, 10, 20).unwrap(),
                            removal: false,
                        })
                    }
                }
                units.push(u);
            }
            year.enrolments.push(Enrolment {
                programme: pid.to_string(),
                contract: if pi == 1 && y % 4 == 0 {
                    Contract::Credit
                } else {
                    Contract::Diploma
                },
                enrolled: None,
                withdrawn: None,
                units,
            });
        }
        c.years.push(year);
    }
    c.events.push(Event::MasterDiploma(AcademicYear(2019)));
    c
}
