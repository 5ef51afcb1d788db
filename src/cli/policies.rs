//! `tingjian policies`: the measures and targets of the five plans, as text
//! or JSON, each with its citation (source file, clause, exact quote).

use std::process::ExitCode;

use serde::Serialize;

use super::{Args, Failure, open};
use crate::domain::measures::{Action, format_value};
use crate::store::policies::{MeasureFilter, MeasureRow, TargetRow};
use crate::ui::app::action_id;

#[derive(Debug, Clone, clap::Args)]
pub struct PoliciesArgs {
    /// A region by name or id: 广州, 贵州, 青岛, 连云港, 江西 (or guangzhou, …).
    #[arg(long)]
    pub region: Option<String>,
    /// An action: public_bodies, state_enterprises, private_enterprises, social_organisations, hard_to_employ, rural, graduates, blind_massage, employment_services, vocational_skills, general.
    #[arg(long)]
    pub action: Option<String>,
    /// Words to find in the measures (any length, simplified or traditional).
    #[arg(long)]
    pub query: Option<String>,
    /// List the regions' targets instead of measures.
    #[arg(long)]
    pub targets: bool,
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
}

#[derive(Serialize)]
struct Citation<'a> {
    source: &'a str,
    clause: &'a str,
    quote: &'a str,
}

#[derive(Serialize)]
struct JsonNumber<'a> {
    what: &'a str,
    value: f64,
    unit: &'a str,
    per: Option<&'a str>,
    written: &'a str,
    citation: Citation<'a>,
}

#[derive(Serialize)]
struct JsonDeadline<'a> {
    date: &'a str,
    quote: &'a str,
}

#[derive(Serialize)]
struct JsonMeasure<'a> {
    id: &'a str,
    region: &'a str,
    region_name: &'a str,
    document: &'a str,
    action: &'static str,
    kind: &'static str,
    summary: &'a str,
    beneficiaries: &'a [String],
    responsible: &'a [String],
    deadline: Option<JsonDeadline<'a>>,
    numbers: Vec<JsonNumber<'a>>,
    citation: Citation<'a>,
}

#[derive(Serialize)]
struct JsonTarget<'a> {
    id: &'a str,
    region: &'a str,
    region_name: &'a str,
    document: &'a str,
    metric: &'a str,
    what: &'a str,
    value: f64,
    unit: &'a str,
    period: Option<&'a str>,
    written: &'a str,
    citation: Citation<'a>,
}

fn json_measure(m: &MeasureRow) -> JsonMeasure<'_> {
    JsonMeasure {
        id: &m.id,
        region: &m.region_id,
        region_name: &m.region_name,
        document: &m.document_id,
        action: m.action.key(),
        kind: m.kind.key(),
        summary: &m.summary,
        beneficiaries: &m.beneficiaries,
        responsible: &m.responsible,
        deadline: m
            .deadline
            .as_ref()
            .map(|(d, q)| JsonDeadline { date: d, quote: q }),
        numbers: m
            .numbers
            .iter()
            .map(|n| JsonNumber {
                what: &n.what,
                value: n.value,
                unit: &n.unit,
                per: n.per.as_deref(),
                written: &n.written,
                citation: Citation {
                    source: &m.source,
                    clause: &m.clause,
                    quote: &n.quote,
                },
            })
            .collect(),
        citation: Citation {
            source: &m.source,
            clause: &m.clause,
            quote: &m.quote,
        },
    }
}

fn json_target(t: &TargetRow) -> JsonTarget<'_> {
    JsonTarget {
        id: &t.id,
        region: &t.region_id,
        region_name: &t.region_name,
        document: &t.document_id,
        metric: &t.metric,
        what: &t.what,
        value: t.value,
        unit: &t.unit,
        period: t.period.as_deref(),
        written: &t.written,
        citation: Citation {
            source: &t.source,
            clause: &t.clause,
            quote: &t.quote,
        },
    }
}

pub fn run(args: &Args, p: &PoliciesArgs) -> Result<ExitCode, Failure> {
    let opened = open(args)?;
    let l = &opened.loc;
    let trad = l.lang().traditional();
    let conv = |s: &str| {
        if trad {
            zhconv::zhconv(s, zhconv::Variant::ZhTW)
        } else {
            s.to_string()
        }
    };
    let cache_err = |e: crate::store::StoreError| {
        Failure(l.t_args("error-cache", &[("detail", e.to_string().as_str().into())]))
    };
    let region = match &p.region {
        None => None,
        Some(r) => match opened.cache.find_region(r).map_err(cache_err)? {
            Some(region) => Some(region),
            None => {
                let names: Vec<String> = opened
                    .cache
                    .regions()
                    .map_err(cache_err)?
                    .into_iter()
                    .map(|r| r.name)
                    .collect();
                return Err(Failure(l.t_args(
                    "error-unknown-region",
                    &[
                        ("region", r.as_str().into()),
                        (
                            "known",
                            names.join(&l.t("enumeration-separator")).as_str().into(),
                        ),
                    ],
                )));
            }
        },
    };
    let action = match &p.action {
        None => None,
        Some(a) => match Action::from_key(a)
            .or_else(|| Action::ALL.into_iter().find(|x| l.t(action_id(*x)) == *a))
        {
            Some(a) => Some(a),
            None => {
                let keys: Vec<&str> = Action::ALL.iter().map(|a| a.key()).collect();
                return Err(Failure(l.t_args(
                    "error-unknown-action",
                    &[
                        ("action", a.as_str().into()),
                        ("known", keys.join(", ").as_str().into()),
                    ],
                )));
            }
        },
    };
    let mut out = String::new();
    if p.targets {
        let targets = opened
            .cache
            .targets(region.as_ref().map(|r| r.id.as_str()))
            .map_err(cache_err)?;
        match p.format {
            Format::Json => {
                let v: Vec<JsonTarget<'_>> = targets.iter().map(json_target).collect();
                out = serde_json::to_string_pretty(&v).unwrap_or_default();
            }
            Format::Text => {
                for t in &targets {
                    out.push_str(&format!(
                        "{}\n  {}\n",
                        l.t_args(
                            "cli-target-head",
                            &[
                                ("region", conv(&t.region_name).as_str().into()),
                                ("clause", conv(&t.clause).as_str().into()),
                            ]
                        ),
                        l.t_args(
                            "target-value",
                            &[
                                ("what", conv(&t.what).as_str().into()),
                                ("value", format_value(t.value).as_str().into()),
                                ("unit", conv(&t.unit).as_str().into()),
                            ]
                        ),
                    ));
                    out.push_str(&format!(
                        "  {}\n\n",
                        l.t_args(
                            "cli-quote",
                            &[
                                ("quote", t.quote.as_str().into()),
                                ("source", t.source.as_str().into())
                            ]
                        )
                    ));
                }
                out.push_str(&l.t_args("cli-count-targets", &[("count", targets.len().into())]));
                out.push('\n');
            }
        }
    } else {
        let filter = MeasureFilter {
            region: region.map(|r| r.id),
            action,
            query: p.query.clone(),
        };
        let measures = opened.cache.measures(&filter, trad).map_err(cache_err)?;
        match p.format {
            Format::Json => {
                let v: Vec<JsonMeasure<'_>> = measures.iter().map(json_measure).collect();
                out = serde_json::to_string_pretty(&v).unwrap_or_default();
            }
            Format::Text => {
                for m in &measures {
                    out.push_str(&l.t_args(
                        "cli-measure-head",
                        &[
                            ("region", conv(&m.region_name).as_str().into()),
                            ("action", l.t(action_id(m.action)).as_str().into()),
                            ("clause", conv(&m.clause).as_str().into()),
                        ],
                    ));
                    out.push('\n');
                    out.push_str(&format!("  {}\n", m.summary));
                    let kind = l.t(match m.kind {
                        crate::domain::measures::MeasureKind::Duty => "kind-duty",
                        crate::domain::measures::MeasureKind::Support => "kind-support",
                        crate::domain::measures::MeasureKind::Target => "kind-target",
                    });
                    let deadline = match &m.deadline {
                        Some((d, w)) => l.t_args(
                            "deadline-with-words",
                            &[
                                ("date", l.date(d).as_str().into()),
                                ("words", w.as_str().into()),
                            ],
                        ),
                        None => l.t("deadline-none"),
                    };
                    out.push_str(&format!(
                        "  {}{}{}\n",
                        kind,
                        l.t("list-separator"),
                        deadline
                    ));
                    for n in &m.numbers {
                        out.push_str(&format!(
                            "  {}\n",
                            l.t_args(
                                "number-value",
                                &[
                                    ("what", conv(&n.what).as_str().into()),
                                    ("value", format_value(n.value).as_str().into()),
                                    ("unit", conv(&n.unit).as_str().into()),
                                ]
                            )
                        ));
                    }
                    out.push_str(&format!(
                        "  {}\n\n",
                        l.t_args(
                            "cli-quote",
                            &[
                                ("quote", m.quote.as_str().into()),
                                ("source", m.source.as_str().into())
                            ]
                        )
                    ));
                }
                out.push_str(&l.t_args("cli-count-measures", &[("count", measures.len().into())]));
                out.push('\n');
            }
        }
    }
    print!("{out}");
    if p.format == Format::Json {
        println!();
    }
    Ok(ExitCode::SUCCESS)
}
