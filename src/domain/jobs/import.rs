//! Reading the job postings a service centre hands over, as CSV or JSON,
//! one row at a time.
//!
//! Nothing here touches the disk: [`read`] takes any reader and hands each
//! row to a callback as soon as it is parsed, so a file of a million rows is
//! read in bounded memory (one record, one posting at a time).
//!
//! - **CSV**: UTF-8 with or without a BOM; a header row naming the columns
//!   (the English [`COLUMNS`] names, any case, or the Chinese [`ALIASES`]).
//!   A header without the [`REQUIRED_COLUMNS`] (or an empty file) is
//!   [`ImportError::MissingColumns`]; a name that is no column (or a blank
//!   name, reported as `#<position>`) is [`ImportError::UnknownColumns`]; a
//!   column named twice, or a row with more or fewer fields than the header,
//!   is [`ImportError::Csv`]. Blank lines and rows whose fields are all blank
//!   are skipped (and not counted).
//! - **JSON**: a top-level array of objects keyed like the CSV header.
//!   Strings are taken as they are, numbers as their text, `true`/`false` as
//!   yes/no, arrays (for `categories`) joined with `;`, `null` or a missing
//!   key means absent. Anything but an array is [`ImportError::NotAnArray`];
//!   an element that is not an object, or a key given twice, is
//!   [`ImportError::Json`]; an unknown key is [`ImportError::UnknownColumns`].
//!   An object, or a list holding lists or objects, as a value is that row's
//!   field problem ([`FieldProblem::NotAllowed`]).
//!
//! Missing optional columns are simply absent; `sample` defaults to no.
//!
//! A row's field problems are the row's own ([`Row::result`]); a problem with
//! the file as a whole is an [`ImportError`]. Whole-file problems found
//! part-way (a broken record, a JSON syntax error, an unknown key in a later
//! JSON object) arrive after the rows before them were handed over: a caller
//! that wants all or nothing keeps the rows provisional until `read` returns
//! `Ok`.

use std::collections::{BTreeMap, VecDeque};
use std::io::{self, Read};
use std::path::Path;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::{COLUMNS, FieldError, FieldProblem, Posting};

/// The file formats [`read`] understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Json,
}

impl Format {
    /// The format a file's extension names (`.csv` or `.json`, any case).
    pub fn from_path(p: &Path) -> Option<Format> {
        let ext = p.extension()?.to_str()?;
        if ext.eq_ignore_ascii_case("csv") {
            Some(Format::Csv)
        } else if ext.eq_ignore_ascii_case("json") {
            Some(Format::Json)
        } else {
            None
        }
    }
}

/// Chinese column names accepted in a CSV header or as JSON keys, and the
/// [`COLUMNS`] name each stands for (simplified, then traditional forms).
pub const ALIASES: &[(&str, &str)] = &[
    ("编号", "id"),
    ("編號", "id"),
    ("标题", "title"),
    ("標題", "title"),
    ("单位", "employer"),
    ("單位", "employer"),
    ("单位性质", "employer_kind"),
    ("單位性質", "employer_kind"),
    ("省", "province"),
    ("市", "city"),
    ("区县", "district"),
    ("區縣", "district"),
    ("工作地点", "workplace"),
    ("工作地點", "workplace"),
    ("居家", "home_based"),
    ("类型", "kind"),
    ("類型", "kind"),
    ("残疾类别", "categories"),
    ("殘疾類別", "categories"),
    ("无障碍", "accessibility"),
    ("無障礙", "accessibility"),
    ("最低月薪", "pay_min"),
    ("最高月薪", "pay_max"),
    ("工作时间", "hours"),
    ("工作時間", "hours"),
    ("要求", "requirements"),
    ("报名方式", "how_to_apply"),
    ("報名方式", "how_to_apply"),
    ("联系方式", "contact"),
    ("聯繫方式", "contact"),
    ("聯絡方式", "contact"),
    ("发布日期", "published"),
    ("發布日期", "published"),
    ("發佈日期", "published"),
    ("截止日期", "closing"),
    ("来源", "source"),
    ("來源", "source"),
    ("示例", "sample"),
];

/// Columns a file must have (by name, in any order): [`Posting::from_fields`]
/// refuses a record without them. The others may be left out.
pub const REQUIRED_COLUMNS: &[&str] = &[
    "id",
    "title",
    "employer",
    "employer_kind",
    "province",
    "city",
    "kind",
    "published",
    "source",
];

/// The [`COLUMNS`] name a header or key stands for: the English name (any
/// case) or a Chinese alias, surrounding spaces ignored.
pub fn column_name(header: &str) -> Option<&'static str> {
    let h = header.trim();
    COLUMNS
        .iter()
        .copied()
        .find(|c| c.eq_ignore_ascii_case(h))
        .or_else(|| {
            ALIASES
                .iter()
                .find(|(alias, _)| *alias == h)
                .map(|(_, c)| *c)
        })
}

/// One row of an import: where it is, and the posting or its field problems.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// CSV: the row as a spreadsheet shows it (header = 1, first record = 2;
    /// a record with line breaks inside quotes is still one row, a blank
    /// line is a row). JSON: the element's place in the array, from 1.
    pub number: usize,
    pub result: Result<Posting, Vec<FieldError>>,
}

/// A problem with the file as a whole. Lines are the file's own lines
/// (as a text editor counts them), from 1.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("line {line}: the file is not UTF-8 text")]
    NotUtf8 { line: usize },
    #[error("required columns are missing: {}", .0.join(", "))]
    MissingColumns(Vec<String>),
    #[error("unknown columns: {}", .0.join(", "))]
    UnknownColumns(Vec<String>),
    #[error("line {line}: {message}")]
    Csv { line: usize, message: String },
    #[error("line {line}, column {column}: {message}")]
    Json {
        line: usize,
        column: usize,
        message: String,
    },
    #[error("the JSON file is not an array of postings")]
    NotAnArray,
    #[error("could not read the file: {0}")]
    Io(std::io::Error),
    /// The callback asked to stop.
    #[error("stopped")]
    Stopped,
}

/// Reads postings from `reader`, handing each row to `f` as soon as it is
/// read; `f` returns `Err(())` to stop (then `read` returns
/// [`ImportError::Stopped`]). Returns how many rows were handed over.
pub fn read<R: Read>(
    reader: R,
    format: Format,
    f: impl FnMut(Row) -> Result<(), ()>,
) -> Result<usize, ImportError> {
    match format {
        Format::Csv => read_csv(Checked::new(reader, Some(Rows::new())), f),
        Format::Json => read_json(Checked::new(reader, None), f),
    }
}

// ---------------------------------------------------------------------------
// UTF-8 and BOM

/// A reader that drops a leading UTF-8 BOM and fails, saying on which line,
/// before handing on any byte that is not UTF-8.
struct Checked<R> {
    inner: R,
    started: bool,
    head: [u8; 3],
    head_pos: usize,
    head_len: usize,
    /// The start of a character cut by the end of the last read.
    carry: [u8; 4],
    carry_len: usize,
    /// The line the next byte is on.
    line: usize,
    failed: Option<usize>,
    /// CSV only: where the records in the bytes handed on so far start.
    rows: Option<Rows>,
}

/// The payload of the io error [`Checked`] fails with.
#[derive(Debug)]
struct NotUtf8At(usize);

impl std::fmt::Display for NotUtf8At {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: not UTF-8", self.0)
    }
}
impl std::error::Error for NotUtf8At {}

impl<R: Read> Checked<R> {
    fn new(inner: R, rows: Option<Rows>) -> Self {
        Checked {
            inner,
            started: false,
            head: [0; 3],
            head_pos: 0,
            head_len: 0,
            carry: [0; 4],
            carry_len: 0,
            line: 1,
            failed: None,
            rows,
        }
    }

    fn fail(&mut self, line: usize) -> io::Error {
        self.failed = Some(line);
        io::Error::new(io::ErrorKind::InvalidData, NotUtf8At(line))
    }

    /// Checks the next bytes of the stream; `Err(k)`: `data[k]` is where the
    /// stream stops being UTF-8.
    fn check(&mut self, data: &[u8]) -> Result<(), usize> {
        let mut start = 0;
        if self.carry_len > 0 {
            let want = match self.carry[0] {
                0xC0..=0xDF => 2,
                0xE0..=0xEF => 3,
                _ => 4,
            };
            while self.carry_len < want && start < data.len() {
                self.carry[self.carry_len] = data[start];
                self.carry_len += 1;
                start += 1;
            }
            match std::str::from_utf8(&self.carry[..self.carry_len]) {
                Ok(_) => self.carry_len = 0,
                Err(e) if e.error_len().is_none() => return Ok(()),
                Err(_) => return Err(0),
            }
        }
        match std::str::from_utf8(&data[start..]) {
            Ok(_) => Ok(()),
            Err(e) => {
                let valid = start + e.valid_up_to();
                if e.error_len().is_some() {
                    return Err(valid);
                }
                let rest = &data[valid..];
                self.carry[..rest.len()].copy_from_slice(rest);
                self.carry_len = rest.len();
                Ok(())
            }
        }
    }
}

fn count_newlines(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b == b'\n').count()
}

impl<R: Read> Read for Checked<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if let Some(line) = self.failed {
            return Err(self.fail(line));
        }
        if buf.is_empty() {
            return Ok(0);
        }
        if !self.started {
            self.started = true;
            while self.head_len < 3 {
                match self.inner.read(&mut self.head[self.head_len..]) {
                    Ok(0) => break,
                    Ok(k) => self.head_len += k,
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                    Err(e) => return Err(e),
                }
            }
            if self.head[..self.head_len] == [0xEF, 0xBB, 0xBF] {
                self.head_pos = 3;
            }
        }
        let n = if self.head_pos < self.head_len {
            let k = (self.head_len - self.head_pos).min(buf.len());
            buf[..k].copy_from_slice(&self.head[self.head_pos..self.head_pos + k]);
            self.head_pos += k;
            k
        } else {
            self.inner.read(buf)?
        };
        if n == 0 {
            if self.carry_len > 0 {
                return Err(self.fail(self.line));
            }
            return Ok(0);
        }
        match self.check(&buf[..n]) {
            Ok(()) => {
                self.line += count_newlines(&buf[..n]);
                if let Some(rows) = &mut self.rows {
                    rows.scan(&buf[..n]);
                }
                Ok(n)
            }
            Err(bad) => {
                let line = self.line + count_newlines(&buf[..bad]);
                let err = self.fail(line);
                if bad == 0 {
                    return Err(err);
                }
                // Hand on the good part; the next read fails.
                self.line = line;
                if let Some(rows) = &mut self.rows {
                    rows.scan(&buf[..bad]);
                }
                Ok(bad)
            }
        }
    }
}

/// Where each CSV record starts, found by scanning the bytes as the csv
/// crate reads them (same rules as csv-core: a quote opens a field only as
/// its first byte, `""` inside quotes is a quote, CR, LF and CRLF end a
/// record outside quotes, empty lines hold no record). The csv crate's own
/// positions cannot give this: they point where the previous record ended,
/// before any blank lines, and lag a line on CRLF files.
struct Rows {
    state: Scan,
    /// The spreadsheet row of the next byte: 1 + line breaks outside quotes.
    row: usize,
    /// The file line of the next byte: 1 + every LF.
    line: usize,
    /// (row, line) of each record start not yet taken, at most one per byte
    /// of the csv reader's buffer.
    starts: VecDeque<(usize, usize)>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Scan {
    RecordStart,
    AfterCr,
    FieldStart,
    Unquoted,
    Quoted,
    QuoteInQuoted,
}

impl Rows {
    fn new() -> Rows {
        Rows {
            state: Scan::RecordStart,
            row: 1,
            line: 1,
            starts: VecDeque::new(),
        }
    }

    fn scan(&mut self, bytes: &[u8]) {
        for &b in bytes {
            match self.state {
                Scan::Quoted => {
                    match b {
                        b'"' => self.state = Scan::QuoteInQuoted,
                        b'\n' => self.line += 1,
                        _ => {}
                    }
                    continue;
                }
                Scan::QuoteInQuoted if b == b'"' => {
                    self.state = Scan::Quoted;
                    continue;
                }
                _ => {}
            }
            match b {
                b'\n' => {
                    if self.state != Scan::AfterCr {
                        self.row += 1;
                    }
                    self.line += 1;
                    self.state = Scan::RecordStart;
                }
                b'\r' => {
                    self.row += 1;
                    self.state = Scan::AfterCr;
                }
                _ => {
                    let field_start = match self.state {
                        Scan::RecordStart | Scan::AfterCr => {
                            self.starts.push_back((self.row, self.line));
                            true
                        }
                        Scan::FieldStart => true,
                        _ => false,
                    };
                    self.state = match b {
                        b'"' if field_start => Scan::Quoted,
                        b',' => Scan::FieldStart,
                        _ => Scan::Unquoted,
                    };
                }
            }
        }
    }
}

/// The line of a [`Checked`] failure inside an io error, if it is one.
fn not_utf8_line(e: &io::Error) -> Option<usize> {
    e.get_ref()?.downcast_ref::<NotUtf8At>().map(|n| n.0)
}

fn io_error(e: io::Error) -> ImportError {
    match not_utf8_line(&e) {
        Some(line) => ImportError::NotUtf8 { line },
        None => ImportError::Io(e),
    }
}

// ---------------------------------------------------------------------------
// CSV

fn csv_error(e: csv::Error) -> ImportError {
    let line = e.position().map_or(0, |p| p.line() as usize);
    let message = e.to_string();
    match e.into_kind() {
        csv::ErrorKind::Io(io) => io_error(io),
        csv::ErrorKind::Utf8 { .. } => ImportError::NotUtf8 { line },
        _ => ImportError::Csv { line, message },
    }
}

/// The spreadsheet row and the file line where the record just read starts,
/// `before` records (the header included) before it.
fn record_start<R: Read>(
    csv: &mut csv::Reader<Checked<R>>,
    record: &csv::StringRecord,
    before: usize,
) -> (usize, usize) {
    let scanned = csv
        .get_mut()
        .rows
        .as_mut()
        .and_then(|r| r.starts.pop_front());
    // Only if the scan and the csv crate ever disagreed: count records instead.
    scanned.unwrap_or_else(|| {
        (
            before + 1,
            record.position().map_or(0, |p| p.line() as usize),
        )
    })
}

fn read_csv<R: Read>(
    reader: Checked<R>,
    mut f: impl FnMut(Row) -> Result<(), ()>,
) -> Result<usize, ImportError> {
    let mut csv = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(reader);
    let mut record = csv::StringRecord::new();

    let missing = |found: &[&str]| -> Vec<String> {
        REQUIRED_COLUMNS
            .iter()
            .filter(|c| !found.contains(c))
            .map(|c| c.to_string())
            .collect()
    };
    if !csv.read_record(&mut record).map_err(csv_error)? {
        return Err(ImportError::MissingColumns(missing(&[])));
    }
    let (_, header_line) = record_start(&mut csv, &record, 0);
    let mut columns: Vec<&'static str> = Vec::with_capacity(record.len());
    let mut unknown = vec![];
    for (i, name) in record.iter().enumerate() {
        match column_name(name) {
            Some(c) if columns.contains(&c) => {
                return Err(ImportError::Csv {
                    line: header_line,
                    message: format!("column {c} is named twice (\"{}\")", name.trim()),
                });
            }
            Some(c) => columns.push(c),
            None if name.trim().is_empty() => unknown.push(format!("#{}", i + 1)),
            None => unknown.push(name.trim().to_string()),
        }
    }
    let missing = missing(&columns);
    if !missing.is_empty() {
        return Err(ImportError::MissingColumns(missing));
    }
    if !unknown.is_empty() {
        return Err(ImportError::UnknownColumns(unknown));
    }

    let (mut seen, mut records_before) = (0, 0);
    while csv.read_record(&mut record).map_err(csv_error)? {
        records_before += 1;
        let (number, line) = record_start(&mut csv, &record, records_before);
        if record.iter().all(|v| v.trim().is_empty()) {
            continue;
        }
        if record.len() != columns.len() {
            return Err(ImportError::Csv {
                line,
                message: format!(
                    "{} fields where the header has {}",
                    record.len(),
                    columns.len()
                ),
            });
        }
        let fields: BTreeMap<String, String> = columns
            .iter()
            .zip(record.iter())
            .map(|(c, v)| (c.to_string(), v.to_string()))
            .collect();
        seen += 1;
        f(Row {
            number,
            result: Posting::from_fields(&fields),
        })
        .map_err(|()| ImportError::Stopped)?;
    }
    Ok(seen)
}

// ---------------------------------------------------------------------------
// JSON

fn json_error(e: serde_json::Error) -> ImportError {
    if e.classify() == serde_json::error::Category::Io {
        return io_error(e.into());
    }
    let (line, column) = (e.line(), e.column());
    let mut message = e.to_string();
    if let Some(at) = message.rfind(" at line ") {
        message.truncate(at);
    }
    ImportError::Json {
        line,
        column,
        message,
    }
}

/// What the visitors share: the callback, the count, and a whole-file error
/// found inside the parse (serde can only carry text out).
struct State<F> {
    f: F,
    seen: usize,
    error: Option<ImportError>,
}

fn read_json<R: Read>(
    reader: R,
    f: impl FnMut(Row) -> Result<(), ()>,
) -> Result<usize, ImportError> {
    let mut de = serde_json::Deserializer::from_reader(io::BufReader::new(reader));
    let mut state = State {
        f,
        seen: 0,
        error: None,
    };
    match TopLevel(&mut state).deserialize(&mut de) {
        Ok(()) => {
            de.end().map_err(json_error)?;
            Ok(state.seen)
        }
        Err(e) => Err(state.error.take().unwrap_or_else(|| json_error(e))),
    }
}

struct TopLevel<'s, F>(&'s mut State<F>);

impl<'de, F: FnMut(Row) -> Result<(), ()>> DeserializeSeed<'de> for TopLevel<'_, F> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<F> TopLevel<'_, F> {
    fn not_an_array<E: de::Error>(self) -> Result<(), E> {
        self.0.error = Some(ImportError::NotAnArray);
        Err(E::custom("not an array"))
    }
}

impl<'de, F: FnMut(Row) -> Result<(), ()>> Visitor<'de> for TopLevel<'_, F> {
    type Value = ();
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("an array of postings")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut number = 0;
        loop {
            number += 1;
            if seq
                .next_element_seed(Element {
                    state: &mut *self.0,
                    number,
                })?
                .is_none()
            {
                return Ok(());
            }
        }
    }
    fn visit_map<A: MapAccess<'de>>(self, _: A) -> Result<(), A::Error> {
        self.not_an_array()
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
        self.not_an_array()
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        self.not_an_array()
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        self.not_an_array()
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        self.not_an_array()
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        self.not_an_array()
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        self.not_an_array()
    }
}

/// One element of the array: an object, made into a row and handed over.
struct Element<'s, F> {
    state: &'s mut State<F>,
    number: usize,
}

impl<'de, F: FnMut(Row) -> Result<(), ()>> DeserializeSeed<'de> for Element<'_, F> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de, F: FnMut(Row) -> Result<(), ()>> Visitor<'de> for Element<'_, F> {
    type Value = ();
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("an object (one posting)")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut fields = BTreeMap::new();
        let mut given: Vec<&'static str> = Vec::with_capacity(COLUMNS.len());
        let mut unknown = vec![];
        let mut bad = vec![];
        while let Some(key) = map.next_key::<String>()? {
            let Some(column) = column_name(&key) else {
                map.next_value::<IgnoredAny>()?;
                unknown.push(key);
                continue;
            };
            if given.contains(&column) {
                return Err(de::Error::custom(format!(
                    "column {column} is given twice (\"{key}\")"
                )));
            }
            given.push(column);
            match map.next_value::<Value>()? {
                Value::Text(t) => {
                    fields.insert(column.to_string(), t);
                }
                Value::Absent => {}
                Value::Invalid => bad.push(FieldError {
                    column: column.to_string(),
                    problem: FieldProblem::NotAllowed(
                        "text, a number, true or false, or a list of these".into(),
                    ),
                }),
            }
        }
        if !unknown.is_empty() {
            self.state.error = Some(ImportError::UnknownColumns(unknown));
            return Err(de::Error::custom("unknown columns"));
        }
        let result = match Posting::from_fields(&fields) {
            Ok(_) if !bad.is_empty() => Err(bad),
            Ok(p) => Ok(p),
            Err(mut errors) => {
                errors.append(&mut bad);
                Err(errors)
            }
        };
        self.state.seen += 1;
        (self.state.f)(Row {
            number: self.number,
            result,
        })
        .map_err(|()| {
            self.state.error = Some(ImportError::Stopped);
            de::Error::custom("stopped")
        })
    }
}

/// A JSON value as the text of a field.
enum Value {
    Text(String),
    Absent,
    /// An object, or an array holding arrays or objects.
    Invalid,
}

impl<'de> de::Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Value, D::Error> {
        d.deserialize_any(ValueVisitor { in_list: false })
    }
}

struct ValueVisitor {
    in_list: bool,
}

impl<'de> DeserializeSeed<'de> for ValueVisitor {
    type Value = Value;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("text, a number, true or false, null, or a list")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
        Ok(Value::Text(v.to_string()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Value, E> {
        Ok(Value::Text(v))
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Text(if v { "yes" } else { "no" }.to_string()))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Text(v.to_string()))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Text(v.to_string()))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        // Rust writes 3000.0 as "3000", so whole numbers of yuan stay whole.
        Ok(Value::Text(v.to_string()))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Absent)
    }
    fn visit_none<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Absent)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut parts: Vec<String> = vec![];
        let mut invalid = self.in_list;
        while let Some(item) = seq.next_element_seed(ValueVisitor { in_list: true })? {
            match item {
                Value::Text(t) => parts.push(t),
                Value::Absent => {}
                Value::Invalid => invalid = true,
            }
        }
        Ok(if invalid {
            Value::Invalid
        } else if parts.is_empty() {
            Value::Absent
        } else {
            Value::Text(parts.join(";"))
        })
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Value::Invalid)
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Category, JobKind, sample};
    use super::*;

    fn rows(text: &[u8], format: Format) -> Result<Vec<Row>, ImportError> {
        let mut out = vec![];
        read(text, format, |r| {
            out.push(r);
            Ok(())
        })?;
        Ok(out)
    }

    fn postings(text: &[u8], format: Format) -> Vec<Posting> {
        rows(text, format)
            .expect("file reads")
            .into_iter()
            .map(|r| {
                r.result
                    .unwrap_or_else(|e| panic!("row {}: {e:?}", r.number))
            })
            .collect()
    }

    const HEADER: &str = "id,title,employer,employer_kind,province,city,kind,published,source\n";

    #[test]
    fn csv_with_and_without_bom() {
        let body =
            format!("{HEADER}a-1,云客服,某公司,民企,贵州,贵阳,市场招聘,2025-03-01,贵阳市残联\n");
        let plain = postings(body.as_bytes(), Format::Csv);
        let with_bom = postings(
            &[b"\xEF\xBB\xBF".as_slice(), body.as_bytes()].concat(),
            Format::Csv,
        );
        assert_eq!(plain, with_bom);
        assert_eq!(plain.len(), 1);
        assert_eq!(plain[0].id, "a-1");
        assert!(
            !plain[0].sample,
            "imports are not sample data unless they say so"
        );
        // CRLF line ends, as spreadsheets write them.
        let crlf = body.replace('\n', "\r\n");
        assert_eq!(postings(crlf.as_bytes(), Format::Csv), plain);
    }

    #[test]
    fn chinese_headers() {
        let text = "\u{FEFF}编号,标题,单位,单位性质,省,市,区县,工作地点,居家,类型,残疾类别,无障碍,最低月薪,最高月薪,工作时间,要求,报名方式,联系方式,发布日期,截止日期,来源,示例\n\
            q-1,电商客服,青岛某电子商务有限公司,民企,山东,青岛,市南区,,是,市场招聘,听力、肢体,可居家办公,\"3,200\",4500元,每周五天,打字快,平台投递,示例,2025年5月6日,2025/6/30,青岛市残联,否\n";
        let p = &postings(text.as_bytes(), Format::Csv)[0];
        assert_eq!(p.employer, "青岛某电子商务有限公司");
        assert!(p.home_based);
        assert_eq!(p.categories, vec![Category::Hearing, Category::Physical]);
        assert_eq!((p.pay_min, p.pay_max), (Some(3200), Some(4500)));
        assert_eq!(p.closing.as_deref(), Some("2025-06-30"));
        assert_eq!(p.district.as_deref(), Some("市南区"));
        assert_eq!(p.workplace, None);
        // English names in any case, with spaces around them.
        let text = " ID ,Title,EMPLOYER,employer_kind,Province,city,kind,published,source\nx,t,e,机关,江西,南昌,见习,20250101,s\n";
        assert_eq!(
            postings(text.as_bytes(), Format::Csv)[0].kind,
            JobKind::Internship
        );
    }

    #[test]
    fn quoted_commas_and_line_breaks_stay_in_their_field() {
        let text = format!(
            "{HEADER}a-1,\"按摩师, 保健\",\"某某\n盲人按摩中心\",个体,广东,广州,按摩,2025-01-02,\"来源,\"\"甲\"\"\"\n"
        );
        let p = &postings(text.as_bytes(), Format::Csv)[0];
        assert_eq!(p.title, "按摩师, 保健");
        assert_eq!(p.employer, "某某\n盲人按摩中心");
        assert_eq!(p.source, "来源,\"甲\"");
    }

    #[test]
    fn a_bad_row_is_reported_with_its_spreadsheet_row_and_column() {
        let text = format!(
            "{HEADER}\
             a-1,标题,\"两行\n的单位\",民企,贵州,贵阳,市场招聘,2025-03-01,来源\n\
             \n\
             a-2,标题,单位,民企,贵州,贵阳,兼职,2025-03-01,来源\n\
             ,,,,,,,,\n\
             a-3,标题,单位,民企,贵州,贵阳,见习,2025-03-01,来源\n"
        );
        let rows = rows(text.as_bytes(), Format::Csv).expect("reads");
        let numbers: Vec<usize> = rows.iter().map(|r| r.number).collect();
        // Header row 1; a-1 row 2 (two file lines); a blank row 3; a-2 row 4;
        // an all-blank row 5 (skipped); a-3 row 6.
        assert_eq!(numbers, vec![2, 4, 6]);
        assert!(rows[0].result.is_ok() && rows[2].result.is_ok());
        let errors = rows[1].result.clone().expect_err("bad row");
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].column, "kind");
        assert!(matches!(errors[0].problem, FieldProblem::NotAllowed(_)));
    }

    #[test]
    fn row_numbers_hold_for_crlf_cr_and_tricky_quotes() {
        let good = "a,t,e,民企,贵州,贵阳,按摩,2025-01-01,s";
        let numbers = |text: &str| -> Vec<usize> {
            rows(text.as_bytes(), Format::Csv)
                .expect("reads")
                .iter()
                .map(|r| r.number)
                .collect()
        };
        // Rows: 1 header, 2 blank, 3 good, 4-5 blank, 6 multi-line, 7 good.
        let lines = [
            HEADER.trim_end(),
            "",
            good,
            "",
            "",
            "b,\"两\n行\",e,民企,贵州,贵阳,按摩,2025-01-01,s",
            good,
        ];
        assert_eq!(numbers(&lines.join("\n")), vec![3, 6, 7]);
        assert_eq!(numbers(&lines.join("\r\n")), vec![3, 6, 7]);
        assert_eq!(numbers(&(lines.join("\r\n") + "\r\n")), vec![3, 6, 7]);
        assert_eq!(numbers(&lines.join("\r")), vec![3, 6, 7]);
        // A quote inside an unquoted field is a plain character, "" inside
        // quotes is a quote, and text after a closing quote stays in the field.
        let text = format!(
            "{HEADER}a,5\"寸,e,民企,贵州,贵阳,按摩,2025-01-01,s\n\
             b,\"说\"\"好\n\"\"\",e,民企,贵州,贵阳,按摩,2025-01-01,s\n\
             c,\"x\"y,e,民企,贵州,贵阳,按摩,2025-01-01,s\n{good}\n"
        );
        assert_eq!(numbers(&text), vec![2, 3, 4, 5]);
        let ps = postings(text.as_bytes(), Format::Csv);
        assert_eq!(ps[0].title, "5\"寸");
        assert_eq!(ps[1].title, "说\"好\n\"");
        assert_eq!(ps[2].title, "xy");
    }

    #[test]
    fn missing_and_unknown_columns_refuse_the_file() {
        let text =
            "id,title,employer,province,city,kind,published\nx,t,e,贵州,贵阳,按摩,2025-01-01\n";
        match rows(text.as_bytes(), Format::Csv) {
            Err(ImportError::MissingColumns(cols)) => {
                assert_eq!(cols, vec!["employer_kind", "source"])
            }
            other => panic!("{other:?}"),
        }
        let text = "id,title,employer,employer_kind,province,city,kind,published,source,salary,\n";
        match rows(text.as_bytes(), Format::Csv) {
            Err(ImportError::UnknownColumns(cols)) => assert_eq!(cols, vec!["salary", "#11"]),
            other => panic!("{other:?}"),
        }
        assert!(
            matches!(rows(b"", Format::Csv), Err(ImportError::MissingColumns(c)) if c.len() == 9)
        );
        let twice = "id,编号,title,employer,employer_kind,province,city,kind,published,source\n";
        assert!(matches!(
            rows(twice.as_bytes(), Format::Csv),
            Err(ImportError::Csv { line: 1, .. })
        ));
    }

    #[test]
    fn a_short_row_is_a_file_error_with_its_line() {
        let text = format!("{HEADER}a,t,e,民企,贵州,贵阳,按摩,2025-01-01,s\na,t,e,民企\n");
        match rows(text.as_bytes(), Format::Csv) {
            Err(ImportError::Csv { line, .. }) => assert_eq!(line, 3),
            other => panic!("{other:?}"),
        }
        // The file line, not the row: a line break inside quotes counts.
        let text =
            format!("{HEADER}a,\"t\r\n\",e,民企,贵州,贵阳,按摩,2025-01-01,s\r\n\r\na,t,e,民企\r\n");
        match rows(text.as_bytes(), Format::Csv) {
            Err(ImportError::Csv { line, .. }) => assert_eq!(line, 5),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn text_that_is_not_utf8_says_where() {
        // "贵阳" in GBK, as Excel on Chinese Windows saves a CSV.
        let mut text = format!("{HEADER}a,t,e,民企,贵州,").into_bytes();
        text.extend_from_slice(b"\xB9\xF3\xD1\xF4,kind,2025-01-01,s\n");
        assert!(matches!(
            rows(&text, Format::Csv),
            Err(ImportError::NotUtf8 { line: 2 })
        ));
        let mut json = b"[\n{\"id\": \"".to_vec();
        json.extend_from_slice(b"\xB9\xF3\"}]");
        assert!(matches!(
            rows(&json, Format::Json),
            Err(ImportError::NotUtf8 { line: 2 })
        ));
        // A character cut by the end of the file.
        let cut = &"[\"贵".as_bytes()[..3];
        assert!(matches!(
            rows(cut, Format::Json),
            Err(ImportError::NotUtf8 { line: 1 })
        ));
    }

    #[test]
    fn utf8_is_checked_across_read_boundaries() {
        /// Hands over one byte per read.
        struct Trickle<'a>(&'a [u8]);
        impl Read for Trickle<'_> {
            fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
                let Some((first, rest)) = self.0.split_first() else {
                    return Ok(0);
                };
                buf[0] = *first;
                self.0 = rest;
                Ok(1)
            }
        }
        let body = format!("\u{FEFF}{HEADER}甲,乙,丙,民企,贵州,贵阳,按摩,2025-01-01,𝄞\n");
        let mut got = vec![];
        read(Trickle(body.as_bytes()), Format::Csv, |r| {
            got.push(r);
            Ok(())
        })
        .expect("reads");
        assert_eq!(got[0].result.as_ref().map(|p| p.source.as_str()), Ok("𝄞"));
    }

    #[test]
    fn json_values_become_field_text() {
        let text = r#"[
          {"id": 17, "title": "有声书演播员", "employer": "南昌某文化传媒有限公司", "employer_kind": "民企",
           "province": "江西", "city": "南昌", "district": null, "home_based": true, "kind": "open_market",
           "categories": ["视力", 4], "pay_min": 3000.0, "pay_max": 6000, "published": "2025-04-01",
           "source": "南昌市残联", "sample": false},
          {"编号": "j-2", "标题": "乡村保洁员", "单位": "某镇人民政府", "单位性质": "机关", "省": "江西",
           "市": "赣州", "类型": "公益性岗位", "发布日期": "20250402", "来源": "赣州市残联", "残疾类别": []}
        ]"#;
        let ps = postings(text.as_bytes(), Format::Json);
        assert_eq!(ps.len(), 2);
        assert_eq!(ps[0].id, "17");
        assert!(ps[0].home_based && !ps[0].sample);
        assert_eq!(ps[0].district, None);
        assert_eq!(ps[0].categories, vec![Category::Visual, Category::Physical]);
        assert_eq!((ps[0].pay_min, ps[0].pay_max), (Some(3000), Some(6000)));
        assert_eq!(ps[1].kind, JobKind::PublicWelfare);
        assert!(ps[1].categories.is_empty());
        assert_eq!(rows(b"[]", Format::Json).expect("empty array").len(), 0);
    }

    #[test]
    fn json_bad_elements_keep_their_index() {
        let good = r#"{"id":"a","title":"t","employer":"e","employer_kind":"民企","province":"贵州","city":"贵阳","kind":"按摩","published":"2025-01-01","source":"s"}"#;
        let bad = r#"{"id":"b","title":"t","employer":"e","employer_kind":"民企","province":"贵州","city":"贵阳","kind":"按摩","published":"2025-01-01","source":"s","pay_min":{"from":1}}"#;
        let text = format!("[{good},{bad},{good}]");
        let rows = rows(text.as_bytes(), Format::Json).expect("reads");
        assert_eq!(
            rows.iter().map(|r| r.number).collect::<Vec<_>>(),
            vec![1, 2, 3]
        );
        let errors = rows[1].result.clone().expect_err("bad");
        assert_eq!(
            errors.iter().map(|e| e.column.as_str()).collect::<Vec<_>>(),
            vec!["pay_min"]
        );
        assert!(rows[0].result.is_ok() && rows[2].result.is_ok());
    }

    #[test]
    fn malformed_json_says_line_and_column() {
        let text = "[\n  {\"id\": \"a\",\n   \"title\": \"t\" \"employer\": \"e\"}\n]";
        match rows(text.as_bytes(), Format::Json) {
            Err(ImportError::Json {
                line,
                column,
                message,
            }) => {
                assert_eq!(line, 3, "{message}");
                assert!(
                    column > 0 && !message.contains("at line"),
                    "{column} {message}"
                );
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            rows(b"[{}] x", Format::Json),
            Err(ImportError::Json { line: 1, .. })
        ));
        assert!(matches!(
            rows(b"[1]", Format::Json),
            Err(ImportError::Json { line: 1, .. })
        ));
        let twice = r#"[{"id": "a", "编号": "b"}]"#;
        assert!(matches!(
            rows(twice.as_bytes(), Format::Json),
            Err(ImportError::Json { .. })
        ));
    }

    #[test]
    fn json_that_is_not_an_array_is_refused() {
        for text in [r#"{"id": "a"}"#, r#""postings""#, "3", "null", "true"] {
            assert!(
                matches!(
                    rows(text.as_bytes(), Format::Json),
                    Err(ImportError::NotAnArray)
                ),
                "{text}"
            );
        }
        match rows(br#"[{"id": "a", "salary": 1, "wage": 2}]"#, Format::Json) {
            Err(ImportError::UnknownColumns(cols)) => assert_eq!(cols, vec!["salary", "wage"]),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_callback_can_stop_the_import() {
        let text = format!(
            "{HEADER}a,t,e,民企,贵州,贵阳,按摩,2025-01-01,s\nb,t,e,民企,贵州,贵阳,按摩,2025-01-01,s\n"
        );
        let mut seen = 0;
        let result = read(text.as_bytes(), Format::Csv, |_| {
            seen += 1;
            Err(())
        });
        assert!(matches!(result, Err(ImportError::Stopped)) && seen == 1);
        let mut seen = 0;
        let result = read(&b"[{}, {}]"[..], Format::Json, |_| {
            seen += 1;
            Err(())
        });
        assert!(matches!(result, Err(ImportError::Stopped)) && seen == 1);
    }

    #[test]
    fn formats_by_extension() {
        assert_eq!(
            Format::from_path(Path::new("/tmp/岗位.CSV")),
            Some(Format::Csv)
        );
        assert_eq!(
            Format::from_path(Path::new("jobs.Json")),
            Some(Format::Json)
        );
        assert_eq!(Format::from_path(Path::new("jobs.xlsx")), None);
        assert_eq!(Format::from_path(Path::new("csv")), None);
    }

    #[test]
    fn every_alias_names_a_column() {
        for (alias, column) in ALIASES {
            assert!(COLUMNS.contains(column), "{alias} → {column}");
            assert_eq!(column_name(alias), Some(*column));
        }
        for column in COLUMNS {
            assert!(
                ALIASES.iter().any(|(_, c)| c == column),
                "no Chinese name for {column}"
            );
        }
    }

    /// Generated postings written as CSV, one record at a time.
    fn csv_of(count: usize, seed: u64) -> Vec<u8> {
        let mut w = csv::Writer::from_writer(vec![]);
        w.write_record(COLUMNS).expect("header");
        sample::generate_each(count, seed, |p| {
            let fields = p.to_fields();
            w.write_record(
                COLUMNS
                    .iter()
                    .map(|c| fields.get(*c).map_or("", String::as_str)),
            )
            .expect("record");
        });
        w.into_inner().expect("flush")
    }

    #[test]
    fn a_hundred_thousand_generated_rows_stream_through() {
        let text = csv_of(100_000, 3);
        let mut count = 0;
        let mut last = 0;
        let seen = read(text.as_slice(), Format::Csv, |r| {
            assert!(r.result.is_ok(), "row {}: {:?}", r.number, r.result);
            count += 1;
            last = r.number;
            Ok(())
        })
        .expect("reads");
        assert_eq!((seen, count, last), (100_000, 100_000, 100_001));
    }

    #[test]
    fn generated_postings_survive_csv_and_json() {
        let expected = sample::generate(300, 8);
        assert_eq!(postings(&csv_of(300, 8), Format::Csv), expected);
        let objects: Vec<BTreeMap<String, String>> =
            expected.iter().map(Posting::to_fields).collect();
        let json = serde_json::to_vec_pretty(&objects).expect("json");
        assert_eq!(postings(&json, Format::Json), expected);
    }

    #[test]
    fn the_example_files_import_without_errors() {
        let csv = postings(
            include_str!("../../../docs/jobs-import-example.csv").as_bytes(),
            Format::Csv,
        );
        let json = postings(
            include_str!("../../../docs/jobs-import-example.json").as_bytes(),
            Format::Json,
        );
        for ps in [&csv, &json] {
            assert!((3..=5).contains(&ps.len()));
            assert!(ps.iter().any(|p| p.home_based));
            assert!(
                ps.iter()
                    .all(|p| p.sample && p.contact.as_deref().is_some_and(|c| c.contains("示例")))
            );
        }
    }
}
