//! Tingjian under the real fenrir screen reader, as a blind user hears it.
//!
//! Same idea as /work/shared/tools/fenrir-listen, ported to Rust: fenrir runs
//! in a private tmux server with its pty screen and keyboard drivers and the
//! stock pty settings, except that sound is off, speech goes to a tiny logger
//! (one JSON line per utterance) and the shell it runs is
//! `tingjian --speech off --screen-reader --home TMP`. After each key we
//! collect what fenrir said until it has been quiet for a moment.
//!
//! In screen-reader mode a move must change only style, with the terminal
//! cursor on the new item: then fenrir says exactly the new item and never
//! the one just left (see /work/shared/ACCESSIBILITY.md, last section).
//!
//! Without fenrir the tests are skipped with a message, unless CI is set.
//! Run: CARGO_TARGET_DIR=/tmp/e2e-target cargo test --no-default-features --test fenrir

mod support;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use support::{BIN, SCRUBBED_ENV, Tmux, require_tool, sh_quote};

const STOCK_SETTINGS: &str = "/etc/fenrirscreenreader/settings/settings-pty.conf";
const PTY_KEYS: &str = "/etc/fenrirscreenreader/keyboard/pty.conf";

/// fenrir's own words that are not screen text: the attribute (reverse
/// video) under the cursor is announced after the line, on some moves.
const FENRIR_META: &[&str] = &["has attribute"];

/// Quiet time after the last utterance before a step counts as finished.
const QUIET: Duration = Duration::from_millis(600);
/// How long to wait for fenrir's first utterance after a key.
const FIRST: Duration = Duration::from_secs(3);
/// Hard limit for one step.
const STEP_MAX: Duration = Duration::from_secs(5);
/// Hard limit for fenrir and the app to start and read the first screen.
const START_MAX: Duration = Duration::from_secs(12);

const LOGGER: &str = r#"import json, sys, time
log, kind = sys.argv[1], sys.argv[2]
text = sys.argv[3] if len(sys.argv) > 3 else ''
with open(log, 'a') as f:
    f.write(json.dumps({'t': time.time(), 'kind': kind, 'text': text}, ensure_ascii=False) + '\n')
"#;

fn have_fenrir(test: &str) -> bool {
    if !require_tool("tmux", "tmux", test) || !require_tool("fenrir", "fenrir", test) {
        return false;
    }
    for f in [STOCK_SETTINGS, PTY_KEYS] {
        if !Path::new(f).is_file() {
            let msg = format!(
                "{f} is missing (it comes with the fenrir package): apt-get install fenrir"
            );
            if std::env::var_os("CI").is_some_and(|v| !v.is_empty()) {
                panic!("{test}: {msg}");
            }
            eprintln!("SKIPPED {test}: {msg}");
            return false;
        }
    }
    true
}

/// One utterance from the logger.
#[derive(Debug, Clone)]
struct Said {
    kind: String,
    text: String,
}

struct Fenrir {
    // Drop order: the server (fenrir and the app) first, then the files.
    tmux: Tmux,
    dir: tempfile::TempDir,
    log: PathBuf,
    exit_file: PathBuf,
    started: Instant,
}

impl Fenrir {
    /// fenrir over `tingjian --speech off --screen-reader --home TMP`.
    fn start(width: u16, height: u16) -> Fenrir {
        let started = Instant::now();
        let dir = tempfile::Builder::new()
            .prefix("tingjian-fenrir.")
            .tempdir()
            .expect("tempdir");
        let d = dir.path();
        let log = d.join("spoken.jsonl");
        let speak = d.join("speak.py");
        let python = if Path::new("/usr/bin/python3").exists() {
            "/usr/bin/python3"
        } else {
            "python3"
        };
        std::fs::write(&speak, LOGGER).expect("write logger");

        // A bare Escape must reach the program, not silence fenrir.
        let keys = d.join("pty-keys.conf");
        let stock_keys = std::fs::read_to_string(PTY_KEYS).expect("read fenrir pty keys");
        let kept: String = stock_keys
            .lines()
            .filter(|l| !l.starts_with("^[=shut_up"))
            .map(|l| format!("{l}\n"))
            .collect();
        std::fs::write(&keys, kept).expect("write keys");

        let home = d.join("home");
        let app = [
            BIN,
            "--speech",
            "off",
            "--screen-reader",
            "--home",
            home.to_str().expect("utf-8"),
        ];
        // fenrir splits this with shlex and execs it; the locale is scrubbed
        // by the wrapper below, so the app speaks its default, zh-CN.
        let shell = app
            .iter()
            .map(|a| sh_quote(a))
            .collect::<Vec<_>>()
            .join(" ");
        let p = |p: &Path| p.to_str().expect("utf-8").to_string();
        let set: &[(&str, &[(&str, String)])] = &[
            (
                "sound",
                &[
                    ("enabled", "False".into()),
                    (
                        "genericPlayFileCommand",
                        format!("{python} {} {} sound fenrirSoundFile", p(&speak), p(&log)),
                    ),
                    (
                        "genericFrequencyCommand",
                        format!("{python} {} {} beep fenrirFrequence", p(&speak), p(&log)),
                    ),
                ],
            ),
            (
                "speech",
                &[
                    (
                        "genericSpeechCommand",
                        format!("{python} {} {} speech fenrirText", p(&speak), p(&log)),
                    ),
                    ("driver", "genericDriver".into()),
                ],
            ),
            ("screen", &[("driver", "ptyDriver".into())]),
            (
                "keyboard",
                &[
                    ("driver", "ptyDriver".into()),
                    ("keyboardLayout", p(&keys)),
                    ("interruptOnKeyPress", "True".into()),
                ],
            ),
            (
                "general",
                &[
                    ("debugFile", p(&d.join("fenrir-debug.log"))),
                    ("newLinePause", "False".into()),
                    ("autoSpellCheck", "False".into()),
                    ("clipboardExportPath", p(&d.join("clipboard"))),
                    ("shell", shell),
                ],
            ),
            ("focus", &[("highlight", "False".into())]),
            ("remote", &[("driver", "dummyDriver".into())]),
        ];
        let stock = std::fs::read_to_string(STOCK_SETTINGS).expect("read fenrir pty settings");
        let mut out = String::new();
        let mut section = String::new();
        let mut used = 0;
        for line in stock.lines() {
            let s = line.trim();
            if s.starts_with('[') && s.ends_with(']') {
                section = s[1..s.len() - 1].to_string();
            } else if let Some((key, _)) = s.split_once('=').filter(|_| !s.starts_with('#')) {
                let key = key.trim();
                if let Some((_, vals)) = set.iter().find(|(sec, _)| *sec == section)
                    && let Some((_, v)) = vals.iter().find(|(k, _)| *k == key)
                {
                    let _ = writeln!(out, "{key}={v}");
                    used += 1;
                    continue;
                }
            }
            let _ = writeln!(out, "{line}");
        }
        let wanted: usize = set.iter().map(|(_, v)| v.len()).sum();
        assert_eq!(
            used, wanted,
            "not every setting was found in {STOCK_SETTINGS}; its layout changed?"
        );
        let conf = d.join("settings.conf");
        std::fs::write(&conf, out).expect("write settings");

        let exit_file = d.join("fenrir-exit");
        let mut unset = String::new();
        for v in SCRUBBED_ENV {
            let _ = write!(unset, " -u {v}");
        }
        let script = format!(
            "env{unset} fenrir -s {conf} 2> {err}\necho $? > {exit}\nexec sleep 600\n",
            conf = sh_quote(&p(&conf)),
            err = sh_quote(&p(&d.join("fenrir-stderr.txt"))),
            exit = sh_quote(&p(&exit_file)),
        );
        let script_path = d.join("run.sh");
        std::fs::write(&script_path, script).expect("write run.sh");
        let tmux = Tmux::start(&script_path, width, height);
        Fenrir {
            tmux,
            dir,
            log,
            exit_file,
            started,
        }
    }

    fn said(&self) -> Vec<Said> {
        let text = std::fs::read_to_string(&self.log).unwrap_or_default();
        let complete = match text.rfind('\n') {
            Some(i) => &text[..=i],
            None => "",
        };
        complete
            .lines()
            .map(|l| {
                let v: serde_json::Value = serde_json::from_str(l)
                    .unwrap_or_else(|e| panic!("bad logger line {l:?}: {e}"));
                Said {
                    kind: v["kind"].as_str().unwrap_or_default().to_string(),
                    text: v["text"].as_str().unwrap_or_default().to_string(),
                }
            })
            .collect()
    }

    /// Speech after entry `n0`: wait up to `first` for something, then until
    /// quiet for [`QUIET`], at most `max` in all.
    fn settle(&self, n0: usize, first: Duration, max: Duration) -> Vec<String> {
        let t0 = Instant::now();
        let mut n = n0;
        let mut last_change = t0;
        loop {
            std::thread::sleep(Duration::from_millis(25));
            let m = self.said().len();
            if m != n {
                n = m;
                last_change = Instant::now();
            }
            let heard = n > n0;
            if heard && last_change.elapsed() >= QUIET {
                break;
            }
            if !heard && t0.elapsed() >= first {
                break;
            }
            if t0.elapsed() >= max {
                break;
            }
        }
        self.said()[n0.min(n)..]
            .iter()
            .filter(|s| s.kind == "speech")
            .map(|s| s.text.clone())
            .collect()
    }

    /// Press `key` and return what fenrir said about it (its own meta words removed).
    fn press(&self, key: &str) -> Vec<String> {
        let n0 = self.said().len();
        self.tmux.send(&[key]);
        self.settle(n0, FIRST, STEP_MAX)
            .into_iter()
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty() && !FENRIR_META.contains(&s.as_str()))
            .collect()
    }

    fn diagnostics(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(s, "--- everything fenrir said:");
        for e in self.said() {
            let _ = writeln!(s, "    {:<6} {:?}", e.kind, e.text);
        }
        let _ = writeln!(s, "--- screen:");
        for (i, row) in self.tmux.screen().iter().enumerate() {
            let _ = writeln!(s, "    {i:>3}|{row}");
        }
        let _ = writeln!(
            s,
            "--- cursor: {}",
            self.tmux.display("#{cursor_x},#{cursor_y}")
        );
        let _ = writeln!(
            s,
            "--- fenrir exit code: {:?}",
            std::fs::read_to_string(&self.exit_file).ok()
        );
        let _ = writeln!(
            s,
            "--- fenrir stderr:\n{}",
            std::fs::read_to_string(self.dir.path().join("fenrir-stderr.txt")).unwrap_or_default()
        );
        let _ = writeln!(s, "--- elapsed: {:?}", self.started.elapsed());
        s
    }

    /// Fail clearly when fenrir itself has stopped.
    fn assert_running(&self, after: &str, heard: &[String]) {
        let quit = heard.iter().any(|h| h == "Quit Fenrir") || self.exit_file.exists();
        if quit {
            let screen = self.tmux.screen().join("\n");
            let hint = if screen.contains("string index out of range") {
                "\nfenrir's pty driver died with \"string index out of range\": its terminal emulator (pyte) \
                 keeps the empty right half of a wide (CJK) character when only the left half is overwritten \
                 by a narrower one, and then fails to render the screen. The app's redraw did that \
                 (ratatui repaints only the first cell of a wide character that became blank)."
            } else {
                ""
            };
            panic!("fenrir stopped after {after}{hint}\n{}", self.diagnostics());
        }
    }

    /// Start, and wait until fenrir is up and the app has drawn its home
    /// menu (so it is in raw mode and keys reach it). Whether fenrir reads
    /// that first screen depends on whether the app drew it before or after
    /// fenrir began watching: both happen, so it is not required.
    fn wait_home(&self) {
        let t0 = Instant::now();
        loop {
            let all: String = self
                .said()
                .iter()
                .map(|s| s.text.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            let started = all.contains("Start Fenrir") || all.contains("主菜单");
            let screen = self.tmux.screen().join("\n");
            if started && screen.contains("主菜单") && screen.contains("帮助") {
                break;
            }
            assert!(
                t0.elapsed() < START_MAX,
                "fenrir and the app did not start within {START_MAX:?}\n{}",
                self.diagnostics()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        // Let the start-up reading (if any) finish.
        self.settle(
            self.said().len(),
            Duration::from_millis(1500),
            Duration::from_secs(4),
        );
    }
}

/// After `key`, fenrir says exactly `new` and nothing of `left`.
fn expect_move(f: &Fenrir, key: &str, new: &str, left: &str) {
    let heard = f.press(key);
    f.assert_running(key, &heard);
    assert!(
        !heard.iter().any(|h| h.contains(left)),
        "after {key}: fenrir read the item just left ({left:?}); heard {heard:?}\n{}",
        f.diagnostics()
    );
    assert_eq!(
        heard,
        vec![new.to_string()],
        "after {key}: fenrir should say exactly the new item\n{}",
        f.diagnostics()
    );
}

#[test]
fn fenrir_hears_only_the_newly_focused_item_on_the_home_menu() {
    if !have_fenrir("fenrir_home_menu") {
        return;
    }
    let f = Fenrir::start(100, 30);
    f.wait_home();
    expect_move(&f, "Down", "补贴与权益", "招聘信息");
    expect_move(&f, "Down", "盲人按摩", "补贴与权益");
    expect_move(&f, "Up", "补贴与权益", "盲人按摩");
    expect_move(&f, "End", "帮助", "补贴与权益");
    expect_move(&f, "Home", "招聘信息", "帮助");
    assert!(
        f.started.elapsed() < Duration::from_secs(60),
        "took {:?}",
        f.started.elapsed()
    );
}

#[test]
fn fenrir_hears_the_regions_screen_and_moves_in_it() {
    if !have_fenrir("fenrir_regions") {
        return;
    }
    let f = Fenrir::start(100, 30);
    f.wait_home();
    expect_move(&f, "End", "帮助", "招聘信息");
    expect_move(&f, "Up", "设置", "帮助");
    expect_move(&f, "Up", "政策文件", "设置");
    // A new screen: fenrir reads what changed, which must include the title
    // and the focused first region.
    // A whole new screen takes fenrir longer to read than a move.
    let n0 = f.said().len();
    f.tmux.send(&["Enter"]);
    let heard: Vec<String> = f
        .settle(n0, Duration::from_secs(10), Duration::from_secs(15))
        .into_iter()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty() && !FENRIR_META.contains(&s.as_str()))
        .collect();
    f.assert_running("Enter on 政策文件", &heard);
    // fenrir reads either every changed line (title and list) or only the
    // line under the cursor, depending on how its snapshots fall; either way
    // the newly focused first region must be heard.
    let all = heard.join(" ");
    assert!(
        all.contains("广州"),
        "Enter on 政策文件: fenrir should read the focused first region; heard {heard:?}\n{}",
        f.diagnostics()
    );
    expect_move(&f, "Down", "贵州，省级，1份文件", "广州");
    expect_move(&f, "Down", "青岛，市级，1份文件", "贵州");
    expect_move(&f, "Up", "贵州，省级，1份文件", "青岛");
    assert!(
        f.started.elapsed() < Duration::from_secs(60),
        "took {:?}",
        f.started.elapsed()
    );
}
