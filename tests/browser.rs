//! The HTML report in a real browser: headless Chromium prints it to PDF
//! (A4, one page per section) and lays it out at the width of an A4 page to
//! find any text that runs out of its box. Skipped, with a note, when
//! Chromium is not installed (`.ci/run` installs it).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use traject::casefile::load_case;
use traject::model::{Case, Chance, Change, Mark, Scenario};
use traject::params::Params;
use traject::report::report_html;

mod home;
use home::Home;

/// The Chromium binary, when there is one.
fn chromium() -> Option<&'static str> {
    ["chromium", "chromium-browser"].into_iter().find(|b| {
        Command::new(b)
            .arg("--version")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    })
}

/// Runs headless Chromium with `args` on `page`; its stdout. Killed after a
/// minute.
fn run(browser: &str, tmp: &Path, args: &[String], page: &Path) -> String {
    let profile = tmp.join("profile");
    // Chromium keeps its caches and settings in a home of its own.
    let home = Home::new();
    let mut child = home
        .apply(&mut Command::new(browser))
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .arg(format!("file://{}", page.display()))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromium starts");
    let start = Instant::now();
    loop {
        if child.try_wait().expect("chromium runs").is_some() {
            break;
        }
        if start.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            panic!("chromium did not finish within a minute");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let out = child.wait_with_output().expect("chromium output");
    String::from_utf8_lossy(&out.stdout).to_string()
}

/// The number of pages of a PDF: the `/Count` of its page tree.
fn pages(pdf: &[u8]) -> usize {
    let text = String::from_utf8_lossy(pdf);
    let at = text.find("/Type /Pages").expect("a page tree");
    // The /Count of the dictionary around "/Type /Pages".
    let start = text[..at].rfind("<<").unwrap_or(0);
    let end = at + text[at..].find(">>").expect("end of the dictionary");
    let dict = &text[start..end];
    let count = dict.split("/Count").nth(1).expect("/Count");
    count
        .trim_start()
        .split(|c: char| !c.is_ascii_digit())
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

/// The print layout on screen, at the width of an A4 page inside its
/// margins, with a script that lists every element whose content is wider
/// than its box or that runs past the page.
fn overflow_page(html: &str) -> String {
    let check = r#"<pre id="overflow"></pre><script>
var bad = [];
var page = document.documentElement.clientWidth;
document.querySelectorAll('body *').forEach(function (e) {
  if (e.id === 'overflow' || e.tagName === 'SCRIPT') return;
  var r = e.getBoundingClientRect();
  if (e.clientWidth > 0 && e.scrollWidth > e.clientWidth + 1) {
    bad.push(e.tagName + ' is ' + e.scrollWidth + ' wide in ' + e.clientWidth + ': ' + e.textContent.slice(0, 60));
  } else if (r.right > page + 1) {
    bad.push(e.tagName + ' ends at ' + Math.round(r.right) + ' of ' + page + ': ' + e.textContent.slice(0, 60));
  }
});
document.getElementById('overflow').textContent = bad.length ? bad.join('\n') : 'none';
</script></body>"#;
    html.replace("@media print{", "@media all{")
        .replace("</body>", check)
}

/// A4 is 210 mm wide; the page margins are 15 mm: 180 mm at 96 px an inch.
const A4_CONTENT_PX: u32 = 680;

/// Prints the report and checks its layout; returns the page count and
/// the number of sections.
fn print_and_check(browser: &str, case: &Case) -> (usize, usize) {
    let tmp = tempfile::tempdir().unwrap();
    let html = report_html(
        case,
        &Params::default(),
        None,
        "2018-09-20".parse().unwrap(),
    )
    .unwrap();
    let report = tmp.path().join("verslag.html");
    std::fs::write(&report, &html).unwrap();
    let pdf: PathBuf = tmp.path().join("verslag.pdf");
    run(
        browser,
        tmp.path(),
        &[
            format!("--print-to-pdf={}", pdf.display()),
            "--no-pdf-header-footer".into(),
        ],
        &report,
    );
    let bytes = std::fs::read(&pdf).expect("chromium wrote the PDF");
    assert!(bytes.starts_with(b"%PDF"), "not a PDF");
    let page = tmp.path().join("overflow.html");
    std::fs::write(&page, overflow_page(&html)).unwrap();
    let dom = run(
        browser,
        tmp.path(),
        &[
            format!("--window-size={A4_CONTENT_PX},1200"),
            "--dump-dom".into(),
        ],
        &page,
    );
    let found = dom
        .split("<pre id=\"overflow\">")
        .nth(1)
        .and_then(|s| s.split("</pre>").next())
        .expect("the check ran");
    assert_eq!(found, "none", "text runs out of its box:\n{found}");
    (pages(&bytes), html.matches("<section>").count())
}

#[test]
fn the_html_report_prints_on_a4_one_page_per_section_without_overflow() {
    let Some(browser) = chromium() else {
        eprintln!(
            "note: chromium is not installed; the print check of the HTML report is skipped (.ci/run installs it)"
        );
        return;
    };
    let w01 =
        load_case(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases/W01.ron")).unwrap();
    let (pages, sections) = print_and_check(browser, &w01);
    // The title with "In het kort", the ledger, efficiency and tolerance,
    // the scenarios: each on its own page.
    assert_eq!(sections, 4);
    assert_eq!(pages, 4);
}

#[test]
fn long_names_and_many_scenarios_stay_inside_the_page() {
    let Some(browser) = chromium() else {
        eprintln!(
            "note: chromium is not installed; the print check of the HTML report is skipped (.ci/run installs it)"
        );
        return;
    };
    let mut case =
        load_case(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases/W01.ron")).unwrap();
    case.student.name = "Maximiliaan-Alexander Vandenbroucke-Verhaeghe-Oosterlinck".into();
    case.programmes[0].name =
        "Biomedischelaboratoriumtechnologieenfarmaceutischeenbiologischelaboratoriumtechnologie"
            .into();
    for (i, u) in case.years[0].enrolments[0].units.iter_mut().enumerate() {
        u.name = format!("Onderzoeksvaardighedenenwetenschappelijkerapportering{i}");
    }
    for i in 0..5 {
        case.scenarios.push(Scenario {
            name: format!("Tweedezittijdvoorinformaticaenwiskunde-variant-{i}"),
            note: String::new(),
            changes: vec![Change::SetResult {
                year: "2017-2018".parse().unwrap(),
                programme: "CH".into(),
                code: "CH-AC1".into(),
                chance: Chance::Second,
                mark: Some(Mark::whole(10 + i)),
            }],
        });
    }
    let (pages, sections) = print_and_check(browser, &case);
    assert!(pages >= sections, "{pages} pages for {sections} sections");
}
