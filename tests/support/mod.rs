//! End-to-end harness: the real `tingjian` binary in a private tmux server
//! (its own socket, its own temp home), driven by keys, read back through the
//! transcript (`ms<TAB>kind<TAB>text`), the screen (`capture-pane`) and the
//! terminal cursor. Every wait is bounded and polls; a failed wait prints the
//! transcript, the screen, the cursor, the exit status and stderr.
//!
//! Tests call [`have_tmux`] first: without tmux they are skipped with a
//! message, unless the `CI` environment variable is set (then they fail).

#![allow(dead_code)]

use std::fmt::Write as _;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use tempfile::TempDir;
use unicode_width::UnicodeWidthChar;

/// The binary under test.
pub const BIN: &str = env!("CARGO_BIN_EXE_tingjian");

/// How long any single wait may take before the test fails. Generous: the
/// machine is shared and tests run in parallel; a passing wait returns as
/// soon as its condition holds.
pub const WAIT: Duration = Duration::from_secs(15);

/// Locale and mode variables a test must not inherit from whoever runs it.
pub const SCRUBBED_ENV: &[&str] = &[
    "LANGUAGE",
    "LC_ALL",
    "LC_MESSAGES",
    "LANG",
    "TINGJIAN_SCREEN_READER",
];

/// The one session in each private server.
const TMUX_SESSION: &str = "tj";

static COUNTER: AtomicUsize = AtomicUsize::new(0);

// ---------------------------------------------------------------------------
// Tools present?

fn on_path(tool: &str) -> bool {
    std::env::var_os("PATH").is_some_and(|p| {
        std::env::split_paths(&p).any(|d| {
            let f = d.join(tool);
            f.is_file()
                && std::fs::metadata(&f)
                    .map(|m| {
                        use std::os::unix::fs::PermissionsExt;
                        m.permissions().mode() & 0o111 != 0
                    })
                    .unwrap_or(false)
        })
    })
}

fn in_ci() -> bool {
    std::env::var_os("CI").is_some_and(|v| !v.is_empty())
}

/// True when `tool` is installed. Otherwise: fail under CI (naming the
/// package to install), else print why the test is skipped and return false.
pub fn require_tool(tool: &str, package: &str, test: &str) -> bool {
    if on_path(tool) {
        return true;
    }
    if in_ci() {
        panic!("{tool} is required for {test} but is not installed: apt-get install {package}");
    }
    eprintln!(
        "SKIPPED {test}: {tool} is not installed (apt-get install {package}); set CI=1 to make this a failure"
    );
    false
}

/// True when tmux is installed (see [`require_tool`]).
pub fn have_tmux(test: &str) -> bool {
    require_tool("tmux", "tmux", test)
}

/// Single-quote `s` for sh.
pub fn sh_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

fn path_str(p: &Path) -> String {
    p.to_str().expect("temp paths are UTF-8").to_string()
}

// ---------------------------------------------------------------------------
// A private tmux server running one command.

/// One private tmux server (`tmux -L <unique socket>`) with one session
/// running a shell script; the server is killed on drop.
pub struct Tmux {
    socket: String,
    /// The server's socket file, removed on drop (`kill-server` leaves it).
    socket_path: Option<PathBuf>,
}

impl Tmux {
    /// Start `sh SCRIPT` in a new detached session of `width` x `height`.
    pub fn start(script: &Path, width: u16, height: u16) -> Tmux {
        let socket = format!(
            "tj-e2e-{}-{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::SeqCst)
        );
        let mut t = Tmux {
            socket,
            socket_path: None,
        };
        let out = t
            .command()
            .args([
                "new-session",
                "-d",
                "-s",
                TMUX_SESSION,
                "-x",
                &width.to_string(),
                "-y",
                &height.to_string(),
            ])
            .arg(format!("sh {}", sh_quote(&path_str(script))))
            .output()
            .expect("run tmux new-session");
        assert!(
            out.status.success(),
            "tmux new-session failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let path = t.run(&["display", "-p", "#{socket_path}"]);
        t.socket_path = Some(PathBuf::from(path.trim())).filter(|p| p.is_absolute());
        t
    }

    fn command(&self) -> Command {
        let mut c = Command::new("tmux");
        // No user config; a UTF-8 client; sh as the shell, whatever the user's is.
        c.args(["-u", "-f", "/dev/null", "-L", &self.socket])
            .env_remove("TMUX")
            .env("SHELL", "/bin/sh")
            .stdin(Stdio::null());
        c
    }

    /// Run a tmux command against the private server; its stdout.
    pub fn run(&self, args: &[&str]) -> String {
        let out = self.command().args(args).output().expect("run tmux");
        if !out.status.success() {
            // The session may be gone (the program ended): callers decide.
            return String::new();
        }
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Send tmux key names (`Down`, `Enter`, `F2`, `C-q`, `Escape` ...), one by one.
    pub fn send(&self, keys: &[&str]) {
        for k in keys {
            let out = self
                .command()
                .args(["send-keys", "-t", TMUX_SESSION, k])
                .output()
                .expect("run tmux send-keys");
            assert!(
                out.status.success(),
                "tmux send-keys {k:?} failed: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
    }

    /// Type `text` literally.
    pub fn send_literal(&self, text: &str) {
        let out = self
            .command()
            .args(["send-keys", "-t", TMUX_SESSION, "-l", text])
            .output()
            .expect("run tmux send-keys -l");
        assert!(
            out.status.success(),
            "tmux send-keys -l failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// The visible pane, one string per row (`capture-pane -p`).
    pub fn screen(&self) -> Vec<String> {
        let s = self.run(&["capture-pane", "-p", "-t", TMUX_SESSION]);
        s.lines().map(str::to_string).collect()
    }

    /// The visible pane with escape sequences for attributes (`capture-pane -p -e`).
    pub fn screen_with_attrs(&self) -> Vec<String> {
        let s = self.run(&["capture-pane", "-p", "-e", "-t", TMUX_SESSION]);
        s.lines().map(str::to_string).collect()
    }

    /// A tmux format of the pane, e.g. `#{alternate_on}`.
    pub fn display(&self, format: &str) -> String {
        self.run(&["display", "-p", "-t", TMUX_SESSION, format])
            .trim()
            .to_string()
    }

    /// The terminal cursor (column, row), 0-based.
    pub fn cursor(&self) -> (u16, u16) {
        let s = self.display("#{cursor_x},#{cursor_y}");
        let (x, y) = s
            .split_once(',')
            .unwrap_or_else(|| panic!("no cursor from tmux (session gone?): {s:?}"));
        (
            x.parse().unwrap_or_else(|_| panic!("cursor x {x:?}")),
            y.parse().unwrap_or_else(|_| panic!("cursor y {y:?}")),
        )
    }

    pub fn resize(&self, width: u16, height: u16) {
        let out = self
            .command()
            .args([
                "resize-window",
                "-t",
                TMUX_SESSION,
                "-x",
                &width.to_string(),
                "-y",
                &height.to_string(),
            ])
            .output()
            .expect("run tmux resize-window");
        assert!(
            out.status.success(),
            "tmux resize-window failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self
            .command()
            .arg("kill-server")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
        if let Some(p) = &self.socket_path
            && p.file_name()
                .is_some_and(|n| n.to_string_lossy() == self.socket)
        {
            let _ = std::fs::remove_file(p);
        }
    }
}

// ---------------------------------------------------------------------------
// Transcript

/// One transcript event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub ms: u64,
    pub kind: String,
    pub text: String,
}

/// Parse transcript text: only complete lines (a line being written is left
/// for the next poll). A malformed complete line fails the test.
pub fn parse_transcript(text: &str) -> Vec<Event> {
    let complete = match text.rfind('\n') {
        Some(i) => &text[..=i],
        None => "",
    };
    complete
        .lines()
        .map(|l| {
            let mut it = l.splitn(3, '\t');
            let (ms, kind, text) = (it.next(), it.next(), it.next());
            match (ms.and_then(|m| m.parse().ok()), kind, text) {
                (Some(ms), Some(kind), Some(text))
                    if ["speak", "stop", "notice"].contains(&kind) =>
                {
                    Event {
                        ms,
                        kind: kind.to_string(),
                        text: text.to_string(),
                    }
                }
                _ => panic!(
                    "malformed transcript line {l:?} (want ms<TAB>speak|stop|notice<TAB>text)"
                ),
            }
        })
        .collect()
}

pub fn format_transcript(events: &[Event]) -> String {
    let mut s = String::new();
    for e in events {
        let _ = writeln!(s, "    {:>6}  {:<6}  {}", e.ms, e.kind, e.text);
    }
    if s.is_empty() {
        s.push_str("    (empty)\n");
    }
    s
}

// ---------------------------------------------------------------------------
// The app in tmux

/// How speech is asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Speech {
    /// `--speech transcript:T`: nothing audible, every event in T.
    Transcript,
    /// `--speech auto --transcript T`.
    Auto,
    /// `--speech off --transcript T`.
    Off,
}

/// What to start: builder for [`Tui`].
#[derive(Debug, Clone)]
pub struct Launch {
    pub width: u16,
    pub height: u16,
    pub args: Vec<String>,
    pub env: Vec<(String, String)>,
    pub home: Option<PathBuf>,
    pub speech: Speech,
}

impl Default for Launch {
    fn default() -> Self {
        Launch {
            width: 80,
            height: 24,
            args: vec![],
            env: vec![],
            home: None,
            speech: Speech::Transcript,
        }
    }
}

impl Launch {
    pub fn new() -> Self {
        Self::default()
    }
    pub fn size(mut self, width: u16, height: u16) -> Self {
        self.width = width;
        self.height = height;
        self
    }
    pub fn arg(mut self, a: &str) -> Self {
        self.args.push(a.to_string());
        self
    }
    pub fn env(mut self, k: &str, v: &str) -> Self {
        self.env.push((k.to_string(), v.to_string()));
        self
    }
    /// Use this home instead of a fresh one (to see what a run saved).
    pub fn home(mut self, dir: &Path) -> Self {
        self.home = Some(dir.to_path_buf());
        self
    }
    pub fn speech(mut self, s: Speech) -> Self {
        self.speech = s;
        self
    }
    pub fn start(self) -> Tui {
        Tui::start(self)
    }
}

/// The app running in its own tmux server, with its own home and transcript.
pub struct Tui {
    // Drop order: the server (and so the app) goes first, then the files.
    pub tmux: Tmux,
    pub dir: TempDir,
    pub home: PathBuf,
    pub transcript: PathBuf,
    pub width: u16,
    pub height: u16,
    exit_file: PathBuf,
    err_file: PathBuf,
    stty_before: PathBuf,
    stty_after: PathBuf,
}

/// Printed by the wrapper shell before the app starts and after it ends.
pub const SHELL_BEFORE: &str = "E2E-SHELL-BEFORE";
pub const SHELL_AFTER: &str = "E2E-SHELL-AFTER";

impl Tui {
    fn start(l: Launch) -> Tui {
        let dir = tempfile::Builder::new()
            .prefix("tingjian-e2e.")
            .tempdir()
            .expect("tempdir");
        let home = l.home.clone().unwrap_or_else(|| dir.path().join("home"));
        let transcript = dir.path().join("transcript.tsv");
        let exit_file = dir.path().join("exit");
        let err_file = dir.path().join("stderr.txt");
        let stty_before = dir.path().join("stty-before");
        let stty_after = dir.path().join("stty-after");
        let q = |p: &Path| sh_quote(&path_str(p));

        let mut app = vec![BIN.to_string(), "--home".into(), path_str(&home)];
        match l.speech {
            Speech::Transcript => {
                app.push(format!("--speech=transcript:{}", path_str(&transcript)))
            }
            Speech::Auto => app.extend([
                "--speech=auto".into(),
                "--transcript".into(),
                path_str(&transcript),
            ]),
            Speech::Off => app.extend([
                "--speech=off".into(),
                "--transcript".into(),
                path_str(&transcript),
            ]),
        }
        app.extend(l.args.iter().cloned());

        let mut cmd = String::from("env");
        for v in SCRUBBED_ENV {
            let _ = write!(cmd, " -u {v}");
        }
        for (k, v) in &l.env {
            let _ = write!(cmd, " {}", sh_quote(&format!("{k}={v}")));
        }
        for a in &app {
            let _ = write!(cmd, " {}", sh_quote(a));
        }
        let script = format!(
            "printf '%s\\n' {before}\n\
             stty -a > {sb} 2>&1\n\
             {cmd} 2> {err}\n\
             echo $? > {exit}.tmp\n\
             stty -a > {sa} 2>&1\n\
             mv {exit}.tmp {exit}\n\
             printf '%s\\n' {after}\n\
             exec sleep 600\n",
            before = SHELL_BEFORE,
            after = SHELL_AFTER,
            sb = q(&stty_before),
            sa = q(&stty_after),
            err = q(&err_file),
            exit = q(&exit_file),
        );
        let script_path = dir.path().join("run.sh");
        std::fs::write(&script_path, script).expect("write run.sh");
        let tmux = Tmux::start(&script_path, l.width, l.height);
        Tui {
            tmux,
            dir,
            home,
            transcript,
            width: l.width,
            height: l.height,
            exit_file,
            err_file,
            stty_before,
            stty_after,
        }
    }

    // -- input

    pub fn send(&self, keys: &[&str]) {
        self.tmux.send(keys);
    }

    /// Press one key and wait for exactly the next `speak` line; return its text.
    pub fn press(&self, key: &str) -> String {
        let n = self.speaks().len();
        self.send(&[key]);
        let ev = self.wait_for_transcript(n + 1, WAIT);
        let speaks: Vec<&Event> = ev.iter().filter(|e| e.kind == "speak").collect();
        speaks[n].text.clone()
    }

    // -- transcript

    pub fn transcript(&self) -> Vec<Event> {
        match std::fs::read_to_string(&self.transcript) {
            Ok(t) => parse_transcript(&t),
            Err(_) => vec![],
        }
    }

    pub fn speaks(&self) -> Vec<String> {
        self.transcript()
            .into_iter()
            .filter(|e| e.kind == "speak")
            .map(|e| e.text)
            .collect()
    }

    /// Wait until the transcript holds at least `n` `speak` lines; all events.
    pub fn wait_for_transcript(&self, n: usize, timeout: Duration) -> Vec<Event> {
        let mut events = vec![];
        self.wait_for(
            &format!("{n} speak lines in the transcript"),
            timeout,
            |t| {
                events = t.transcript();
                events.iter().filter(|e| e.kind == "speak").count() >= n
            },
        );
        events
    }

    /// Wait until the first speak line (the app is up and in raw mode).
    pub fn wait_started(&self) -> String {
        self.wait_for_transcript(1, WAIT);
        self.speaks()[0].clone()
    }

    /// Poll `cond` every 25 ms until it holds; fail after `timeout` with `what`
    /// and everything the app showed and said.
    pub fn wait_for(&self, what: &str, timeout: Duration, mut cond: impl FnMut(&Tui) -> bool) {
        let start = Instant::now();
        loop {
            if cond(self) {
                return;
            }
            if start.elapsed() >= timeout {
                panic!(
                    "timed out after {timeout:?} waiting for {what}\n{}",
                    self.diagnostics()
                );
            }
            std::thread::sleep(Duration::from_millis(25));
        }
    }

    // -- screen

    pub fn screen(&self) -> Vec<String> {
        self.tmux.screen()
    }

    pub fn cursor(&self) -> (u16, u16) {
        self.tmux.cursor()
    }

    /// The text of the cursor's row from the cursor's cell on, cut at a side
    /// border and without trailing blanks (a wide character counts two cells).
    pub fn text_at_cursor(&self) -> String {
        let (x, y) = self.cursor();
        let screen = self.screen();
        let row = screen.get(y as usize).cloned().unwrap_or_default();
        from_cell(&row, x)
    }

    // -- process

    /// The app's exit code, once it has ended.
    pub fn exit_code(&self) -> Option<i32> {
        std::fs::read_to_string(&self.exit_file)
            .ok()
            .and_then(|s| s.trim().parse().ok())
    }

    pub fn wait_exit(&self, timeout: Duration) -> i32 {
        self.wait_for("the app to exit", timeout, |t| t.exit_code().is_some());
        self.exit_code().unwrap_or(-1)
    }

    pub fn assert_alive(&self) {
        assert!(
            self.exit_code().is_none(),
            "the app has exited\n{}",
            self.diagnostics()
        );
    }

    pub fn stderr(&self) -> String {
        std::fs::read_to_string(&self.err_file).unwrap_or_default()
    }

    /// `stty -a` in the pane before the app started and after it ended.
    pub fn stty(&self) -> (String, String) {
        (
            std::fs::read_to_string(&self.stty_before).unwrap_or_default(),
            std::fs::read_to_string(&self.stty_after).unwrap_or_default(),
        )
    }

    /// Everything worth seeing when a test fails.
    pub fn diagnostics(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(s, "--- transcript ({}):", self.transcript.display());
        s.push_str(&format_transcript(&self.transcript()));
        let _ = writeln!(s, "--- screen ({}x{}):", self.width, self.height);
        for (i, row) in self.screen().iter().enumerate() {
            let _ = writeln!(s, "    {i:>3}|{row}");
        }
        let _ = writeln!(
            s,
            "--- cursor: {}",
            self.tmux.display("#{cursor_x},#{cursor_y}")
        );
        let _ = writeln!(s, "--- exit code: {:?}", self.exit_code());
        let _ = writeln!(s, "--- stderr:\n{}", self.stderr());
        s
    }
}

/// `row` from display cell `x` on, cut at a side border, trailing blanks removed.
pub fn from_cell(row: &str, x: u16) -> String {
    let mut cell = 0usize;
    let mut out = String::new();
    for c in row.chars() {
        if cell >= x as usize {
            out.push(c);
        }
        cell += c.width().unwrap_or(0);
    }
    let out = match out.find('│') {
        Some(i) => out[..i].to_string(),
        None => out,
    };
    out.trim_end().to_string()
}

/// Box-drawing (U+2500–257F) or braille (U+2800–28FF) characters in `s`.
pub fn box_or_braille(s: &str) -> Vec<char> {
    s.chars()
        .filter(|c| ('\u{2500}'..='\u{257f}').contains(c) || ('\u{2800}'..='\u{28ff}').contains(c))
        .collect()
}

// ---------------------------------------------------------------------------
// Running the app without a terminal

/// Run the app with `args`, piped `stdin`, no terminal, the locale scrubbed
/// and `env` added; kill it and fail after `timeout`.
pub fn run_piped(args: &[&str], env: &[(&str, &str)], stdin: &[u8], timeout: Duration) -> Output {
    let mut cmd = Command::new(BIN);
    cmd.args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for v in SCRUBBED_ENV {
        cmd.env_remove(v);
    }
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().expect("spawn tingjian");
    let mut sin = child.stdin.take().expect("stdin");
    let input = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        // The app may quit before reading everything: a broken pipe is fine.
        let _ = sin.write_all(&input);
    });
    let mut sout = child.stdout.take().expect("stdout");
    let mut serr = child.stderr.take().expect("stderr");
    let out_t = std::thread::spawn(move || {
        let mut b = vec![];
        let _ = sout.read_to_end(&mut b);
        b
    });
    let err_t = std::thread::spawn(move || {
        let mut b = vec![];
        let _ = serr.read_to_end(&mut b);
        b
    });
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().expect("try_wait") {
            break s;
        }
        if start.elapsed() > timeout {
            let _ = child.kill();
            let _ = child.wait();
            let out = out_t.join().unwrap_or_default();
            let err = err_t.join().unwrap_or_default();
            panic!(
                "tingjian {args:?} did not exit within {timeout:?}\n--- stdout:\n{}\n--- stderr:\n{}",
                String::from_utf8_lossy(&out),
                String::from_utf8_lossy(&err)
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let _ = writer.join();
    let stdout = out_t.join().unwrap_or_default();
    let stderr = err_t.join().unwrap_or_default();
    Output {
        status,
        stdout,
        stderr,
    }
}
