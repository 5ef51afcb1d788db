//! Screens drawn on ratatui's TestBackend: after every focus change, the
//! cursor sits on the focused item and the announcement names it.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use tingjian::domain::lang::Lang;
use tingjian::domain::settings::Settings;
use tingjian::store::{Cache, Records, embedded};
use tingjian::ui::Session;
use tingjian::ui::app::{App, Effect};
use tingjian::ui::keymap::{Command, Keymap};

struct Harness {
    session: Session,
    terminal: Terminal<TestBackend>,
    scroll: usize,
    _dir: tempfile::TempDir,
}

impl Harness {
    fn new(w: u16, h: u16, screen_reader: bool, lang: Lang) -> Harness {
        let dir = tempfile::tempdir().expect("tempdir");
        let (cache, _) =
            Cache::open(&dir.path().join("cache.sqlite"), &embedded::bundled()).expect("cache");
        let records = Records::open(&dir.path().join("records.sqlite")).expect("records");
        let settings = Settings {
            screen_reader,
            ..Settings::default()
        };
        let app = App::new(cache, settings, Keymap::default(), Some(lang), Lang::ZhCn);
        let mut session = Session::silent(app, records);
        let effects = session.app.start();
        session.apply(effects);
        let terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
        let mut h = Harness {
            session,
            terminal,
            scroll: 0,
            _dir: dir,
        };
        h.draw();
        h
    }

    fn draw(&mut self) {
        let (session, scroll) = (&mut self.session, &mut self.scroll);
        self.terminal
            .draw(|f| tingjian::ui::tui::draw_frame(session, f, scroll))
            .expect("draw");
    }

    /// Run a command; returns what was spoken (exactly one announcement expected).
    fn press(&mut self, cmd: Command) -> String {
        let depth = self.session.app.depth();
        let effects = self.session.app.update(cmd);
        if self.session.app.depth() != depth {
            self.scroll = 0;
        }
        let spoken: Vec<String> = effects
            .iter()
            .filter_map(|e| {
                if let Effect::Speak(t) = e {
                    Some(t.clone())
                } else {
                    None
                }
            })
            .collect();
        self.session.apply(effects);
        self.draw();
        assert_eq!(
            spoken.len(),
            1,
            "{cmd:?} gave {} announcements: {spoken:?}",
            spoken.len()
        );
        spoken.into_iter().next().unwrap_or_default()
    }

    fn row(&self, y: u16) -> String {
        let buf = self.terminal.backend().buffer();
        let mut s = String::new();
        let mut x = 0;
        while x < buf.area.width {
            let sym = buf[(x, y)].symbol();
            s.push_str(sym);
            x += unicode_width::UnicodeWidthStr::width(sym).max(1) as u16;
        }
        s
    }

    fn screen(&self) -> String {
        (0..self.terminal.backend().buffer().area.height)
            .map(|y| self.row(y))
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// The cursor's row holds the start of the focused item, and the
    /// announcement begins with the item's name.
    fn assert_cursor_on_focus(&mut self, spoken: &str) {
        let pos = self.terminal.get_cursor_position().expect("cursor");
        let view = self.session.app.view();
        let label = &view.items[view.focus].label;
        let head: String = label.chars().take(6).collect();
        let row = self.row(pos.y);
        assert!(
            row.contains(&head),
            "cursor row {} is {row:?}, focused item {label:?}\n{}",
            pos.y,
            self.screen()
        );
        assert!(
            spoken.contains(&head),
            "announcement {spoken:?} does not name {label:?}"
        );
        let buf = self.terminal.backend().buffer();
        assert!(
            head.starts_with(buf[(pos.x, pos.y)].symbol()),
            "cursor not on the item's first cell: {:?} at {pos:?}",
            buf[(pos.x, pos.y)].symbol()
        );
    }
}

#[test]
fn every_move_on_home_puts_the_cursor_on_the_item_spoken() {
    for sr in [true, false] {
        let mut h = Harness::new(60, 20, sr, Lang::ZhCn);
        let first = h.session.app.last_spoken().to_string();
        h.assert_cursor_on_focus(&first);
        let expected = [
            "补贴与权益",
            "盲人按摩",
            "我的申请",
            "政策文件",
            "设置",
            "帮助",
        ];
        for (i, name) in expected.iter().enumerate() {
            let spoken = h.press(Command::Down);
            assert_eq!(spoken, format!("{name}，菜单项，第{}项，共7项", i + 2));
            h.assert_cursor_on_focus(&spoken);
        }
        let spoken = h.press(Command::First);
        assert_eq!(spoken, "招聘信息，菜单项，第1项，共7项");
        h.assert_cursor_on_focus(&spoken);
    }
}

#[test]
fn reading_a_long_document_keeps_the_cursor_on_the_paragraph_through_scrolling() {
    let mut h = Harness::new(50, 12, true, Lang::ZhCn);
    h.press(Command::Last);
    h.press(Command::Up);
    h.press(Command::Up); // 政策文件
    let spoken = h.press(Command::Activate);
    assert!(
        spoken.starts_with("政策文件：选择地区，5项。广州"),
        "{spoken}"
    );
    let spoken = h.press(Command::Down); // 贵州: the longest text
    assert!(spoken.starts_with("贵州"), "{spoken}");
    h.press(Command::Activate);
    let spoken = h.press(Command::Activate);
    assert!(spoken.contains("第1段，共"), "{spoken}");
    h.assert_cursor_on_focus(&spoken);
    for _ in 0..40 {
        let spoken = h.press(Command::Down);
        h.assert_cursor_on_focus(&spoken);
    }
    for cmd in [
        Command::PageDown,
        Command::PageDown,
        Command::Last,
        Command::PageUp,
        Command::First,
    ] {
        let spoken = h.press(cmd);
        h.assert_cursor_on_focus(&spoken);
    }
}

#[test]
fn jiangxi_third_paragraph_in_both_scripts() {
    for (lang, expect) in [
        (Lang::ZhCn, "已经省政府同意"),
        (Lang::ZhTw, "已經省政府同意"),
    ] {
        let mut h = Harness::new(80, 24, true, lang);
        for _ in 0..4 {
            h.press(Command::Down);
        }
        h.press(Command::Activate);
        h.press(Command::Last); // 江西
        h.press(Command::Activate);
        h.press(Command::Activate);
        h.press(Command::Down);
        let spoken = h.press(Command::Down);
        assert!(spoken.contains(expect), "{lang:?}: {spoken}");
        h.assert_cursor_on_focus(&spoken);
    }
}

#[test]
fn settings_change_is_spoken_and_saved() {
    let mut h = Harness::new(60, 20, false, Lang::ZhCn);
    h.press(Command::Last);
    h.press(Command::Up); // 设置
    h.press(Command::Activate);
    h.press(Command::Down);
    let spoken = h.press(Command::Down); // 语速
    assert!(spoken.starts_with("语速，调节项，百分之50"), "{spoken}");
    let spoken = h.press(Command::Increase);
    assert_eq!(spoken, "语速，百分之60");
    assert_eq!(h.session.records.load_settings().expect("load").rate, 60);
    let spoken = h.press(Command::Decrease);
    assert_eq!(spoken, "语速，百分之50");
}

#[test]
fn help_lists_every_command_with_its_keys_and_back_returns() {
    let mut h = Harness::new(80, 30, true, Lang::ZhCn);
    let spoken = h.press(Command::Help);
    assert!(spoken.starts_with("帮助，"), "{spoken}");
    let n = h.session.app.view().items.len();
    assert_eq!(n, 1 + tingjian::ui::keymap::COMMANDS.len());
    let screen = h.screen();
    assert!(screen.contains("F2"), "{screen}");
    let spoken = h.press(Command::Back);
    assert!(spoken.starts_with("主菜单"), "{spoken}");
}

#[test]
fn repeat_and_history() {
    let mut h = Harness::new(60, 20, true, Lang::ZhCn);
    let a = h.press(Command::Down);
    assert_eq!(h.press(Command::Repeat), a);
    let spoken = h.press(Command::History);
    assert!(spoken.contains(&a), "newest first: {spoken}");
    assert!(h.session.app.view().items.len() >= 2);
}

#[test]
fn english_interface() {
    let mut h = Harness::new(60, 20, true, Lang::En);
    let spoken = h.press(Command::Down);
    assert!(spoken.ends_with("2 of 7"), "{spoken}");
}

#[test]
fn a_flag_never_becomes_a_setting() {
    let mut h = Harness::new(60, 20, true, Lang::ZhCn);
    // As if started with --screen-reader over stored settings that say no.
    h.session.app.stored.screen_reader = Some(false);
    h.press(Command::Last);
    h.press(Command::Up); // 设置
    h.press(Command::Activate);
    h.press(Command::Down);
    h.press(Command::Down);
    h.press(Command::Increase); // rate: saves settings
    let saved = h.session.records.load_settings().expect("load");
    assert_eq!(saved.rate, 60);
    assert!(
        !saved.screen_reader,
        "the flag's screen-reader mode was not saved"
    );
    assert!(
        h.session.app.settings.screen_reader,
        "but this run keeps it"
    );
}

#[test]
fn entitlements_for_a_jiangxi_card_holder_list_national_and_jiangxi_rules() {
    let mut h = Harness::new(80, 30, true, Lang::ZhCn);
    h.session.app.as_of = tingjian::domain::card::Date::parse("2024-06-01").expect("date");
    h.press(Command::Down);
    let opened = h.press(Command::Activate);
    assert!(opened.starts_with("补贴与权益：你的情况"), "{opened}");
    for c in "36010219900307123611".chars() {
        let e = h.session.app.type_char(c);
        h.session.apply(e);
    }
    h.draw();
    let region = h.press(Command::Down);
    assert!(region.starts_with("所在地区"), "{region}");
    for _ in 0..5 {
        h.press(Command::Increase);
    }
    let results = {
        h.press(Command::Last);
        h.press(Command::Activate)
    };
    assert!(!results.contains("符合0项，需要更多信息0项"), "{results}");
}

#[test]
fn a_saved_profile_is_deleted_only_after_a_second_delete() {
    use tingjian::domain::profile::StoredProfile;
    let mut h = Harness::new(80, 30, true, Lang::ZhCn);
    let p = StoredProfile {
        label: "王先生".into(),
        card: "36010219900307123611".into(),
        ..Default::default()
    };
    let id = h.session.records.save_profile(None, &p).expect("save");
    h.session.app.saved = vec![(id, p)];
    h.press(Command::Down);
    let list = h.press(Command::Activate);
    assert!(list.starts_with("补贴与权益：选择档案，2项"), "{list}");
    let item = h.press(Command::Down);
    assert!(item.starts_with("王先生，列表项，尾号3611"), "{item}");
    let ask = h.press(Command::Delete);
    assert!(ask.starts_with("要删除王先生的档案吗"), "{ask}");
    // Any other key cancels.
    h.press(Command::Repeat);
    let ask = h.press(Command::Delete);
    assert!(ask.starts_with("要删除"), "{ask}");
    let done = h.press(Command::Delete);
    assert_eq!(done, "已删除王先生的档案");
    assert!(h.session.records.profiles().expect("list").is_empty());
    assert!(h.session.app.saved.is_empty());
}

/// Run a command and return what was said last (a save then a pop speaks
/// through the session, not the effects).
fn press_said(h: &mut Harness, cmd: Command) -> String {
    let effects = h.session.app.update(cmd);
    h.session.apply(effects);
    h.draw();
    h.session.app.last_spoken().to_string()
}

#[test]
fn a_guizhou_graduate_hears_the_exam_is_next_marks_it_done_and_hears_the_step_after() {
    let mut h = Harness::new(100, 30, true, Lang::ZhCn);
    h.session.app.as_of = tingjian::domain::card::Date::parse("2026-11-22").expect("date");
    h.press(Command::Down);
    h.press(Command::Down);
    let opened = h.press(Command::Activate);
    assert!(opened.starts_with("盲人按摩路径"), "{opened}");
    assert!(opened.contains("不用档案"), "{opened}");
    h.assert_cursor_on_focus(&opened);
    let situation = h.press(Command::Down);
    assert!(situation.starts_with("我的按摩情况"), "{situation}");
    let form = h.press(Command::Activate);
    assert!(form.contains("残疾人证号"), "{form}");
    // A 贵州 card: visual, grade 2.
    for c in "52010219980615302412".chars() {
        let e = h.session.app.type_char(c);
        h.session.apply(e);
    }
    let region = h.press(Command::Down);
    assert!(region.starts_with("所在地区"), "{region}");
    h.press(Command::Increase);
    let guizhou = h.press(Command::Increase);
    assert!(guizhou.contains("贵州"), "{guizhou}");
    h.press(Command::Down);
    h.press(Command::Down);
    for _ in 0..4 {
        h.press(Command::Increase);
    }
    let edu = h.session.app.last_spoken().to_string();
    assert!(edu.contains("中专"), "{edu}");
    let major = h.press(Command::Down);
    assert!(major.starts_with("所学专业"), "{major}");
    h.press(Command::Increase);
    h.press(Command::Last);
    let back = press_said(&mut h, Command::Activate);
    assert!(back.starts_with("盲人按摩路径"), "{back}");
    assert_eq!(
        h.session.records.profiles().expect("profiles").len(),
        1,
        "kept"
    );
    let medical = h.press(Command::Down);
    assert!(medical.contains("下一步：第2步"), "{medical}");
    assert!(medical.contains("考试"), "{medical}");
    h.assert_cursor_on_focus(&medical);
    let steps = h.press(Command::Activate);
    assert!(steps.contains("第2步，共"), "{steps}");
    assert!(steps.contains("您在这里"), "{steps}");
    let detail = h.press(Command::Activate);
    assert!(detail.contains("第2步，共"), "{detail}");
    assert!(detail.contains("这是您的下一步"), "{detail}");
    // The original clause is one key away, and Back returns to the step.
    let original = h.press(Command::Original);
    assert!(original.starts_with("贵州省"), "{original}");
    assert!(original.contains("盲人医疗按摩人员考试"), "{original}");
    let again = h.press(Command::Back);
    assert!(again.starts_with("步骤详情"), "{again}");
    // Every item of the step can be reached, one announcement each, cursor on it.
    let n = h.session.app.view().items.len();
    let mut heard = vec![];
    for _ in 1..n {
        let s = h.press(Command::Down);
        h.assert_cursor_on_focus(&s);
        heard.push(s);
    }
    let all = heard.join("\n");
    assert!(
        all.contains("要求：视力残疾，或多重残疾中包含视力残疾"),
        "{all}"
    );
    assert!(all.contains("贵州的措施"), "{all}");
    assert!(all.contains("出处"), "{all}");
    let mark = heard.last().cloned().unwrap_or_default();
    assert!(mark.starts_with("标记为已完成"), "{mark}");
    // The day it was done, typed in any common form, read back in words.
    let date = h.press(Command::Up);
    assert!(date.starts_with("完成日期，编辑框，不填就是今天"), "{date}");
    type_text(&mut h, "2025年10月20日");
    h.press(Command::Down);
    let back = h.press(Command::Up);
    assert!(back.contains("2025年10月20日"), "{back}");
    h.press(Command::Down);
    let marked = h.press(Command::Activate);
    assert!(marked.starts_with("已标记第2步"), "{marked}");
    assert!(marked.contains("日期2025年10月20日"), "{marked}");
    assert!(marked.contains("下一步：第3步"), "{marked}");
    let kept = h.session.records.all_step_marks().expect("marks");
    assert_eq!(kept.len(), 1, "{kept:?}");
    let unmark = h.press(Command::Repeat);
    assert_eq!(unmark, marked);
    let item = h.press(Command::First);
    assert!(item.contains("已完成"), "{item}");
}

fn with_forms(h: &mut Harness) {
    h.session.app.forms = tingjian::domain::forms::load_forms(&embedded::bundled()).expect("forms");
    h.session.app.who = "张老师".into();
}

fn type_text(h: &mut Harness, s: &str) {
    for c in s.chars() {
        let e = h.session.app.type_char(c);
        h.session.apply(e);
    }
    h.draw();
}

/// Move down until an item starts with `head`; returns what was said.
fn down_to(h: &mut Harness, head: &str) -> String {
    for _ in 0..40 {
        let s = h.press(Command::Down);
        h.assert_cursor_on_focus(&s);
        if s.starts_with(head) {
            return s;
        }
    }
    panic!("no item {head}\n{}", h.screen());
}

#[test]
fn a_needs_registration_is_filled_checked_filed_and_withdrawn_only_when_asked_twice() {
    let mut h = Harness::new(100, 30, true, Lang::ZhCn);
    with_forms(&mut h);
    h.session.app.as_of = tingjian::domain::card::Date::parse("2026-11-22").expect("date");
    for _ in 0..3 {
        h.press(Command::Down);
    }
    let list = press_said(&mut h, Command::Activate);
    assert!(list.starts_with("我的申请，4项"), "{list}");
    let new = h.press(Command::Down);
    assert!(new.starts_with("新建“四个一”就业服务登记"), "{new}");
    h.press(Command::Activate);
    h.press(Command::Last);
    let form = press_said(&mut h, Command::Activate);
    assert!(form.starts_with("申请，"), "{form}");
    assert!(
        form.contains("姓名，编辑框，未填，必填"),
        "opens on the first field to fill: {form}"
    );
    // Saved as typed, before the next key: the records hold it already.
    type_text(&mut h, "王芳");
    let id = h.session.app.apps[0].id;
    let stored = h
        .session
        .records
        .application(id)
        .expect("read")
        .expect("app");
    assert_eq!(stored.values.get("name").map(String::as_str), Some("王芳"));
    // A date in any common form, read back in words.
    down_to(&mut h, "最早可以开始的日期");
    type_text(&mut h, "2027年3月1日");
    let again = h.press(Command::Repeat);
    let _ = again;
    h.press(Command::Up);
    let date = h.press(Command::Down);
    assert!(date.contains("2027年3月1日"), "{date}");
    let stored = h
        .session
        .records
        .application(id)
        .expect("read")
        .expect("app");
    assert_eq!(
        stored.values.get("available_from").map(String::as_str),
        Some("2027-03-01")
    );
    // A choice with Right.
    h.press(Command::First);
    let time = down_to(&mut h, "希望的工作时间");
    assert!(time.contains("未填"), "{time}");
    let full = h.press(Command::Increase);
    assert!(full.contains("全职"), "{full}");
    // Filing with required fields empty: the summary, then back to a field.
    let file = down_to(&mut h, "提交申请");
    h.assert_cursor_on_focus(&file);
    let summary = h.press(Command::Activate);
    assert!(summary.starts_with("还有"), "{summary}");
    assert!(summary.contains("处需要修改"), "{summary}");
    let back = h.press(Command::Activate);
    assert!(
        back.starts_with("残疾人证号") || back.starts_with("联系电话"),
        "{back}"
    );
    // Fill what is required.
    h.press(Command::First);
    down_to(&mut h, "残疾人证号");
    type_text(&mut h, "52010219980615302412");
    down_to(&mut h, "联系电话");
    type_text(&mut h, "０８５１－１２３４５６７８");
    let addr = down_to(&mut h, "现在的住址");
    assert!(
        !addr.contains("有误"),
        "a full-width landline is fine: {addr}"
    );
    type_text(&mut h, "贵阳市南明区");
    down_to(&mut h, "现在是否有工作");
    h.press(Command::Increase);
    h.press(Command::Increase);
    down_to(&mut h, "希望从事的工作");
    type_text(&mut h, "按摩");
    down_to(&mut h, "提交申请");
    let filed = press_said(&mut h, Command::Activate);
    assert!(filed.starts_with("已保存。现在的状态：已提交"), "{filed}");
    let stored = h
        .session
        .records
        .application(id)
        .expect("read")
        .expect("app");
    assert_eq!(stored.status, tingjian::domain::forms::Status::Filed);
    // Withdraw: asked once, done on the second Enter; history kept.
    let withdraw = down_to(&mut h, "撤回申请");
    h.assert_cursor_on_focus(&withdraw);
    let ask = h.press(Command::Activate);
    assert!(ask.contains("再按一次回车"), "{ask}");
    let stored = h
        .session
        .records
        .application(id)
        .expect("read")
        .expect("app");
    assert_eq!(
        stored.status,
        tingjian::domain::forms::Status::Filed,
        "not yet"
    );
    let done = press_said(&mut h, Command::Activate);
    assert!(done.contains("已撤回"), "{done}");
    let history = h.session.records.history(id).expect("history");
    let statuses: Vec<_> = history.iter().map(|e| e.status.key()).collect();
    assert_eq!(statuses, ["draft", "filed", "withdrawn"]);
    // Back to the list and export it for the service centre.
    let list = h.press(Command::Back);
    assert!(list.starts_with("我的申请"), "{list}");
    h.press(Command::First);
    h.press(Command::Down);
    let export = h.press(Command::Down);
    assert!(export.starts_with("导出这些申请"), "{export}");
    let done = press_said(&mut h, Command::Activate);
    assert!(done.starts_with("已导出1份申请到 "), "{done}");
    let path = done
        .trim_start_matches("已导出1份申请到 ")
        .split('。')
        .next()
        .expect("a path")
        .to_string();
    let bytes = std::fs::read(&path).expect("the exported file");
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "UTF-8 with a BOM");
    let text = String::from_utf8_lossy(&bytes);
    assert!(text.contains("已撤回") && text.contains("王芳"), "{text}");
    assert!(
        !text.contains("52010219980615302412"),
        "card masked: {text}"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    assert!(history.iter().all(|e| e.who == "张老师"));
    let all = h.screen();
    assert!(
        !all.contains("52010219980615302412"),
        "card masked on screen:\n{all}"
    );
}

#[test]
fn two_terminals_editing_one_draft_keep_both_changes() {
    let mut a = Harness::new(100, 30, true, Lang::ZhCn);
    with_forms(&mut a);
    let path = a._dir.path().join("records.sqlite");
    let (cache, _) =
        Cache::open(&a._dir.path().join("cache2.sqlite"), &embedded::bundled()).expect("cache");
    let records = Records::open(&path).expect("same records file");
    let app = App::new(
        cache,
        Settings::default(),
        Keymap::default(),
        Some(Lang::ZhCn),
        Lang::ZhCn,
    );
    let mut b = Harness {
        session: Session::silent(app, records),
        terminal: Terminal::new(TestBackend::new(100, 30)).expect("terminal"),
        scroll: 0,
        _dir: tempfile::tempdir().expect("tempdir"),
    };
    with_forms(&mut b);
    // A starts a registration; B reads the list and opens the same draft.
    for _ in 0..3 {
        a.press(Command::Down);
    }
    press_said(&mut a, Command::Activate);
    a.press(Command::Down);
    a.press(Command::Activate);
    a.press(Command::Last);
    press_said(&mut a, Command::Activate);
    for _ in 0..3 {
        b.press(Command::Down);
    }
    let list = press_said(&mut b, Command::Activate);
    assert!(list.contains("草稿"), "{list}");
    press_said(&mut b, Command::Activate);
    // A types the name; B, still on the old version, types the address.
    type_text(&mut a, "王芳");
    down_to(&mut b, "现在的住址");
    type_text(&mut b, "南昌");
    let id = a.session.app.apps[0].id;
    let stored = a
        .session
        .records
        .application(id)
        .expect("read")
        .expect("app");
    assert_eq!(
        stored.values.get("name").map(String::as_str),
        Some("王芳"),
        "A's change kept"
    );
    assert_eq!(
        stored.values.get("address").map(String::as_str),
        Some("南昌"),
        "B's change kept"
    );
    assert!(
        b.session.app.history().any(|t| t.contains("合在一起")),
        "B is told the changes were merged"
    );
}
