//! End to end: the real binary in tmux. Open a demo case, add a course
//! unit, see the balance change, save, reopen, see it again; end it with
//! SIGTERM, SIGHUP and a panic and find the terminal as it was, the lock
//! gone and the unsaved changes in a recovery file that the next start
//! offers to restore.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

use crate::home::{Home, shell_quote};

struct Tmux {
    session: String,
}

/// One tmux test at a time: when the last session of a server ends, the
/// server exits, and a session started at that moment fails.
static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn one_at_a_time() -> std::sync::MutexGuard<'static, ()> {
    ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner())
}

impl Tmux {
    fn start(session: &str, cmd: &str) -> Tmux {
        Tmux::start_at(session, cmd, 120, 40)
    }

    fn start_at(session: &str, cmd: &str, width: u16, height: u16) -> Tmux {
        Tmux::start_in(session, cmd, width, height, &[])
    }

    /// A session whose environment also holds `env`, as a login would set
    /// it for every program in it.
    fn start_in(
        session: &str,
        cmd: &str,
        width: u16,
        height: u16,
        env: &[(&str, PathBuf)],
    ) -> Tmux {
        let _ = Command::new("tmux")
            .args(["kill-session", "-t", session])
            .output();
        let mut new = Command::new("tmux");
        new.args(["new-session", "-d", "-s", session]).args([
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
        ]);
        for (var, value) in env {
            new.arg("-e").arg(format!("{var}={}", value.display()));
        }
        let ok = new
            .arg(cmd)
            .status()
            .expect("tmux is installed (.ci/run installs it)");
        assert!(ok.success());
        Tmux {
            session: session.to_string(),
        }
    }

    fn send(&self, keys: &[&str]) {
        for k in keys {
            let ok = Command::new("tmux")
                .args(["send-keys", "-t", &self.session, k])
                .status()
                .unwrap();
            assert!(ok.success());
            sleep(Duration::from_millis(40));
        }
    }

    fn text(&self, s: &str) {
        let ok = Command::new("tmux")
            .args(["send-keys", "-t", &self.session, "-l", s])
            .status()
            .unwrap();
        assert!(ok.success());
        sleep(Duration::from_millis(40));
    }

    fn screen(&self) -> String {
        let out = Command::new("tmux")
            .args(["capture-pane", "-p", "-t", &self.session])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).to_string()
    }

    /// Waits until the screen shows `what` (at most 20 s).
    fn wait_for(&self, what: &str) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if s.contains(what) {
                return s;
            }
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "waited for {what:?}; the screen shows:\n{s}"
            );
            sleep(Duration::from_millis(50));
        }
    }

    /// A tmux format of the pane, e.g. `#{alternate_on}`.
    fn format(&self, f: &str) -> String {
        let out = Command::new("tmux")
            .args(["display-message", "-p", "-t", &self.session, f])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    fn gone(&self) -> bool {
        !Command::new("tmux")
            .args(["has-session", "-t", &self.session])
            .status()
            .unwrap()
            .success()
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["kill-session", "-t", &self.session])
            .output();
    }
}

/// The test's own home (configuration, data and state, never the user's)
/// and its case directory.
struct Dirs {
    home: Home,
}

impl Dirs {
    fn new() -> Dirs {
        let home = Home::new();
        std::fs::create_dir(home.path().join("cases")).unwrap();
        Dirs { home }
    }

    fn path(&self, d: &str) -> PathBuf {
        self.home.path().join(d)
    }

    /// The recovery files in the state directory.
    fn recovery_files(&self) -> Vec<PathBuf> {
        std::fs::read_dir(self.home.state().join("traject/herstel"))
            .map(|r| r.flatten().map(|e| e.path()).collect())
            .unwrap_or_default()
    }
}

/// The binary in the test's home, on its case directory, with `extra`
/// arguments. With `after`, the shell runs it once traject ended (the pane
/// stays open).
fn command_in(dirs: &Dirs, extra: &str, env: &str, after: &str) -> String {
    let run = format!(
        "{} {env} {} --data-dir {} {extra}",
        dirs.home.env_prefix(),
        env!("CARGO_BIN_EXE_traject"),
        shell_quote(&dirs.path("cases").display().to_string()),
    );
    if after.is_empty() {
        run
    } else {
        format!("sh -c {}", shell_quote(&format!("{run}; {after}")))
    }
}

fn command(dirs: &Dirs, extra: &str) -> String {
    command_in(dirs, extra, "", "")
}

/// Waits until traject's session is gone (at most 20 s).
fn wait_gone(t: &Tmux) {
    let start = Instant::now();
    while !t.gone() {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "traject did not quit:\n{}",
            t.screen()
        );
        sleep(Duration::from_millis(50));
    }
}

#[test]
fn open_add_save_reopen_in_tmux() {
    let _serial = one_at_a_time();
    let dirs = Dirs::new();
    let session = format!("traject-e2e-{}", std::process::id());
    let t = Tmux::start(&session, &command(&dirs, ""));
    t.wait_for("nieuw dossier");
    // The demos are shown with v; S01 is found with the filter.
    t.send(&["v"]);
    t.wait_for("demo S01 FAQ");
    t.send(&["/"]);
    t.text("FAQ-voorbeeld");
    t.send(&["Enter"]);
    t.wait_for("leerkrediet 188");
    t.send(&["Tab", "a"]);
    t.wait_for("Opleidingsonderdeel toevoegen");
    t.text("CH-11");
    t.send(&["Tab"]);
    t.text("Statistiek");
    t.send(&["Enter"]);
    t.wait_for("leerkrediet 182");
    t.wait_for("niet bewaard");
    t.send(&["C-s"]);
    t.wait_for("Opslaan als");
    t.send(&["Enter"]);
    t.wait_for("Bewaard in");
    t.send(&["q"]);
    wait_gone(&t);
    let saved = dirs.path("cases").join("s01-faq-voorbeeld.ron");
    assert!(
        saved.exists(),
        "{:?}",
        std::fs::read_dir(dirs.path("cases"))
            .unwrap()
            .collect::<Vec<_>>()
    );
    assert!(dirs.recovery_files().is_empty(), "a clean save leaves none");
    // Reopen the saved file directly: the added unit and the balance are back.
    let t = Tmux::start(&session, &command(&dirs, &saved.display().to_string()));
    let screen = t.wait_for("leerkrediet 182");
    assert!(!screen.contains("niet bewaard"));
    t.send(&["Tab"]);
    t.wait_for("Statistiek");
    t.send(&["q"]);
}

#[test]
fn compare_explain_one_column_and_write_the_report_in_tmux() {
    let _serial = one_at_a_time();
    let dirs = Dirs::new();
    let case = dirs.path("cases").join("w01.ron");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/examples/W01.ron"),
        &case,
    )
    .unwrap();
    let cmd = command(&dirs, &case.display().to_string());
    let session = format!("traject-e2e-compare-{}", std::process::id());
    let t = Tmux::start(&session, &cmd);
    t.wait_for("leerkrediet 188");
    t.send(&["c"]);
    t.wait_for("Vergelijken: de basis en 3 scenario's");
    t.wait_for("3 Volgend jaar opnieuw");
    // The third scenario's balance, explained on its own.
    t.send(&["Right", "Right", "Enter"]);
    t.wait_for("«Volgend jaar opnieuw»: 182 (basis: 188)");
    t.wait_for("182  Einde");
    t.send(&["Escape"]);
    t.wait_for("Vergelijken");
    t.send(&["Escape", "e"]);
    t.wait_for("Verslag geschreven");
    assert!(case.with_file_name("w01-verslag.html").exists());
    assert!(case.with_file_name("w01-verslag.md").exists());
    t.send(&["q"]);
}

/// A case file of the test's own, with the pid of the traject that holds
/// its lock once it is open.
fn case_file(dirs: &Dirs) -> PathBuf {
    let path = dirs.path("cases").join("jan.ron");
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/cases/S01.ron"))
        .unwrap();
    std::fs::write(&path, text).unwrap();
    path
}

fn lock_pid(case: &Path) -> u32 {
    let lock = case.with_file_name(format!(
        ".{}.lock",
        case.file_name().unwrap().to_string_lossy()
    ));
    let start = Instant::now();
    loop {
        if let Ok(text) = std::fs::read_to_string(&lock)
            && let Some(pid) = text
                .lines()
                .find_map(|l| l.strip_prefix("pid="))
                .and_then(|p| p.parse().ok())
        {
            return pid;
        }
        assert!(start.elapsed() < Duration::from_secs(20), "no lock file");
        sleep(Duration::from_millis(50));
    }
}

/// Deletes the first unit (S01: 188 → 194) and waits for the recovery
/// file that must follow within a second or two.
fn unsaved_edit(t: &Tmux, dirs: &Dirs) {
    t.wait_for("leerkrediet 188");
    t.send(&["Tab", "d"]);
    t.wait_for("verwijderen?");
    t.send(&["v"]);
    t.wait_for("leerkrediet 194");
    let start = Instant::now();
    while dirs.recovery_files().is_empty() {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "no recovery file within 10 s of the change"
        );
        sleep(Duration::from_millis(50));
    }
}

/// What the shell shows after traject ended: its exit status and the
/// terminal's settings.
const AFTER: &str = "echo EXIT=$?; stty -a | tr -s \" \" \"\\n\" | grep -x -e icanon -e -icanon -e echo -e -echo | tr \"\\n\" \" \"; echo; sleep 30";

/// The terminal is back as the shell had it: main screen, cursor shown,
/// canonical mode and echo on; the lock is gone.
fn assert_terminal_restored(t: &Tmux, case: &Path, status: &str) {
    let screen = t.wait_for("EXIT=");
    assert!(screen.contains(&format!("EXIT={status}")), "{screen}");
    let screen = t.wait_for("icanon");
    assert!(screen.contains("icanon echo"), "{screen}");
    assert!(
        !screen.contains("-icanon") && !screen.contains("-echo"),
        "{screen}"
    );
    assert_eq!(
        t.format("#{alternate_on}"),
        "0",
        "still on the alternate screen"
    );
    assert_eq!(
        t.format("#{cursor_flag}"),
        "1",
        "the cursor is still hidden"
    );
    let lock = case.with_file_name(".jan.ron.lock");
    assert!(!lock.exists(), "the lock stayed");
    assert!(
        !screen.contains("panicked") && !screen.contains("RUST_BACKTRACE"),
        "{screen}"
    );
}

/// The recovery file holds the edit, is private, and the next start
/// offers it; restoring and saving brings the edit into the file and
/// removes the recovery file.
fn assert_recovery_offered_and_restored(dirs: &Dirs, case: &Path, session: &str) {
    let files = dirs.recovery_files();
    assert_eq!(files.len(), 1, "{files:?}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&files[0]).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let text = std::fs::read_to_string(&files[0]).unwrap();
    assert!(
        !text.contains("\"CH-AC1\""),
        "the deleted unit is gone in the recovery"
    );
    let t = Tmux::start_at(session, &command(dirs, &case.display().to_string()), 80, 24);
    // The title may be drawn before the buttons: wait for the last button.
    t.wait_for("Niet-bewaarde wijzigingen gevonden");
    let screen = t.wait_for("[ Annuleren ]");
    assert!(
        screen.contains("[ Herstellen ]") && screen.contains("[ Weggooien ]"),
        "{screen}"
    );
    t.send(&["Enter"]);
    t.wait_for("leerkrediet 194");
    t.wait_for("niet bewaard");
    t.send(&["C-s"]);
    // S01 starts with comments: traject says they go, Annuleren first.
    t.wait_for("Commentaar in het bestand");
    t.send(&["Left", "Enter"]);
    t.wait_for("Bewaard in");
    assert!(dirs.recovery_files().is_empty(), "a clean save removes it");
    assert!(
        !std::fs::read_to_string(case)
            .unwrap()
            .contains("\"CH-AC1\"")
    );
    t.send(&["q"]);
    wait_gone(&t);
}

#[test]
fn sigterm_restores_the_terminal_and_keeps_the_unsaved_changes() {
    let _serial = one_at_a_time();
    let dirs = Dirs::new();
    let case = case_file(&dirs);
    let session = format!("traject-term-{}", std::process::id());
    let t = Tmux::start_at(
        &session,
        &command_in(&dirs, &case.display().to_string(), "", AFTER),
        80,
        24,
    );
    unsaved_edit(&t, &dirs);
    let pid = lock_pid(&case);
    let killed = Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    // Killed by SIGTERM: the shell sees 128 + 15.
    assert_terminal_restored(&t, &case, "143");
    let screen = t.screen();
    assert!(screen.contains("gestopt (SIGTERM)"), "{screen}");
    assert!(
        screen.contains("Niet-bewaarde wijzigingen staan"),
        "{screen}"
    );
    drop(t);
    assert_recovery_offered_and_restored(&dirs, &case, &session);
}

#[test]
fn a_closed_terminal_sighup_keeps_the_unsaved_changes() {
    let _serial = one_at_a_time();
    let dirs = Dirs::new();
    let case = case_file(&dirs);
    let session = format!("traject-hup-{}", std::process::id());
    let t = Tmux::start_at(
        &session,
        &command(&dirs, &case.display().to_string()),
        120,
        40,
    );
    unsaved_edit(&t, &dirs);
    let pid = lock_pid(&case);
    // Closing the window hangs up the terminal.
    drop(t);
    let start = Instant::now();
    while Path::new(&format!("/proc/{pid}")).exists()
        || case.with_file_name(".jan.ron.lock").exists()
    {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "traject goes on after SIGHUP, or left its lock"
        );
        sleep(Duration::from_millis(50));
    }
    assert_recovery_offered_and_restored(&dirs, &case, &session);
}

#[cfg(debug_assertions)]
#[test]
fn a_panic_restores_the_terminal_and_keeps_the_unsaved_changes() {
    let _serial = one_at_a_time();
    let dirs = Dirs::new();
    let case = case_file(&dirs);
    let session = format!("traject-panic-{}", std::process::id());
    let t = Tmux::start_at(
        &session,
        &command_in(
            &dirs,
            &case.display().to_string(),
            "TRAJECT_TEST_PANIC=1",
            AFTER,
        ),
        80,
        24,
    );
    unsaved_edit(&t, &dirs);
    t.send(&["F12"]);
    assert_terminal_restored(&t, &case, "1");
    let screen = t.screen();
    assert!(
        screen.contains("gestopt door een fout in het programma"),
        "{screen}"
    );
    assert!(
        screen.contains("Niet-bewaarde wijzigingen staan"),
        "{screen}"
    );
    drop(t);
    assert_recovery_offered_and_restored(&dirs, &case, &session);
}

#[test]
fn the_overview_filters_with_slash_and_opens_at_the_flagged_figure_in_tmux() {
    let _serial = one_at_a_time();
    let dirs = Dirs::new();
    let root = env!("CARGO_MANIFEST_DIR");
    for n in ["S01", "S11", "S19b", "S27", "V01-grade-21"] {
        std::fs::copy(
            format!("{root}/tests/cases/{n}.ron"),
            dirs.path("cases").join(format!("{n}.ron")),
        )
        .unwrap();
    }
    std::fs::write(dirs.path("cases").join("kapot.ron"), "(kapot").unwrap();
    let session = format!("traject-e2e-overview-{}", std::process::id());
    let t = Tmux::start_at(&session, &command(&dirs, "--today 2018-02-10"), 80, 24);
    // The list fills in: the counts, the flagged cases first, the demos
    // hidden.
    t.wait_for("1 geweigerd");
    let screen = t.wait_for("Onleesbaar");
    assert!(!screen.contains("demo S"), "{screen}");
    let refused = screen.find("Inschrijving geweigerd").unwrap();
    let fine = screen.find("S01 FAQ").unwrap();
    assert!(refused < fine, "{screen}");
    // Filter on the name as it is typed, then open with Enter.
    t.send(&["/"]);
    t.text("sara");
    let screen = t.wait_for("filter: sara");
    assert!(!screen.contains("S01 FAQ"), "{screen}");
    t.send(&["Enter"]);
    t.wait_for("Sara Peeters · S27.ron");
    // The figures pane has the keys, on the goal that was flagged: its
    // explanation opens with Enter.
    t.send(&["Enter"]);
    t.wait_for("geen bindende voorwaarden");
}

/// Keys sent to traject, counted: command keys (Enter, Tab, a, Ctrl-u, a
/// paste …) apart from the characters of the data itself.
struct Counted<'a> {
    t: &'a Tmux,
    commands: usize,
    data: usize,
}

impl Counted<'_> {
    fn keys(&mut self, keys: &[&str]) {
        self.commands += keys.len();
        self.t.send(keys);
    }

    fn data(&mut self, text: &str) {
        self.data += text.chars().count();
        self.t.text(text);
    }

    /// A paste (one command: the terminal's paste), sent by tmux as a
    /// bracketed paste.
    fn paste(&mut self, text: &str) {
        self.commands += 1;
        let buffer = format!("{}-rijen", self.t.session);
        let mut load = Command::new("tmux")
            .args(["load-buffer", "-b", &buffer, "-"])
            .stdin(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        use std::io::Write;
        load.stdin
            .take()
            .unwrap()
            .write_all(text.as_bytes())
            .unwrap();
        assert!(load.wait().unwrap().success());
        let ok = Command::new("tmux")
            .args([
                "paste-buffer",
                "-p",
                "-d",
                "-b",
                &buffer,
                "-t",
                &self.t.session,
            ])
            .status()
            .unwrap();
        assert!(ok.success());
        sleep(Duration::from_millis(40));
    }
}

/// The benchmark of issue 10 in a fresh case, with the six unit rows
/// pasted as a spreadsheet copies them: "Sara Peeters, s123456. 2017-2018:
/// first enrolment, diplomacontract, Bachelor Chemie (180 SP, semesters),
/// enrolled 25-09-2017, units CHEM-ALG … ENG". README gives the key count.
#[test]
fn the_benchmark_student_with_pasted_units_in_tmux() {
    let _serial = one_at_a_time();
    let dirs = Dirs::new();
    let session = format!("traject-e2e-paste-{}", std::process::id());
    let t = Tmux::start(&session, &command(&dirs, "--today 2017-10-20"));
    t.wait_for("nieuw dossier");
    let mut k = Counted {
        t: &t,
        commands: 0,
        data: 0,
    };
    sara_until_the_enrolment(&t, &mut k);
    // The six units, pasted.
    k.paste(
        "CHEM-ALG\tAlgemene chemie\t6\tsem 1\t12\t\n\
         WISK1\tWiskunde 1\t6\tsem 1\t8\t11\n\
         FYS\tFysica\t6\tsem 1\t7\t9\n\
         LAB\tLabo 1\t3\tsem 2\t14\t\n\
         BIO\tBiologie\t6\tsem 2\t9\t8\n\
         ENG\tEngels\t3\tsem 2\t10\t\n",
    );
    t.wait_for("6 rijen, 6 goed, 0 met fouten");
    k.keys(&["Enter"]);
    let screen = t.wait_for("6 opleidingsonderdelen toegevoegd");
    for code in ["CHEM-ALG", "WISK1", "FYS", "LAB", "BIO", "ENG"] {
        assert!(screen.contains(code), "{code}:\n{screen}");
    }
    // 140 − 30 taken + 18 credits + 18 back for the first credits.
    assert!(screen.contains("leerkrediet 146"), "{screen}");
    let (commands, data) = (k.commands, k.data);
    eprintln!("benchmark: {commands} command keys + {data} data characters");
    assert!(commands < 25, "{commands} command keys");
    assert_eq!(data, 12 + 7 + 2 + 15 + 9 + 10);
    // Saved, the file keeps ISO dates.
    let (saved, case) = save_and_quit(&t, &dirs, "sara-peeters.ron");
    let en = &case.years[0].enrolments[0];
    assert_eq!(en.units.len(), 6);
    assert_eq!(
        case.programmes[0].system,
        traject::model::PeriodSystem::Semester
    );
    assert_eq!(en.enrolled, traject::model::Date::ymd(2017, 9, 25));
    assert!(
        std::fs::read_to_string(&saved)
            .unwrap()
            .contains("\"2017-09-25\"")
    );
}

/// The benchmark's first part, the same by hand and with pasting: the
/// student, the programme, the year and the enrolment, from the case list
/// of an empty data directory.
fn sara_until_the_enrolment(t: &Tmux, k: &mut Counted) {
    // The student.
    k.keys(&["Enter"]);
    t.wait_for("Studentennummer");
    k.keys(&["C-u"]);
    k.data("Sara Peeters");
    k.keys(&["Tab"]);
    k.data("s123456");
    k.keys(&["Enter"]);
    t.wait_for("Sara Peeters");
    // The programme: code, name, semesters (Bachelor and 180 SP are the
    // defaults).
    k.keys(&["a"]);
    t.wait_for("Opleiding toevoegen");
    k.data("CH");
    k.keys(&["Tab"]);
    k.data("Bachelor Chemie");
    k.keys(&["Tab", "Tab", "Tab", "Tab", "Tab", "Right", "Enter"]);
    t.wait_for("CH — Bachelor Ch");
    // The year, from the Jaren pane (key 1).
    k.keys(&["1", "n"]);
    t.wait_for("Academiejaar");
    k.keys(&["C-u"]);
    k.data("2017-2018");
    k.keys(&["Enter"]);
    t.wait_for("│2017-2018   ");
    // The enrolment: diplomacontract is the default; the date as it is
    // written on the form of the student.
    k.keys(&["a"]);
    t.wait_for("Ingeschreven op");
    k.keys(&["Tab", "Tab"]);
    k.data("25-09-2017");
    k.keys(&["Enter"]);
    t.wait_for("  Bachelor Chemie");
}

/// The benchmark of issue 10 typed by hand: the same student, the six
/// units each through the one unit form (code, name, SP, period, both
/// chances; the period starts at semester 1, the grensdatum is shown from
/// the calendar). README gives the key count.
#[test]
fn the_benchmark_student_typed_by_hand_in_tmux() {
    let _one = one_at_a_time();
    let dirs = Dirs::new();
    let session = format!("traject-e2e-hand-{}", std::process::id());
    let t = Tmux::start(&session, &command(&dirs, "--today 2017-10-20"));
    t.wait_for("nieuw dossier");
    let mut k = Counted {
        t: &t,
        commands: 0,
        data: 0,
    };
    sara_until_the_enrolment(&t, &mut k);
    // (code, name, SP, second semester, first chance, second chance)
    let units: [(&str, &str, &str, bool, &str, &str); 6] = [
        ("CHEM-ALG", "Algemene chemie", "6", false, "12", ""),
        ("WISK1", "Wiskunde 1", "6", false, "8", "11"),
        ("FYS", "Fysica", "6", false, "7", "9"),
        ("LAB", "Labo 1", "3", true, "14", ""),
        ("BIO", "Biologie", "6", true, "9", "8"),
        ("ENG", "Engels", "3", true, "10", ""),
    ];
    k.keys(&["2"]);
    for (code, name, sp, second_semester, first, second) in units {
        k.keys(&["a"]);
        t.wait_for("Opleidingsonderdeel toevoegen");
        k.data(code);
        k.keys(&["Tab"]);
        k.data(name);
        k.keys(&["Tab"]);
        // The SP field starts at 6 with its value selected: typing replaces it.
        if sp != "6" {
            k.data(sp);
        }
        k.keys(&["Tab"]);
        if second_semester {
            k.keys(&["Right"]);
        }
        k.keys(&["Tab"]);
        k.data(first);
        if !second.is_empty() {
            k.keys(&["Tab"]);
            k.data(second);
        }
        k.keys(&["Enter"]);
        t.wait_for(&format!("│{code} "));
    }
    let screen = t.wait_for("leerkrediet 146");
    for row in ["LAB      Labo 1", "BIO      Biologie"] {
        assert!(screen.contains(row), "{row}:\n{screen}");
    }
    assert!(screen.contains("12-03-2018"), "{screen}");
    let (commands, data) = (k.commands, k.data);
    eprintln!("benchmark by hand: {commands} command keys + {data} data characters");
    assert!(commands < 110, "{commands} command keys");
    assert_eq!(data, 55 + 25 + 51 + 2 + 13);
    let (_, case) = save_and_quit(&t, &dirs, "sara-peeters.ron");
    let en = &case.years[0].enrolments[0];
    let got: Vec<(&str, u32, traject::model::Period)> = en
        .units
        .iter()
        .map(|u| (u.code.as_str(), u.sp, u.period))
        .collect();
    use traject::model::Period::{S1, S2};
    assert_eq!(
        got,
        vec![
            ("CHEM-ALG", 6, S1),
            ("WISK1", 6, S1),
            ("FYS", 6, S1),
            ("LAB", 3, S2),
            ("BIO", 6, S2),
            ("ENG", 3, S2),
        ]
    );
}

/// The counsellor's own keys, cases and state never reach a test: a home
/// that plays the real one has a keymap that moves «nieuw dossier» to F9
/// and a case of another student, and the session's environment points at
/// it (as a login's would). traject started there as is shows both (so the
/// home is real enough to catch a leak); started with the test's home
/// prefix it shows the normal hint bar, an empty list, and keeps its state
/// in the test's home.
#[test]
fn the_users_own_keys_cases_and_state_stay_out_of_the_tests_in_tmux() {
    let _serial = one_at_a_time();
    let real = tempfile::tempdir().unwrap();
    let config = real.path().join(".config/traject");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(
        config.join("keymap.ron"),
        "[(context: CaseList, key: \"f9\", command: NewCase)]\n",
    )
    .unwrap();
    let data = real.path().join(".local/share/traject");
    std::fs::create_dir_all(&data).unwrap();
    let s01 = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/cases/S01.ron"))
        .unwrap()
        .replace("S01 FAQ-voorbeeld", "Echte Student Thuismap");
    std::fs::write(data.join("echte-student.ron"), s01).unwrap();
    let real_state = real.path().join(".local/state/traject");
    let login = [
        ("HOME", real.path().to_path_buf()),
        ("XDG_CONFIG_HOME", real.path().join(".config")),
        ("XDG_DATA_HOME", real.path().join(".local/share")),
        ("XDG_STATE_HOME", real.path().join(".local/state")),
        ("XDG_CACHE_HOME", real.path().join(".cache")),
    ];
    let traject = env!("CARGO_BIN_EXE_traject");
    let session = format!("traject-e2e-home-{}", std::process::id());

    let home = Home::new();
    let cmd = format!("{} {traject}", home.env_prefix());
    let t = Tmux::start_in(&session, &cmd, 120, 40, &login);
    t.wait_for(&format!(
        "dossiers in {}",
        home.data().join("traject").display()
    ));
    let screen = t.wait_for("n  nieuw dossier");
    assert!(!screen.contains("F9"), "{screen}");
    assert!(!screen.contains("echte-student"), "{screen}");
    assert!(!screen.contains("Echte Student"), "{screen}");
    t.send(&["q"]);
    wait_gone(&t);
    assert!(home.state().join("traject").is_dir());
    assert!(
        !real_state.exists(),
        "traject wrote to the real state directory"
    );

    let t = Tmux::start_in(&session, traject, 120, 40, &login);
    t.wait_for(&format!("dossiers in {}", data.display()));
    let screen = t.wait_for("Echte Student Thuismap");
    let screen = if screen.contains("F9  nieuw dossier") {
        screen
    } else {
        t.wait_for("F9  nieuw dossier")
    };
    assert!(!screen.contains("n  nieuw dossier"), "{screen}");
    t.send(&["q"]);
    wait_gone(&t);
    assert!(real_state.is_dir(), "the real home was not the one used");
}

/// Ctrl-s on a new case (Enter takes the proposed name), then q: the file
/// as saved and the case read back from it.
fn save_and_quit(t: &Tmux, dirs: &Dirs, name: &str) -> (PathBuf, traject::model::Case) {
    t.send(&["C-s"]);
    t.wait_for("Opslaan als");
    t.send(&["Enter"]);
    t.wait_for("Bewaard in");
    t.send(&["q"]);
    wait_gone(t);
    let saved = dirs.path("cases").join(name);
    let case = traject::casefile::load_case(&saved).unwrap();
    (saved, case)
}
