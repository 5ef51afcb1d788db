//! The applications screens: the list of a client's applications with
//! status and date, one application as a form (each field with its label,
//! value, "必填" and its problem), the papers to bring with their sources,
//! what can be done next (file, hand over, withdraw …), and its history.
//! State and items only; `app.rs` routes keys here and the session writes
//! every change to records.sqlite before the next key.

use super::announce;
use super::view::{Item, Role};
use crate::domain::card::Date;
use crate::domain::forms::{
    Document, FieldError, FieldType, Form, Kind, Problem, Status, normalise,
};
use crate::i18n::Localizer;
use crate::i18n::applications::{
    document_text, field_announcement, field_error_text, kind_name, status_name,
};
use crate::store::applications::{Application, Event};

/// A change to the records the session makes before the next key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordsOp {
    /// A new draft, prefilled; the form opens on it.
    Create {
        kind: Kind,
        target: String,
        profile_id: Option<i64>,
        values: crate::domain::forms::Values,
    },
    /// One field of a draft, made on `expected` (the version shown).
    SetField {
        id: i64,
        expected: i64,
        field: String,
        value: String,
    },
    /// A status change (filed, handed over, accepted, rejected, withdrawn).
    Status { id: i64, expected: i64, to: Status },
    /// Read the applications again (another terminal may have changed them),
    /// then open the list.
    ReloadAndList,
    /// Write these applications (id, client's name, target in words) to a
    /// CSV file for the service centre, named for `who` (the client or "全部").
    ExportCsv {
        rows: Vec<(i64, Option<String>, String)>,
        who: String,
    },
}

/// One entry of an application's screen, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    /// Whose file and what it is for.
    About,
    Field(usize),
    /// The papers to bring (one entry each), or that the data names none.
    Document(usize),
    NoDocuments,
    /// Move the application on (file, hand over, accept, reject, withdraw).
    Action(Status),
    History(usize),
}

/// What can be done next with an application, in the order offered.
pub fn actions(status: Status) -> Vec<Status> {
    [
        Status::Filed,
        Status::HandedOver,
        Status::Accepted,
        Status::Rejected,
        Status::Withdrawn,
    ]
    .into_iter()
    .filter(|to| status.can_move_to(*to))
    .collect()
}

pub fn entries(a: &Application, form: &Form, documents: usize, history: usize) -> Vec<Entry> {
    let mut out = vec![Entry::About];
    out.extend((0..form.fields.len()).map(Entry::Field));
    if documents == 0 {
        out.push(Entry::NoDocuments);
    } else {
        out.extend((0..documents).map(Entry::Document));
    }
    out.extend(actions(a.status).into_iter().map(Entry::Action));
    out.extend((0..history).map(Entry::History));
    out
}

/// The problem of a stored value, if it has one (a required field left
/// empty is said on the summary before filing, not while filling in).
pub fn problem_of(form: &Form, i: usize, a: &Application, today: &Date) -> Option<Problem> {
    let f = form.fields.get(i)?;
    let v = a.values.get(&f.id).map(String::as_str).unwrap_or("");
    if v.trim().is_empty() {
        return None;
    }
    normalise(f, v, today).err()
}

/// Whether a field takes typed text (the others change with Left and Right).
pub fn is_typed(form: &Form, i: usize) -> bool {
    form.fields
        .get(i)
        .is_some_and(|f| !matches!(f.ty, FieldType::Choice | FieldType::YesNo))
}

/// The next value of a choice or yes/no field: empty, then each choice, around.
pub fn cycle_value(form: &Form, i: usize, current: &str, up: bool) -> Option<String> {
    let f = form.fields.get(i)?;
    let mut options: Vec<String> = vec![String::new()];
    match f.ty {
        FieldType::YesNo => options.extend(["yes".to_string(), "no".to_string()]),
        FieldType::Choice => options.extend(f.choices.iter().map(|c| c.value.clone())),
        _ => return None,
    }
    let n = options.len();
    let at = options.iter().position(|o| o == current).unwrap_or(0);
    Some(options[if up { (at + 1) % n } else { (at + n - 1) % n }].clone())
}

/// An application as a list item: "求职申请：盲人保健按摩师（某公司），草稿，2026年11月22日".
pub fn list_item(l: &Localizer, a: &Application, target: &str, date: &str) -> Item {
    Item::new(
        l.t_args(
            "app-item",
            &[
                ("kind", kind_name(l, a.kind).as_str().into()),
                ("target", target.into()),
            ],
        ),
        Role::ListItem,
    )
    .with_state(announce::join(l, &[status_name(l, a.status), l.date(date)]))
}

/// The items of an application's screen.
#[allow(clippy::too_many_arguments)]
pub fn items(
    l: &Localizer,
    a: &Application,
    form: &Form,
    entries: &[Entry],
    documents: &[Document],
    history: &[Event],
    whose: &str,
    target: &str,
    today: &Date,
    local_time: &dyn Fn(&str) -> String,
) -> Vec<Item> {
    let role_of = |i: usize| {
        if is_typed(form, i) {
            Role::EditField
        } else {
            Role::Setting
        }
    };
    entries
        .iter()
        .map(|e| match e {
            Entry::About => Item::new(
                l.t_args(
                    "app-item",
                    &[
                        ("kind", kind_name(l, a.kind).as_str().into()),
                        ("target", target.into()),
                    ],
                ),
                Role::Field,
            )
            .with_state(announce::join(
                l,
                &[whose.to_string(), status_name(l, a.status)],
            )),
            Entry::Field(i) => {
                let f = &form.fields[*i];
                let v = a.values.get(&f.id).map(String::as_str).unwrap_or("");
                let said =
                    field_announcement(l, f, v, problem_of(form, *i, a, today).as_ref(), false);
                // The label leads; the rest is the state.
                let label = crate::i18n::applications::field_label(l, f);
                let state = said
                    .strip_prefix(&label)
                    .map(|s| {
                        s.trim_start_matches(l.t("list-separator").as_str())
                            .to_string()
                    })
                    .unwrap_or(said.clone());
                // An empty field of a draft says how to fill it in.
                let help = crate::i18n::applications::field_help(l, f)
                    .filter(|_| v.trim().is_empty() && a.status.is_editable());
                let state = match help {
                    Some(h) => announce::join(l, &[state, h]),
                    None => state,
                };
                Item::new(label, role_of(*i)).with_state(state)
            }
            Entry::Document(k) => Item::new(l.t("app-bring"), Role::Field).with_state(
                documents
                    .get(*k)
                    .map(|d| document_text(l, d))
                    .unwrap_or_default(),
            ),
            Entry::NoDocuments => {
                Item::new(l.t("app-bring"), Role::Field).with_state(l.t("app-documents-none"))
            }
            Entry::Action(to) => Item::new(l.t(action_id(*to)), Role::MenuItem),
            Entry::History(k) => match history.get(*k) {
                Some(ev) if !ev.note.trim().is_empty() => Item::new(
                    l.t_args(
                        "app-history-item",
                        &[
                            ("status", status_name(l, ev.status).as_str().into()),
                            ("at", local_time(&ev.at).as_str().into()),
                            ("who", ev.who.as_str().into()),
                        ],
                    ),
                    Role::HistoryEntry,
                )
                .with_state(crate::i18n::applications::printable(&ev.note)),
                Some(ev) => Item::new(
                    l.t_args(
                        "app-history-item",
                        &[
                            ("status", status_name(l, ev.status).as_str().into()),
                            ("at", local_time(&ev.at).as_str().into()),
                            ("who", ev.who.as_str().into()),
                        ],
                    ),
                    Role::HistoryEntry,
                ),
                None => Item::new(String::new(), Role::HistoryEntry),
            },
        })
        .collect()
}

/// The Fluent id of the action that moves an application to `to`.
pub fn action_id(to: Status) -> &'static str {
    match to {
        Status::Draft => "app-action-draft",
        Status::Filed => "app-action-file",
        Status::HandedOver => "app-action-handed-over",
        Status::Accepted => "app-action-accepted",
        Status::Rejected => "app-action-rejected",
        Status::Withdrawn => "app-action-withdraw",
    }
}

/// The summary of problems before filing, one item each.
pub fn error_items(l: &Localizer, form: &Form, errors: &[FieldError]) -> Vec<Item> {
    errors
        .iter()
        .enumerate()
        .map(|(i, e)| Item::new(field_error_text(l, form, e), Role::ListItem).at(i, errors.len()))
        .collect()
}
