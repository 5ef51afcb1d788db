//! End-to-end tests of the real binary: in a private tmux server (keys in,
//! transcript + screen + cursor out), or with piped stdin for line mode and
//! start-up errors. See tests/support/mod.rs for the harness.
//!
//! Run: CARGO_TARGET_DIR=/tmp/e2e-target cargo test --no-default-features --test e2e

mod support;

use std::path::{Path, PathBuf};
use std::time::Duration;

use support::{
    Event, Launch, SHELL_AFTER, SHELL_BEFORE, Speech, Tui, WAIT, box_or_braille, from_cell,
    have_tmux, run_piped,
};

const HOME_ITEMS: [&str; 7] = [
    "招聘信息",
    "补贴与权益",
    "盲人按摩",
    "我的申请",
    "政策文件",
    "设置",
    "帮助",
];
const WELCOME: &str = "听见已启动。按 F1 听取帮助。主菜单，7项。招聘信息，菜单项，第1项，共7项";
const REGIONS_OPENED: &str = "政策文件：选择地区，5项。广州，列表项，市级，1份文件，第1项，共5项";

/// The part of an announcement that names the focused item: after the
/// "<title>，N项。" (or "N段。" for a document) that opens a screen, else all of it.
fn item_part(spoken: &str, opened_screen: bool) -> &str {
    if opened_screen {
        spoken
            .split_once("项。")
            .or_else(|| spoken.split_once("段。"))
            .map_or(spoken, |(_, rest)| rest)
    } else {
        spoken
    }
}

/// Wait until the terminal cursor sits on the first cell of a row whose
/// text begins with what was just spoken about the focused item (its label,
/// up to the first "，").
fn assert_cursor_shows(t: &Tui, after: &str, spoken: &str, opened_screen: bool) {
    let item = item_part(spoken, opened_screen).to_string();
    t.wait_for(
        &format!("after {after}: the cursor on the first cell of a row starting like what was spoken, {item:?}"),
        WAIT,
        |t| {
            let text = t.text_at_cursor();
            let label = text.split('，').next().unwrap_or("");
            label.chars().count() >= 2 && item.starts_with(label)
        },
    );
}

fn kinds_and_texts(ev: &[Event]) -> Vec<(String, String)> {
    ev.iter()
        .map(|e| (e.kind.clone(), e.text.clone()))
        .collect()
}

fn quit(t: &Tui) {
    t.send(&["C-q"]);
    let code = t.wait_exit(WAIT);
    assert_eq!(code, 0, "exit code after Ctrl-Q\n{}", t.diagnostics());
    assert!(
        t.stderr().trim().is_empty(),
        "nothing on stderr expected\n{}",
        t.diagnostics()
    );
}

// ---------------------------------------------------------------------------
// (a)

#[test]
fn a_home_down_down_enter_speaks_exactly_each_item_after_a_stop() {
    if !have_tmux("a_home_down_down_enter") {
        return;
    }
    let t = Launch::new().start();
    assert_eq!(
        t.wait_started(),
        WELCOME,
        "first announcement\n{}",
        t.diagnostics()
    );
    // Typed quickly, as a user would.
    t.send(&["Down", "Down", "Enter"]);
    t.wait_for_transcript(4, WAIT);
    // A sentinel key: whatever the three keys caused is recorded before its stop.
    t.send(&["End"]);
    let ev = t.wait_for_transcript(5, WAIT);
    let got = kinds_and_texts(&ev);
    let diag = t.diagnostics();
    assert_eq!(got.len(), 9, "events\n{diag}");
    let expected_kinds = [
        "speak", "stop", "speak", "stop", "speak", "stop", "speak", "stop", "speak",
    ];
    let kinds: Vec<&str> = got.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(
        kinds, expected_kinds,
        "every key's announcement follows a stop\n{diag}"
    );
    for (k, text) in &got {
        if k == "stop" {
            assert_eq!(text, "", "a stop line carries no text\n{diag}");
        }
    }
    assert_eq!(got[0].1, WELCOME);
    assert_eq!(got[2].1, "补贴与权益，菜单项，第2项，共7项", "Down\n{diag}");
    assert_eq!(got[4].1, "盲人按摩，菜单项，第3项，共7项", "Down\n{diag}");
    let enter = &got[6].1;
    assert!(
        enter.starts_with("盲人按摩路径，4项。档案，调节项，不用档案"),
        "Enter opens the massage paths, got {enter:?}\n{diag}"
    );
    assert!(
        got[8].1.starts_with("盲人保健按摩，菜单项，"),
        "End\n{diag}"
    );
    // Times count up.
    assert!(
        ev.windows(2).all(|w| w[0].ms <= w[1].ms),
        "transcript times go backwards\n{diag}"
    );
    t.assert_alive();
}

/// From the regions screen with 江西 focused: Enter, then Enter on the
/// focused entry until the document's first paragraph is read. The screen
/// between is the region's menu (its first entry the full text) or, in the
/// first version, its list of documents; either way the Jiangxi plan must be
/// the focused entry. Returns the reader's first announcement.
fn open_jiangxi_document(t: &Tui) -> String {
    let region = t.press("Enter");
    assert!(
        region.starts_with("江西")
            && item_part(&region, true).contains("江西省促进残疾人就业三年行动实施方案"),
        "Enter on 江西 opens its screen with the plan focused: {region:?}\n{}",
        t.diagnostics()
    );
    assert_cursor_shows(t, "Enter on 江西", &region, true);
    let mut s = t.press("Enter");
    if !s.contains("第1段，共") {
        // One more level (a documents list under the region's menu).
        assert!(
            s.contains("江西省促进残疾人就业三年行动实施方案"),
            "{s:?}\n{}",
            t.diagnostics()
        );
        assert_cursor_shows(t, "Enter", &s, true);
        s = t.press("Enter");
    }
    assert!(
        s.starts_with("江西省促进残疾人就业三年行动实施方案") && s.contains("第1段，共"),
        "the reader opens at the first paragraph: {s:?}\n{}",
        t.diagnostics()
    );
    assert_cursor_shows(t, "Enter on the document", &s, true);
    s
}

// ---------------------------------------------------------------------------
// (b)

#[test]
fn b_policies_jiangxi_third_paragraph_is_heard_with_the_cursor_on_it() {
    if !have_tmux("b_policies_jiangxi_third_paragraph") {
        return;
    }
    let t = Launch::new().size(100, 30).start();
    let first = t.wait_started();
    assert_cursor_shows(&t, "start", &first, true);
    // (key, opens a screen, what the announcement starts with)
    let steps: [(&str, bool, &str); 6] = [
        ("Down", false, "补贴与权益，菜单项，第2项，共7项"),
        ("Down", false, "盲人按摩，菜单项，第3项，共7项"),
        ("Down", false, "我的申请，菜单项，第4项，共7项"),
        ("Down", false, "政策文件，菜单项，第5项，共7项"),
        ("Enter", true, REGIONS_OPENED),
        ("End", false, "江西，列表项，省级，1份文件，第5项，共5项"),
    ];
    for (key, opens, starts) in steps {
        let s = t.press(key);
        assert!(
            s.starts_with(starts),
            "after {key}: expected {starts:?}…, heard {s:?}\n{}",
            t.diagnostics()
        );
        assert_cursor_shows(&t, key, &s, opens);
    }
    open_jiangxi_document(&t);
    let second = t.press("Down");
    assert!(
        second.starts_with("各市") && second.contains("第2段，共"),
        "{second:?}\n{}",
        t.diagnostics()
    );
    assert_cursor_shows(&t, "Down", &second, false);
    let last = t.press("Down");
    assert_cursor_shows(&t, "Down", &last, false);
    assert!(
        last.starts_with("《江西省促进残疾人就业三年行动实施方案"),
        "the third paragraph begins with the plan's title in book quotes: {last:?}\n{}",
        t.diagnostics()
    );
    let diag = t.diagnostics();
    assert!(
        last.contains("已经省政府同意"),
        "third paragraph: {last:?}\n{diag}"
    );
    assert!(
        last.contains("请认真贯彻落实。 第3段，共"),
        "ends the paragraph, then its position: {last:?}\n{diag}"
    );
    assert!(last.ends_with('段'), "{last:?}");
    for traditional in ["促進", "殘疾", "實施", "現印發", "們", "貫徹"] {
        assert!(
            !last.contains(traditional),
            "zh-CN reads simplified characters, found {traditional:?} in {last:?}"
        );
    }
    // Every announcement after the first follows a stop.
    let ev = t.transcript();
    for (i, e) in ev.iter().enumerate().skip(1) {
        if e.kind == "speak" {
            assert_eq!(
                ev[i - 1].kind,
                "stop",
                "speak line {i} not preceded by stop\n{diag}"
            );
        }
    }
    quit(&t);
}

// ---------------------------------------------------------------------------
// (c)

/// Wait for `title` on the first row, then check every row.
fn assert_clean_screen(t: &Tui, where_: &str, title: &str) {
    t.wait_for(
        &format!("{where_}: title {title:?} on the first row"),
        WAIT,
        |t| t.screen().first().is_some_and(|r| r.starts_with(title)),
    );
    for (y, row) in t.screen().iter().enumerate() {
        let bad = box_or_braille(row);
        assert!(
            bad.is_empty(),
            "{where_}: row {y} has {bad:?}: {row:?}\n{}",
            t.diagnostics()
        );
        assert!(
            !row.contains('▶'),
            "{where_}: row {y} has a moving marker: {row:?}\n{}",
            t.diagnostics()
        );
    }
}

/// Whether a `capture-pane -e` row switches reverse video on (SGR 7, alone
/// or combined, e.g. `ESC[0;7m`).
fn has_reverse_video(row: &str) -> bool {
    row.split("\u{1b}[").skip(1).any(|seq| {
        let end = seq
            .find(|c: char| c.is_ascii_alphabetic())
            .unwrap_or(seq.len());
        seq[end..].starts_with('m') && seq[..end].split(';').any(|p| p == "7")
    })
}

/// Focus is shown by reverse video on the cursor row only.
fn assert_reverse_only_on_cursor_row(t: &Tui, where_: &str) {
    let (_, cy) = t.cursor();
    let rows = t.tmux.screen_with_attrs();
    for (y, row) in rows.iter().enumerate() {
        let reversed = has_reverse_video(row);
        assert_eq!(
            reversed,
            y == cy as usize,
            "{where_}: reverse video should be on the cursor row {cy} only; row {y} is {row:?}\n{}",
            t.diagnostics()
        );
    }
}

#[test]
fn c_screen_reader_mode_draws_no_box_or_braille_characters() {
    if !have_tmux("c_screen_reader_mode") {
        return;
    }
    let t = Launch::new().arg("--screen-reader").start();
    let first = t.wait_started();
    assert_clean_screen(&t, "home", "主菜单");
    assert_cursor_shows(&t, "start", &first, true);
    assert_reverse_only_on_cursor_row(&t, "home");

    // A move changes style only, never text: a screen reader comparing text
    // then reads just the new cursor row.
    let before = t.screen();
    let s = t.press("Down");
    assert_cursor_shows(&t, "Down", &s, false);
    assert_eq!(
        before,
        t.screen(),
        "screen text changed on a move in screen-reader mode"
    );
    assert_reverse_only_on_cursor_row(&t, "home after Down");

    for _ in 0..3 {
        t.press("Down");
    }
    let s = t.press("Enter");
    assert!(s.starts_with(REGIONS_OPENED), "{s:?}");
    assert_clean_screen(&t, "regions", "政策文件：选择地区");
    assert_cursor_shows(&t, "Enter", &s, true);
    assert_reverse_only_on_cursor_row(&t, "regions");

    t.press("End");
    open_jiangxi_document(&t);
    assert_clean_screen(&t, "reader", "江西省促进残疾人就业三年行动实施方案");
    // Scrolled further down the document.
    let s = t.press("PageDown");
    assert!(s.contains("第11段"), "PageDown moves ten paragraphs: {s:?}");
    let s2 = t.press("PageDown");
    assert!(s2.contains("第21段"), "{s2:?}");
    assert_clean_screen(
        &t,
        "reader after PageDown",
        "江西省促进残疾人就业三年行动实施方案",
    );
    assert_cursor_shows(&t, "PageDown", &s2, false);
    quit(&t);
}

#[test]
fn c_screen_reader_mode_from_the_environment_variable() {
    if !have_tmux("c_screen_reader_mode_from_env") {
        return;
    }
    let t = Launch::new().env("TINGJIAN_SCREEN_READER", "1").start();
    t.wait_started();
    assert_clean_screen(&t, "home (TINGJIAN_SCREEN_READER=1)", "主菜单");
    // And without it, the ordinary drawing has borders and a marker.
    let plain = Launch::new().start();
    plain.wait_started();
    plain.wait_for(
        "borders and the ▶ marker without screen-reader mode",
        WAIT,
        |t| {
            let s = t.screen().join("\n");
            !box_or_braille(&s).is_empty() && s.contains("▶ 招聘信息")
        },
    );
}

// ---------------------------------------------------------------------------
// (d)

#[test]
fn d_f2_repeats_and_f4_lists_earlier_utterances_newest_first() {
    if !have_tmux("d_f2_f4") {
        return;
    }
    let t = Launch::new().size(160, 30).start();
    let w = t.wait_started();
    let a = t.press("Down");
    let b = t.press("Down");
    assert_eq!(
        t.press("F2"),
        b,
        "F2 repeats the last announcement\n{}",
        t.diagnostics()
    );
    assert_eq!(t.press("F2"), b, "and again\n{}", t.diagnostics());
    let ev = t.transcript();
    let n = ev.len();
    assert_eq!(
        kinds_and_texts(&ev[n - 4..]),
        vec![
            ("stop".to_string(), String::new()),
            ("speak".to_string(), b.clone()),
            ("stop".to_string(), String::new()),
            ("speak".to_string(), b.clone()),
        ],
        "each repeat follows a stop\n{}",
        t.diagnostics()
    );

    let h = t.press("F4");
    assert!(h.starts_with("朗读历史"), "F4 opens the history: {h:?}");
    assert!(
        item_part(&h, true).starts_with(&b),
        "the newest utterance is focused first: {h:?}"
    );
    // All earlier utterances are listed, newest first.
    t.wait_for(
        "the history to list the three earlier utterances, newest first",
        WAIT,
        |t| {
            let screen = t.screen();
            let row_of = |u: &str| screen.iter().position(|r| r.contains(u));
            match (row_of(&b), row_of(&a), row_of(&w)) {
                (Some(rb), Some(ra), Some(rw)) => rb < ra && ra < rw,
                _ => false,
            }
        },
    );
    let next = t.press("Down");
    assert!(
        next.starts_with(&a),
        "Down in the history reads the one before: {next:?}"
    );
    let back = t.press("Escape");
    assert!(back.starts_with("主菜单"), "Esc goes back: {back:?}");
    quit(&t);
}

// ---------------------------------------------------------------------------
// (e)

/// Keys work at this size, nothing panics, Ctrl-Q exits cleanly.
fn survives(width: u16, height: u16, check_cursor: bool) {
    let t = Launch::new().size(width, height).start();
    assert_eq!(t.wait_started(), WELCOME);
    let s = t.press("Down");
    assert!(s.starts_with("补贴与权益"), "{s:?}\n{}", t.diagnostics());
    let s = t.press("End");
    assert!(s.starts_with("帮助"), "{s:?}\n{}", t.diagnostics());
    if check_cursor {
        assert_cursor_shows(&t, "End", &s, false);
    }
    let s = t.press("Enter");
    assert!(
        s.starts_with("帮助"),
        "Enter on 帮助 opens help: {s:?}\n{}",
        t.diagnostics()
    );
    let s = t.press("PageDown");
    assert!(
        s.contains("第11项"),
        "PageDown in help: {s:?}\n{}",
        t.diagnostics()
    );
    let s = t.press("F3");
    assert!(!s.is_empty(), "F3 reads the screen");
    let s = t.press("Escape");
    assert!(
        s.starts_with("主菜单"),
        "Esc back home: {s:?}\n{}",
        t.diagnostics()
    );
    t.assert_alive();
    let (x, y) = t.cursor();
    assert!(
        x < width && y < height,
        "cursor ({x},{y}) outside {width}x{height}\n{}",
        t.diagnostics()
    );
    quit(&t);
}

#[test]
fn e_tiny_terminal_1x1() {
    if have_tmux("e_tiny_terminal_1x1") {
        survives(1, 1, false);
    }
}

#[test]
fn e_tiny_terminal_2x2() {
    if have_tmux("e_tiny_terminal_2x2") {
        survives(2, 2, false);
    }
}

#[test]
fn e_tiny_terminal_10x3() {
    if have_tmux("e_tiny_terminal_10x3") {
        survives(10, 3, false);
    }
}

#[test]
fn e_huge_terminal_500x200() {
    if have_tmux("e_huge_terminal_500x200") {
        survives(500, 200, true);
    }
}

#[test]
fn e_resizing_between_tiny_and_huge_while_running() {
    if !have_tmux("e_resizing") {
        return;
    }
    let t = Launch::new().size(80, 24).start();
    t.wait_started();
    t.tmux.resize(1, 1);
    assert!(t.press("Down").starts_with("补贴与权益"));
    t.tmux.resize(2, 2);
    assert!(t.press("Down").starts_with("盲人按摩"));
    t.tmux.resize(500, 200);
    assert!(t.press("Down").starts_with("我的申请"));
    t.tmux.resize(10, 3);
    assert!(t.press("Down").starts_with("政策文件"));
    t.tmux.resize(80, 24);
    let s = t.press("Enter");
    assert!(s.starts_with(REGIONS_OPENED), "{s:?}");
    assert_cursor_shows(&t, "Enter after resizing", &s, true);
    t.assert_alive();
    quit(&t);
}

// ---------------------------------------------------------------------------
// (f)

fn starts_in_zh_cn(what: &str, env: &[(&str, &str)]) {
    let mut l = Launch::new();
    for (k, v) in env {
        l = l.env(k, v);
    }
    let t = l.start();
    assert_eq!(t.wait_started(), WELCOME, "{what}\n{}", t.diagnostics());
    assert_eq!(
        t.press("Down"),
        "补贴与权益，菜单项，第2项，共7项",
        "{what}\n{}",
        t.diagnostics()
    );
    t.wait_for(&format!("{what}: readable Chinese on screen"), WAIT, |t| {
        let s = t.screen().join("\n");
        s.contains("主菜单") && HOME_ITEMS.iter().all(|i| s.contains(i))
    });
    quit(&t);
}

#[test]
fn f_lang_unset_speaks_zh_cn() {
    if have_tmux("f_lang_unset") {
        starts_in_zh_cn("no LANG, LC_ALL, LC_MESSAGES or LANGUAGE", &[]);
    }
}

#[test]
fn f_lang_gb18030_speaks_zh_cn() {
    if have_tmux("f_lang_gb18030") {
        starts_in_zh_cn("LANG=zh_CN.GB18030", &[("LANG", "zh_CN.GB18030")]);
    }
}

#[test]
fn f_lc_all_c_speaks_zh_cn() {
    if have_tmux("f_lc_all_c") {
        starts_in_zh_cn("LC_ALL=C", &[("LC_ALL", "C")]);
    }
}

#[test]
fn f_lang_flag_en_speaks_english() {
    if !have_tmux("f_lang_flag_en") {
        return;
    }
    // The flag wins over a Chinese LANG.
    let t = Launch::new()
        .arg("--lang")
        .arg("en")
        .env("LANG", "zh_CN.UTF-8")
        .start();
    let first = t.wait_started();
    assert!(
        first.contains("1 of 7"),
        "--lang en: first announcement {first:?} should say \"1 of 7\"\n{}",
        t.diagnostics()
    );
    let s = t.press("Down");
    assert!(
        s.contains("2 of 7"),
        "--lang en: Down said {s:?}\n{}",
        t.diagnostics()
    );
    quit(&t);
}

// ---------------------------------------------------------------------------
// (g)

/// A screen reader the app's auto mode would detect (it then stays quiet
/// for it instead of reporting speech unavailable).
fn running_screen_reader() -> Option<String> {
    const READERS: &[&str] = &[
        "orca",
        "fenrir",
        "fenrir-daemon",
        "speakup",
        "yasr",
        "emacspeak",
        "espeakup",
    ];
    if Path::new("/sys/module/speakup").exists() {
        return Some("speakup (kernel module)".into());
    }
    for entry in std::fs::read_dir("/proc").ok()?.flatten() {
        if let Ok(comm) = std::fs::read_to_string(entry.path().join("comm"))
            && let Some(r) = READERS.iter().find(|r| **r == comm.trim())
        {
            return Some(format!("{r} (pid {})", entry.file_name().to_string_lossy()));
        }
    }
    None
}

#[test]
fn g_speech_unavailable_is_said_once_on_screen_and_as_a_notice() {
    if !have_tmux("g_speech_unavailable") {
        return;
    }
    // fenrir tests (tests/fenrir.rs) run a screen reader; wait for them to end.
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    while let Some(r) = running_screen_reader() {
        assert!(
            std::time::Instant::now() < deadline,
            "a screen reader is running on this machine ({r}): with --speech auto the app then stays quiet \
             on purpose, so this test cannot see the speech-unavailable notice. Run it when none is running."
        );
        std::thread::sleep(Duration::from_millis(200));
    }
    let t = Launch::new()
        .speech(Speech::Auto)
        .env("SPEECHD_ADDRESS", "unix_socket:/nonexistent/sock")
        .start();
    t.wait_started();
    t.wait_for("a notice line in the transcript", WAIT, |t| {
        t.transcript().iter().any(|e| e.kind == "notice")
    });
    t.wait_for("the notice on the bottom (status) row", WAIT, |t| {
        t.screen()
            .last()
            .is_some_and(|r| r.starts_with("语音不可用"))
    });
    let rows = t
        .screen()
        .iter()
        .filter(|r| r.contains("语音不可用"))
        .count();
    assert_eq!(rows, 1, "the notice is shown once\n{}", t.diagnostics());

    // It goes on working, and says it only once.
    assert!(t.press("Down").starts_with("补贴与权益"));
    assert!(t.press("Down").starts_with("盲人按摩"));
    assert!(t.press("F2").starts_with("盲人按摩"));
    let ev = t.transcript();
    let notices: Vec<&Event> = ev.iter().filter(|e| e.kind == "notice").collect();
    assert_eq!(notices.len(), 1, "one notice\n{}", t.diagnostics());
    assert!(
        notices[0].text.starts_with("语音不可用"),
        "{:?}",
        notices[0].text
    );
    assert!(
        !ev.iter()
            .any(|e| e.kind == "speak" && e.text.contains("语音不可用")),
        "the notice is recorded as a notice, not as speech\n{}",
        t.diagnostics()
    );
    let shown = t
        .screen()
        .iter()
        .filter(|r| r.contains("语音不可用"))
        .count();
    assert!(shown <= 1, "never shown twice\n{}", t.diagnostics());
    quit(&t);
}

// ---------------------------------------------------------------------------
// (h)

fn percent_in(s: &str) -> u32 {
    let rest = s
        .split_once("百分之")
        .map(|(_, r)| r)
        .unwrap_or_else(|| panic!("no 百分之 in {s:?}"));
    rest.chars()
        .take_while(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .unwrap_or_else(|_| panic!("no number in {s:?}"))
}

fn open_rate_setting(t: &Tui) -> String {
    for _ in 0..5 {
        t.press("Down");
    }
    let s = t.press("Enter");
    assert!(
        s.starts_with("设置，6项。界面语言"),
        "settings opened: {s:?}\n{}",
        t.diagnostics()
    );
    assert!(t.press("Down").starts_with("语音朗读"));
    let s = t.press("Down");
    assert!(
        s.starts_with("语速，调节项，百分之"),
        "{s:?}\n{}",
        t.diagnostics()
    );
    s
}

#[test]
fn h_right_on_rate_speaks_the_new_value_and_it_survives_a_restart() {
    if !have_tmux("h_settings_rate") {
        return;
    }
    let home = tempfile::tempdir().expect("tempdir");
    let t = Launch::new().home(home.path()).start();
    t.wait_started();
    let before = percent_in(&open_rate_setting(&t));
    let changed = t.press("Right");
    assert!(
        changed.starts_with("语速"),
        "Right names the setting: {changed:?}"
    );
    let after = percent_in(&changed);
    assert!(
        after > before,
        "Right raises the rate: {before} -> {after}\n{}",
        t.diagnostics()
    );
    t.wait_for("the new value on the cursor row", WAIT, |t| {
        t.text_at_cursor().contains(&format!("百分之{after}"))
    });
    quit(&t);
    drop(t);

    let t2 = Launch::new().home(home.path()).start();
    t2.wait_started();
    let again = open_rate_setting(&t2);
    assert_eq!(
        percent_in(&again),
        after,
        "after a restart with the same --home\n{}",
        t2.diagnostics()
    );
    quit(&t2);
}

// ---------------------------------------------------------------------------
// (i)

fn terminal_restored_after(quit_key: &str) {
    let t = Launch::new().start();
    t.wait_started();
    t.wait_for("the alternate screen while running", WAIT, |t| {
        t.tmux.display("#{alternate_on}") == "1"
    });
    t.press("Down");
    t.send(&[quit_key]);
    assert_eq!(
        t.wait_exit(WAIT),
        0,
        "exit code after {quit_key}\n{}",
        t.diagnostics()
    );
    t.wait_for(
        &format!("{SHELL_AFTER} from the shell after {quit_key}"),
        WAIT,
        |t| t.screen().iter().any(|r| r.contains(SHELL_AFTER)),
    );
    let screen = t.screen();
    let diag = t.diagnostics();
    assert!(
        screen.iter().any(|r| r.contains(SHELL_BEFORE)),
        "the shell's earlier output is back\n{diag}"
    );
    for row in &screen {
        assert!(
            !HOME_ITEMS.iter().any(|i| row.contains(i))
                && !row.contains("主菜单")
                && box_or_braille(row).is_empty(),
            "app text left on the restored screen: {row:?}\n{diag}"
        );
    }
    assert_eq!(
        t.tmux.display("#{alternate_on}"),
        "0",
        "alternate screen left\n{diag}"
    );
    assert_eq!(
        t.tmux.display("#{cursor_flag}"),
        "1",
        "cursor visible again\n{diag}"
    );
    let (before, after) = t.stty();
    assert!(!before.is_empty(), "stty before");
    assert_eq!(
        before, after,
        "terminal modes (stty -a) restored after {quit_key}"
    );
}

#[test]
fn i_terminal_restored_after_ctrl_q() {
    if have_tmux("i_terminal_restored_ctrl_q") {
        terminal_restored_after("C-q");
    }
}

#[test]
fn i_terminal_restored_after_ctrl_c() {
    if have_tmux("i_terminal_restored_ctrl_c") {
        terminal_restored_after("C-c");
    }
}

// ---------------------------------------------------------------------------
// (j) line mode, no terminal

fn transcript_arg(dir: &Path) -> (PathBuf, String) {
    let p = dir.join("transcript.tsv");
    let a = format!("--speech=transcript:{}", p.display());
    (p, a)
}

#[test]
fn j_line_mode_reaches_the_third_paragraph_with_piped_stdin() {
    let home = tempfile::tempdir().expect("tempdir");
    let (tpath, targ) = transcript_arg(home.path());
    let h = home.path().to_str().expect("utf-8");
    // No --line: piped stdin and stdout choose line mode by themselves.
    let out = run_piped(&["--home", h, &targ], &[], b"5\n5\n1\n3\nq\n", WAIT);
    let stdout = String::from_utf8(out.stdout.clone()).expect("stdout is UTF-8");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let diag = format!("--- stdout:\n{stdout}\n--- stderr:\n{stderr}");
    assert!(out.status.success(), "exit status {:?}\n{diag}", out.status);
    assert!(
        !stdout.contains('\u{1b}'),
        "no escape sequences in line mode\n{stdout:?}"
    );
    assert!(stdout.contains("主菜单"), "{diag}");
    for (i, item) in HOME_ITEMS.iter().enumerate() {
        assert!(
            stdout.contains(&format!("{}. {item}", i + 1)),
            "numbered home list: {item}\n{diag}"
        );
    }
    assert!(
        stdout.contains("政策文件：选择地区") && stdout.contains("5. 江西"),
        "regions list\n{diag}"
    );
    assert!(
        stdout.contains("《江西省促进残疾人就业三年行动实施方案(2022-2024年)》已经省政府同意,现印发给你们,请认真贯彻落实。"),
        "the third paragraph is printed\n{diag}"
    );
    assert!(stdout.contains("第3段，共"), "{diag}");
    assert!(
        stdout.trim_end().ends_with("再见"),
        "q says goodbye\n{diag}"
    );
    let ev = support::parse_transcript(&std::fs::read_to_string(&tpath).expect("transcript"));
    let speaks: Vec<&Event> = ev.iter().filter(|e| e.kind == "speak").collect();
    let last = speaks.last().expect("something spoken");
    assert!(
        last.text
            .starts_with("《江西省促进残疾人就业三年行动实施方案")
            && last.text.contains("第3段"),
        "the third paragraph is spoken last: {:?}",
        last.text
    );
}

#[test]
fn j_line_mode_names_bad_input_and_asks_again() {
    let home = tempfile::tempdir().expect("tempdir");
    let (_, targ) = transcript_arg(home.path());
    let h = home.path().to_str().expect("utf-8");
    let out = run_piped(&["--line", "--home", h, &targ], &[], b"x\n9\n5\nq\n", WAIT);
    let stdout = String::from_utf8(out.stdout.clone()).expect("stdout is UTF-8");
    let diag = format!(
        "--- stdout:\n{stdout}\n--- stderr:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "{diag}");
    assert!(
        !stdout.contains('\u{1b}'),
        "no escape sequences\n{stdout:?}"
    );
    let prompt = "输入 1 到 7";
    let bad_x = stdout
        .find("无法识别“x”")
        .unwrap_or_else(|| panic!("\"x\" is named\n{diag}"));
    let bad_9 = stdout
        .find("无法识别“9”")
        .unwrap_or_else(|| panic!("\"9\" (out of range) is named\n{diag}"));
    assert!(bad_x < bad_9, "{diag}");
    assert!(
        stdout[..bad_x].contains(prompt),
        "a prompt before the first input\n{diag}"
    );
    assert!(
        stdout[bad_x..bad_9].contains(prompt),
        "asked again after \"x\"\n{diag}"
    );
    let regions = stdout
        .find("政策文件：选择地区")
        .unwrap_or_else(|| panic!("5 still works after bad input\n{diag}"));
    assert!(
        stdout[bad_9..regions].contains(prompt),
        "asked again after \"9\"\n{diag}"
    );
}

#[test]
fn j_line_mode_ends_cleanly_at_end_of_input() {
    let home = tempfile::tempdir().expect("tempdir");
    let (_, targ) = transcript_arg(home.path());
    let h = home.path().to_str().expect("utf-8");
    let out = run_piped(&["--home", h, &targ], &[], b"5\n", WAIT);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{:?}\n{stdout}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("政策文件：选择地区"), "{stdout}");
}

// ---------------------------------------------------------------------------
// (k)

#[test]
fn k_records_file_that_is_not_a_database_exits_2_and_is_left_unchanged() {
    let home = tempfile::tempdir().expect("tempdir");
    let rec = home.path().join("records.sqlite");
    let content: &[u8] = b"These are my notes, not a database.\n\x00\x01\x02\xff\n";
    std::fs::write(&rec, content).expect("write records.sqlite");
    let h = home.path().to_str().expect("utf-8");
    let out = run_piped(&["--home", h, "--speech=off"], &[], b"q\n", WAIT);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(2),
        "exit code\n--- stderr:\n{stderr}"
    );
    assert!(
        stderr.contains(rec.to_str().expect("utf-8")),
        "the message names the file: {stderr}"
    );
    assert_eq!(
        std::fs::read(&rec).expect("read back"),
        content,
        "records.sqlite must be byte-for-byte unchanged"
    );
    for side in [
        "records.sqlite-wal",
        "records.sqlite-shm",
        "records.sqlite-journal",
    ] {
        assert!(
            !home.path().join(side).exists(),
            "{side} was created beside a file the app could not read"
        );
    }
}

// ---------------------------------------------------------------------------
// (l)

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for e in std::fs::read_dir(from).expect("read_dir").flatten() {
        let p = e.path();
        let dest = to.join(e.file_name());
        if p.is_dir() {
            copy_dir(&p, &dest);
        } else {
            std::fs::copy(&p, &dest).expect("copy");
            // The sources are read-only in the repository.
            let mut perm = std::fs::metadata(&dest).expect("metadata").permissions();
            #[allow(clippy::permissions_set_readonly_false)]
            perm.set_readonly(false);
            std::fs::set_permissions(&dest, perm).expect("chmod");
        }
    }
}

#[test]
fn l_broken_plans_toml_exits_2_naming_the_file_and_line() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let data = tmp.path().join("data");
    copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("data"), &data);
    let plans = data.join("plans.toml");
    let text = std::fs::read_to_string(&plans).expect("plans.toml");
    let needle = "name = \"贵州\"";
    let idx = text
        .lines()
        .position(|l| l.trim() == needle)
        .expect("a region named 贵州 in plans.toml");
    let line = idx + 1;
    let broken: Vec<String> = text
        .lines()
        .enumerate()
        .map(|(i, l)| {
            if i == idx {
                l.replacen("贵州\"", "贵州", 1)
            } else {
                l.to_string()
            }
        })
        .collect();
    std::fs::write(&plans, broken.join("\n") + "\n").expect("write broken plans.toml");

    let home = tmp.path().join("home");
    let out = run_piped(
        &[
            "--home",
            home.to_str().expect("utf-8"),
            "--data",
            data.to_str().expect("utf-8"),
            "--speech=off",
        ],
        &[],
        b"q\n",
        WAIT,
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(2),
        "exit code\n--- stderr:\n{stderr}"
    );
    assert!(stderr.contains("plans.toml"), "names plans.toml: {stderr}");
    assert!(
        stderr.contains(&format!("第{line}行")),
        "names line {line}: {stderr}"
    );
    // Nothing from a normal start leaked out.
    assert!(
        !String::from_utf8_lossy(&out.stdout).contains("主菜单"),
        "it did not start"
    );
}

// Keep `from_cell` honest: the cursor-row helper counts CJK as two cells.
#[test]
fn support_from_cell_counts_wide_characters_as_two_cells() {
    assert_eq!(from_cell("│▶ 招聘信息     │", 3), "招聘信息");
    assert_eq!(from_cell("主菜单 x", 6), " x");
    assert_eq!(from_cell("主菜单", 2), "菜单");
    assert_eq!(from_cell("", 5), "");
}

// ---------------------------------------------------------------------------
// Jobs: the task, with eyes on the transcript only.

#[test]
fn jobs_search_massage_in_guizhou_hear_the_first_result_open_it_and_hear_its_fields() {
    if !have_tmux("jobs_search_massage_in_guizhou") {
        return;
    }
    let t = Launch::new().size(100, 30).arg("--screen-reader").start();
    t.wait_started();
    let opened = t.press("Enter");
    assert!(
        opened.starts_with("招聘信息，"),
        "{opened:?}\n{}",
        t.diagnostics()
    );
    assert!(
        opened.contains("搜索词，编辑框，空，第1项，共7项"),
        "{opened:?}"
    );
    assert!(
        opened.contains("找到300条"),
        "the bundled sample postings: {opened:?}"
    );
    // Typing into the search field echoes each character.
    let n = t.speaks().len();
    t.tmux.send_literal("按摩");
    let ev = t.wait_for_transcript(n + 2, WAIT);
    let echoed: Vec<&str> = ev
        .iter()
        .filter(|e| e.kind == "speak")
        .skip(n)
        .map(|e| e.text.as_str())
        .collect();
    assert_eq!(echoed, ["按", "摩"], "\n{}", t.diagnostics());
    let found = t.press("Enter");
    assert!(
        found.starts_with("找到") && found.contains("第1项，共"),
        "{found:?}\n{}",
        t.diagnostics()
    );
    // Region filter: Home to the field, Down to 地区, Right to 广州 then 贵州.
    t.press("Home");
    let region = t.press("Down");
    assert!(
        region.starts_with("地区，调节项，不限，第2项，共7项"),
        "{region:?}"
    );
    t.press("Right");
    let gz = t.press("Right");
    assert!(
        gz.starts_with("地区，贵州。找到"),
        "{gz:?}\n{}",
        t.diagnostics()
    );
    let total: usize = gz
        .split("找到")
        .nth(1)
        .and_then(|s| s.split('条').next())
        .and_then(|s| s.parse().ok())
        .expect("a count");
    assert!(total > 0, "{gz}");
    // Down past the other controls to the first result.
    for _ in 0..5 {
        t.press("Down");
    }
    let first = t.press("Down");
    assert!(
        first.contains("按摩")
            && first.contains("示例")
            && first.ends_with(&format!("第1项，共{total}项")),
        "the first result with its position and marked sample: {first:?}\n{}",
        t.diagnostics()
    );
    assert!(
        first.contains("贵阳")
            || first.contains("遵义")
            || first.contains("安顺")
            || first.contains("毕节")
            || first.contains("铜仁")
            || first.contains("六盘水"),
        "a city of 贵州: {first:?}"
    );
    assert_cursor_shows(&t, "Down", &first, false);
    let detail = t.press("Enter");
    assert!(
        detail.starts_with("招聘详情，14项。"),
        "{detail:?}\n{}",
        t.diagnostics()
    );
    assert!(detail.contains("这是示例数据，不是真实岗位"), "{detail:?}");
    let employer = t.press("Down");
    assert!(employer.starts_with("单位："), "{employer:?}");
    let place = t.press("Down");
    assert!(place.starts_with("地点：贵州"), "{place:?}");
    let suits = t.press("Down");
    assert!(suits.starts_with("适合：视力残疾"), "{suits:?}");
    let pay = t.press("Down");
    assert!(pay.starts_with("工资："), "{pay:?}");
    // Bookmark it, go back, and find it among the bookmarks.
    let apply = t.press("End");
    assert!(apply.starts_with("申请这个岗位"), "{apply:?}");
    let bookmark = t.press("Up");
    assert!(bookmark.starts_with("收藏这条招聘"), "{bookmark:?}");
    assert_eq!(t.press("Enter"), "已收藏");
    quit(&t);
}

// ---------------------------------------------------------------------------
// Entitlements: the task, with eyes on the transcript only.

#[test]
fn entitlements_for_a_jiangxi_card_holder_on_dibao_starting_a_business_then_one_fact_changed() {
    if !have_tmux("entitlements_jiangxi") {
        return;
    }
    let t = Launch::new()
        .size(100, 30)
        .arg("--screen-reader")
        .arg("--as-of")
        .arg("2024-06-01")
        .start();
    t.wait_started();
    t.press("Down");
    let form = t.press("Enter");
    assert!(
        form.starts_with("补贴与权益：你的情况，22项。残疾人证号，编辑框，空"),
        "{form:?}\n{}",
        t.diagnostics()
    );
    // A 江西 (36) card: visual disability (1), grade 1.
    let n = t.speaks().len();
    t.tmux.send_literal("36010219900307123611");
    t.wait_for_transcript(n + 20, WAIT);
    let region = t.press("Down");
    assert!(region.starts_with("所在地区"), "{region:?}");
    let mut last = String::new();
    for _ in 0..5 {
        last = t.press("Right");
    }
    assert_eq!(last, "所在地区，江西");
    let category = t.press("Down");
    assert!(
        category.starts_with("残疾类别，调节项，视力残疾"),
        "filled from the card: {category:?}"
    );
    for _ in 0..10 {
        t.press("Down");
    }
    let dibao = t.press("Down");
    assert!(
        dibao.starts_with("享受低保（本人或家庭），调节项，不知道"),
        "{dibao:?}"
    );
    assert_eq!(t.press("Right"), "享受低保（本人或家庭），是");
    t.press("Down");
    t.press("Down");
    let start = t.press("Down");
    assert!(start.starts_with("准备创业"), "{start:?}");
    assert_eq!(t.press("Right"), "准备创业，是");
    t.press("End");
    let results = t.press("Enter");
    assert!(
        results.starts_with("符合"),
        "{results:?}\n{}",
        t.diagnostics()
    );
    assert!(
        results.contains("这是初步筛查，不是审批决定"),
        "{results:?}"
    );
    let eligible: usize = results
        .trim_start_matches("符合")
        .split('项')
        .next()
        .and_then(|n| n.parse().ok())
        .expect("a count of eligible rules");
    assert!(eligible > 0, "{results}");
    // Find the 低保 rule among the results, open it, hear its reasons and source.
    let mut found = false;
    for _ in 0..40 {
        let item = t.press("Down");
        if item.contains("低保") {
            // Eligible, or (where the plan says "first time") for the office to check.
            assert!(
                item.contains("，符合，") || item.contains("，需要更多信息，"),
                "{item:?}"
            );
            found = true;
            break;
        }
    }
    assert!(found, "a 低保 rule among the results\n{}", t.diagnostics());
    let detail = t.press("Enter");
    assert!(detail.starts_with("规则详情"), "{detail:?}");
    let mut heard = vec![];
    for _ in 0..12 {
        heard.push(t.press("Down"));
    }
    let all = heard.join("\n");
    assert!(
        all.contains("你的情况是"),
        "each condition with the fact used: {all}"
    );
    assert!(
        all.contains("出处：条款"),
        "the clause it comes from: {all}"
    );
    // Back to the form, change one fact (低保 → 否), and hear what changed.
    t.press("Escape");
    t.press("Escape");
    t.press("Home");
    for _ in 0..13 {
        t.press("Down");
    }
    assert_eq!(t.press("Right"), "享受低保（本人或家庭），否");
    t.press("End");
    let again = t.press("Enter");
    assert!(
        again.contains("变为"),
        "what changed is said: {again:?}\n{}",
        t.diagnostics()
    );
    // "What would change it?": on the 低保 rule, Enter on its 低保 condition.
    let mut found = false;
    for _ in 0..40 {
        if t.press("Down").contains("低保") {
            found = true;
            break;
        }
    }
    assert!(found, "the 低保 rule again\n{}", t.diagnostics());
    t.press("Enter");
    t.press("Down");
    let condition = t.press("Down");
    assert!(
        condition.contains("享受低保（本人或家庭）为是") && condition.contains("不符合"),
        "{condition:?}"
    );
    let whatif = t.press("Enter");
    assert!(
        whatif.starts_with("如果享受低保（本人或家庭）为是：这一条") && !whatif.ends_with("不符合"),
        "{whatif:?}"
    );
    t.press("Escape");
    // The profile was kept: leaving and coming back offers it, by the card's last four digits.
    t.press("Escape");
    let home = t.press("Escape");
    assert!(home.starts_with("主菜单"), "{home:?}");
    let list = t.press("Enter");
    assert!(
        list.starts_with("补贴与权益：选择档案，2项。新建档案"),
        "{list:?}\n{}",
        t.diagnostics()
    );
    let saved = t.press("Down");
    assert!(saved.starts_with("未命名，列表项，尾号3611"), "{saved:?}");
    assert!(
        !saved.contains("360102"),
        "the card number is never read out whole"
    );
    let reopened = t.press("Enter");
    assert!(reopened.contains("尾号3611"), "{reopened:?}");
    let region = t.press("Down");
    assert!(region.starts_with("所在地区，调节项，江西"), "{region:?}");
    quit(&t);
}

/// The task, eyes on the transcript: a blind 中专 graduate in 贵州
/// hears that the next step is the national medical massage exam, what it
/// requires and which regional measures help; marks it done and hears the
/// step after it; the mark is there after a restart.
#[test]
fn a_guizhou_graduate_walks_the_medical_massage_path() {
    if !have_tmux("massage_medical_path") {
        return;
    }
    let home = tempfile::tempdir().expect("tempdir");
    let start = || {
        Launch::new()
            .home(home.path())
            .size(100, 30)
            .arg("--screen-reader")
            .arg("--as-of")
            .arg("2026-11-22")
            .start()
    };
    let t = start();
    t.wait_started();
    t.press("Down");
    t.press("Down");
    let home_screen = t.press("Enter");
    assert!(
        home_screen.starts_with("盲人按摩路径，4项。档案"),
        "{home_screen:?}\n{}",
        t.diagnostics()
    );
    assert!(t.press("Down").starts_with("我的按摩情况"));
    let form = t.press("Enter");
    assert!(form.contains("残疾人证号"), "{form:?}");
    let n = t.speaks().len();
    t.tmux.send_literal("52010219980615302412");
    t.wait_for_transcript(n + 20, WAIT);
    assert!(t.press("Down").starts_with("所在地区"));
    t.press("Right");
    assert_eq!(t.press("Right"), "所在地区，贵州");
    let category = t.press("Down");
    assert!(category.contains("视力残疾"), "from the card: {category:?}");
    t.press("Down");
    let mut edu = String::new();
    for _ in 0..4 {
        edu = t.press("Right");
    }
    assert_eq!(edu, "学历，中专或职高");
    t.press("Down");
    let major = t.press("Right");
    assert!(
        major.starts_with("所学专业") && major.ends_with("是"),
        "{major:?}"
    );
    t.press("End");
    let back = t.press("Enter");
    assert!(
        back.starts_with("盲人按摩路径") && back.contains("我的按摩情况，菜单项，已填写"),
        "back where it was: {back:?}\n{}",
        t.diagnostics()
    );
    let medical = t.press("Down");
    assert!(
        medical.starts_with("盲人医疗按摩，菜单项")
            && medical.contains("下一步：第2步，参加全国盲人医疗按摩人员考试"),
        "{medical:?}"
    );
    let steps = t.press("Enter");
    assert!(
        steps.contains("第2步，共8步，参加全国盲人医疗按摩人员考试，可以办理")
            && steps.contains("您在这里"),
        "the path opens on the next step: {steps:?}"
    );
    t.wait_for("the cursor on the exam step", WAIT, |t| {
        t.text_at_cursor().contains("参加全国盲人医疗按摩人员考试")
    });
    let detail = t.press("Enter");
    assert!(
        detail.contains("这是您的下一步"),
        "{detail:?}\n{}",
        t.diagnostics()
    );
    let mut heard = vec![];
    loop {
        let s = t.press("Down");
        if heard.last() == Some(&s) {
            break;
        }
        heard.push(s);
    }
    let all = heard.join("\n");
    for want in [
        "要求：视力残疾，或多重残疾中包含视力残疾，信息，符合",
        "贵州的措施，列表项，在贵州组织盲人医疗按摩人员考试",
        "出处：",
        "标记为已完成",
    ] {
        assert!(all.contains(want), "{want} in:\n{all}");
    }
    let marked = t.press("Enter");
    assert!(
        marked.starts_with("已标记第2步“参加全国盲人医疗按摩人员考试”完成")
            && marked.contains("下一步：第3步"),
        "{marked:?}"
    );
    quit(&t);
    drop(t);

    let t = start();
    t.wait_started();
    t.press("Down");
    t.press("Down");
    t.press("Enter");
    t.press("Down");
    let medical = t.press("Down");
    assert!(
        medical.contains("下一步：第3步"),
        "the mark was kept: {medical:?}\n{}",
        t.diagnostics()
    );
    quit(&t);
}

/// The task for applications, eyes on the transcript: a worker
/// keeps a client's profile, applies for a 贵州 massage job from the search
/// results, hears a wrong phone number at once, fixes it, the terminal is
/// killed halfway; back again, the draft is offered, continued and filed;
/// the client's file is exported to CSV and read back column by column.
#[test]
fn apply_for_a_guizhou_massage_job_survive_a_killed_terminal_file_and_export() {
    if !have_tmux("applications_job") {
        return;
    }
    let home = tempfile::tempdir().expect("tempdir");
    let start = || {
        Launch::new()
            .home(home.path())
            .size(100, 30)
            .arg("--screen-reader")
            .start()
    };
    let t = start();
    t.wait_started();
    // The client's profile: card and name, kept by the entitlements form.
    t.press("Down");
    let form = t.press("Enter");
    assert!(form.starts_with("补贴与权益：你的情况"), "{form:?}");
    let n = t.speaks().len();
    t.tmux.send_literal("52010219980615302412");
    t.wait_for_transcript(n + 20, WAIT);
    let label = t.press("End");
    assert!(label.starts_with("查看结果"), "{label:?}");
    let label = t.press("Up");
    assert!(label.starts_with("保存为"), "{label:?}");
    let n = t.speaks().len();
    t.tmux.send_literal("小李");
    t.wait_for_transcript(n + 2, WAIT);
    let home_again = t.press("Escape");
    assert!(
        home_again.starts_with("主菜单"),
        "{home_again:?}\n{}",
        t.diagnostics()
    );
    // Jobs: 按摩 in 贵州, the first result, apply.
    t.press("Home");
    t.press("Enter");
    let n = t.speaks().len();
    t.tmux.send_literal("按摩");
    t.wait_for_transcript(n + 2, WAIT);
    t.press("Enter");
    t.press("Home");
    t.press("Down");
    t.press("Right");
    let gz = t.press("Right");
    assert!(gz.starts_with("地区，贵州。找到"), "{gz:?}");
    for _ in 0..5 {
        t.press("Down");
    }
    let first = t.press("Down");
    assert!(first.contains("按摩"), "{first:?}");
    t.press("Enter");
    let apply = t.press("End");
    assert!(apply.starts_with("申请这个岗位"), "{apply:?}");
    let opened = t.press("Enter");
    assert!(
        opened.starts_with("申请（小李）") && opened.contains("联系电话，编辑框，未填，必填"),
        "opens on the first field to fill in, whose file it is: {opened:?}\n{}",
        t.diagnostics()
    );
    // A phone number one digit short: said as soon as the field is left.
    let n = t.speaks().len();
    t.tmux.send_literal("1381234567");
    t.wait_for_transcript(n + 10, WAIT);
    let left = t.press("Down");
    assert!(
        left.starts_with("联系电话：手机号"),
        "the error at once: {left:?}\n{}",
        t.diagnostics()
    );
    t.press("Up");
    let n = t.speaks().len();
    t.tmux.send_literal("8");
    t.wait_for_transcript(n + 1, WAIT);
    let fixed = t.press("Down");
    assert!(
        fixed.starts_with("现在的住址，编辑框，未填，必填"),
        "no error once fixed: {fixed:?}\n{}",
        t.diagnostics()
    );
    let n = t.speaks().len();
    t.tmux.send_literal("贵阳市南明区");
    t.wait_for_transcript(n + 6, WAIT);
    // The terminal is killed halfway: no quit, no save key.
    drop(t);

    let t = start();
    let welcome = t.wait_started();
    assert!(
        welcome.contains("您有1份还没提交的申请草稿"),
        "the draft is offered: {welcome:?}"
    );
    t.press("Down");
    t.press("Down");
    t.press("Down");
    let list = t.press("Enter");
    assert!(
        list.starts_with("我的申请，")
            && list.contains("求职申请：")
            && list.contains("服务对象：小李，草稿"),
        "the list opens on the draft: {list:?}\n{}",
        t.diagnostics()
    );
    let draft = t.press("Enter");
    assert!(
        draft.starts_with("申请（小李）") && draft.contains("提交申请，菜单项"),
        "everything required is there: on 提交申请: {draft:?}"
    );
    t.press("Home");
    let mut heard = vec![];
    for _ in 0..30 {
        let s = t.press("Down");
        let done = s.starts_with("提交申请");
        heard.push(s);
        if done {
            break;
        }
    }
    let all = heard.join("\n");
    assert!(
        all.contains("联系电话，编辑框，尾号5678，必填")
            && all.contains("现在的住址，编辑框，贵阳市南明区，必填"),
        "what was typed before the kill is there:\n{all}\n{}",
        t.diagnostics()
    );
    let filed = t.press("Enter");
    assert!(
        filed.starts_with("已保存。现在的状态：已提交"),
        "{filed:?}\n{}",
        t.diagnostics()
    );
    quit(&t);

    // Export the client's file and read it with a CSV reader.
    let csv_path = home.path().join("小李.csv");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tingjian"))
        .arg("--home")
        .arg(home.path())
        .args([
            "--speech", "off", "--lang", "zh-CN", "export", "--format", "csv", "--client", "小李",
            "--out",
        ])
        .arg(&csv_path)
        .output()
        .expect("export");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let bytes = std::fs::read(&csv_path).expect("csv");
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "UTF-8 with BOM");
    let mut rd = csv::Reader::from_reader(&bytes[3..]);
    let headers = rd.headers().expect("headers").clone();
    let rows: Vec<csv::StringRecord> = rd.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), 1, "{headers:?}");
    let col = |name: &str| {
        headers
            .iter()
            .position(|h| h.contains(name))
            .unwrap_or_else(|| panic!("no column {name} in {headers:?}"))
    };
    let row = &rows[0];
    assert_eq!(row.len(), headers.len(), "every row as wide as the header");
    assert!(row[col("状态")].contains("已提交"), "{row:?}");
    assert!(row[col("住址")].contains("贵阳市南明区"), "{row:?}");
    assert!(
        !row.iter().any(|v| v.contains("52010219980615302412")),
        "card masked: {row:?}"
    );
    assert!(
        !row.iter().any(|v| v.contains("13812345678")),
        "phone masked: {row:?}"
    );
}
