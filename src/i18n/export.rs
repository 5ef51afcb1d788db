//! Applications exported for hand-over to a service centre, worded: the
//! CSV a clerk opens in Excel or WPS. Used by `tingjian export` and the
//! applications screen alike.

use std::io::Write;

use crate::domain::forms::{FieldType, Form};
use crate::i18n::Localizer;
use crate::i18n::applications::{field_label, kind_name, masked_text, status_name, value_text};
use crate::store::applications::Application;

/// One application as exported: its client's name, what it is for and its
/// times, already in words and local time.
pub struct Row<'a> {
    pub app: &'a Application,
    pub form: Option<&'a Form>,
    pub client: Option<String>,
    pub target: String,
    pub created: String,
    pub updated: String,
}

/// A cell as Excel and WPS should show it: long digit strings (a card
/// number shown in full) and ones with a leading 0 stay text (`="…"`);
/// text that would start a formula gets a leading `'`.
fn spreadsheet_cell(value: &str, digits_as_text: bool) -> String {
    let all_digits = !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit() || b == b'X');
    if digits_as_text && all_digits && (value.len() >= 11 || value.starts_with('0')) {
        return format!("=\"{value}\"");
    }
    if value.starts_with(['=', '+', '-', '@']) {
        return format!("'{value}");
    }
    value.to_string()
}

/// Applications as CSV for a clerk: UTF-8 with a BOM (Excel and WPS open it
/// as such), one column per field of the forms shown, card and phone
/// numbers by their last four digits unless `show_full`.
pub fn write_csv(
    l: &Localizer,
    shown: &[Row<'_>],
    forms: &[Form],
    show_full: bool,
    out: &mut impl Write,
) -> Result<(), Box<dyn std::error::Error>> {
    out.write_all("\u{feff}".as_bytes())?;
    // One column per field id, in the order of the forms (card has its own).
    let mut columns: Vec<(&str, String)> = vec![];
    for f in forms {
        if !shown.iter().any(|s| s.app.kind == f.kind) {
            continue;
        }
        for field in &f.fields {
            if field.id != "card" && !columns.iter().any(|(id, _)| *id == field.id) {
                columns.push((&field.id, field_label(l, field)));
            }
        }
    }
    let mut w = csv::WriterBuilder::new().from_writer(out);
    let mut header: Vec<String> = [
        "app-col-id",
        "app-col-client",
        "app-col-card",
        "app-col-kind",
        "app-col-target",
        "app-col-status",
        "app-col-created",
        "app-col-updated",
    ]
    .iter()
    .map(|id| l.t(id))
    .collect();
    header.extend(columns.iter().map(|(_, label)| label.clone()));
    w.write_record(&header)?;
    for s in shown {
        let card = s.app.values.get("card").filter(|c| !c.is_empty());
        let mut row = vec![
            s.app.id.to_string(),
            spreadsheet_cell(
                &s.client.clone().unwrap_or_else(|| l.t("app-myself")),
                false,
            ),
            card.map(|c| spreadsheet_cell(&masked_text(l, c, show_full), true))
                .unwrap_or_default(),
            kind_name(l, s.app.kind),
            spreadsheet_cell(&s.target, false),
            status_name(l, s.app.status),
            s.created.clone(),
            s.updated.clone(),
        ];
        for (id, _) in &columns {
            let v = s.app.values.get(*id).map_or("", String::as_str);
            let field = s.form.and_then(|f| f.field(id));
            let cell = match field {
                _ if v.is_empty() => String::new(),
                // Applications of another kind have no such field.
                None => spreadsheet_cell(v, false),
                Some(f) if f.ty == FieldType::Date => v.to_string(),
                Some(f) if f.ty.is_masked() => {
                    spreadsheet_cell(&masked_text(l, v, show_full), true)
                }
                Some(f) => spreadsheet_cell(&value_text(l, f, v, show_full), false),
            };
            row.push(cell);
        }
        w.write_record(&row)?;
    }
    w.flush()?;
    Ok(())
}
