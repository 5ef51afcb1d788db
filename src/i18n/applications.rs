//! Applications in words: kinds, statuses, fields, values read back (dates
//! in words, choices by their labels, card and phone numbers by their last
//! four digits), problems, and a printable summary. Shared by the screens
//! and the command line; the messages are in `locales/*/applications.ftl`.

use crate::domain::card::Date;
use crate::domain::forms::{
    Document, Field, FieldError, FieldType, Form, Kind, PhoneError, Problem, Status, Values,
    is_unsafe_char, last_four,
};
use crate::i18n::Localizer;
use crate::i18n::describe::card_error;

fn dashed(key: &str) -> String {
    key.replace('_', "-")
}

/// "求职申请", "补贴与权益" …
pub fn kind_name(l: &Localizer, kind: Kind) -> String {
    l.t(&format!("app-kind-{}", dashed(kind.key())))
}

/// "草稿", "已提交" …
pub fn status_name(l: &Localizer, status: Status) -> String {
    l.t(&format!("app-status-{}", dashed(status.key())))
}

pub fn form_title(l: &Localizer, form: &Form) -> String {
    l.t(&form.title)
}

pub fn field_label(l: &Localizer, field: &Field) -> String {
    l.t(&field.label)
}

pub fn field_help(l: &Localizer, field: &Field) -> Option<String> {
    field.help.as_ref().map(|h| l.t(h))
}

/// Whose file is open: "服务对象：王先生", or "本人" for the person using the app.
pub fn owner_text(l: &Localizer, client: Option<&str>) -> String {
    match client {
        Some(name) => l.t_args("app-owner-client", &[("name", name.into())]),
        None => l.t("app-owner-myself"),
    }
}

/// A card or phone number as shown and spoken: "尾号3611", or the whole
/// number when the user asked for it.
pub fn masked_text(l: &Localizer, value: &str, show_full: bool) -> String {
    if show_full {
        value.to_string()
    } else {
        l.t_args(
            "card-last-four",
            &[("last4", last_four(value).as_str().into())],
        )
    }
}

/// Text safe to print and speak: control characters and direction marks
/// (kept in a draft as typed, so the person can see what to fix) become
/// U+FFFD, so no escape sequence reaches the terminal.
pub fn printable(s: &str) -> String {
    s.chars()
        .map(|c| if is_unsafe_char(c) { '\u{FFFD}' } else { c })
        .collect()
}

/// A stored value read back: a date in words, a choice by its label, yes or
/// no, card and phone numbers by their last four digits unless `show_full`;
/// "未填" when empty. A value kept as typed (not valid) is read as typed.
pub fn value_text(l: &Localizer, field: &Field, value: &str, show_full: bool) -> String {
    if value.trim().is_empty() {
        return l.t("app-value-empty");
    }
    let value = printable(value);
    let value = value.as_str();
    match field.ty {
        FieldType::Date => match Date::parse(value) {
            Some(d) => l.date(&d.to_iso()),
            None => value.to_string(),
        },
        FieldType::Choice => field
            .choices
            .iter()
            .find(|c| c.value == value)
            .map_or_else(|| value.to_string(), |c| l.t(&c.label)),
        FieldType::YesNo => match value {
            "yes" => l.t("value-yes"),
            "no" => l.t("value-no"),
            other => other.to_string(),
        },
        FieldType::Card | FieldType::Phone => masked_text(l, value, show_full),
        FieldType::Text | FieldType::Number => value.to_string(),
    }
}

/// The choices as a numbered list, for line mode: "1. 全职".
pub fn numbered_choices(l: &Localizer, field: &Field) -> Vec<String> {
    field
        .choices
        .iter()
        .enumerate()
        .map(|(i, c)| format!("{}. {}", i + 1, l.t(&c.label)))
        .collect()
}

pub fn phone_error(l: &Localizer, e: &PhoneError) -> String {
    match e {
        PhoneError::Empty => l.t("app-phone-empty"),
        PhoneError::NotADigit { found } => l.t_args(
            "app-phone-not-digit",
            &[("found", found.to_string().as_str().into())],
        ),
        PhoneError::CountryCode => l.t("app-phone-country"),
        PhoneError::MobileLength { digits } => {
            l.t_args("app-phone-mobile-length", &[("digits", (*digits).into())])
        }
        PhoneError::MobilePrefix => l.t("app-phone-mobile-prefix"),
        PhoneError::AreaCode => l.t("app-phone-area-code"),
        PhoneError::LocalLength { digits } => {
            l.t_args("app-phone-local-length", &[("digits", (*digits).into())])
        }
        PhoneError::LocalPrefix => l.t("app-phone-local-prefix"),
        PhoneError::NoAreaCode => l.t("app-phone-no-area-code"),
    }
}

/// What is wrong, in words (without the field's name).
pub fn problem_text(l: &Localizer, field: Option<&Field>, p: &Problem) -> String {
    match p {
        Problem::Required => l.t("app-problem-required"),
        Problem::UnknownField => l.t("app-problem-unknown-field"),
        Problem::TooShort { min } => l.t_args("app-problem-too-short", &[("min", (*min).into())]),
        Problem::TooLong { max } => l.t_args("app-problem-too-long", &[("max", (*max).into())]),
        Problem::ControlCharacter => l.t("app-problem-control"),
        Problem::NotANumber => l.t("app-problem-not-a-number"),
        Problem::TooSmall { min } => l.t_args("app-problem-too-small", &[("min", (*min).into())]),
        Problem::TooLarge { max } => l.t_args("app-problem-too-large", &[("max", (*max).into())]),
        Problem::BadDate => l.t("app-problem-bad-date"),
        Problem::NotAChoice => {
            let list = field
                .map(|f| numbered_choices(l, f).join(l.t("list-separator").as_str()))
                .unwrap_or_default();
            l.t_args(
                "app-problem-not-a-choice",
                &[("choices", list.as_str().into())],
            )
        }
        Problem::NotYesNo => l.t("app-problem-not-yes-no"),
        Problem::Card(e) => l.t_args(
            "app-problem-card",
            &[("detail", card_error(l, e).as_str().into())],
        ),
        Problem::Phone(e) => l.t_args(
            "app-problem-phone",
            &[("detail", phone_error(l, e).as_str().into())],
        ),
    }
}

/// "联系电话：手机号应为11位数字，现在是10位".
pub fn field_error_text(l: &Localizer, form: &Form, e: &FieldError) -> String {
    let field = form.field(&e.field);
    let label = field.map_or_else(|| e.field.clone(), |f| field_label(l, f));
    l.t_args(
        "app-error-in-field",
        &[
            ("label", label.as_str().into()),
            (
                "problem",
                problem_text(l, field, &e.problem).as_str().into(),
            ),
        ],
    )
}

/// One field as announced: label, value, required, and its problem if it
/// has one ("联系电话，尾号5678，必填" / "出生日期，未填，必填，有误：必须填写").
pub fn field_announcement(
    l: &Localizer,
    field: &Field,
    value: &str,
    problem: Option<&Problem>,
    show_full: bool,
) -> String {
    let mut parts = vec![
        field_label(l, field),
        value_text(l, field, value, show_full),
    ];
    if field.required {
        parts.push(l.t("app-required"));
    }
    if let Some(p) = problem {
        parts.push(l.t_args(
            "app-has-error",
            &[("problem", problem_text(l, Some(field), p).as_str().into())],
        ));
    }
    parts.join(l.t("list-separator").as_str())
}

/// A document to bring with its citation, as the rule screens cite:
/// "残疾人证（出处：条款 …（national-rules.md）：“…”）".
pub fn document_text(l: &Localizer, d: &Document) -> String {
    let c = &d.citation;
    let citation = l.t_args(
        "ent-citation",
        &[
            ("clause", c.clause.as_str().into()),
            ("source", c.source.as_str().into()),
            ("quote", c.quote.as_str().into()),
        ],
    );
    l.t_args(
        "app-document",
        &[
            ("what", d.what.as_str().into()),
            ("citation", citation.as_str().into()),
        ],
    )
}

/// One row of a status history, with its time already in local words.
#[derive(Debug, Clone)]
pub struct HistoryRow {
    pub at: String,
    pub status: Status,
    pub who: String,
    pub note: String,
}

/// What a printable summary shows: everything already looked up (the
/// client's name, the target in words, local times).
#[derive(Debug, Clone)]
pub struct SummaryInput<'a> {
    pub id: i64,
    pub kind: Kind,
    pub form: Option<&'a Form>,
    pub values: &'a Values,
    pub status: Status,
    /// The client's name, `None` for the person using the app.
    pub client: Option<&'a str>,
    /// The target in words ("P-00012 客服专员（某公司）").
    pub target: &'a str,
    pub created: &'a str,
    pub updated: &'a str,
    pub documents: &'a [Document],
    pub history: &'a [HistoryRow],
    /// Show card and phone numbers in full (the user asked).
    pub show_full: bool,
}

/// A plain-text summary of one application that a clerk can read on paper
/// and a screen reader can read aloud: no tables, no box drawing.
pub fn summary_text(l: &Localizer, s: &SummaryInput<'_>) -> String {
    let mut out = vec![];
    let line = |id: &str, args: &[(&str, crate::i18n::Arg<'_>)]| l.t_args(id, args);
    out.push(line("app-summary-title", &[("id", s.id.into())]));
    out.push(line(
        "app-summary-kind",
        &[("kind", kind_name(l, s.kind).as_str().into())],
    ));
    out.push(printable(&owner_text(l, s.client)));
    out.push(line(
        "app-summary-target",
        &[("target", printable(s.target).as_str().into())],
    ));
    out.push(line(
        "app-summary-status",
        &[("status", status_name(l, s.status).as_str().into())],
    ));
    out.push(line("app-summary-created", &[("time", s.created.into())]));
    out.push(line("app-summary-updated", &[("time", s.updated.into())]));
    out.push(String::new());
    out.push(l.t("app-summary-fields"));
    match s.form {
        Some(form) => {
            for f in &form.fields {
                let v = s.values.get(&f.id).map_or("", String::as_str);
                out.push(format!(
                    "  {}",
                    line(
                        "app-summary-field",
                        &[
                            ("label", field_label(l, f).as_str().into()),
                            ("value", value_text(l, f, v, s.show_full).as_str().into()),
                        ],
                    )
                ));
            }
            for (k, v) in s.values {
                if form.field(k).is_none() && !v.is_empty() {
                    out.push(format!("  {}: {}", printable(k), printable(v)));
                }
            }
        }
        None => {
            for (k, v) in s.values {
                out.push(format!("  {}: {}", printable(k), printable(v)));
            }
        }
    }
    out.push(String::new());
    out.push(l.t("app-summary-documents"));
    if s.documents.is_empty() {
        out.push(format!("  {}", l.t("app-documents-none")));
    }
    for d in s.documents {
        out.push(format!("  {}", document_text(l, d)));
    }
    out.push(String::new());
    out.push(l.t("app-summary-history"));
    for h in s.history {
        let mut row = line(
            "app-summary-event",
            &[
                ("time", h.at.as_str().into()),
                ("status", status_name(l, h.status).as_str().into()),
                ("who", printable(&h.who).as_str().into()),
            ],
        );
        if !h.note.is_empty() {
            row.push_str(&line(
                "app-summary-note",
                &[("note", h.note.as_str().into())],
            ));
        }
        out.push(format!("  {row}"));
    }
    out.join("\n") + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::forms::{Kind, load_forms};
    use crate::domain::lang::Lang;

    #[test]
    fn every_message_a_form_names_exists_in_every_language() {
        let forms = load_forms(&crate::store::embedded::bundled()).expect("forms");
        for lang in Lang::ALL {
            let l = Localizer::new(lang);
            let mut ids = vec![];
            for f in &forms {
                ids.push(f.title.clone());
                ids.push(format!("app-kind-{}", dashed(f.kind.key())));
                for field in &f.fields {
                    ids.push(field.label.clone());
                    ids.extend(field.help.clone());
                    ids.extend(field.choices.iter().map(|c| c.label.clone()));
                }
            }
            for s in Status::ALL {
                ids.push(format!("app-status-{}", dashed(s.key())));
            }
            for id in ids {
                assert!(l.has(&id), "{}: no message {id}", lang.tag());
            }
        }
    }

    #[test]
    fn values_are_read_back_in_words_and_numbers_masked() {
        let l = Localizer::new(Lang::ZhCn);
        let forms = load_forms(&crate::store::embedded::bundled()).expect("forms");
        let f = crate::domain::forms::form_for(&forms, Kind::FourOneBasicInfo).expect("form");
        let get = |id: &str| f.field(id).expect("field");
        assert_eq!(
            value_text(&l, get("birth"), "1990-03-07", false),
            "1990年3月7日"
        );
        assert_eq!(value_text(&l, get("sex"), "female", false), "女");
        assert_eq!(value_text(&l, get("employed"), "yes", false), "是");
        assert_eq!(
            value_text(&l, get("name"), "a\u{1b}[2Jb\u{202e}", false),
            "a\u{FFFD}[2Jb\u{FFFD}",
            "no escape sequence reaches the terminal"
        );
        assert_eq!(
            value_text(&l, get("card"), "36010219900307123611", false),
            "尾号3611"
        );
        assert_eq!(
            value_text(&l, get("card"), "36010219900307123611", true),
            "36010219900307123611"
        );
        assert_eq!(
            value_text(&l, get("phone"), "0851-12345678", false),
            "尾号5678"
        );
        let a = field_announcement(&l, get("phone"), "", Some(&Problem::Required), false);
        assert!(a.starts_with("联系电话"), "{a}");
        assert!(a.contains("必填"), "{a}");
        let grade = numbered_choices(&l, get("grade"));
        assert_eq!(grade.len(), 4);
        assert!(grade[0].starts_with("1. "), "{grade:?}");
    }
}
