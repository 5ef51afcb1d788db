//! Application forms as data (`data/forms/<kind>.toml`), what a person types
//! into them, and the status of an application. Pure: the caller hands in
//! file names and bytes, typed text and today's date; nothing is worded here
//! (problems are kinds, the i18n layer words them).
//!
//! - [`Kind`]: what is applied for (a job, an entitlement, the massage exam,
//!   the "四个一" registrations …), and what its target is ([`TargetKind`]).
//! - [`Form`] and [`Field`]: the fields of one kind, with Fluent ids for their
//!   labels and help, a type, validation and the profile fact that prefills it.
//! - [`normalise`] and [`validate`]: typed text to a stored value, and every
//!   problem of a set of values ([`FieldError`], never a sentence).
//! - [`parse_date`] (2025-03-01, 2025/3/1, 2025.3.1, 2025年3月1日, 20250301,
//!   full-width digits) and [`parse_phone`] (mobile and landline numbers as
//!   people write them) and [`masked`] (the last four digits only).
//! - [`documents_for`]: what to bring, from the targeted rule, with its citation.
//! - [`Status`]: draft → filed → handed over → accepted | rejected, and
//!   withdrawn from any status that is not final.

use std::collections::{BTreeMap, HashSet};
use std::fmt;

use serde::{Deserialize, Serialize};

use super::card::{CardError, CardNumber, Date};
use super::dataset::{DataError, DataErrorKind, DataFile};
use super::jobs::CATEGORIES;
use super::profile::StoredProfile;
use super::rules::{Citation, Fact, Rule};

/// Forms live here under `data/`, one file per kind: `forms/<kind>.toml`.
pub const FORMS_DIR: &str = "forms/";

/// Longest value accepted in any field, whatever the form says: protects
/// the records file, the screen and speech from a pasted book.
pub const MAX_VALUE_CHARS: usize = 2000;

/// Longest typed text read as a date, phone or card number: anything longer
/// is refused before parsing.
const MAX_CODE_CHARS: usize = 64;

// ---------------------------------------------------------------------------
// Kinds and targets
// ---------------------------------------------------------------------------

/// What an application is for. Keys are stable snake_case words (the CLI's
/// `--kind`, the form's file name, the `kind` column).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A job posting (jobs.sqlite).
    Job,
    /// An entitlement or subsidy (a rule of `data/rules/`).
    Entitlement,
    /// A training place.
    Training,
    /// The blind massage exam (a step of the massage path).
    MassageExam,
    /// A massage certificate (a step of the massage path).
    MassageCertificate,
    /// "四个一" employment service: basic information check (基本信息核对).
    FourOneBasicInfo,
    /// "四个一": vocational assessment request (职业评估).
    FourOneAssessment,
    /// "四个一": employment-needs registration (就业需求登记).
    FourOneNeeds,
}

/// What the target of an application is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TargetKind {
    /// A posting id in jobs.sqlite.
    Posting,
    /// A rule id of the bundled (or `--data`) rules.
    Rule,
    /// A step of a massage path (`medical-exam` …).
    Step,
    /// Free text: a course, a provider, the service centre; may be empty
    /// when [`Kind::target_required`] says so.
    Free,
}

impl Kind {
    pub const ALL: [Kind; 8] = [
        Kind::Job,
        Kind::Entitlement,
        Kind::Training,
        Kind::MassageExam,
        Kind::MassageCertificate,
        Kind::FourOneBasicInfo,
        Kind::FourOneAssessment,
        Kind::FourOneNeeds,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Kind::Job => "job",
            Kind::Entitlement => "entitlement",
            Kind::Training => "training",
            Kind::MassageExam => "massage_exam",
            Kind::MassageCertificate => "massage_certificate",
            Kind::FourOneBasicInfo => "four_one_basic_info",
            Kind::FourOneAssessment => "four_one_assessment",
            Kind::FourOneNeeds => "four_one_needs",
        }
    }

    pub fn from_key(s: &str) -> Option<Kind> {
        let s = s.trim().replace('-', "_");
        Self::ALL.into_iter().find(|k| k.key() == s)
    }

    pub fn target(self) -> TargetKind {
        match self {
            Kind::Job => TargetKind::Posting,
            Kind::Entitlement => TargetKind::Rule,
            Kind::MassageExam | Kind::MassageCertificate => TargetKind::Step,
            Kind::Training
            | Kind::FourOneBasicInfo
            | Kind::FourOneAssessment
            | Kind::FourOneNeeds => TargetKind::Free,
        }
    }

    /// Whether a target must be given. The "四个一" registrations are with
    /// the person's service centre: naming it is optional.
    pub fn target_required(self) -> bool {
        !matches!(
            self,
            Kind::FourOneBasicInfo | Kind::FourOneAssessment | Kind::FourOneNeeds
        )
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

// ---------------------------------------------------------------------------
// Status
// ---------------------------------------------------------------------------

/// Where an application is. Nothing is ever deleted: an application that is
/// no longer wanted is withdrawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Draft,
    /// Complete and in the outbox, to be handed to the office.
    Filed,
    /// Given to the service centre or office.
    HandedOver,
    Accepted,
    Rejected,
    Withdrawn,
}

impl Status {
    pub const ALL: [Status; 6] = [
        Status::Draft,
        Status::Filed,
        Status::HandedOver,
        Status::Accepted,
        Status::Rejected,
        Status::Withdrawn,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::Filed => "filed",
            Status::HandedOver => "handed_over",
            Status::Accepted => "accepted",
            Status::Rejected => "rejected",
            Status::Withdrawn => "withdrawn",
        }
    }

    pub fn from_key(s: &str) -> Option<Status> {
        let s = s.trim().replace('-', "_");
        Self::ALL.into_iter().find(|k| k.key() == s)
    }

    /// Accepted, rejected and withdrawn are final: nothing follows them.
    pub fn is_final(self) -> bool {
        matches!(
            self,
            Status::Accepted | Status::Rejected | Status::Withdrawn
        )
    }

    /// Draft → filed → handed over → accepted or rejected; any status that
    /// is not final → withdrawn. Filing also needs a complete form (checked
    /// by the caller with [`validate`]).
    pub fn can_move_to(self, next: Status) -> bool {
        match (self, next) {
            (Status::Draft, Status::Filed)
            | (Status::Filed, Status::HandedOver)
            | (Status::HandedOver, Status::Accepted | Status::Rejected) => true,
            (from, Status::Withdrawn) => !from.is_final(),
            _ => false,
        }
    }

    /// Only drafts take field changes.
    pub fn is_editable(self) -> bool {
        self == Status::Draft
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

// ---------------------------------------------------------------------------
// Forms
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldType {
    Text,
    /// A whole number.
    Number,
    Date,
    /// One of `choices`.
    Choice,
    YesNo,
    /// A disability card number (残疾人证号).
    Card,
    /// A Chinese mobile or landline number.
    Phone,
}

impl FieldType {
    pub fn key(self) -> &'static str {
        match self {
            FieldType::Text => "text",
            FieldType::Number => "number",
            FieldType::Date => "date",
            FieldType::Choice => "choice",
            FieldType::YesNo => "yes_no",
            FieldType::Card => "card",
            FieldType::Phone => "phone",
        }
    }

    /// Card and phone numbers are shown by their last four digits only.
    pub fn is_masked(self) -> bool {
        matches!(self, FieldType::Card | FieldType::Phone)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// Stored value (stable snake_case word).
    pub value: String,
    /// Fluent id of what is shown and spoken.
    pub label: String,
}

/// Where a field's first value comes from: a saved profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum Prefill {
    /// The profile's label (the name the worker saved it under).
    Label,
    Card,
    /// The region's name (from its id).
    Region,
    Category,
    Grade,
    Birth,
    Sex,
    Fact(Fact),
}

impl TryFrom<String> for Prefill {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        Ok(match s.as_str() {
            "label" => Prefill::Label,
            "card" => Prefill::Card,
            "region" => Prefill::Region,
            "category" => Prefill::Category,
            "grade" => Prefill::Grade,
            "birth" => Prefill::Birth,
            "sex" => Prefill::Sex,
            other => match other.strip_prefix("fact:").and_then(Fact::from_key) {
                Some(f) => Prefill::Fact(f),
                None => {
                    return Err(format!(
                        "unknown prefill {other:?} (label, card, region, category, grade, birth, sex, fact:<name>)"
                    ));
                }
            },
        })
    }
}

impl From<Prefill> for String {
    fn from(p: Prefill) -> String {
        match p {
            Prefill::Label => "label".into(),
            Prefill::Card => "card".into(),
            Prefill::Region => "region".into(),
            Prefill::Category => "category".into(),
            Prefill::Grade => "grade".into(),
            Prefill::Birth => "birth".into(),
            Prefill::Sex => "sex".into(),
            Prefill::Fact(f) => format!("fact:{}", f.key()),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Field {
    /// Stable snake_case id (the CLI's `--field id=value`, the stored key).
    pub id: String,
    /// Fluent id of the label.
    pub label: String,
    /// Fluent id of the help text.
    #[serde(default)]
    pub help: Option<String>,
    #[serde(rename = "type")]
    pub ty: FieldType,
    #[serde(default)]
    pub required: bool,
    /// Text: fewest characters.
    #[serde(default)]
    pub min_len: Option<usize>,
    /// Text: most characters (never more than [`MAX_VALUE_CHARS`]).
    #[serde(default)]
    pub max_len: Option<usize>,
    /// Number: smallest value.
    #[serde(default)]
    pub min: Option<i64>,
    /// Number: largest value.
    #[serde(default)]
    pub max: Option<i64>,
    /// Choice: the values, in the order they are listed.
    #[serde(default)]
    pub choices: Vec<Choice>,
    #[serde(default)]
    pub prefill: Option<Prefill>,
}

/// One kind's form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Form {
    pub kind: Kind,
    /// Fluent id of the form's title.
    pub title: String,
    #[serde(rename = "field")]
    pub fields: Vec<Field>,
}

impl Form {
    pub fn field(&self, id: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.id == id)
    }
}

/// The form of `kind` among `forms`.
pub fn form_for(forms: &[Form], kind: Kind) -> Option<&Form> {
    forms.iter().find(|f| f.kind == kind)
}

fn line_of(text: &str, needle: &str) -> Option<usize> {
    text.find(needle)
        .map(|i| text[..i].matches('\n').count() + 1)
}

fn is_snake_id(s: &str) -> bool {
    !s.is_empty()
        && s.chars().next().is_some_and(|c| c.is_ascii_lowercase())
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

fn is_fluent_id(s: &str) -> bool {
    !s.is_empty()
        && s.chars().next().is_some_and(|c| c.is_ascii_lowercase())
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// The values a prefill can produce (for choice fields), `None` when free.
fn prefill_values(p: Prefill) -> Option<Vec<&'static str>> {
    match p {
        Prefill::Category => Some(CATEGORIES.iter().map(|(_, k, _)| *k).collect()),
        Prefill::Grade => Some(vec!["1", "2", "3", "4"]),
        Prefill::Sex => Some(vec!["male", "female"]),
        Prefill::Fact(f) => Some(f.values().to_vec()),
        Prefill::Label | Prefill::Card | Prefill::Region | Prefill::Birth => None,
    }
}

/// The field types a prefill fits.
fn prefill_fits(p: Prefill, ty: FieldType) -> bool {
    match p {
        Prefill::Label | Prefill::Region => ty == FieldType::Text,
        Prefill::Card => ty == FieldType::Card,
        Prefill::Birth => ty == FieldType::Date,
        Prefill::Category | Prefill::Grade | Prefill::Sex => ty == FieldType::Choice,
        Prefill::Fact(f) if f.values() == ["yes", "no"] => ty == FieldType::YesNo,
        Prefill::Fact(_) => ty == FieldType::Choice,
    }
}

/// Parse and check one form file: syntax, the file named after its kind,
/// ids, Fluent ids, validation that fits the type, prefills that fit.
/// Errors name the file, the line of the field's id and the field.
pub fn check_form(name: &str, text: &str) -> Result<Form, DataError> {
    let form: Form = super::dataset::parse_toml(name, text)?;
    let expected = format!("{FORMS_DIR}{}.toml", form.kind.key());
    if name != expected {
        return Err(DataError {
            file: name.to_string(),
            line: None,
            kind: DataErrorKind::FileName(expected),
        });
    }
    let bad = |field: &str, problem: String| DataError {
        file: name.to_string(),
        line: line_of(text, &format!("id = {field:?}")),
        kind: DataErrorKind::BadField {
            field: field.to_string(),
            problem,
        },
    };
    if !is_fluent_id(&form.title) {
        return Err(DataError {
            file: name.to_string(),
            line: line_of(text, "title"),
            kind: DataErrorKind::Empty(form.kind.key().to_string(), "title"),
        });
    }
    if form.fields.is_empty() {
        return Err(DataError {
            file: name.to_string(),
            line: None,
            kind: DataErrorKind::Empty(form.kind.key().to_string(), "field"),
        });
    }
    let mut ids = HashSet::new();
    for f in &form.fields {
        if !is_snake_id(&f.id) {
            return Err(bad(&f.id, "id must be snake_case ASCII".into()));
        }
        if !ids.insert(f.id.as_str()) {
            return Err(DataError {
                file: name.to_string(),
                line: line_of(text, &format!("id = {:?}", f.id)),
                kind: DataErrorKind::DuplicateId(f.id.clone()),
            });
        }
        for (what, id) in [("label", Some(&f.label)), ("help", f.help.as_ref())] {
            if let Some(id) = id
                && !is_fluent_id(id)
            {
                return Err(bad(
                    &f.id,
                    format!("{what} {id:?} is not a Fluent message id"),
                ));
            }
        }
        let text_only = f.min_len.is_some() || f.max_len.is_some();
        let number_only = f.min.is_some() || f.max.is_some();
        if text_only && f.ty != FieldType::Text {
            return Err(bad(&f.id, "min_len and max_len are for text fields".into()));
        }
        if number_only && f.ty != FieldType::Number {
            return Err(bad(&f.id, "min and max are for number fields".into()));
        }
        if let (Some(a), Some(b)) = (f.min_len, f.max_len)
            && a > b
        {
            return Err(bad(&f.id, format!("min_len {a} is more than max_len {b}")));
        }
        if f.max_len.is_some_and(|m| m > MAX_VALUE_CHARS || m == 0) {
            return Err(bad(
                &f.id,
                format!("max_len must be 1 to {MAX_VALUE_CHARS}"),
            ));
        }
        if let (Some(a), Some(b)) = (f.min, f.max)
            && a > b
        {
            return Err(bad(&f.id, format!("min {a} is more than max {b}")));
        }
        if f.ty == FieldType::Choice {
            if f.choices.is_empty() {
                return Err(bad(&f.id, "a choice field needs choices".into()));
            }
            let mut values = HashSet::new();
            for c in &f.choices {
                if !is_snake_id(&c.value) && !c.value.chars().all(|ch| ch.is_ascii_digit()) {
                    return Err(bad(
                        &f.id,
                        format!("choice value {:?} must be snake_case ASCII", c.value),
                    ));
                }
                if !values.insert(c.value.as_str()) {
                    return Err(bad(&f.id, format!("choice {:?} is listed twice", c.value)));
                }
                if !is_fluent_id(&c.label) {
                    return Err(bad(
                        &f.id,
                        format!("choice label {:?} is not a Fluent message id", c.label),
                    ));
                }
            }
        } else if !f.choices.is_empty() {
            return Err(bad(&f.id, "choices are for choice fields".into()));
        }
        if let Some(p) = f.prefill {
            if !prefill_fits(p, f.ty) {
                return Err(bad(
                    &f.id,
                    format!(
                        "prefill {} does not fit a {:?} field",
                        String::from(p),
                        f.ty
                    ),
                ));
            }
            if f.ty == FieldType::Choice
                && let Some(want) = prefill_values(p)
            {
                for v in want {
                    if !f.choices.iter().any(|c| c.value == v) {
                        return Err(bad(
                            &f.id,
                            format!(
                                "prefill {} can give {v:?}, which is not a choice",
                                String::from(p)
                            ),
                        ));
                    }
                }
            }
        }
    }
    Ok(form)
}

/// Every `forms/*.toml` of a data set, checked, in the order of [`Kind::ALL`].
/// A kind may have no form (a test data set); two files of one kind cannot
/// happen (the file is named after its kind).
pub fn load_forms(files: &[DataFile]) -> Result<Vec<Form>, DataError> {
    let mut forms = vec![];
    for (name, bytes) in files {
        let Some(rest) = name.strip_prefix(FORMS_DIR) else {
            continue;
        };
        if !rest.ends_with(".toml") {
            continue;
        }
        let text = std::str::from_utf8(bytes).map_err(|_| DataError {
            file: name.clone(),
            line: None,
            kind: DataErrorKind::NotUtf8,
        })?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        forms.push(check_form(name, text)?);
    }
    forms.sort_by_key(|f| f.kind);
    Ok(forms)
}

// ---------------------------------------------------------------------------
// Typed values
// ---------------------------------------------------------------------------

/// A field's stored values by field id. Stored values are normalised when
/// they were valid when typed, and kept as typed when not (a draft never
/// loses what was typed).
pub type Values = BTreeMap<String, String>;

/// What is wrong with a value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    #[error("required")]
    Required,
    #[error("not a field of this form")]
    UnknownField,
    #[error("shorter than {min} characters")]
    TooShort { min: usize },
    #[error("longer than {max} characters")]
    TooLong { max: usize },
    /// Control characters (line breaks, tabs, escapes) or invisible
    /// direction marks, which would change what a clerk or a screen reader
    /// sees.
    #[error("contains control or direction characters")]
    ControlCharacter,
    #[error("not a whole number")]
    NotANumber,
    #[error("less than {min}")]
    TooSmall { min: i64 },
    #[error("more than {max}")]
    TooLarge { max: i64 },
    #[error("not a date")]
    BadDate,
    #[error("not one of the choices")]
    NotAChoice,
    #[error("not yes or no")]
    NotYesNo,
    #[error("card number: {0}")]
    Card(CardError),
    #[error("phone number: {0}")]
    Phone(PhoneError),
}

/// A problem with one field of a form.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {problem}")]
pub struct FieldError {
    pub field: String,
    pub problem: Problem,
}

/// Full-width digits and ASCII-like punctuation to ASCII.
fn half_width(c: char) -> char {
    match c {
        '０'..='９' => {
            char::from_u32(u32::from(c) - u32::from('０') + u32::from('0')).unwrap_or(c)
        }
        '－' | '‐' | '‑' | '‒' | '–' | '—' | '―' => '-',
        '／' => '/',
        '．' | '。' => '.',
        '＋' => '+',
        '（' => '(',
        '）' => ')',
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// Characters that must not reach a terminal, a screen reader or a clerk's
/// printout as they are: control characters (escape sequences, line
/// breaks) and bidirectional formatting marks.
pub fn is_unsafe_char(c: char) -> bool {
    c.is_control() || is_direction_mark(c)
}

/// Bidirectional formatting characters: invisible, they reorder what is
/// shown (a number can be made to read backwards).
fn is_direction_mark(c: char) -> bool {
    matches!(
        c,
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

/// A date typed in any common form: `2025-03-01`, `2025-3-1`, `2025/3/1`,
/// `2025.3.1`, `2025年3月1日` (or `号`), `20250301`, with full-width digits
/// and spaces. Years 1900 to 2200; a real date or `None`.
pub fn parse_date(s: &str) -> Option<Date> {
    if s.chars().count() > MAX_CODE_CHARS {
        return None;
    }
    let t: String = s.chars().map(half_width).collect();
    let t = t.trim();
    let t = t
        .strip_suffix('日')
        .or_else(|| t.strip_suffix('号'))
        .or_else(|| t.strip_suffix('號'))
        .unwrap_or(t)
        .trim_end();
    let (y, m, d) = if t.len() == 8 && t.bytes().all(|b| b.is_ascii_digit()) {
        let n = |r: std::ops::Range<usize>| t.get(r).and_then(|x| x.parse::<u32>().ok());
        (n(0..4)?, n(4..6)?, n(6..8)?)
    } else {
        // Three runs of digits; between them one separator, the same one
        // twice (or 年 then 月), spaces allowed around it.
        let mut runs: Vec<&str> = vec![];
        let mut seps: Vec<String> = vec![];
        let mut rest = t;
        while !rest.is_empty() {
            let digits_end = rest
                .char_indices()
                .find(|(_, c)| !c.is_ascii_digit())
                .map_or(rest.len(), |(i, _)| i);
            if digits_end == 0 {
                return None;
            }
            runs.push(&rest[..digits_end]);
            rest = &rest[digits_end..];
            if rest.is_empty() {
                break;
            }
            let sep_end = rest
                .char_indices()
                .find(|(_, c)| c.is_ascii_digit())
                .map_or(rest.len(), |(i, _)| i);
            seps.push(rest[..sep_end].trim().to_string());
            rest = &rest[sep_end..];
        }
        if runs.len() != 3 || seps.len() != 2 {
            return None;
        }
        let ok_seps = (seps[0] == seps[1] && ["-", "/", "."].contains(&seps[0].as_str()))
            || (seps[0] == "年" && seps[1] == "月");
        if !ok_seps || runs[0].len() != 4 || runs[1].len() > 2 || runs[2].len() > 2 {
            return None;
        }
        (
            runs[0].parse().ok()?,
            runs[1].parse().ok()?,
            runs[2].parse().ok()?,
        )
    };
    if !(1900..=2200).contains(&y) {
        return None;
    }
    Date::new(i32::try_from(y).ok()?, m, d)
}

/// A Chinese phone number, normalised.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Phone {
    /// 11 digits, `1[3-9]…`.
    Mobile(String),
    /// Area code with its leading 0 (`010`, `020`–`029`, or four digits
    /// like `0851`) and a local number of 7 or 8 digits.
    Landline { area: String, number: String },
}

impl Phone {
    /// `13812345678` or `0851-12345678`: what is stored.
    pub fn normalised(&self) -> String {
        match self {
            Phone::Mobile(d) => d.clone(),
            Phone::Landline { area, number } => format!("{area}-{number}"),
        }
    }
}

impl fmt::Display for Phone {
    /// The masked form: never the whole number.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&masked(&self.normalised()))
    }
}

/// Why a phone number was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PhoneError {
    #[error("empty")]
    Empty,
    /// A character that is neither a digit nor a separator.
    #[error("{found:?} is not a digit")]
    NotADigit { found: char },
    /// `+` followed by a country code other than 86.
    #[error("not a Chinese number (+86)")]
    CountryCode,
    /// A mobile number is 11 digits.
    #[error("a mobile number has 11 digits, found {digits}")]
    MobileLength { digits: usize },
    /// Mobile numbers begin 13 to 19.
    #[error("a mobile number begins 13 to 19")]
    MobilePrefix,
    #[error("not an area code")]
    AreaCode,
    /// The local part of a landline is 7 or 8 digits.
    #[error("a landline number has 7 or 8 digits after the area code, found {digits}")]
    LocalLength { digits: usize },
    /// Local numbers do not begin with 0 (that would be another area code).
    #[error("the local number cannot begin with 0")]
    LocalPrefix,
    /// 7 or 8 digits with no area code.
    #[error("no area code")]
    NoAreaCode,
}

/// A phone number as people write it: spaces, dashes, dots and brackets
/// anywhere; `+86`, `0086` or `86` before a mobile number; `+86 851 …` for a
/// landline (the 0 of the area code dropped); full-width digits.
pub fn parse_phone(input: &str) -> Result<Phone, PhoneError> {
    let mut digits = String::new();
    let mut plus = false;
    for (i, c) in input.chars().enumerate() {
        if i >= MAX_CODE_CHARS {
            return Err(PhoneError::MobileLength {
                digits: digits.len(),
            });
        }
        let c = half_width(c);
        if c.is_ascii_digit() {
            digits.push(c);
        } else if c.is_whitespace() || matches!(c, '-' | '.' | '(' | ')') {
            continue;
        } else if c == '+' && digits.is_empty() && !plus {
            plus = true;
        } else {
            return Err(PhoneError::NotADigit { found: c });
        }
    }
    if digits.is_empty() {
        return Err(PhoneError::Empty);
    }
    let mut international = false;
    if plus {
        match digits.strip_prefix("86") {
            Some(rest) => digits = rest.to_string(),
            None => return Err(PhoneError::CountryCode),
        }
        international = true;
    } else if let Some(rest) = digits.strip_prefix("0086") {
        digits = rest.to_string();
        international = true;
    } else if digits.len() == 13 && digits.starts_with("861") {
        digits = digits[2..].to_string();
        international = true;
    }
    // Abroad, a landline drops the 0 of its area code: +86 851 …, and
    // Beijing's +86 10 … (mobile numbers begin 13 to 19, never 10).
    if international
        && !digits.is_empty()
        && !digits.starts_with('0')
        && (!digits.starts_with('1') || digits.starts_with("10"))
    {
        digits.insert(0, '0');
    }
    let b = digits.as_bytes();
    match b.first() {
        None => Err(PhoneError::Empty),
        Some(b'1') => {
            if b.len() != 11 {
                return Err(PhoneError::MobileLength { digits: b.len() });
            }
            if !(b'3'..=b'9').contains(&b[1]) {
                return Err(PhoneError::MobilePrefix);
            }
            Ok(Phone::Mobile(digits))
        }
        Some(b'0') => {
            let area_len = match b.get(1) {
                Some(b'1') if b.get(2) == Some(&b'0') => 3,
                Some(b'2') => 3,
                Some(b'3'..=b'9') => 4,
                _ => return Err(PhoneError::AreaCode),
            };
            if b.len() < area_len {
                return Err(PhoneError::AreaCode);
            }
            let (area, number) = digits.split_at(area_len);
            if !(7..=8).contains(&number.len()) {
                return Err(PhoneError::LocalLength {
                    digits: number.len(),
                });
            }
            if number.starts_with('0') {
                return Err(PhoneError::LocalPrefix);
            }
            Ok(Phone::Landline {
                area: area.to_string(),
                number: number.to_string(),
            })
        }
        Some(_) if (7..=8).contains(&b.len()) => Err(PhoneError::NoAreaCode),
        Some(_) => Err(PhoneError::MobileLength { digits: b.len() }),
    }
}

/// The last four letters or digits of a value (`3611` of a card number,
/// `5678` of `0851-12345678`); fewer when the value has fewer.
pub fn last_four(value: &str) -> String {
    let alnum: Vec<char> = value
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect();
    alnum[alnum.len().saturating_sub(4)..].iter().collect()
}

/// `*` for every character but the last four letters or digits
/// (`****************3611`, `****-****5678`); separators stay.
pub fn masked(value: &str) -> String {
    let total = value.chars().filter(|c| c.is_ascii_alphanumeric()).count();
    let mut seen = 0;
    value
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                seen += 1;
                if seen + 4 <= total { '*' } else { c }
            } else if c == '-' {
                c
            } else {
                '*'
            }
        })
        .collect()
}

/// The value as stored from what was typed into `field`, or why it cannot
/// be. Empty (after trimming) is `Ok("")` here: whether it is required is
/// [`validate`]'s business. Normalising a stored value gives it back.
pub fn normalise(field: &Field, raw: &str, today: &Date) -> Result<String, Problem> {
    if raw.chars().count() > MAX_VALUE_CHARS {
        return Err(Problem::TooLong {
            max: field
                .max_len
                .unwrap_or(MAX_VALUE_CHARS)
                .min(MAX_VALUE_CHARS),
        });
    }
    let t = raw.trim();
    if t.is_empty() {
        return Ok(String::new());
    }
    if t.chars().any(is_unsafe_char) {
        return Err(Problem::ControlCharacter);
    }
    let code_len = |t: &str| -> Result<(), Problem> {
        if t.chars().count() > MAX_CODE_CHARS {
            Err(Problem::TooLong {
                max: MAX_CODE_CHARS,
            })
        } else {
            Ok(())
        }
    };
    match field.ty {
        FieldType::Text => {
            let n = t.chars().count();
            if let Some(min) = field.min_len
                && n < min
            {
                return Err(Problem::TooShort { min });
            }
            let max = field.max_len.unwrap_or(MAX_VALUE_CHARS);
            if n > max {
                return Err(Problem::TooLong { max });
            }
            Ok(t.to_string())
        }
        FieldType::Number => {
            code_len(t)?;
            let s: String = t.chars().map(half_width).filter(|c| *c != ',').collect();
            let s = s.trim();
            let (neg, digits) = match s.strip_prefix('-') {
                Some(rest) => (true, rest),
                None => (false, s.strip_prefix('+').unwrap_or(s)),
            };
            if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return Err(Problem::NotANumber);
            }
            let magnitude: i64 = match digits.parse() {
                Ok(v) => v,
                // Too many digits for any form's number.
                Err(_) if neg => {
                    return Err(Problem::TooSmall {
                        min: field.min.unwrap_or(i64::MIN),
                    });
                }
                Err(_) => {
                    return Err(Problem::TooLarge {
                        max: field.max.unwrap_or(i64::MAX),
                    });
                }
            };
            let v = if neg { -magnitude } else { magnitude };
            if let Some(min) = field.min
                && v < min
            {
                return Err(Problem::TooSmall { min });
            }
            if let Some(max) = field.max
                && v > max
            {
                return Err(Problem::TooLarge { max });
            }
            Ok(v.to_string())
        }
        FieldType::Date => {
            code_len(t)?;
            parse_date(t).map(|d| d.to_iso()).ok_or(Problem::BadDate)
        }
        FieldType::Choice => {
            let lower = t.to_ascii_lowercase().replace('-', "_");
            if let Some(c) = field.choices.iter().find(|c| c.value == lower) {
                return Ok(c.value.clone());
            }
            // A number from a numbered list (1-based), full-width too.
            let n: String = t.chars().map(half_width).collect();
            match n.parse::<usize>() {
                Ok(i) if i >= 1 && i <= field.choices.len() => {
                    Ok(field.choices[i - 1].value.clone())
                }
                _ => Err(Problem::NotAChoice),
            }
        }
        FieldType::YesNo => {
            let lower = t.to_lowercase();
            match lower.as_str() {
                "yes" | "y" | "true" | "1" | "是" | "有" | "对" | "對" => Ok("yes".into()),
                "no" | "n" | "false" | "0" | "否" | "不是" | "没有" | "沒有" | "无" | "無" => {
                    Ok("no".into())
                }
                _ => Err(Problem::NotYesNo),
            }
        }
        FieldType::Card => {
            code_len(t)?;
            CardNumber::parse(t, today)
                .map(|(c, _)| c.reveal())
                .map_err(Problem::Card)
        }
        FieldType::Phone => {
            code_len(t)?;
            parse_phone(t)
                .map(|p| p.normalised())
                .map_err(Problem::Phone)
        }
    }
}

/// Every problem of `values` for `form`, in the form's order (unknown
/// fields last): required fields that are empty, values that do not
/// normalise. Never panics, whatever the values hold.
pub fn validate(form: &Form, values: &Values, today: &Date) -> Vec<FieldError> {
    let mut out = vec![];
    for f in &form.fields {
        let v = values.get(&f.id).map_or("", String::as_str);
        match normalise(f, v, today) {
            Ok(n) if n.is_empty() && f.required => out.push(FieldError {
                field: f.id.clone(),
                problem: Problem::Required,
            }),
            Ok(_) => {}
            Err(problem) => out.push(FieldError {
                field: f.id.clone(),
                problem,
            }),
        }
    }
    for k in values.keys() {
        if form.field(k).is_none() {
            out.push(FieldError {
                field: k.clone(),
                problem: Problem::UnknownField,
            });
        }
    }
    out
}

/// The value to store for what was typed: normalised when valid, as typed
/// (trimmed, cut at [`MAX_VALUE_CHARS`]) when not, so nothing typed is lost
/// and the problem can be shown.
pub fn stored_value(field: &Field, raw: &str, today: &Date) -> (String, Option<Problem>) {
    match normalise(field, raw, today) {
        Ok(v) => (v, None),
        Err(p) => (raw.trim().chars().take(MAX_VALUE_CHARS).collect(), Some(p)),
    }
}

/// First values from a saved profile, for the fields that name a prefill
/// and have none in `values`. `region_name` gives a region's name from its
/// id (`None` for "elsewhere" or an unknown id: left empty).
pub fn prefill(
    form: &Form,
    profile: &StoredProfile,
    region_name: &dyn Fn(&str) -> Option<String>,
    today: &Date,
) -> Values {
    let card = CardNumber::parse(&profile.card, today).ok().map(|(c, _)| c);
    let mut out = Values::new();
    for f in &form.fields {
        let Some(p) = f.prefill else { continue };
        let v: Option<String> = match p {
            Prefill::Label => Some(profile.label.trim().to_string()),
            Prefill::Card => card.as_ref().map(CardNumber::reveal),
            Prefill::Region => profile.region.as_deref().and_then(region_name),
            Prefill::Category => profile
                .category
                .or(card.as_ref().map(CardNumber::category))
                .map(|c| c.key().to_string()),
            Prefill::Grade => profile
                .grade
                .or(card.as_ref().map(CardNumber::grade))
                .map(|g| g.digit().to_string()),
            Prefill::Birth => parse_date(&profile.birth)
                .or(card.as_ref().map(CardNumber::birth_date))
                .map(|d| d.to_iso()),
            Prefill::Sex => profile
                .sex
                .or(card.as_ref().map(CardNumber::sex))
                .map(|s| match s {
                    super::card::Sex::Male => "male".to_string(),
                    super::card::Sex::Female => "female".to_string(),
                }),
            Prefill::Fact(fact) => profile
                .facts
                .get(&fact)
                .filter(|v| fact.values().contains(&v.as_str()))
                .cloned(),
        };
        if let Some(v) = v.filter(|v| !v.is_empty())
            && normalise(f, &v, today).is_ok()
        {
            out.insert(f.id.clone(), v);
        }
    }
    out
}

// ---------------------------------------------------------------------------
// Documents to bring
// ---------------------------------------------------------------------------

/// A document to bring, with the citation that says so.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Document {
    pub what: String,
    pub citation: Citation,
}

/// What [`documents_for`] looks in. Built with `..Default::default()` so a
/// new source (the massage path's steps) is a new field, not a new argument.
#[derive(Debug, Clone, Copy, Default)]
pub struct DocumentSources<'a> {
    pub rules: &'a [Rule],
    /// The massage paths: a step's `bring`, cited by the step.
    pub paths: &'a [crate::domain::paths::MassagePath],
}

/// The documents to bring for an application to `target`: an entitlement's
/// (or a training place's, when its target is a rule id) `bring` list with
/// the rule's citation. Jobs and the "四个一" registrations name none in
/// the data. The massage exam and certificate get theirs from the massage
/// path's steps, which are not in [`DocumentSources`] yet: none for now.
pub fn documents_for(kind: Kind, target: &str, src: &DocumentSources<'_>) -> Vec<Document> {
    let from_rule = || -> Vec<Document> {
        src.rules
            .iter()
            .find(|r| r.spec.id == target)
            .map(|r| {
                r.spec
                    .bring
                    .iter()
                    .map(|what| Document {
                        what: what.clone(),
                        citation: r.spec.citation.clone(),
                    })
                    .collect()
            })
            .unwrap_or_default()
    };
    match kind {
        Kind::Entitlement => from_rule(),
        // A training place names a rule, or a step of the health-care path.
        Kind::Training | Kind::MassageExam | Kind::MassageCertificate => {
            let from_step: Vec<Document> = src
                .paths
                .iter()
                .find_map(|p| p.step(target))
                .map(|s| {
                    s.spec
                        .bring
                        .iter()
                        .filter_map(|what| {
                            Some(Document {
                                what: what.clone(),
                                citation: s.spec.citations.first()?.clone(),
                            })
                        })
                        .collect()
                })
                .unwrap_or_default();
            if from_step.is_empty() && kind == Kind::Training {
                from_rule()
            } else {
                from_step
            }
        }
        Kind::Job | Kind::FourOneBasicInfo | Kind::FourOneAssessment | Kind::FourOneNeeds => {
            vec![]
        }
    }
}

#[cfg(test)]
mod tests;
