//! The disability card number (残疾人证号) and the citizen ID (公民身份号码)
//! inside it, as a person or a service-centre worker types them; the
//! disability written on it; and the working-age bounds that follow from the
//! birth date in it.
//!
//! Source: `national-rules.md` §3 (card number: 18-digit citizen ID, then one
//! category digit and one grade digit; GB 11643-1999 check digit) and §5
//! (working age). The card format is **\[reprint\]**, the check digit **\[text\]**;
//! the numbers of reissued cards are a **\[gap\]**, so longer numbers are kept
//! and warned about, never refused.
//!
//! These numbers are personal data. `Display` and `Debug` of [`CitizenId`] and
//! [`CardNumber`] print only the masked form, and the errors' `Display` and
//! `Debug` leave out the digits of a birth date, so nothing leaks into logs or
//! panic messages. [`CardNumber::reveal`] is the one way to the full number
//! (the explicit "show card" option).

use std::fmt;

use serde::{Deserialize, Serialize};

use super::jobs::{CATEGORIES, Category};

// ---------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------

/// A calendar date (proleptic Gregorian). Fields are public so forms and
/// tests can build one; [`Date::new`] and [`Date::parse`] only give real
/// dates. Ordering is chronological (year, then month, then day).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

/// Leap years of the Gregorian calendar.
pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days in `month` of `year`; 0 for a month outside 1..=12.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// A real date, or `None` (month 13, 30 February, day 0 …).
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        let d = Date { year, month, day };
        d.is_valid().then_some(d)
    }

    /// Whether the public fields make a real date.
    pub fn is_valid(&self) -> bool {
        (1..=12).contains(&self.month)
            && self.day >= 1
            && self.day <= days_in_month(self.year, self.month)
    }

    /// Exactly `YYYY-MM-DD` (surrounding spaces ignored), a real date.
    /// Anything else is `None`: dates come from our own forms and storage,
    /// so one strict format is enough.
    pub fn parse(s: &str) -> Option<Date> {
        let b = s.trim().as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let year = digits_value(&b[0..4])?;
        let month = digits_value(&b[5..7])?;
        let day = digits_value(&b[8..10])?;
        Date::new(i32::try_from(year).ok()?, month, day)
    }

    /// `YYYYMMDD`, as in digits 7–14 of a citizen ID.
    fn from_compact(b: &[u8]) -> Option<Date> {
        if b.len() != 8 {
            return None;
        }
        let year = digits_value(&b[0..4])?;
        let month = digits_value(&b[4..6])?;
        let day = digits_value(&b[6..8])?;
        Date::new(i32::try_from(year).ok()?, month, day)
    }

    /// `YYYY-MM-DD`.
    pub fn to_iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// This date's anniversary in `year`. Someone born on 29 February has
    /// it on 1 March in common years: they have not yet had their birthday
    /// on 28 February (the day they were born has not come round), and have
    /// had it by 1 March. This is the choice for [`age_on`].
    fn anniversary_in(&self, year: i32) -> Date {
        if self.month == 2 && self.day == 29 && !is_leap_year(year) {
            Date {
                year,
                month: 3,
                day: 1,
            }
        } else {
            Date {
                year,
                month: self.month,
                day: self.day,
            }
        }
    }

    /// The same day of the month `months` months later, clamped to the last
    /// day of the target month (31 January + 1 month = 28/29 February).
    /// Used for retirement, which the official schedule counts in months.
    fn plus_months(&self, months: u32) -> Date {
        let index = i64::from(self.year) * 12 + i64::from(self.month) - 1 + i64::from(months);
        let year = i32::try_from(index.div_euclid(12)).unwrap_or(i32::MAX);
        let month = u32::try_from(index.rem_euclid(12)).unwrap_or(0) + 1;
        Date {
            year,
            month,
            day: self.day.min(days_in_month(year, month)),
        }
    }

    /// Months since year 0, for comparing birth months with thresholds.
    fn month_index(&self) -> i64 {
        i64::from(self.year) * 12 + i64::from(self.month) - 1
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_iso())
    }
}

/// The value of a run of ASCII digits; `None` if any byte is not one.
fn digits_value(b: &[u8]) -> Option<u32> {
    b.iter().try_fold(0u32, |acc, &c| {
        c.is_ascii_digit()
            .then(|| acc.saturating_mul(10).saturating_add(u32::from(c - b'0')))
    })
}

/// Age in full years (周岁) on `on`: it goes up on the birthday itself
/// (29 February birthdays count on 1 March in common years: the day they
/// were born has not come round on 28 February). 0 when `on` is before
/// `birth`.
pub fn age_on(birth: &Date, on: &Date) -> u32 {
    if on < birth {
        return 0;
    }
    let years = on.year - birth.year;
    let full = if *on < birth.anniversary_in(on.year) {
        years - 1
    } else {
        years
    };
    u32::try_from(full).unwrap_or(0)
}

// ---------------------------------------------------------------------------
// Sex, provinces
// ---------------------------------------------------------------------------

/// Sex as recorded in the citizen ID (digit 17: odd male, even female).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sex {
    Male,
    Female,
}

/// Province-level codes (first two digits of the address code, GB/T 2260)
/// and short names: the 31 mainland provinces, then 71 台湾, 81 香港 and
/// 82 澳门, which the standard lists and which may appear.
pub const PROVINCES: &[(u8, &str)] = &[
    (11, "北京"),
    (12, "天津"),
    (13, "河北"),
    (14, "山西"),
    (15, "内蒙古"),
    (21, "辽宁"),
    (22, "吉林"),
    (23, "黑龙江"),
    (31, "上海"),
    (32, "江苏"),
    (33, "浙江"),
    (34, "安徽"),
    (35, "福建"),
    (36, "江西"),
    (37, "山东"),
    (41, "河南"),
    (42, "湖北"),
    (43, "湖南"),
    (44, "广东"),
    (45, "广西"),
    (46, "海南"),
    (50, "重庆"),
    (51, "四川"),
    (52, "贵州"),
    (53, "云南"),
    (54, "西藏"),
    (61, "陕西"),
    (62, "甘肃"),
    (63, "青海"),
    (64, "宁夏"),
    (65, "新疆"),
    (71, "台湾"),
    (81, "香港"),
    (82, "澳门"),
];

/// Short name of a province-level code, `None` if not in [`PROVINCES`].
pub fn province_name(code: u8) -> Option<&'static str> {
    PROVINCES
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, name)| *name)
}

// ---------------------------------------------------------------------------
// Category and grade
// ---------------------------------------------------------------------------

// `Category` lives in `jobs` (postings name the categories they suit); the
// card adds its digit mapping here rather than defining a second enum.
impl Category {
    /// The category of a card digit 1 视力 … 7 多重.
    pub fn from_digit(digit: u8) -> Option<Category> {
        let i = usize::from(digit.checked_sub(1)?);
        CATEGORIES.get(i).map(|(c, _, _)| *c)
    }
}

/// Disability grade, 一级 (most severe) to 四级 (least severe).
///
/// Serialised as the snake_case words `"one"` … `"four"`, like
/// [`Category`]'s keys: a bare number in stored data would be easy to
/// confuse with a category digit. Ordering follows the digit, so
/// `One < Four` means "more severe sorts first".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Grade {
    One = 1,
    Two,
    Three,
    Four,
}

/// The words accepted for each grade in forms: the key, then the written forms.
pub const GRADES: &[(Grade, &str, &[&str])] = &[
    (
        Grade::One,
        "one",
        &["1", "一", "一级", "一級", "1级", "1級"],
    ),
    (
        Grade::Two,
        "two",
        &["2", "二", "二级", "二級", "2级", "2級"],
    ),
    (
        Grade::Three,
        "three",
        &["3", "三", "三级", "三級", "3级", "3級"],
    ),
    (
        Grade::Four,
        "four",
        &["4", "四", "四级", "四級", "4级", "4級"],
    ),
];

impl Grade {
    pub const ALL: [Grade; 4] = [Grade::One, Grade::Two, Grade::Three, Grade::Four];

    /// The grade of a card digit 1–4.
    pub fn from_digit(digit: u8) -> Option<Grade> {
        Self::ALL.into_iter().find(|g| g.digit() == digit)
    }

    /// The digit on the card.
    pub fn digit(self) -> u8 {
        self as u8
    }

    /// The stored key, `"one"` … `"four"`.
    pub fn key(self) -> &'static str {
        GRADES
            .iter()
            .find(|(g, _, _)| *g == self)
            .map_or("", |(_, k, _)| k)
    }

    /// A grade as typed in a form: `一级`/`一級`/`一`/`1级`/`1`/`one` …;
    /// full-width digits are accepted.
    pub fn parse(s: &str) -> Option<Grade> {
        let s: String = s.trim().chars().map(normalise_char).collect();
        GRADES
            .iter()
            .find(|(_, k, names)| k.eq_ignore_ascii_case(&s) || names.contains(&s.as_str()))
            .map(|(g, _, _)| *g)
    }
}

/// A category and grade: what the card says, or what a person without the
/// card at hand tells us.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Disability {
    pub category: Category,
    pub grade: Grade,
}

impl Disability {
    /// A form's one-line answer such as `视力一级`, `视力残疾 二级`,
    /// `一级视力`, `肢體三級` or `visual one`. The grade may come first only
    /// when written with 级/級, so `15` is not read as "5, grade 1".
    pub fn parse(s: &str) -> Option<Disability> {
        let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
        for (i, _) in s.char_indices().skip(1) {
            let (a, b) = s.split_at(i);
            if let (Some(category), Some(grade)) = (category_word(a), Grade::parse(b)) {
                return Some(Disability { category, grade });
            }
            if a.ends_with(['级', '級'])
                && let (Some(grade), Some(category)) = (Grade::parse(a), category_word(b))
            {
                return Some(Disability { category, grade });
            }
        }
        None
    }
}

/// A category word, with an optional 残疾/殘疾 after it (`视力残疾`).
fn category_word(s: &str) -> Option<Category> {
    let s = s
        .strip_suffix("残疾")
        .or_else(|| s.strip_suffix("殘疾"))
        .unwrap_or(s);
    Category::parse(s)
}

// ---------------------------------------------------------------------------
// Errors and warnings
// ---------------------------------------------------------------------------

/// Why a typed number was refused. Positions are 1-based and count the
/// characters of the number after spaces and hyphens are removed, so the UI
/// can say "第18位". `found` characters are given after normalising
/// (full-width to ASCII, `x` to `X`).
///
/// Checks run in this order, so the first error is the most telling one:
/// length; a non-digit anywhere; the region code; the birth date (a real
/// date, then not in the future and not over 130 years ago); the check digit
/// (a typo in the date also breaks the checksum, but "not a real date"
/// points at the right digits); then category and grade.
#[derive(Clone, PartialEq, Eq, thiserror::Error)]
pub enum CardError {
    /// Fewer characters than the number needs (20 for a card, 18 for an ID).
    #[error("too short: {len} characters")]
    TooShort { len: usize },
    /// More than 18 characters where only a citizen ID is expected (a card
    /// number may be longer: see [`CardWarning::LongerThanUsual`]).
    #[error("too long for a citizen ID: {len} characters")]
    TooLong { len: usize },
    #[error("position {position}: {found:?} is not a digit")]
    NotADigit { position: usize, found: char },
    #[error("position {position}: check digit should be {expected}, found {found}")]
    BadCheckDigit {
        position: usize,
        expected: char,
        found: char,
    },
    /// Digits 7–14 are not a real date (month 13, 30 February …).
    #[error("positions {}-{}: not a real birth date", positions.0, positions.1)]
    BadBirthDate {
        positions: (usize, usize),
        found: String,
    },
    #[error("birth date is after today")]
    BirthInFuture,
    /// Over 130 years old today.
    #[error("implausible age {age}")]
    ImplausibleAge { age: u32 },
    /// Digit 19 is not a category 1–7.
    #[error("position {position}: category {found:?} is not 1-7")]
    BadCategory { position: usize, found: char },
    /// Digit 20 is not a grade 1–4.
    #[error("position {position}: grade {found:?} is not 1-4")]
    BadGrade { position: usize, found: char },
    /// The first two digits are not in [`PROVINCES`].
    #[error("unknown region code {code:02}")]
    UnknownRegion { code: u8 },
}

// By hand so that the digits of a birth date never reach a log or a panic
// message through `{:?}`.
impl fmt::Debug for CardError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CardError::BadBirthDate { positions, found } => f
                .debug_struct("BadBirthDate")
                .field("positions", positions)
                .field(
                    "found",
                    &format_args!("<{} characters>", found.chars().count()),
                )
                .finish(),
            other => write!(f, "CardError({other})"),
        }
    }
}

/// Something to tell the person about a number that was accepted.
#[derive(Clone, PartialEq, Eq, thiserror::Error)]
pub enum CardWarning {
    /// Longer than the 20 digits of a first card: probably a replaced or
    /// reissued card, whose format no national rule we have describes. The
    /// first 20 digits were read; `extra` (the digits after them) is kept.
    #[error("card number longer than usual: {len} characters")]
    LongerThanUsual { len: usize, extra: String },
}

impl fmt::Debug for CardWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CardWarning::LongerThanUsual { len, extra } => f
                .debug_struct("LongerThanUsual")
                .field("len", len)
                .field("extra", &format_args!("<{} digits>", extra.len()))
                .finish(),
        }
    }
}

// ---------------------------------------------------------------------------
// Citizen ID
// ---------------------------------------------------------------------------

/// GB 11643-1999 weights of the first 17 digits (ISO 7064 MOD 11-2).
const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/// Check character for each remainder 0..=10 of the weighted sum mod 11.
const CHECK_CHARS: [char; 11] = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];

/// The check character (`0`–`9` or `X`) of the first 17 digits of a
/// citizen ID (GB 11643-1999, ISO 7064 MOD 11-2). Takes ASCII digits
/// (`*b"11010519491231002"`) or digit values 0–9; any other byte gives an
/// unspecified character, never a panic (callers check digits first).
pub fn check_digit(first17: &[u8; 17]) -> char {
    let sum: u32 = first17
        .iter()
        .zip(WEIGHTS)
        .map(|(&b, w)| {
            let d = if b >= b'0' { b - b'0' } else { b };
            u32::from(d) * w
        })
        .sum();
    CHECK_CHARS[(sum % 11) as usize]
}

/// An 18-character citizen ID (公民身份号码) that passed every check:
/// digits, known province code, real birth date, check digit. Stored in
/// canonical form (ASCII, upper-case `X`).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct CitizenId([u8; 18]);

impl CitizenId {
    /// Parse a typed ID: spaces and hyphens are ignored, full-width digits
    /// and `x`/`ｘ`/`Ｘ` accepted. `today` rules out births in the future
    /// and ages over 130 (the form is filled in by a living person).
    pub fn parse(input: &str, today: &Date) -> Result<CitizenId, CardError> {
        let chars = clean(input);
        if chars.len() < 18 {
            return Err(CardError::TooShort { len: chars.len() });
        }
        if chars.len() > 18 {
            return Err(CardError::TooLong { len: chars.len() });
        }
        let bytes = ascii_digits(&chars)?;
        CitizenId::from_checked_digits(&bytes, today)
    }

    /// The checks after "all digits" (region, birth date, age, checksum);
    /// `bytes` holds at least 18 ASCII digits (`X` only at 18).
    fn from_checked_digits(bytes: &[u8], today: &Date) -> Result<CitizenId, CardError> {
        let mut id = [0u8; 18];
        let Some(first18) = bytes.get(..18) else {
            return Err(CardError::TooShort { len: bytes.len() });
        };
        id.copy_from_slice(first18);
        let code = (id[0] - b'0') * 10 + (id[1] - b'0');
        if province_name(code).is_none() {
            return Err(CardError::UnknownRegion { code });
        }
        let Some(birth) = Date::from_compact(&id[6..14]) else {
            return Err(CardError::BadBirthDate {
                positions: (7, 14),
                found: id[6..14].iter().map(|&b| char::from(b)).collect(),
            });
        };
        if birth > *today {
            return Err(CardError::BirthInFuture);
        }
        let age = age_on(&birth, today);
        if age > 130 {
            return Err(CardError::ImplausibleAge { age });
        }
        let mut first17 = [0u8; 17];
        first17.copy_from_slice(&id[..17]);
        let expected = check_digit(&first17);
        let found = char::from(id[17]);
        if found != expected {
            return Err(CardError::BadCheckDigit {
                position: 18,
                expected,
                found,
            });
        }
        Ok(CitizenId(id))
    }

    /// Digits 7–14. Always a real date: checked when parsed.
    pub fn birth_date(&self) -> Date {
        Date::from_compact(&self.0[6..14]).unwrap_or(Date {
            year: 0,
            month: 1,
            day: 1,
        })
    }

    /// Digit 17: odd male, even female.
    pub fn sex(&self) -> Sex {
        if (self.0[16] - b'0') % 2 == 1 {
            Sex::Male
        } else {
            Sex::Female
        }
    }

    /// First two digits: the province-level region.
    pub fn province_code(&self) -> u8 {
        (self.0[0] - b'0') * 10 + (self.0[1] - b'0')
    }

    /// Short name of the province (北京, 新疆, 香港 …). Never empty: the code
    /// was checked against [`PROVINCES`] when parsed.
    pub fn province_name(&self) -> &'static str {
        province_name(self.province_code()).unwrap_or("")
    }

    /// Age in full years on `on` (see [`age_on`]).
    pub fn age_on(&self, on: &Date) -> u32 {
        age_on(&self.birth_date(), on)
    }

    /// The last four characters (the UI says "尾号0012").
    pub fn last_four(&self) -> String {
        self.0[14..].iter().map(|&b| char::from(b)).collect()
    }

    /// `**************002X`: same length, only the last four shown.
    pub fn masked(&self) -> String {
        mask(&self.reveal())
    }

    /// The full ID, for the explicit "show" option only.
    pub fn reveal(&self) -> String {
        self.0.iter().map(|&b| char::from(b)).collect()
    }
}

impl fmt::Display for CitizenId {
    /// The masked form, never the full number.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.masked())
    }
}

impl fmt::Debug for CitizenId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("CitizenId").field(&self.masked()).finish()
    }
}

// ---------------------------------------------------------------------------
// Card number
// ---------------------------------------------------------------------------

/// A disability card number: the citizen ID, category digit, grade digit,
/// and on replaced or reissued cards whatever digits follow (kept as typed).
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct CardNumber {
    id: CitizenId,
    category: Category,
    grade: Grade,
    /// Digits after the 20th on reissued cards.
    extra: Option<String>,
}

impl CardNumber {
    /// Parse a typed card number. Spaces and hyphens are ignored; full-width
    /// digits and `x`/`ｘ`/`Ｘ` are accepted. Numbers longer than 20 are read
    /// by their first 20 characters and come with
    /// [`CardWarning::LongerThanUsual`]; the characters after the 20th must
    /// still be digits. See [`CardError`] for the order of the checks.
    pub fn parse(input: &str, today: &Date) -> Result<(CardNumber, Vec<CardWarning>), CardError> {
        let chars = clean(input);
        let len = chars.len();
        if len < 20 {
            return Err(CardError::TooShort { len });
        }
        let bytes = ascii_digits(&chars)?;
        let id = CitizenId::from_checked_digits(&bytes, today)?;
        let category = Category::from_digit(bytes[18] - b'0').ok_or(CardError::BadCategory {
            position: 19,
            found: char::from(bytes[18]),
        })?;
        let grade = Grade::from_digit(bytes[19] - b'0').ok_or(CardError::BadGrade {
            position: 20,
            found: char::from(bytes[19]),
        })?;
        let mut warnings = vec![];
        let extra = if len > 20 {
            let extra: String = bytes[20..].iter().map(|&b| char::from(b)).collect();
            warnings.push(CardWarning::LongerThanUsual {
                len,
                extra: extra.clone(),
            });
            Some(extra)
        } else {
            None
        };
        Ok((
            CardNumber {
                id,
                category,
                grade,
                extra,
            },
            warnings,
        ))
    }

    /// The number of a first card (20 digits) for an ID and a disability,
    /// e.g. when a worker types the ID and picks category and grade.
    pub fn from_parts(id: CitizenId, disability: Disability) -> CardNumber {
        CardNumber {
            id,
            category: disability.category,
            grade: disability.grade,
            extra: None,
        }
    }

    pub fn citizen_id(&self) -> &CitizenId {
        &self.id
    }
    pub fn category(&self) -> Category {
        self.category
    }
    pub fn grade(&self) -> Grade {
        self.grade
    }
    pub fn disability(&self) -> Disability {
        Disability {
            category: self.category,
            grade: self.grade,
        }
    }
    /// Digits after the 20th (reissued cards), `None` on a first card.
    pub fn extra(&self) -> Option<&str> {
        self.extra.as_deref()
    }
    pub fn birth_date(&self) -> Date {
        self.id.birth_date()
    }
    pub fn sex(&self) -> Sex {
        self.id.sex()
    }
    pub fn province_code(&self) -> u8 {
        self.id.province_code()
    }
    pub fn province_name(&self) -> &'static str {
        self.id.province_name()
    }
    pub fn age_on(&self, on: &Date) -> u32 {
        self.id.age_on(on)
    }

    /// The last four characters of the whole number (the UI says "尾号0112").
    pub fn last_four(&self) -> String {
        let full: Vec<char> = self.reveal().chars().collect();
        full[full.len().saturating_sub(4)..].iter().collect()
    }

    /// `****************0112`: same length, only the last four shown.
    pub fn masked(&self) -> String {
        mask(&self.reveal())
    }

    /// The full number, for the explicit "show card" option only.
    pub fn reveal(&self) -> String {
        let mut s = self.id.reveal();
        s.push(char::from(b'0' + self.category.card_digit()));
        s.push(char::from(b'0' + self.grade.digit()));
        if let Some(extra) = &self.extra {
            s.push_str(extra);
        }
        s
    }
}

impl fmt::Display for CardNumber {
    /// The masked form, never the full number.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.masked())
    }
}

impl fmt::Debug for CardNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("CardNumber").field(&self.masked()).finish()
    }
}

/// `*` for every character but the last four.
fn mask(full: &str) -> String {
    let n = full.chars().count();
    full.chars()
        .enumerate()
        .map(|(i, c)| if i + 4 < n { '*' } else { c })
        .collect()
}

/// Hyphen-like characters people type between groups of digits.
fn is_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '-' | '‐' | '‑' | '‒' | '–' | '—' | '―' | '－')
}

/// Full-width digits and X to ASCII, `x` to `X`.
fn normalise_char(c: char) -> char {
    match c {
        '０'..='９' => char::from_digit(u32::from(c) - u32::from('０'), 10).unwrap_or(c),
        'x' | 'Ｘ' | 'ｘ' => 'X',
        _ => c,
    }
}

/// The typed number without separators, normalised.
fn clean(input: &str) -> Vec<char> {
    input
        .chars()
        .filter(|&c| !is_separator(c))
        .map(normalise_char)
        .collect()
}

/// ASCII bytes of an all-digit number (`X` allowed at position 18 only).
fn ascii_digits(chars: &[char]) -> Result<Vec<u8>, CardError> {
    chars
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            let position = i + 1;
            if c.is_ascii_digit() || (c == 'X' && position == 18) {
                Ok(c as u8)
            } else {
                Err(CardError::NotADigit { position, found: c })
            }
        })
        .collect()
}

// ---------------------------------------------------------------------------
// Working age (§5)
// ---------------------------------------------------------------------------

/// Working age starts at 16 (《劳动法》 art. 15; national-rules.md §5 **\[text\]**).
pub fn working_age_lower() -> u32 {
    16
}

/// A retirement age in years and months (e.g. 60 years 1 month).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetirementAge {
    pub years: u32,
    pub months: u32,
}

/// One retirement group of the gradual reform.
struct Schedule {
    /// Age before the reform.
    base_years: u32,
    /// First birth month (year, month) whose age goes up.
    from: (i32, u32),
    /// Birth months per extra month of age.
    step: u32,
    /// Most extra months.
    cap: u32,
}

/// Men: 60 → 63.
const MEN: Schedule = Schedule {
    base_years: 60,
    from: (1965, 1),
    step: 4,
    cap: 36,
};
/// Women originally retiring at 55 (cadres: management and technical posts): 55 → 58.
const WOMEN_55: Schedule = Schedule {
    base_years: 55,
    from: (1970, 1),
    step: 4,
    cap: 36,
};
/// Women originally retiring at 50 (workers): 50 → 55.
const WOMEN_50: Schedule = Schedule {
    base_years: 50,
    from: (1975, 1),
    step: 2,
    cap: 60,
};

/// Statutory retirement age under the gradual reform in force from
/// 2025-01-01: men 60 → 63 and women retiring at 55 → 58, one month more
/// per 4 months of birth from 1965-01 and 1970-01; women retiring at 50 →
/// 55, one month more per 2 months of birth from 1975-01.
///
/// Source: national-rules.md §5, **secondary** (**\[reprint\]**: news and
/// reprints only); the threshold birth months and caps are those of the
/// official schedule as given in the task, not in the reference itself.
///
/// `female_cadre` says whether a woman's original retirement age is 55
/// (`Some(true)`) or 50 (`Some(false)`); it is ignored for men. `None` for
/// a woman gives `None`: the fact is missing and the caller must ask, never
/// guess. An invalid `birth` also gives `None`. Not modelled: voluntary
/// earlier or later retirement, special job types, and retirement for loss
/// of working capacity.
pub fn statutory_retirement_age(
    birth: &Date,
    sex: Sex,
    female_cadre: Option<bool>,
) -> Option<RetirementAge> {
    if !birth.is_valid() {
        return None;
    }
    let schedule = match (sex, female_cadre) {
        (Sex::Male, _) => &MEN,
        (Sex::Female, Some(true)) => &WOMEN_55,
        (Sex::Female, Some(false)) => &WOMEN_50,
        (Sex::Female, None) => return None,
    };
    let from = Date {
        year: schedule.from.0,
        month: schedule.from.1,
        day: 1,
    };
    let since = birth.month_index() - from.month_index();
    let extra = if since < 0 {
        0
    } else {
        let steps = u32::try_from(since / i64::from(schedule.step)).unwrap_or(u32::MAX);
        steps.saturating_add(1).min(schedule.cap)
    };
    let total = schedule.base_years * 12 + extra;
    Some(RetirementAge {
        years: total / 12,
        months: total % 12,
    })
}

/// The date a person reaches statutory retirement age (see
/// [`statutory_retirement_age`] for the rules, the source and `None`).
///
/// The official schedule counts in months and names a retirement month, so
/// the date is the birth day of the month in that month, clamped to the
/// month's last day (born 31 January 1965: 60 years 1 month, so 28 February
/// 2025). This differs on purpose from [`age_on`]'s 29 February rule, which
/// would move such a date into the next month.
pub fn statutory_retirement(birth: &Date, sex: Sex, female_cadre: Option<bool>) -> Option<Date> {
    let age = statutory_retirement_age(birth, sex, female_cadre)?;
    Some(birth.plus_months(age.years * 12 + age.months))
}

/// Whether a person is of working age on `today`: 16 or older, and before
/// their statutory retirement date. `None` when the retirement date is
/// unknown (see [`statutory_retirement`]).
pub fn is_working_age(
    birth: &Date,
    sex: Sex,
    female_cadre: Option<bool>,
    today: &Date,
) -> Option<bool> {
    let retirement = statutory_retirement(birth, sex, female_cadre)?;
    Some(age_on(birth, today) >= working_age_lower() && *today < retirement)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(year: i32, month: u32, day: u32) -> Date {
        Date { year, month, day }
    }

    fn today() -> Date {
        d(2025, 6, 1)
    }

    /// An 18-character ID from its first 17 digits, with the right check digit.
    fn with_check(first17: &str) -> String {
        let mut b = [0u8; 17];
        b.copy_from_slice(first17.as_bytes());
        format!("{first17}{}", check_digit(&b))
    }

    const ID_A: &str = "11010519491231002X";
    const ID_B: &str = "440524188001010014";

    /// splitmix64 (Steele, Lea, Flood 2014): tiny and deterministic.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = self.0;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^ (z >> 31)
        }
        /// A number in `0..n`.
        fn below(&mut self, n: u64) -> u64 {
            ((u128::from(self.next()) * u128::from(n)) >> 64) as u64
        }
        fn between(&mut self, lo: u32, hi: u32) -> u32 {
            lo + self.below(u64::from(hi - lo) + 1) as u32
        }
    }

    /// A random valid card number (canonical form) with its parts.
    fn random_card(rng: &mut Rng) -> (String, u8, Date, u8, u8) {
        let (code, _) = PROVINCES[rng.below(PROVINCES.len() as u64) as usize];
        let year = rng.between(1930, 2010) as i32;
        let month = rng.between(1, 12);
        let day = rng.between(1, days_in_month(year, month));
        let area = rng.below(10_000);
        let seq = rng.below(1000);
        let first17 = format!("{code:02}{area:04}{year:04}{month:02}{day:02}{seq:03}");
        let category = rng.between(1, 7) as u8;
        let grade = rng.between(1, 4) as u8;
        let s = format!("{}{category}{grade}", with_check(&first17));
        (s, code, d(year, month, day), category, grade)
    }

    #[test]
    fn check_digits_of_the_reference_examples() {
        assert_eq!(check_digit(b"11010519491231002"), 'X');
        assert_eq!(check_digit(b"44052418800101001"), '4');
        // Digit values work as well as ASCII digits.
        let values: [u8; 17] = [1, 1, 0, 1, 0, 5, 1, 9, 4, 9, 1, 2, 3, 1, 0, 0, 2];
        assert_eq!(check_digit(&values), 'X');
    }

    #[test]
    fn the_reference_examples_parse() {
        let a = CitizenId::parse(ID_A, &today()).expect("valid");
        assert_eq!(a.birth_date(), d(1949, 12, 31));
        assert_eq!(a.sex(), Sex::Female);
        assert_eq!(a.province_code(), 11);
        assert_eq!(a.province_name(), "北京");
        assert_eq!(a.reveal(), ID_A);
        // Born 1880: valid as a number, but over 130 today.
        assert_eq!(
            CitizenId::parse(ID_B, &today()),
            Err(CardError::ImplausibleAge { age: 145 })
        );
        let b = CitizenId::parse(ID_B, &d(1990, 1, 1)).expect("valid in 1990");
        assert_eq!(b.sex(), Sex::Male);
        assert_eq!(b.province_name(), "广东");
        assert_eq!(b.age_on(&d(1990, 1, 1)), 110);

        let (card, warnings) = CardNumber::parse("11010519491231002X12", &today()).expect("valid");
        assert!(warnings.is_empty());
        assert_eq!(card.citizen_id(), &a);
        assert_eq!(card.category(), Category::Visual);
        assert_eq!(card.grade(), Grade::Two);
        assert_eq!(
            card.disability(),
            Disability {
                category: Category::Visual,
                grade: Grade::Two
            }
        );
        assert_eq!(card.extra(), None);
        assert_eq!(card.age_on(&today()), 75);
        assert_eq!(card.reveal(), "11010519491231002X12");
    }

    #[test]
    fn citizen_id_length_errors() {
        assert_eq!(
            CitizenId::parse("11010519491231002", &today()),
            Err(CardError::TooShort { len: 17 })
        );
        assert_eq!(
            CitizenId::parse("11010519491231002X1", &today()),
            Err(CardError::TooLong { len: 19 })
        );
    }

    #[test]
    fn each_error_with_its_position() {
        let t = today();
        let cases: Vec<(String, CardError)> = vec![
            ("".into(), CardError::TooShort { len: 0 }),
            (
                "11010519491231002X1".into(),
                CardError::TooShort { len: 19 },
            ),
            (ID_A.into(), CardError::TooShort { len: 18 }),
            (
                "11A10519491231002X11".into(),
                CardError::NotADigit {
                    position: 3,
                    found: 'A',
                },
            ),
            (
                "X1010519491231002X11".into(),
                CardError::NotADigit {
                    position: 1,
                    found: 'X',
                },
            ),
            (
                "1101051949123100xX11".into(),
                CardError::NotADigit {
                    position: 17,
                    found: 'X',
                },
            ),
            (
                "11010519491231002X1X".into(),
                CardError::NotADigit {
                    position: 20,
                    found: 'X',
                },
            ),
            (
                "11010519491231002X1１a".into(),
                CardError::NotADigit {
                    position: 21,
                    found: 'a',
                },
            ),
            (
                "11010519491231002111".into(),
                CardError::BadCheckDigit {
                    position: 18,
                    expected: 'X',
                    found: '1',
                },
            ),
            (
                format!("{}11", with_check("11010519491331002")),
                CardError::BadBirthDate {
                    positions: (7, 14),
                    found: "19491331".into(),
                },
            ),
            (
                format!("{}11", with_check("11010519490230002")),
                CardError::BadBirthDate {
                    positions: (7, 14),
                    found: "19490230".into(),
                },
            ),
            (
                format!("{}11", with_check("11010520230229002")),
                CardError::BadBirthDate {
                    positions: (7, 14),
                    found: "20230229".into(),
                },
            ),
            (
                format!("{}11", with_check("11010520250602002")),
                CardError::BirthInFuture,
            ),
            (format!("{ID_B}11"), CardError::ImplausibleAge { age: 145 }),
            (
                format!("{}11", with_check("11010518940601002")),
                CardError::ImplausibleAge { age: 131 },
            ),
            (
                "11010519491231002X01".into(),
                CardError::BadCategory {
                    position: 19,
                    found: '0',
                },
            ),
            (
                "11010519491231002X81".into(),
                CardError::BadCategory {
                    position: 19,
                    found: '8',
                },
            ),
            (
                "11010519491231002X10".into(),
                CardError::BadGrade {
                    position: 20,
                    found: '0',
                },
            ),
            (
                "11010519491231002X75".into(),
                CardError::BadGrade {
                    position: 20,
                    found: '5',
                },
            ),
            (
                format!("{}11", with_check("10010519491231002")),
                CardError::UnknownRegion { code: 10 },
            ),
            (
                format!("{}11", with_check("83000019491231002")),
                CardError::UnknownRegion { code: 83 },
            ),
        ];
        for (input, want) in cases {
            assert_eq!(
                CardNumber::parse(&input, &t).map(|_| ()),
                Err(want),
                "{input}"
            );
        }
        // The oldest plausible age and a birth today are accepted.
        let oldest = format!("{}11", with_check("11010518940601002"));
        assert!(CardNumber::parse(&oldest, &d(2025, 5, 31)).is_ok());
        let newborn = format!("{}11", with_check("11010520250601002"));
        assert!(CardNumber::parse(&newborn, &t).is_ok());
    }

    #[test]
    fn regions_include_hong_kong_macau_taiwan() {
        assert_eq!(PROVINCES.iter().filter(|(c, _)| *c < 70).count(), 31);
        assert_eq!(province_name(65), Some("新疆"));
        for (code, name) in [(71, "台湾"), (81, "香港"), (82, "澳门")] {
            let id = with_check(&format!("{code}000019800101001"));
            let card = CitizenId::parse(&id, &today()).expect("valid");
            assert_eq!(card.province_name(), name);
        }
    }

    #[test]
    fn full_width_spaced_and_hyphenated_input() {
        let t = today();
        let want = CardNumber::parse("11010519491231002X11", &t).expect("valid");
        for input in [
            "１１０１０５１９４９１２３１００２Ｘ１１",
            "１１０１０５１９４９１２３１００２ｘ１１",
            "11010519491231002x11",
            "110105 19491231 002X 11",
            "110105-19491231-002x-1-1",
            "  110105　19491231　002X　1　1  ",
            "110105－19491231－002X－11",
        ] {
            assert_eq!(CardNumber::parse(input, &t), Ok(want.clone()), "{input}");
        }
        assert_eq!(
            CitizenId::parse("110105 1949 1231 002x", &t).map(|id| id.reveal()),
            Ok(ID_A.to_string())
        );
    }

    #[test]
    fn reissued_numbers_are_kept_with_a_warning() {
        let (card, warnings) =
            CardNumber::parse("11010519491231002X1101", &today()).expect("accepted");
        assert_eq!(
            warnings,
            vec![CardWarning::LongerThanUsual {
                len: 22,
                extra: "01".into()
            }]
        );
        assert_eq!(card.category(), Category::Visual);
        assert_eq!(card.grade(), Grade::One);
        assert_eq!(card.extra(), Some("01"));
        assert_eq!(card.reveal(), "11010519491231002X1101");
        assert_eq!(card.last_four(), "1101");
        assert_eq!(card.masked(), "******************1101");
        // Display and Debug of the warning leave the digits out.
        let w = &warnings[0];
        assert!(!w.to_string().contains("01"), "{w}");
        assert!(!format!("{w:?}").contains("\"01\""), "{w:?}");
    }

    #[test]
    fn masking_shows_only_the_last_four() {
        let (card, _) = CardNumber::parse("11010519491231002X12", &today()).expect("valid");
        assert_eq!(card.masked(), "****************2X12");
        assert_eq!(card.last_four(), "2X12");
        assert_eq!(card.citizen_id().masked(), "**************002X");
        assert_eq!(card.citizen_id().last_four(), "002X");
        for shown in [
            card.to_string(),
            format!("{card:?}"),
            format!("{card:#?}"),
            card.citizen_id().to_string(),
            format!("{:?}", card.citizen_id()),
            format!("{:?}", (card.clone(), 1)),
        ] {
            assert!(!shown.contains(ID_A), "{shown}");
            assert!(!shown.contains("19491231"), "{shown}");
            assert!(!shown.contains("110105"), "{shown}");
            // At most the four digits of the last four characters.
            assert!(
                shown.chars().filter(char::is_ascii_digit).count() <= 4,
                "{shown}"
            );
        }
    }

    #[test]
    fn errors_do_not_print_birth_dates() {
        let e = CardError::BadBirthDate {
            positions: (7, 14),
            found: "19491331".into(),
        };
        assert!(!e.to_string().contains("1949"), "{e}");
        assert!(!format!("{e:?}").contains("1949"), "{e:?}");
        assert_eq!(e.to_string(), "positions 7-14: not a real birth date");
        let e = CardError::BadCheckDigit {
            position: 18,
            expected: 'X',
            found: '1',
        };
        assert_eq!(
            e.to_string(),
            "position 18: check digit should be X, found 1"
        );
        assert!(format!("{e:?}").contains("position 18"));
    }

    #[test]
    fn dates() {
        assert_eq!(Date::parse("2024-02-29"), Some(d(2024, 2, 29)));
        assert_eq!(Date::parse(" 1949-12-31 "), Some(d(1949, 12, 31)));
        for bad in [
            "2023-02-29",
            "2024-13-01",
            "2024-00-10",
            "2024-1-01",
            "20240101",
            "",
            "abcd-ef-gh",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
        assert_eq!(d(2024, 2, 29).to_iso(), "2024-02-29");
        assert_eq!(d(5, 1, 2).to_string(), "0005-01-02");
        assert!(d(2024, 12, 31) < d(2025, 1, 1));
        assert!(d(2025, 1, 31) < d(2025, 2, 1));
        assert!(d(2025, 2, 1) < d(2025, 2, 2));
        assert!(is_leap_year(2000) && !is_leap_year(1900) && is_leap_year(2024));
        assert_eq!(Date::new(1900, 2, 29), None);
    }

    #[test]
    fn age_around_the_birthday() {
        let b = d(1990, 6, 15);
        assert_eq!(age_on(&b, &d(2020, 6, 14)), 29);
        assert_eq!(age_on(&b, &d(2020, 6, 15)), 30);
        assert_eq!(age_on(&b, &d(2020, 6, 16)), 30);
        assert_eq!(age_on(&b, &d(1990, 6, 15)), 0);
        assert_eq!(age_on(&b, &d(1980, 1, 1)), 0);
        // 29 February: the birthday is 1 March in common years.
        let leap = d(2000, 2, 29);
        assert_eq!(age_on(&leap, &d(2021, 2, 28)), 20);
        assert_eq!(age_on(&leap, &d(2021, 3, 1)), 21);
        assert_eq!(age_on(&leap, &d(2024, 2, 28)), 23);
        assert_eq!(age_on(&leap, &d(2024, 2, 29)), 24);
        assert_eq!(age_on(&leap, &d(2100, 2, 28)), 99);
        assert_eq!(age_on(&leap, &d(2100, 3, 1)), 100);
    }

    #[test]
    fn categories_and_grades() {
        for (c, _, _) in CATEGORIES {
            assert_eq!(Category::from_digit(c.card_digit()), Some(*c));
        }
        assert_eq!(Category::from_digit(0), None);
        assert_eq!(Category::from_digit(8), None);
        for g in Grade::ALL {
            assert_eq!(Grade::from_digit(g.digit()), Some(g));
            assert_eq!(Grade::parse(g.key()), Some(g));
        }
        assert_eq!(Grade::from_digit(0), None);
        assert_eq!(Grade::from_digit(5), None);
        assert_eq!(Grade::One.digit(), 1);
        assert_eq!(Grade::Four.digit(), 4);
        assert_eq!(Grade::parse("一级"), Some(Grade::One));
        assert_eq!(Grade::parse("三級"), Some(Grade::Three));
        assert_eq!(Grade::parse(" 2级 "), Some(Grade::Two));
        assert_eq!(Grade::parse("４"), Some(Grade::Four));
        assert_eq!(Grade::parse("Four"), Some(Grade::Four));
        assert_eq!(Grade::parse("五级"), None);
        assert_eq!(
            serde_json::to_string(&Grade::One).ok().as_deref(),
            Some("\"one\"")
        );
        assert_eq!(
            serde_json::from_str::<Grade>("\"four\"").ok(),
            Some(Grade::Four)
        );
        assert!(Grade::One < Grade::Four);
    }

    #[test]
    fn disability_words_for_forms() {
        let v1 = Some(Disability {
            category: Category::Visual,
            grade: Grade::One,
        });
        for s in [
            "视力一级",
            "视力残疾一级",
            "视力 一级",
            "一级视力",
            "一級視力殘疾",
            "visual one",
            "11",
        ] {
            assert_eq!(Disability::parse(s), v1, "{s}");
        }
        assert_eq!(
            Disability::parse("肢体三級"),
            Some(Disability {
                category: Category::Physical,
                grade: Grade::Three
            })
        );
        // A bare grade digit never comes first.
        assert_eq!(Disability::parse("15"), None);
        for bad in ["", "视力", "一级", "视力五级", "听觉一级"] {
            assert_eq!(Disability::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn card_from_parts() {
        let id = CitizenId::parse(ID_A, &today()).expect("valid");
        let card = CardNumber::from_parts(
            id,
            Disability {
                category: Category::Multiple,
                grade: Grade::Four,
            },
        );
        assert_eq!(card.reveal(), "11010519491231002X74");
        assert_eq!(
            CardNumber::parse(&card.reveal(), &today()).map(|(c, _)| c),
            Ok(card)
        );
    }

    fn age(birth: (i32, u32), sex: Sex, cadre: Option<bool>) -> Option<(u32, u32)> {
        statutory_retirement_age(&d(birth.0, birth.1, 15), sex, cadre).map(|a| (a.years, a.months))
    }

    #[test]
    fn retirement_ages_at_known_points() {
        use Sex::{Female, Male};
        // Men 60 → 63, one month per 4 months of birth from 1965-01.
        assert_eq!(age((1964, 12), Male, None), Some((60, 0)));
        assert_eq!(age((1965, 1), Male, None), Some((60, 1)));
        assert_eq!(age((1965, 4), Male, Some(true)), Some((60, 1)));
        assert_eq!(age((1965, 5), Male, None), Some((60, 2)));
        assert_eq!(age((1976, 8), Male, None), Some((62, 11)));
        assert_eq!(age((1976, 9), Male, None), Some((63, 0)));
        assert_eq!(age((1976, 12), Male, None), Some((63, 0)));
        assert_eq!(age((1990, 1), Male, None), Some((63, 0)));
        // Women workers 50 → 55, one month per 2 months from 1975-01.
        assert_eq!(age((1974, 12), Female, Some(false)), Some((50, 0)));
        assert_eq!(age((1975, 1), Female, Some(false)), Some((50, 1)));
        assert_eq!(age((1975, 3), Female, Some(false)), Some((50, 2)));
        assert_eq!(age((1984, 10), Female, Some(false)), Some((54, 11)));
        assert_eq!(age((1984, 11), Female, Some(false)), Some((55, 0)));
        assert_eq!(age((1984, 12), Female, Some(false)), Some((55, 0)));
        // Women cadres 55 → 58, one month per 4 months from 1970-01.
        assert_eq!(age((1969, 12), Female, Some(true)), Some((55, 0)));
        assert_eq!(age((1970, 1), Female, Some(true)), Some((55, 1)));
        assert_eq!(age((1981, 8), Female, Some(true)), Some((57, 11)));
        assert_eq!(age((1981, 12), Female, Some(true)), Some((58, 0)));
        // A woman's group unknown: a missing fact, not a guess.
        assert_eq!(age((1981, 12), Female, None), None);
        assert_eq!(statutory_retirement(&d(1980, 1, 1), Female, None), None);
        assert_eq!(statutory_retirement(&d(1980, 2, 30), Male, None), None);
    }

    #[test]
    fn retirement_dates() {
        use Sex::{Female, Male};
        assert_eq!(
            statutory_retirement(&d(1964, 12, 31), Male, None),
            Some(d(2024, 12, 31))
        );
        assert_eq!(
            statutory_retirement(&d(1965, 1, 15), Male, None),
            Some(d(2025, 2, 15))
        );
        // Clamped to the retirement month's last day.
        assert_eq!(
            statutory_retirement(&d(1965, 1, 31), Male, None),
            Some(d(2025, 2, 28))
        );
        assert_eq!(
            statutory_retirement(&d(1976, 12, 3), Male, None),
            Some(d(2039, 12, 3))
        );
        assert_eq!(
            statutory_retirement(&d(1975, 1, 10), Female, Some(false)),
            Some(d(2025, 2, 10))
        );
        assert_eq!(
            statutory_retirement(&d(1984, 12, 31), Female, Some(false)),
            Some(d(2039, 12, 31))
        );
        assert_eq!(
            statutory_retirement(&d(1970, 1, 20), Female, Some(true)),
            Some(d(2025, 2, 20))
        );
        assert_eq!(
            statutory_retirement(&d(1981, 12, 1), Female, Some(true)),
            Some(d(2039, 12, 1))
        );
        // 29 February, whole years to a common year: 28 February.
        assert_eq!(
            statutory_retirement(&d(1972, 2, 29), Female, Some(false)),
            Some(d(2022, 2, 28))
        );
    }

    #[test]
    fn working_age() {
        let birth = d(1965, 1, 15);
        assert_eq!(working_age_lower(), 16);
        assert_eq!(
            is_working_age(&birth, Sex::Male, None, &d(1981, 1, 14)),
            Some(false)
        );
        assert_eq!(
            is_working_age(&birth, Sex::Male, None, &d(1981, 1, 15)),
            Some(true)
        );
        assert_eq!(
            is_working_age(&birth, Sex::Male, None, &d(2025, 2, 14)),
            Some(true)
        );
        assert_eq!(
            is_working_age(&birth, Sex::Male, None, &d(2025, 2, 15)),
            Some(false)
        );
        assert_eq!(
            is_working_age(&birth, Sex::Female, None, &d(2000, 1, 1)),
            None
        );
    }

    #[test]
    fn random_valid_cards_round_trip() {
        let t = today();
        let mut rng = Rng(0x5EED_CA2D);
        for _ in 0..2000 {
            let (s, code, birth, category, grade) = random_card(&mut rng);
            let (card, warnings) = CardNumber::parse(&s, &t).expect(&s);
            assert!(warnings.is_empty());
            assert_eq!(card.reveal(), s);
            assert_eq!(card.province_code(), code);
            assert_eq!(Some(card.province_name()), province_name(code));
            assert_eq!(card.birth_date(), birth);
            let seventeenth = s.as_bytes()[16] - b'0';
            let sex = if seventeenth % 2 == 1 {
                Sex::Male
            } else {
                Sex::Female
            };
            assert_eq!(card.sex(), sex);
            assert_eq!(card.category().card_digit(), category);
            assert_eq!(card.grade().digit(), grade);
            assert_eq!(card.age_on(&t), age_on(&birth, &t));
            let masked = card.masked();
            assert_eq!(masked.chars().count(), 20);
            assert!(masked.starts_with(&"*".repeat(16)) && masked.ends_with(&s[16..]));
            // Typed in lower case, full width, or in groups: the same card.
            let lower = s.to_lowercase();
            let wide: String = s
                .chars()
                .map(|c| match c {
                    '0'..='9' => {
                        char::from_u32(u32::from(c) - u32::from('0') + 0xFF10).unwrap_or(c)
                    }
                    'X' => 'Ｘ',
                    _ => c,
                })
                .collect();
            let spaced = format!("{} {}-{} {}", &s[..6], &s[6..14], &s[14..18], &s[18..]);
            for typed in [lower, wide, spaced] {
                assert_eq!(
                    CardNumber::parse(&typed, &t).map(|(c, _)| c),
                    Ok(card.clone()),
                    "{typed}"
                );
            }
        }
    }

    #[test]
    fn any_single_change_to_the_id_is_caught() {
        let t = today();
        let mut rng = Rng(0xC0FF_EE11);
        let replacements = [
            '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X', 'a', '*',
        ];
        for _ in 0..2000 {
            let (s, ..) = random_card(&mut rng);
            let (card, _) = CardNumber::parse(&s, &t).expect(&s);
            let chars: Vec<char> = s.chars().collect();
            for i in 0..20 {
                for &r in &replacements {
                    if r == chars[i] {
                        continue;
                    }
                    let mut m = chars.clone();
                    m[i] = r;
                    let m: String = m.into_iter().collect();
                    let got = CardNumber::parse(&m, &t);
                    match i {
                        // The ID: MOD 11-2 catches every single substitution.
                        0..=17 => assert!(got.is_err(), "{m} accepted"),
                        // Category and grade carry no checksum: a change to
                        // another valid digit is a different, valid card
                        // (nothing in the number can tell); any other is caught.
                        18 | 19 => {
                            let valid = r.is_ascii_digit()
                                && (if i == 18 { '1'..='7' } else { '1'..='4' }).contains(&r);
                            match got {
                                Ok((other, _)) => {
                                    assert!(valid, "{m} accepted");
                                    assert_eq!(other.citizen_id(), card.citizen_id());
                                    assert_ne!(other.disability(), card.disability());
                                }
                                Err(_) => assert!(!valid, "{m} refused"),
                            }
                        }
                        _ => unreachable!(),
                    }
                }
            }
            // Adjacent transpositions in the ID are caught too (neighbouring
            // weights differ mod 11).
            for i in 0..17 {
                if chars[i] != chars[i + 1] {
                    let mut m = chars.clone();
                    m.swap(i, i + 1);
                    let m: String = m.into_iter().collect();
                    assert!(CardNumber::parse(&m, &t).is_err(), "{m} accepted");
                }
            }
        }
    }
}
