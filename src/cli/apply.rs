//! `tingjian apply`, `applications`, `set-status`, `export`, and the hidden
//! `apply-edit`: applications from the command line. Everything is saved in
//! records.sqlite before anything is printed about it; card and phone
//! numbers are shown by their last four digits unless `--show-card`.

use std::collections::BTreeMap;
use std::io::{BufRead, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use serde::Serialize;

use super::{Args, Failure, Opened, open, open_jobs, store_failure};
use crate::clock::today;
use crate::domain::card::Date;
use crate::domain::forms::{
    Document, DocumentSources, Form, Kind, Status, TargetKind, Values, documents_for, form_for,
    load_forms, masked, parse_date, prefill, stored_value, validate,
};
use crate::domain::profile::StoredProfile;
use crate::domain::rules::Rule;
use crate::i18n::Localizer;
use crate::i18n::applications::{
    HistoryRow, SummaryInput, document_text, field_error_text, field_label, kind_name, owner_text,
    printable, status_name, summary_text, value_text,
};
use crate::store::applications::{Application, Filter, Owner, local_time};
use crate::store::{Records, StoreError};

// ---------------------------------------------------------------------------
// Flags

#[derive(Debug, Clone, clap::Args)]
pub struct ApplyArgs {
    /// job, entitlement, training, massage_exam, massage_certificate, four_one_basic_info, four_one_assessment, four_one_needs.
    #[arg(long)]
    pub kind: String,
    /// What is applied for: a posting id (job), a rule id (entitlement), a step (massage_exam, massage_certificate), a course or provider (training); optional for the four_one kinds.
    #[arg(long)]
    pub target: Option<String>,
    /// A saved client, by name (exact, or the start of a unique name; #ID when two share a name). Without it the application is your own.
    #[arg(long)]
    pub client: Option<String>,
    /// A field: name=value (see --list-fields); repeat for more.
    #[arg(long = "field", value_name = "NAME=VALUE")]
    pub fields: Vec<String>,
    /// Who is doing this (kept in the history); default the login name.
    #[arg(long = "as", value_name = "NAME")]
    pub who: Option<String>,
    /// Show card and phone numbers in full.
    #[arg(long)]
    pub show_card: bool,
    /// List the form's fields (name, type, required, choices), then stop.
    #[arg(long)]
    pub list_fields: bool,
}

#[derive(Debug, Clone, clap::Args)]
pub struct ListArgs {
    /// Only this client's applications.
    #[arg(long)]
    pub client: Option<String>,
    /// Only your own (no client).
    #[arg(long, conflicts_with = "client")]
    pub mine: bool,
    /// draft, filed, handed_over, accepted, rejected, withdrawn.
    #[arg(long)]
    pub status: Option<String>,
    /// Only this kind.
    #[arg(long)]
    pub kind: Option<String>,
    /// Show this application in full (fields, documents to bring, history).
    #[arg(long)]
    pub app: Option<i64>,
    /// Show card and phone numbers in full.
    #[arg(long)]
    pub show_card: bool,
    #[arg(long, value_enum, default_value = "text")]
    pub format: super::policies::Format,
}

#[derive(Debug, Clone, clap::Args)]
pub struct StatusArgs {
    /// The application's number.
    #[arg(long)]
    pub app: i64,
    /// filed (a complete draft), handed_over, accepted, rejected, withdrawn.
    #[arg(long)]
    pub to: String,
    /// A note kept in the history (e.g. who at the office took it).
    #[arg(long, default_value = "")]
    pub note: String,
    #[arg(long = "as", value_name = "NAME")]
    pub who: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// UTF-8 with BOM: opens in Excel and WPS.
    Csv,
    Json,
    /// A printable summary per application.
    Text,
}

#[derive(Debug, Clone, clap::Args)]
pub struct ExportArgs {
    #[arg(long, value_enum)]
    pub format: ExportFormat,
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    #[arg(long)]
    pub client: Option<String>,
    /// Only your own (no client).
    #[arg(long, conflicts_with = "client")]
    pub mine: bool,
    /// Changed on or after this day (2025-03-01, 2025年3月1日 …).
    #[arg(long)]
    pub since: Option<String>,
    /// Changed on or before this day.
    #[arg(long)]
    pub until: Option<String>,
    #[arg(long)]
    pub status: Option<String>,
    /// Write card and phone numbers in full (otherwise the last four digits).
    #[arg(long)]
    pub show_card: bool,
}

#[derive(Debug, Clone, clap::Args)]
pub struct EditArgs {
    /// The draft's number.
    #[arg(long)]
    pub app: i64,
    #[arg(long = "as", value_name = "NAME")]
    pub who: Option<String>,
}

// ---------------------------------------------------------------------------
// Shared

fn fail(l: &Localizer, id: &str, args: &[(&str, crate::i18n::Arg<'_>)]) -> Failure {
    Failure(l.t_args(id, args))
}

/// Who is recorded in the history: `--as`, else the login name. Never the
/// client's data; control characters removed, at most 64 characters.
pub fn who(flag: Option<&str>) -> String {
    let raw = flag.map(str::to_string).or_else(|| {
        ["USER", "LOGNAME", "USERNAME"]
            .iter()
            .find_map(|v| std::env::var(v).ok().filter(|s| !s.trim().is_empty()))
    });
    let clean: String = raw
        .unwrap_or_default()
        .chars()
        .filter(|c| !c.is_control())
        .take(64)
        .collect();
    let clean = clean.trim().to_string();
    if clean.is_empty() {
        "unknown".into()
    } else {
        clean
    }
}

fn as_of(args: &Args, l: &Localizer) -> Result<Date, Failure> {
    match &args.as_of {
        Some(d) => Date::parse(d).ok_or_else(|| {
            fail(
                l,
                "error-bad-value",
                &[
                    ("what", "--as-of".into()),
                    ("value", d.as_str().into()),
                    ("allowed", "YYYY-MM-DD".into()),
                ],
            )
        }),
        None => Ok(today()),
    }
}

fn parse_kind(l: &Localizer, s: &str) -> Result<Kind, Failure> {
    Kind::from_key(s).ok_or_else(|| {
        let known: Vec<String> = Kind::ALL
            .iter()
            .map(|k| format!("{} ({})", k.key(), kind_name(l, *k)))
            .collect();
        fail(
            l,
            "error-bad-value",
            &[
                ("what", "--kind".into()),
                ("value", s.into()),
                ("allowed", known.join(", ").as_str().into()),
            ],
        )
    })
}

fn parse_status(l: &Localizer, what: &str, s: &str) -> Result<Status, Failure> {
    Status::from_key(s).ok_or_else(|| {
        let known: Vec<String> = Status::ALL
            .iter()
            .map(|k| format!("{} ({})", k.key(), status_name(l, *k)))
            .collect();
        fail(
            l,
            "error-bad-value",
            &[
                ("what", what.into()),
                ("value", s.into()),
                ("allowed", known.join(", ").as_str().into()),
            ],
        )
    })
}

fn parse_day(l: &Localizer, what: &str, s: &str) -> Result<Date, Failure> {
    parse_date(s).ok_or_else(|| {
        fail(
            l,
            "error-bad-value",
            &[
                ("what", what.into()),
                ("value", s.into()),
                (
                    "allowed",
                    "2025-03-01, 2025/3/1, 2025年3月1日, 20250301".into(),
                ),
            ],
        )
    })
}

fn forms(
    opened_files: &[crate::domain::dataset::DataFile],
    l: &Localizer,
) -> Result<Vec<Form>, Failure> {
    load_forms(opened_files).map_err(|e| store_failure(l, &StoreError::Data(e)))
}

fn form_of<'a>(forms: &'a [Form], kind: Kind, l: &Localizer) -> Result<&'a Form, Failure> {
    form_for(forms, kind).ok_or_else(|| {
        fail(
            l,
            "app-error-no-form",
            &[("kind", kind_name(l, kind).as_str().into())],
        )
    })
}

/// A saved client by name: exact, then the start of a unique name; `#ID`
/// picks by number when two share a name.
pub fn find_client(
    l: &Localizer,
    records: &Records,
    name: &str,
) -> Result<(i64, StoredProfile), Failure> {
    let name = name.trim();
    let list = records.profiles().map_err(|e| store_failure(l, &e))?;
    let describe = |s: &crate::domain::profile::ProfileSummary| match &s.card_last_four {
        Some(last4) => l.t_args(
            "app-client-with-card",
            &[
                ("name", s.label.as_str().into()),
                ("last4", last4.as_str().into()),
                ("id", s.id.into()),
            ],
        ),
        None => l.t_args(
            "app-client-no-card",
            &[("name", s.label.as_str().into()), ("id", s.id.into())],
        ),
    };
    let by_id = name
        .strip_prefix('#')
        .and_then(|n| n.parse::<i64>().ok())
        .and_then(|id| list.iter().find(|s| s.id == id));
    let exact: Vec<_> = list.iter().filter(|s| s.label.trim() == name).collect();
    let prefix: Vec<_> = list
        .iter()
        .filter(|s| !name.is_empty() && s.label.trim().starts_with(name))
        .collect();
    let chosen = match (by_id, exact.as_slice(), prefix.as_slice()) {
        (Some(s), _, _) => s,
        (None, [one], _) => *one,
        (None, [], [one]) => *one,
        (None, [], []) => {
            let known: Vec<String> = list.iter().map(describe).collect();
            let known = if known.is_empty() {
                l.t("app-no-clients")
            } else {
                known.join(l.t("list-separator").as_str())
            };
            return Err(fail(
                l,
                "app-error-unknown-client",
                &[("name", name.into()), ("known", known.as_str().into())],
            ));
        }
        (None, [], many) | (None, many, _) => {
            let names: Vec<String> = many.iter().map(|s| describe(s)).collect();
            return Err(fail(
                l,
                "app-error-ambiguous-client",
                &[
                    ("name", name.into()),
                    (
                        "matches",
                        names.join(l.t("list-separator").as_str()).as_str().into(),
                    ),
                ],
            ));
        }
    };
    let profile = records
        .load_profile(chosen.id)
        .map_err(|e| store_failure(l, &e))?
        .unwrap_or_default();
    Ok((chosen.id, profile))
}

/// Client ids to names.
fn client_names(l: &Localizer, records: &Records) -> Result<BTreeMap<i64, String>, Failure> {
    Ok(records
        .profiles()
        .map_err(|e| store_failure(l, &e))?
        .into_iter()
        .map(|p| (p.id, p.label))
        .collect())
}

/// What the targets are, looked up once.
struct Targets {
    rules: Vec<Rule>,
    paths: Vec<crate::domain::paths::MassagePath>,
    jobs: Option<crate::store::jobs::Jobs>,
}

impl Targets {
    fn load(opened: &Opened, need_jobs: bool) -> Result<Targets, Failure> {
        let rules = opened
            .cache
            .rules()
            .map_err(|e| store_failure(&opened.loc, &e))?;
        let jobs = if need_jobs {
            open_jobs(opened).ok()
        } else {
            None
        };
        let paths = opened
            .cache
            .paths()
            .map_err(|e| store_failure(&opened.loc, &e))?;
        Ok(Targets { rules, paths, jobs })
    }

    /// The target in words: "P-00012 客服专员（某公司）", a rule's title …
    fn text(&self, l: &Localizer, kind: Kind, target: &str) -> String {
        if target.is_empty() {
            return l.t("app-target-none");
        }
        match kind.target() {
            TargetKind::Posting => self
                .jobs
                .as_ref()
                .and_then(|j| j.get(target).ok().flatten())
                .map_or_else(
                    || target.to_string(),
                    |p| {
                        l.t_args(
                            "app-target-posting",
                            &[
                                ("id", target.into()),
                                ("title", p.title.as_str().into()),
                                ("employer", p.employer.as_str().into()),
                            ],
                        )
                    },
                ),
            TargetKind::Rule | TargetKind::Free => {
                self.rules.iter().find(|r| r.spec.id == target).map_or_else(
                    || target.to_string(),
                    |r| {
                        l.t_args(
                            "app-target-rule",
                            &[
                                ("id", target.into()),
                                ("title", r.spec.title.as_str().into()),
                            ],
                        )
                    },
                )
            }
            TargetKind::Step => self
                .paths
                .iter()
                .find_map(|p| p.step(target))
                .map_or_else(|| target.to_string(), |s| s.spec.title.clone()),
        }
    }

    fn documents(&self, kind: Kind, target: &str) -> Vec<Document> {
        documents_for(
            kind,
            target,
            &DocumentSources {
                rules: &self.rules,
                paths: &self.paths,
            },
        )
    }
}

fn no_control(s: &str) -> bool {
    !s.chars().any(char::is_control)
}

/// Check the target exists (a posting, a rule) or is given when it must be.
fn check_target(l: &Localizer, kind: Kind, target: &str, targets: &Targets) -> Result<(), Failure> {
    if target.chars().count() > 200 || !no_control(target) {
        return Err(fail(l, "app-error-target-bad", &[]));
    }
    if target.is_empty() {
        if kind.target_required() {
            return Err(fail(
                l,
                "app-error-target-needed",
                &[("kind", kind_name(l, kind).as_str().into())],
            ));
        }
        return Ok(());
    }
    match kind.target() {
        TargetKind::Posting => {
            let found = targets
                .jobs
                .as_ref()
                .map(|j| j.get(target))
                .transpose()
                .map_err(|e| store_failure(l, &e))?
                .flatten();
            if found.is_none() {
                return Err(fail(l, "app-error-no-posting", &[("id", target.into())]));
            }
        }
        TargetKind::Rule => {
            if !targets.rules.iter().any(|r| r.spec.id == target) {
                return Err(fail(l, "app-error-no-rule", &[("id", target.into())]));
            }
        }
        TargetKind::Step => {
            if !targets.paths.iter().any(|p| p.step(target).is_some()) {
                let known: Vec<&str> = targets
                    .paths
                    .iter()
                    .flat_map(|p| p.steps.iter().map(|s| s.spec.id.as_str()))
                    .collect();
                return Err(fail(
                    l,
                    "error-bad-value",
                    &[
                        ("what", "--target".into()),
                        ("value", target.into()),
                        ("allowed", known.join(", ").as_str().into()),
                    ],
                ));
            }
        }
        TargetKind::Free => {}
    }
    Ok(())
}

/// `name=value` pairs from `--field`, checked against the form.
fn field_pairs(
    l: &Localizer,
    form: &Form,
    raw: &[String],
) -> Result<Vec<(String, String)>, Failure> {
    let mut out = vec![];
    for f in raw {
        let Some((name, value)) = f.split_once('=') else {
            return Err(fail(
                l,
                "app-error-field-form",
                &[("field", f.as_str().into())],
            ));
        };
        let name = name.trim();
        if form.field(name).is_none() {
            let known: Vec<&str> = form.fields.iter().map(|f| f.id.as_str()).collect();
            return Err(fail(
                l,
                "app-error-unknown-field",
                &[
                    ("field", name.into()),
                    ("known", known.join(", ").as_str().into()),
                ],
            ));
        }
        out.push((name.to_string(), value.to_string()));
    }
    Ok(out)
}

fn list_fields(l: &Localizer, form: &Form) {
    println!("{}", l.t(&form.title));
    for f in &form.fields {
        let ty = l.t(&format!("app-type-{}", f.ty.key().replace('_', "-")));
        let req = if f.required {
            l.t("app-required")
        } else {
            l.t("form-optional")
        };
        let mut line = l.t_args(
            "app-list-field",
            &[
                ("id", f.id.as_str().into()),
                ("label", field_label(l, f).as_str().into()),
                ("type", ty.as_str().into()),
                ("required", req.as_str().into()),
            ],
        );
        if let Some(p) = f.prefill {
            line.push_str(&l.t_args(
                "app-prefilled-from",
                &[("source", String::from(p).as_str().into())],
            ));
        }
        println!("{line}");
        if let Some(h) = crate::i18n::applications::field_help(l, f) {
            println!("    {h}");
        }
        for c in crate::i18n::applications::numbered_choices(l, f) {
            let i = c.split('.').next().unwrap_or("");
            let value = i
                .parse::<usize>()
                .ok()
                .and_then(|i| f.choices.get(i.saturating_sub(1)))
                .map_or("", |c| c.value.as_str());
            println!("    {c} ({value})");
        }
    }
}

// ---------------------------------------------------------------------------
// apply

pub fn apply(args: &Args, a: &ApplyArgs) -> Result<ExitCode, Failure> {
    let mut opened = open(args)?;
    let l = Localizer::new(opened.loc.lang());
    let kind = parse_kind(&l, &a.kind)?;
    let forms = forms(&opened.files, &l)?;
    let form = form_of(&forms, kind, &l)?;
    if a.list_fields {
        list_fields(&l, form);
        return Ok(ExitCode::SUCCESS);
    }
    let today = as_of(args, &l)?;
    let who = who(a.who.as_deref());
    let target = a.target.clone().unwrap_or_default().trim().to_string();
    let targets = Targets::load(&opened, kind.target() == TargetKind::Posting)?;
    check_target(&l, kind, &target, &targets)?;
    let client = match &a.client {
        Some(name) => Some(find_client(&l, &opened.records, name)?),
        None => None,
    };
    let pairs = field_pairs(&l, form, &a.fields)?;
    let typed: Vec<(String, String)> = pairs
        .iter()
        .filter_map(|(k, v)| {
            form.field(k)
                .map(|f| (k.clone(), stored_value(f, v, &today).0))
        })
        .collect();
    let profile_id = client.as_ref().map(|(id, _)| *id);
    let client_name = client.as_ref().map(|(_, p)| p.label.clone());
    println!("{}", printable(&owner_text(&l, client_name.as_deref())));
    println!(
        "{}",
        l.t_args(
            "app-applying",
            &[
                ("kind", kind_name(&l, kind).as_str().into()),
                ("target", targets.text(&l, kind, &target).as_str().into()),
            ]
        )
    );
    let records = &mut opened.records;
    let sf = |e: StoreError| store_failure(&l, &e);
    let app = match records.find_draft(kind, &target, profile_id).map_err(sf)? {
        Some(draft) => {
            println!(
                "{}",
                l.t_args("app-draft-continued", &[("id", draft.id.into())])
            );
            if typed.is_empty() {
                draft
            } else {
                records
                    .set_fields(draft.id, draft.version, &typed, &who)
                    .map_err(sf)?;
                records
                    .application(draft.id)
                    .map_err(sf)?
                    .ok_or_else(|| sf(StoreError::NoSuchApplication { id: draft.id }))?
            }
        }
        None => {
            let regions: Vec<(String, String)> = opened
                .cache
                .regions()
                .map_err(sf)?
                .into_iter()
                .map(|r| (r.id, r.name))
                .collect();
            let region_name = |id: &str| {
                regions
                    .iter()
                    .find(|(r, _)| r == id)
                    .map(|(_, n)| n.clone())
            };
            let mut values: Values = match &client {
                Some((_, p)) => prefill(form, p, &region_name, &today),
                None => Values::new(),
            };
            values.extend(typed.iter().cloned());
            let app = records
                .create_application(kind, &target, profile_id, &values, &who)
                .map_err(sf)?;
            println!("{}", l.t_args("app-draft-new", &[("id", app.id.into())]));
            app
        }
    };
    let errors = validate(form, &app.values, &today);
    if errors.is_empty() {
        records
            .change_status(app.id, app.version, Status::Filed, &who, "")
            .map_err(sf)?;
        println!("{}", l.t_args("app-filed", &[("id", app.id.into())]));
        for f in &form.fields {
            let v = app.values.get(&f.id).map_or("", String::as_str);
            if !v.is_empty() {
                println!(
                    "  {}：{}",
                    field_label(&l, f),
                    value_text(&l, f, v, a.show_card)
                );
            }
        }
        let docs = targets.documents(kind, &target);
        if docs.is_empty() {
            println!("{}", l.t("app-documents-none"));
        } else {
            println!("{}", l.t("app-summary-documents"));
            for d in &docs {
                println!("  {}", document_text(&l, d));
            }
        }
        Ok(ExitCode::SUCCESS)
    } else {
        println!(
            "{}",
            l.t_args(
                "app-draft-kept",
                &[("id", app.id.into()), ("count", errors.len().into())]
            )
        );
        for e in &errors {
            println!(
                "  - {}{}",
                field_error_text(&l, form, e),
                l.t_args("app-hint-field", &[("field", e.field.as_str().into())])
            );
        }
        println!("{}", l.t("app-continue-hint"));
        Ok(ExitCode::from(1))
    }
}

// ---------------------------------------------------------------------------
// apply-edit (hidden): the crash and concurrency tests' driver

/// Read `field=value` lines; save each in its own transaction and print
/// `ok VERSION` once it is committed. A conflict (another program changed
/// the draft) ends with exit code 3 and nothing written over theirs.
pub fn edit(args: &Args, a: &EditArgs) -> Result<ExitCode, Failure> {
    let mut r = super::records::open_records(args)?;
    let l = &r.loc;
    let files = match &args.data {
        None => crate::store::embedded::bundled(),
        Some(dir) => crate::store::embedded::from_dir(dir).map_err(|e| {
            fail(
                l,
                "error-file",
                &[
                    ("path", dir.display().to_string().as_str().into()),
                    ("detail", e.to_string().as_str().into()),
                ],
            )
        })?,
    };
    let forms = forms(&files, l)?;
    let today = as_of(args, l)?;
    let who = who(a.who.as_deref());
    let app = r
        .records
        .application(a.app)
        .map_err(|e| store_failure(l, &e))?
        .ok_or_else(|| store_failure(l, &StoreError::NoSuchApplication { id: a.app }))?;
    let form = form_of(&forms, app.kind, l)?.clone();
    let mut version = app.version;
    let stdin = std::io::stdin();
    let mut out = std::io::stdout().lock();
    for line in stdin.lock().lines() {
        let Ok(line) = line else { break };
        if line.trim().is_empty() {
            continue;
        }
        let Some((name, value)) = line.split_once('=') else {
            let _ = writeln!(
                out,
                "error {}",
                l.t_args("app-error-field-form", &[("field", line.as_str().into())])
            );
            continue;
        };
        let Some(field) = form.field(name.trim()) else {
            let known: Vec<&str> = form.fields.iter().map(|f| f.id.as_str()).collect();
            let _ = writeln!(
                out,
                "error {}",
                l.t_args(
                    "app-error-unknown-field",
                    &[
                        ("field", name.trim().into()),
                        ("known", known.join(", ").as_str().into())
                    ]
                )
            );
            continue;
        };
        let (value, _) = stored_value(field, value, &today);
        match r.records.set_field(a.app, version, &field.id, &value, &who) {
            Ok(v) => {
                version = v;
                // Acknowledged only after the commit.
                if writeln!(out, "ok {v}").and_then(|_| out.flush()).is_err() {
                    break;
                }
            }
            Err(e @ StoreError::Conflict { .. }) => {
                let _ = out.flush();
                eprintln!("{}", store_failure(l, &e).0);
                return Ok(ExitCode::from(3));
            }
            Err(e) => return Err(store_failure(l, &e)),
        }
    }
    Ok(ExitCode::SUCCESS)
}

// ---------------------------------------------------------------------------
// set-status

pub fn set_status(args: &Args, a: &StatusArgs) -> Result<ExitCode, Failure> {
    let mut opened = open(args)?;
    let l = Localizer::new(opened.loc.lang());
    let to = parse_status(&l, "--to", &a.to)?;
    if !no_control(&a.note) || a.note.chars().count() > 500 {
        return Err(fail(&l, "app-error-note", &[]));
    }
    let who = who(a.who.as_deref());
    let sf = |e: StoreError| store_failure(&l, &e);
    let app = opened
        .records
        .application(a.app)
        .map_err(sf)?
        .ok_or_else(|| sf(StoreError::NoSuchApplication { id: a.app }))?;
    if to == Status::Filed && app.status == Status::Draft {
        let forms = forms(&opened.files, &l)?;
        let form = form_of(&forms, app.kind, &l)?;
        let errors = validate(form, &app.values, &as_of(args, &l)?);
        if !errors.is_empty() {
            println!(
                "{}",
                l.t_args(
                    "app-draft-kept",
                    &[("id", app.id.into()), ("count", errors.len().into())]
                )
            );
            for e in &errors {
                println!("  - {}", field_error_text(&l, form, e));
            }
            return Ok(ExitCode::from(1));
        }
    }
    opened
        .records
        .change_status(app.id, app.version, to, &who, a.note.trim())
        .map_err(sf)?;
    println!(
        "{}",
        l.t_args(
            "app-status-changed",
            &[
                ("id", app.id.into()),
                ("from", status_name(&l, app.status).as_str().into()),
                ("to", status_name(&l, to).as_str().into()),
            ]
        )
    );
    Ok(ExitCode::SUCCESS)
}

// ---------------------------------------------------------------------------
// applications, export

/// One application with everything needed to show it.
struct Shown<'a> {
    app: &'a Application,
    form: Option<&'a Form>,
    client: Option<String>,
    target: String,
    created: String,
    updated: String,
    documents: Vec<Document>,
    history: Vec<HistoryRow>,
}

fn shown<'a>(
    l: &Localizer,
    records: &Records,
    forms: &'a [Form],
    clients: &BTreeMap<i64, String>,
    targets: &Targets,
    app: &'a Application,
) -> Result<Shown<'a>, Failure> {
    let history = records
        .history(app.id)
        .map_err(|e| store_failure(l, &e))?
        .into_iter()
        .map(|e| HistoryRow {
            at: local_time(records, &e.at),
            status: e.status,
            who: e.who,
            note: e.note,
        })
        .collect();
    Ok(Shown {
        app,
        form: form_for(forms, app.kind),
        client: app.profile_id.map(|id| {
            clients
                .get(&id)
                .cloned()
                .unwrap_or_else(|| format!("#{id}"))
        }),
        target: targets.text(l, app.kind, &app.target),
        created: local_time(records, &app.created_at),
        updated: local_time(records, &app.updated_at),
        documents: targets.documents(app.kind, &app.target),
        history,
    })
}

fn summary(l: &Localizer, s: &Shown<'_>, show_full: bool) -> String {
    summary_text(
        l,
        &SummaryInput {
            id: s.app.id,
            kind: s.app.kind,
            form: s.form,
            values: &s.app.values,
            status: s.app.status,
            client: s.client.as_deref(),
            target: &s.target,
            created: &s.created,
            updated: &s.updated,
            documents: &s.documents,
            history: &s.history,
            show_full,
        },
    )
}

#[derive(Serialize)]
struct JsonField {
    label: String,
    /// As stored; card and phone numbers masked unless --show-card.
    value: String,
    /// As read back.
    text: String,
}

#[derive(Serialize)]
struct JsonEvent<'a> {
    at: &'a str,
    status: Status,
    who: &'a str,
    note: &'a str,
}

#[derive(Serialize)]
struct JsonDocument<'a> {
    what: &'a str,
    source: &'a str,
    clause: &'a str,
    quote: &'a str,
}

#[derive(Serialize)]
struct JsonApp<'a> {
    id: i64,
    kind: Kind,
    kind_name: String,
    target: &'a str,
    target_text: &'a str,
    client: Option<&'a str>,
    status: Status,
    status_name: String,
    version: i64,
    created: &'a str,
    updated: &'a str,
    fields: BTreeMap<&'a str, JsonField>,
    documents: Vec<JsonDocument<'a>>,
    history: Vec<JsonEvent<'a>>,
}

fn json_app<'a>(l: &Localizer, s: &'a Shown<'a>, show_full: bool) -> JsonApp<'a> {
    let mut fields = BTreeMap::new();
    for (k, v) in &s.app.values {
        let field = s.form.and_then(|f| f.field(k));
        let masked_type = field.is_some_and(|f| f.ty.is_masked());
        fields.insert(
            k.as_str(),
            JsonField {
                label: field.map_or_else(|| k.clone(), |f| field_label(l, f)),
                value: if masked_type && !show_full {
                    masked(v)
                } else {
                    v.clone()
                },
                text: field.map_or_else(|| v.clone(), |f| value_text(l, f, v, show_full)),
            },
        );
    }
    JsonApp {
        id: s.app.id,
        kind: s.app.kind,
        kind_name: kind_name(l, s.app.kind),
        target: &s.app.target,
        target_text: &s.target,
        client: s.client.as_deref(),
        status: s.app.status,
        status_name: status_name(l, s.app.status),
        version: s.app.version,
        created: &s.created,
        updated: &s.updated,
        fields,
        documents: s
            .documents
            .iter()
            .map(|d| JsonDocument {
                what: &d.what,
                source: &d.citation.source,
                clause: &d.citation.clause,
                quote: &d.citation.quote,
            })
            .collect(),
        history: s
            .history
            .iter()
            .map(|h| JsonEvent {
                at: &h.at,
                status: h.status,
                who: &h.who,
                note: &h.note,
            })
            .collect(),
    }
}

fn owner_filter(
    l: &Localizer,
    records: &Records,
    client: Option<&str>,
    mine: bool,
) -> Result<Owner, Failure> {
    Ok(match (client, mine) {
        (Some(name), _) => Owner::Client(find_client(l, records, name)?.0),
        (None, true) => Owner::Myself,
        (None, false) => Owner::Anyone,
    })
}

pub fn list(args: &Args, a: &ListArgs) -> Result<ExitCode, Failure> {
    let opened = open(args)?;
    let l = &opened.loc;
    let sf = |e: StoreError| store_failure(l, &e);
    let forms = forms(&opened.files, l)?;
    let targets = Targets::load(&opened, true)?;
    let clients = client_names(l, &opened.records)?;
    let apps: Vec<Application> = match a.app {
        Some(id) => vec![
            opened
                .records
                .application(id)
                .map_err(sf)?
                .ok_or_else(|| sf(StoreError::NoSuchApplication { id }))?,
        ],
        None => {
            let filter = Filter {
                owner: owner_filter(l, &opened.records, a.client.as_deref(), a.mine)?,
                status: a
                    .status
                    .as_deref()
                    .map(|s| parse_status(l, "--status", s))
                    .transpose()?,
                kind: a.kind.as_deref().map(|k| parse_kind(l, k)).transpose()?,
                ..Filter::default()
            };
            opened.records.applications(&filter).map_err(sf)?
        }
    };
    let shown: Vec<Shown<'_>> = apps
        .iter()
        .map(|app| shown(l, &opened.records, &forms, &clients, &targets, app))
        .collect::<Result<_, _>>()?;
    match a.format {
        super::policies::Format::Json => {
            let out: Vec<JsonApp<'_>> = shown.iter().map(|s| json_app(l, s, a.show_card)).collect();
            println!("{}", serde_json::to_string_pretty(&out).unwrap_or_default());
        }
        super::policies::Format::Text => {
            if a.app.is_some() {
                for s in &shown {
                    print!("{}", summary(l, s, a.show_card));
                }
            } else if shown.is_empty() {
                println!("{}", l.t("app-list-empty"));
            } else {
                for s in &shown {
                    println!(
                        "{}",
                        l.t_args(
                            "app-list-row",
                            &[
                                ("id", s.app.id.into()),
                                (
                                    "owner",
                                    printable(&owner_text(l, s.client.as_deref()))
                                        .as_str()
                                        .into()
                                ),
                                ("kind", kind_name(l, s.app.kind).as_str().into()),
                                ("target", printable(&s.target).as_str().into()),
                                ("status", status_name(l, s.app.status).as_str().into()),
                                ("updated", s.updated.as_str().into()),
                            ]
                        )
                    );
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn export(args: &Args, a: &ExportArgs) -> Result<ExitCode, Failure> {
    let opened = open(args)?;
    let l = &opened.loc;
    let forms = forms(&opened.files, l)?;
    let targets = Targets::load(&opened, true)?;
    let clients = client_names(l, &opened.records)?;
    let filter = Filter {
        owner: owner_filter(l, &opened.records, a.client.as_deref(), a.mine)?,
        status: a
            .status
            .as_deref()
            .map(|s| parse_status(l, "--status", s))
            .transpose()?,
        since: a
            .since
            .as_deref()
            .map(|s| parse_day(l, "--since", s))
            .transpose()?,
        until: a
            .until
            .as_deref()
            .map(|s| parse_day(l, "--until", s))
            .transpose()?,
        ..Filter::default()
    };
    let apps = opened
        .records
        .applications(&filter)
        .map_err(|e| store_failure(l, &e))?;
    let shown: Vec<Shown<'_>> = apps
        .iter()
        .map(|app| shown(l, &opened.records, &forms, &clients, &targets, app))
        .collect::<Result<_, _>>()?;
    let file_fail = |detail: String| {
        fail(
            l,
            "error-file",
            &[
                ("path", a.out.display().to_string().as_str().into()),
                ("detail", detail.as_str().into()),
            ],
        )
    };
    let mut file = std::io::BufWriter::new(
        crate::store::private_file(&a.out).map_err(|e| file_fail(e.to_string()))?,
    );
    match a.format {
        ExportFormat::Csv => {
            let rows: Vec<crate::i18n::export::Row<'_>> = shown
                .iter()
                .map(|s| crate::i18n::export::Row {
                    app: s.app,
                    form: s.form,
                    client: s.client.clone(),
                    target: s.target.clone(),
                    created: s.created.clone(),
                    updated: s.updated.clone(),
                })
                .collect();
            crate::i18n::export::write_csv(l, &rows, &forms, a.show_card, &mut file)
                .map_err(|e| file_fail(e.to_string()))?
        }
        ExportFormat::Json => {
            let out: Vec<JsonApp<'_>> = shown.iter().map(|s| json_app(l, s, a.show_card)).collect();
            serde_json::to_writer_pretty(&mut file, &out).map_err(|e| file_fail(e.to_string()))?;
            writeln!(file).map_err(|e| file_fail(e.to_string()))?;
        }
        ExportFormat::Text => {
            for (i, s) in shown.iter().enumerate() {
                if i > 0 {
                    // A page break for the printer, silent for a screen reader.
                    writeln!(file, "\u{000C}").map_err(|e| file_fail(e.to_string()))?;
                }
                write!(file, "{}", summary(l, s, a.show_card))
                    .map_err(|e| file_fail(e.to_string()))?;
            }
        }
    }
    file.flush().map_err(|e| file_fail(e.to_string()))?;
    println!(
        "{}",
        l.t_args(
            "app-exported",
            &[
                ("count", shown.len().into()),
                ("path", a.out.display().to_string().as_str().into()),
            ]
        )
    );
    if a.show_card {
        println!("{}", l.t("app-exported-full-numbers"));
    }
    Ok(ExitCode::SUCCESS)
}
