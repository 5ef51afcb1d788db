//! Applications from the outside: the real binary, killed with SIGKILL in
//! the middle of a stream of field edits; two programs writing to one
//! records file; apply, applications, export, backup and restore as a
//! service-centre worker would run them.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use tingjian::domain::profile::StoredProfile;
use tingjian::domain::rules::Fact;
use tingjian::store::Records;

const BIN: &str = env!("CARGO_BIN_EXE_tingjian");

const CARD: &str = "36010219900307123611";

fn command(home: &Path) -> Command {
    let mut c = Command::new(BIN);
    c.arg("--home")
        .arg(home)
        .args(["--speech", "off", "--lang", "zh-CN"]);
    for v in [
        "LANGUAGE",
        "LC_ALL",
        "LC_MESSAGES",
        "LANG",
        "TINGJIAN_SCREEN_READER",
    ] {
        c.env_remove(v);
    }
    c
}

fn run(home: &Path, args: &[&str]) -> Output {
    command(home)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("run tingjian")
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// A new draft of `kind` for `target`; its number.
fn draft(home: &Path, kind: &str, target: &str) -> i64 {
    let out = run(
        home,
        &[
            "apply",
            "--kind",
            kind,
            "--target",
            target,
            "--field",
            "name=测试",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let v = json(home, &["applications", "--format", "json"]);
    v.as_array()
        .expect("array")
        .iter()
        .filter(|a| a["target"] == target && a["kind"] == kind)
        .filter_map(|a| a["id"].as_i64())
        .max()
        .expect("the draft is listed")
}

fn json(home: &Path, args: &[&str]) -> serde_json::Value {
    let out = run(home, args);
    assert!(out.status.success(), "{}", text(&out));
    serde_json::from_slice(&out.stdout).expect("JSON")
}

fn db(home: &Path) -> rusqlite::Connection {
    let c = rusqlite::Connection::open(home.join("records.sqlite")).expect("open records");
    c.busy_timeout(Duration::from_secs(5)).expect("timeout");
    c
}

fn integrity(home: &Path) -> String {
    db(home)
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("integrity_check")
}

/// Every field change of application `id`: version → (field, value).
fn edits(home: &Path, id: i64) -> BTreeMap<i64, (String, String)> {
    let c = db(home);
    let mut stmt = c
        .prepare("SELECT version, field, value FROM application_edit WHERE application_id = ?1")
        .expect("prepare");
    stmt.query_map([id], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))))
        .expect("query")
        .collect::<rusqlite::Result<_>>()
        .expect("rows")
}

fn current(home: &Path, id: i64) -> (i64, BTreeMap<String, String>) {
    let (version, fields): (i64, String) = db(home)
        .query_row(
            "SELECT version, fields FROM application WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("application");
    (version, serde_json::from_str(&fields).expect("fields JSON"))
}

/// xorshift64*: random kill moments, reproducible from the printed seed.
struct Rng(u64);
impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D) % n.max(1)
    }
}

/// `apply-edit` on `app`, fed an endless stream of `field=<prefix>-<n>`
/// lines; the acknowledged versions, in order, arrive on the receiver.
struct Editor {
    child: Child,
    acks: std::sync::mpsc::Receiver<i64>,
    reader: std::thread::JoinHandle<()>,
    writer: std::thread::JoinHandle<()>,
}

fn editor(home: &Path, app: i64, field: &str, prefix: &str, limit: Option<usize>) -> Editor {
    let mut child = command(home)
        .args(["apply-edit", "--app", &app.to_string(), "--as", "测试员"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn apply-edit");
    let mut stdin = child.stdin.take().expect("stdin");
    let stdout = child.stdout.take().expect("stdout");
    let line_of = {
        let field = field.to_string();
        let prefix = prefix.to_string();
        move |n: usize| format!("{field}={prefix}-{n}\n")
    };
    let writer = std::thread::spawn(move || {
        let mut n = 0;
        // Until the process dies (broken pipe) or the limit is written.
        while limit.is_none_or(|l| n < l) {
            if stdin.write_all(line_of(n).as_bytes()).is_err() {
                return;
            }
            n += 1;
        }
    });
    let (tx, acks) = std::sync::mpsc::channel();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { return };
            let v = line
                .strip_prefix("ok ")
                .and_then(|v| v.parse::<i64>().ok())
                .unwrap_or_else(|| panic!("unexpected output {line:?}"));
            if tx.send(v).is_err() {
                return;
            }
        }
    });
    Editor {
        child,
        acks,
        reader,
        writer,
    }
}

impl Editor {
    /// Wait for the process and both threads; the acknowledged versions.
    fn finish(mut self) -> (Option<i32>, Vec<i64>) {
        let status = self.child.wait().expect("wait");
        let _ = self.writer.join();
        self.reader.join().expect("reader");
        (status.code(), self.acks.try_iter().collect())
    }
}

/// The crash test: at least 200 SIGKILLs at random moments of a stream of
/// edits; after each, every edit acknowledged before the kill is in the
/// file (its history row, and the current value is the newest one) and the
/// file passes `PRAGMA integrity_check`.
#[test]
fn sigkill_at_random_moments_never_loses_an_acknowledged_edit() {
    let start = Instant::now();
    let home = tempfile::tempdir().expect("tempdir");
    let h = home.path();
    let app = draft(h, "training", "盲文培训");
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(1, |d| d.as_nanos() as u64)
        | 1;
    eprintln!("crash test seed {seed}");
    let mut rng = Rng(seed);
    let mut kills = 0;
    let mut acknowledged = 0usize;
    let mut round = 0;
    while kills < 210 {
        round += 1;
        let prefix = format!("r{round}");
        let mut e = editor(h, app, "note", &prefix, None);
        // Sometimes before the first commit, mostly in the middle of the stream.
        let delay = Duration::from_micros(rng.below(40_000));
        std::thread::sleep(delay);
        if e.child.try_wait().expect("try_wait").is_none() {
            e.child.kill().expect("SIGKILL");
            kills += 1;
        }
        let (_, acks) = e.finish();
        // The n-th acknowledgement is the n-th line: version acks[n] has value prefix-n.
        let stored = edits(h, app);
        for (n, v) in acks.iter().enumerate() {
            let want = ("note".to_string(), format!("{prefix}-{n}"));
            assert_eq!(
                stored.get(v),
                Some(&want),
                "round {round} (seed {seed}): acknowledged version {v} lost"
            );
        }
        acknowledged += acks.len();
        let (version, fields) = current(h, app);
        let newest = stored.keys().max().copied().unwrap_or(0);
        assert_eq!(version, newest, "round {round}: version and history agree");
        let newest_note = stored
            .values()
            .rev()
            .find(|(f, _)| f == "note")
            .map(|(_, v)| v);
        assert_eq!(
            fields.get("note"),
            newest_note,
            "round {round}: the value is the newest edit"
        );
        assert!(acks.last().is_none_or(|v| *v <= version));
        if round % 20 == 0 {
            assert_eq!(integrity(h), "ok", "round {round} (seed {seed})");
        }
    }
    assert_eq!(integrity(h), "ok");
    let versions: Vec<i64> = edits(h, app).keys().copied().collect();
    let contiguous: Vec<i64> = (1..=versions.len() as i64).collect();
    assert_eq!(versions, contiguous, "no version skipped or written twice");
    assert!(
        acknowledged > 1000,
        "the kills should come in the middle of streams: only {acknowledged} edits acknowledged"
    );
    eprintln!(
        "crash test: {kills} kills in {round} runs, {acknowledged} acknowledged edits, {} versions, {:.1} s",
        versions.len(),
        start.elapsed().as_secs_f64()
    );
}

/// Two programs editing two applications in one records file at once:
/// every edit of both is there, in order.
#[test]
fn two_processes_writing_one_file_at_once_lose_nothing() {
    let home = tempfile::tempdir().expect("tempdir");
    let h = home.path();
    let a = draft(h, "four_one_needs", "甲");
    let b = draft(h, "four_one_needs", "乙");
    assert_ne!(a, b);
    const N: usize = 300;
    let ea = editor(h, a, "preferred_work", "a", Some(N));
    let eb = editor(h, b, "preferred_work", "b", Some(N));
    // A third program reads and writes the file meanwhile (a worker listing and filing).
    let mut listed = 0;
    for _ in 0..5 {
        let out = run(h, &["applications", "--format", "json"]);
        assert!(out.status.success(), "{}", text(&out));
        listed += 1;
    }
    let (ca, acks_a) = ea.finish();
    let (cb, acks_b) = eb.finish();
    assert_eq!((ca, cb), (Some(0), Some(0)));
    assert_eq!(acks_a.len(), N);
    assert_eq!(acks_b.len(), N);
    for (id, prefix, acks) in [(a, "a", &acks_a), (b, "b", &acks_b)] {
        let stored = edits(h, id);
        // Version 1 is the name typed when the draft was made.
        assert_eq!(stored.len(), N + 1);
        for (n, v) in acks.iter().enumerate() {
            assert_eq!(
                stored.get(v),
                Some(&("preferred_work".to_string(), format!("{prefix}-{n}")))
            );
        }
        let (version, fields) = current(h, id);
        assert_eq!(version, N as i64 + 1);
        assert_eq!(
            fields.get("preferred_work").map(String::as_str),
            Some(format!("{prefix}-{}", N - 1).as_str())
        );
        assert_eq!(fields.get("name").map(String::as_str), Some("测试"));
    }
    assert_eq!(listed, 5);
    assert_eq!(integrity(h), "ok");
}

/// Two programs on the same draft: the one that read an older version gets
/// the clear conflict message; nothing is written over the other's change.
#[test]
fn a_stale_edit_of_the_same_draft_is_a_conflict_not_an_overwrite() {
    let home = tempfile::tempdir().expect("tempdir");
    let h = home.path();
    let app = draft(h, "training", "电商客服");
    let spawn = || {
        let mut c = command(h)
            .args(["apply-edit", "--app", &app.to_string()])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        let stdin = c.stdin.take().expect("stdin");
        let stdout = BufReader::new(c.stdout.take().expect("stdout"));
        (c, stdin, stdout)
    };
    let ask = |stdin: &mut std::process::ChildStdin,
               stdout: &mut BufReader<std::process::ChildStdout>,
               line: &str| {
        stdin
            .write_all(format!("{line}\n").as_bytes())
            .expect("write");
        stdin.flush().expect("flush");
        let mut answer = String::new();
        stdout.read_line(&mut answer).expect("read");
        answer.trim().to_string()
    };
    let (first, mut in1, mut out1) = spawn();
    assert_eq!(ask(&mut in1, &mut out1, "note=first terminal"), "ok 2");
    let (second, mut in2, mut out2) = spawn();
    assert_eq!(ask(&mut in2, &mut out2, "note=second terminal"), "ok 3");
    // The first terminal still thinks the draft is at version 2.
    assert_eq!(ask(&mut in1, &mut out1, "note=first again"), "");
    drop(in1);
    drop(in2);
    let o1 = first.wait_with_output().expect("first");
    let o2 = second.wait_with_output().expect("second");
    assert_eq!(o1.status.code(), Some(3));
    assert_eq!(o2.status.code(), Some(0));
    let msg = String::from_utf8_lossy(&o1.stderr);
    assert!(msg.contains("被修改过"), "{msg}");
    assert!(msg.contains("没有覆盖"), "{msg}");
    let (version, fields) = current(h, app);
    assert_eq!(version, 3);
    assert_eq!(
        fields.get("note").map(String::as_str),
        Some("second terminal")
    );
    assert!(!edits(h, app).values().any(|(_, v)| v == "first again"));
}

/// Three programs opening a new records file at the same moment all work
/// (switching to WAL and the migrations take turns).
#[test]
fn programs_creating_the_records_file_at_once_all_succeed() {
    for _ in 0..8 {
        let home = tempfile::tempdir().expect("tempdir");
        let h = home.path();
        std::fs::create_dir_all(h).expect("dir");
        let spawn = || {
            command(h)
                .args(["records"])
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .expect("spawn")
        };
        let children = [spawn(), spawn(), spawn()];
        for c in children {
            let o = c.wait_with_output().expect("wait");
            assert!(o.status.success(), "{}", text(&o));
        }
    }
}

fn save_client(home: &Path, label: &str, card: &str) -> i64 {
    std::fs::create_dir_all(home).expect("dir");
    let mut r = Records::open(&home.join("records.sqlite")).expect("records");
    let mut p = StoredProfile {
        label: label.into(),
        card: card.into(),
        region: Some("jiangxi".into()),
        ..Default::default()
    };
    p.facts.insert(Fact::Education, "college".into());
    p.facts.insert(Fact::Employed, "no".into());
    r.save_profile(None, &p).expect("save profile")
}

#[test]
fn apply_prefills_from_the_client_keeps_a_draft_then_files_it() {
    let home = tempfile::tempdir().expect("tempdir");
    let h = home.path();
    save_client(h, "王先生", CARD);
    save_client(h, "李女士", "");
    let out = run(
        h,
        &[
            "apply",
            "--kind",
            "four_one_basic_info",
            "--client",
            "王",
            "--as",
            "张老师",
        ],
    );
    let t = text(&out);
    assert_eq!(out.status.code(), Some(1), "{t}");
    assert!(t.contains("服务对象：王先生"), "whose file is said: {t}");
    assert!(t.contains("联系电话：必须填写"), "{t}");
    assert!(t.contains("现在的住址：必须填写"), "{t}");
    assert!(t.contains("--field phone="), "{t}");
    // Prefilled from the profile and the card: nothing else is missing.
    assert_eq!(t.matches("必须填写").count(), 2, "{t}");
    assert!(!t.contains(CARD), "the card number is never printed: {t}");

    let out = run(
        h,
        &[
            "apply",
            "--kind",
            "four_one_basic_info",
            "--client",
            "王先生",
            "--field",
            "phone=+86 138 1234 5678",
            "--field",
            "address=南昌市东湖区某路1号",
            "--field",
            "birth=1990年3月7日",
        ],
    );
    let t = text(&out);
    assert_eq!(out.status.code(), Some(0), "{t}");
    assert!(t.contains("已提交"), "{t}");
    assert!(t.contains("尾号5678"), "{t}");
    assert!(
        t.contains("1990年3月7日"),
        "dates are read back in words: {t}"
    );
    assert!(!t.contains("13812345678"), "{t}");

    let v = json(
        h,
        &["applications", "--client", "王先生", "--format", "json"],
    );
    let apps = v.as_array().expect("array");
    assert_eq!(apps.len(), 1);
    let a = &apps[0];
    assert_eq!(a["status"], "filed");
    assert_eq!(a["client"], "王先生");
    assert_eq!(a["fields"]["hukou"]["value"], "江西");
    assert_eq!(a["fields"]["education"]["text"], "大专");
    assert_eq!(a["fields"]["phone"]["value"], "*******5678");
    assert_eq!(a["fields"]["card"]["text"], "尾号3611");
    let history: Vec<&str> = a["history"]
        .as_array()
        .expect("history")
        .iter()
        .filter_map(|e| e["status"].as_str())
        .collect();
    assert_eq!(history, ["draft", "filed"]);
    assert!(
        run(
            h,
            &["applications", "--client", "李女士", "--format", "json"]
        )
        .stdout
        .starts_with(b"[]")
    );

    // Filed applications move on, and only forwards; nothing is deleted.
    let out = run(h, &["set-status", "--app", "1", "--to", "accepted"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let out = run(
        h,
        &[
            "set-status",
            "--app",
            "1",
            "--to",
            "handed_over",
            "--note",
            "交给窗口",
        ],
    );
    assert!(out.status.success(), "{}", text(&out));
    let out = run(h, &["set-status", "--app", "1", "--to", "withdrawn"]);
    assert!(out.status.success(), "{}", text(&out));
    let v = json(h, &["applications", "--app", "1", "--format", "json"]);
    let history: Vec<&str> = v[0]["history"]
        .as_array()
        .expect("history")
        .iter()
        .filter_map(|e| e["status"].as_str())
        .collect();
    assert_eq!(history, ["draft", "filed", "handed_over", "withdrawn"]);
    assert_eq!(v[0]["history"][2]["note"], "交给窗口");

    // A name two clients share the start of is refused with both named.
    save_client(h, "王女士", "");
    let out = run(
        h,
        &[
            "apply", "--kind", "training", "--target", "x", "--client", "王",
        ],
    );
    let t = text(&out);
    assert_eq!(out.status.code(), Some(2), "{t}");
    assert!(t.contains("王先生") && t.contains("王女士"), "{t}");
    // A client with applications cannot be deleted.
    let mut r = Records::open(&h.join("records.sqlite")).expect("records");
    let wang = r
        .profiles()
        .expect("profiles")
        .into_iter()
        .find(|p| p.label == "王先生")
        .expect("王先生");
    assert!(r.delete_profile(wang.id).is_err());
}

#[test]
fn apply_checks_the_target_and_names_wrong_fields() {
    let home = tempfile::tempdir().expect("tempdir");
    let h = home.path();
    let out = run(
        h,
        &["apply", "--kind", "entitlement", "--target", "no-such-rule"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out).contains("no-such-rule"), "{}", text(&out));
    let out = run(
        h,
        &["apply", "--kind", "job", "--target", "no-such-posting"],
    );
    assert_eq!(out.status.code(), Some(2));
    let out = run(h, &["apply", "--kind", "massage_exam"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out).contains("--target"), "{}", text(&out));
    let out = run(
        h,
        &[
            "apply",
            "--kind",
            "massage_exam",
            "--target",
            "medical-exam",
            "--field",
            "phon=1",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out).contains("phone"),
        "the known fields are listed: {}",
        text(&out)
    );
    let out = run(h, &["apply", "--kind", "nothing", "--target", "x"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out).contains("massage_exam"), "{}", text(&out));
    assert!(
        run(h, &["applications", "--format", "json"])
            .stdout
            .starts_with(b"[]"),
        "nothing was saved for refused commands"
    );

    // A wrong value is kept in the draft as typed, and named.
    let out = run(
        h,
        &[
            "apply",
            "--kind",
            "massage_exam",
            "--target",
            "medical-exam",
            "--field",
            "graduation=2015年2月30日",
            "--field",
            "phone=12345",
            "--field",
            "practice_years=八年",
        ],
    );
    let t = text(&out);
    assert_eq!(out.status.code(), Some(1), "{t}");
    assert!(t.contains("毕业或结业日期：不是有效日期"), "{t}");
    assert!(t.contains("联系电话：手机号"), "{t}");
    assert!(t.contains("从事按摩工作的年数：不是整数"), "{t}");
    let v = json(h, &["applications", "--format", "json"]);
    assert_eq!(v[0]["fields"]["graduation"]["value"], "2015年2月30日");

    // The entitlement's documents to bring come with their citation.
    let out = run(
        h,
        &[
            "apply",
            "--kind",
            "entitlement",
            "--target",
            "national-blind-massage-certificate",
            "--field",
            "name=李四",
            "--field",
            &format!("card={CARD}"),
            "--field",
            "phone=0851-12345678",
            "--field",
            "hukou=贵阳市",
            "--field",
            "address=贵阳市南明区某路2号",
        ],
    );
    let t = text(&out);
    assert_eq!(out.status.code(), Some(0), "{t}");
    assert!(t.contains("需要带的材料"), "{t}");
    assert!(t.contains("残疾人证（出处："), "{t}");
}

fn filed_for_export(h: &Path) {
    save_client(h, "王先生", CARD);
    let out = run(
        h,
        &[
            "apply",
            "--kind",
            "four_one_needs",
            "--client",
            "王先生",
            "--field",
            "phone=13812345678",
            "--field",
            "address=南昌市, \"东湖区\" 某路1号",
            "--field",
            "preferred_work==按摩",
            "--field",
            "available_from=20250301",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    draft(h, "training", "盲文培训");
}

#[test]
fn export_csv_opens_in_excel_with_numbers_masked_unless_asked() {
    let home = tempfile::tempdir().expect("tempdir");
    let h = home.path();
    filed_for_export(h);
    let csv_path = h.join("handover.csv");
    let out = run(
        h,
        &[
            "export",
            "--format",
            "csv",
            "--out",
            csv_path.to_str().expect("utf-8"),
        ],
    );
    assert!(out.status.success(), "{}", text(&out));
    let bytes = std::fs::read(&csv_path).expect("csv");
    assert!(
        bytes.starts_with(b"\xEF\xBB\xBF"),
        "UTF-8 BOM for Excel and WPS"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&csv_path)
            .expect("meta")
            .permissions()
            .mode()
            & 0o777;
        assert_eq!(mode, 0o600, "exports hold personal data");
    }
    let mut r = csv::Reader::from_reader(&bytes[3..]);
    let header: Vec<String> = r
        .headers()
        .expect("header")
        .iter()
        .map(String::from)
        .collect();
    assert_eq!(
        &header[..8],
        [
            "编号",
            "服务对象",
            "残疾人证号",
            "申请类别",
            "申请对象",
            "状态",
            "创建时间",
            "更新时间"
        ]
    );
    let col = |name: &str| {
        header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no column {name}: {header:?}"))
    };
    let rows: Vec<csv::StringRecord> = r.records().collect::<Result<_, _>>().expect("rows");
    assert_eq!(rows.len(), 2);
    for row in &rows {
        assert_eq!(row.len(), header.len());
    }
    let wang = &rows[0];
    assert_eq!(&wang[col("编号")], "1");
    assert_eq!(&wang[col("服务对象")], "王先生");
    assert_eq!(&wang[col("残疾人证号")], "尾号3611");
    assert_eq!(&wang[col("联系电话")], "尾号5678");
    assert_eq!(&wang[col("申请类别")], "“四个一”就业需求登记");
    assert_eq!(&wang[col("状态")], "已提交，待交给服务机构");
    assert_eq!(&wang[col("现在的住址")], "南昌市, \"东湖区\" 某路1号");
    assert_eq!(
        &wang[col("希望从事的工作")],
        "'=按摩",
        "no formula runs in Excel"
    );
    assert_eq!(&wang[col("最早可以开始的日期")], "2025-03-01");
    assert_eq!(
        &wang[col("现在是否有工作")],
        "否",
        "prefilled from the profile"
    );
    assert_eq!(&rows[1][col("状态")], "草稿");
    assert_eq!(&rows[1][col("服务对象")], "本人");
    let all = String::from_utf8_lossy(&bytes);
    assert!(!all.contains(CARD) && !all.contains("13812345678"), "{all}");

    let full = h.join("full.csv");
    let out = run(
        h,
        &[
            "export",
            "--format",
            "csv",
            "--out",
            full.to_str().expect("utf-8"),
            "--show-card",
            "--client",
            "王先生",
        ],
    );
    assert!(out.status.success(), "{}", text(&out));
    let bytes = std::fs::read(&full).expect("csv");
    let mut r = csv::Reader::from_reader(&bytes[3..]);
    let rows: Vec<csv::StringRecord> = r.records().collect::<Result<_, _>>().expect("rows");
    assert_eq!(rows.len(), 1, "only 王先生's");
    // Kept as text in Excel: a 20-digit number would lose digits.
    assert_eq!(&rows[0][2], format!("=\"{CARD}\"").as_str());
    assert!(rows[0].iter().any(|c| c == "=\"13812345678\""));

    let js = h.join("handover.json");
    let out = run(
        h,
        &[
            "export",
            "--format",
            "json",
            "--out",
            js.to_str().expect("utf-8"),
            "--since",
            "2000年1月1日",
        ],
    );
    assert!(out.status.success(), "{}", text(&out));
    let v: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&js).expect("json")).expect("JSON");
    assert_eq!(v.as_array().expect("array").len(), 2);
    assert_eq!(v[0]["fields"]["card"]["value"], "****************3611");
    let out = run(
        h,
        &[
            "export",
            "--format",
            "json",
            "--out",
            js.to_str().expect("utf-8"),
            "--until",
            "2000-01-01",
        ],
    );
    assert!(out.status.success());
    assert_eq!(
        serde_json::from_slice::<serde_json::Value>(&std::fs::read(&js).expect("json"))
            .expect("JSON"),
        serde_json::json!([])
    );

    let txt = h.join("print.txt");
    let out = run(
        h,
        &[
            "export",
            "--format",
            "text",
            "--out",
            txt.to_str().expect("utf-8"),
        ],
    );
    assert!(out.status.success());
    let t = std::fs::read_to_string(&txt).expect("text");
    assert!(t.contains("听见 · 申请 1"), "{t}");
    assert!(t.contains("服务对象：王先生"), "{t}");
    assert!(t.contains("最早可以开始的日期：2025年3月1日"), "{t}");
    assert!(t.contains("办理记录"), "{t}");
    assert!(t.contains('\u{000C}'), "a page break between applications");
    assert!(!t.contains(CARD));
}

#[test]
fn backup_and_restore_round_trip_and_the_current_file_is_kept_aside() {
    let home = tempfile::tempdir().expect("tempdir");
    let h = home.path();
    draft(h, "training", "第一份");
    let backup = h.join("backup.sqlite");
    let out = run(h, &["backup", "--out", backup.to_str().expect("utf-8")]);
    assert!(out.status.success(), "{}", text(&out));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&backup)
            .expect("meta")
            .permissions()
            .mode()
            & 0o777;
        assert_eq!(mode, 0o600);
    }
    let out = run(h, &["backup", "--out", backup.to_str().expect("utf-8")]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "an existing file is not overwritten"
    );
    // The default name: beside the records file, with the time.
    let out = run(h, &["backup"]);
    assert!(out.status.success());
    assert!(
        std::fs::read_dir(h)
            .expect("ls")
            .filter_map(Result::ok)
            .any(|e| e
                .file_name()
                .to_string_lossy()
                .starts_with("records-backup-"))
    );
    draft(h, "training", "第二份");
    let out = run(h, &["restore", backup.to_str().expect("utf-8")]);
    let t = text(&out);
    assert!(out.status.success(), "{t}");
    assert!(t.contains("没有删除"), "{t}");
    let v = json(h, &["applications", "--format", "json"]);
    let targets: Vec<&str> = v
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|a| a["target"].as_str())
        .collect();
    assert_eq!(targets, ["第一份"]);
    let aside = std::fs::read_dir(h)
        .expect("ls")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| {
            p.file_name().is_some_and(|n| {
                n.to_string_lossy()
                    .starts_with("records.sqlite.before-restore-")
            }) && !p.to_string_lossy().ends_with("-wal")
                && !p.to_string_lossy().ends_with("-shm")
        })
        .expect("the replaced file is kept");
    let old = rusqlite::Connection::open(&aside).expect("open aside");
    let n: i64 = old
        .query_row("SELECT count(*) FROM application", [], |r| r.get(0))
        .expect("count");
    assert_eq!(n, 2, "the file set aside still has both applications");
    assert_eq!(integrity(h), "ok");
}

#[test]
fn restore_refuses_a_corrupt_file_and_changes_nothing() {
    let home = tempfile::tempdir().expect("tempdir");
    let h = home.path();
    draft(h, "training", "x");
    let records = h.join("records.sqlite");
    let before = std::fs::read(&records).expect("read");
    let junk = h.join("junk.sqlite");
    let mut bytes = b"SQLite format 3\0".to_vec();
    bytes.extend(std::iter::repeat_n(0xA5u8, 8192));
    std::fs::write(&junk, &bytes).expect("write");
    // A real backup, damaged in the middle.
    let good = h.join("good.sqlite");
    assert!(
        run(h, &["backup", "--out", good.to_str().expect("utf-8")])
            .status
            .success()
    );
    let mut damaged = std::fs::read(&good).expect("read");
    let mid = damaged.len() / 2;
    for b in &mut damaged[mid..mid + 600] {
        *b = 0xFF;
    }
    let broken = h.join("broken.sqlite");
    std::fs::write(&broken, &damaged).expect("write");
    for file in [&junk, &broken, &h.join("missing.sqlite")] {
        let out = run(h, &["restore", file.to_str().expect("utf-8")]);
        let t = text(&out);
        assert_eq!(out.status.code(), Some(2), "{t}");
        assert!(t.contains("没有做任何改动"), "{t}");
    }
    assert_eq!(std::fs::read(&records).expect("read"), before);
    let names: Vec<String> = std::fs::read_dir(h)
        .expect("ls")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| n.starts_with("records.sqlite."))
        .collect();
    assert!(names.is_empty(), "nothing set aside: {names:?}");
}

#[test]
fn a_damaged_records_file_is_kept_and_replaced_only_when_the_user_agrees() {
    let home = tempfile::tempdir().expect("tempdir");
    let h = home.path();
    std::fs::create_dir_all(h).expect("dir");
    let records = h.join("records.sqlite");
    let junk = b"someone's only copy of their applications".repeat(200);
    std::fs::write(&records, &junk).expect("write");
    let out = run(h, &["applications"]);
    let t = text(&out);
    assert_eq!(out.status.code(), Some(2), "{t}");
    assert!(t.contains("tingjian records --start-new"), "{t}");
    assert!(t.contains("tingjian restore"), "{t}");
    // Without a terminal to ask on, --yes is needed.
    let out = run(h, &["records", "--start-new"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(text(&out).contains("--yes"));
    assert_eq!(std::fs::read(&records).expect("read"), junk);
    let out = run(h, &["records", "--start-new", "--yes"]);
    let t = text(&out);
    assert!(out.status.success(), "{t}");
    let aside: Vec<_> = std::fs::read_dir(h)
        .expect("ls")
        .filter_map(Result::ok)
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("records.sqlite.damaged-")
        })
        .collect();
    assert_eq!(aside.len(), 1);
    assert_eq!(std::fs::read(aside[0].path()).expect("read"), junk);
    assert!(run(h, &["applications"]).status.success());
    // A readable file is never replaced.
    let out = run(h, &["records", "--start-new", "--yes"]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn the_records_file_and_its_journal_are_private() {
    let home = tempfile::tempdir().expect("tempdir");
    let h = home.path();
    let app = draft(h, "training", "x");
    // Keep a writer open so the WAL exists while we look.
    let mut e = editor(h, app, "note", "p", None);
    let first = e
        .acks
        .recv_timeout(Duration::from_secs(10))
        .expect("an edit");
    assert!(first >= 2);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        for name in ["records.sqlite", "records.sqlite-wal", "records.sqlite-shm"] {
            let p = h.join(name);
            if p.exists() {
                let mode = std::fs::metadata(&p).expect("meta").permissions().mode() & 0o777;
                assert_eq!(mode, 0o600, "{name}");
            }
        }
    }
    e.child.kill().expect("kill");
    let _ = e.finish();
}
