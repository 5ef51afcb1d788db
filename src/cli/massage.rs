//! `tingjian massage`: the blind massage paths step by step, and where a
//! person stands on them: each step's status, its requirements met or
//! missing, its citations, and the next step.

use std::collections::BTreeMap;
use std::process::ExitCode;

use serde::Serialize;

use super::entitlements::{EntitlementsArgs, as_of, list_facts, profile, regions};
use super::{Args, Failure, open};
use crate::domain::card::Date;
use crate::domain::paths::{Mark, MassagePath, PathResult, Status, evaluate};
use crate::domain::rules::{
    Citation, Confidence, Fact, Missing, Outcome, Profile, Rule, Test, evaluate as evaluate_rules,
};
use crate::i18n::Localizer;
use crate::i18n::describe::{missing_text, used_text};
use crate::store::policies::MeasureRow;
use crate::ui::massage::{requirement_text, requirement_words, status_text};

#[derive(Debug, Clone, clap::Args)]
pub struct MassageArgs {
    /// The path: medical (医疗按摩) or health (保健按摩); both when left out.
    #[arg(long)]
    pub path: Option<String>,
    /// A step the person has done, as if marked in the app: STEP=YYYY-MM-DD (repeat for more).
    #[arg(long = "done", value_name = "STEP=DATE")]
    pub done: Vec<String>,
    #[command(flatten)]
    pub person: EntitlementsArgs,
}

#[derive(Serialize)]
struct JsonRequirement<'a> {
    requirement: String,
    used: Option<String>,
    result: Test,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
    confidence: Confidence,
    citation: &'a Citation,
}

#[derive(Serialize)]
struct JsonMeasure<'a> {
    id: &'a str,
    region: &'a str,
    summary: &'a str,
    clause: &'a str,
    quote: &'a str,
    source: &'a str,
}

#[derive(Serialize)]
struct JsonRule<'a> {
    id: &'a str,
    title: &'a str,
    outcome: Option<Outcome>,
}

#[derive(Serialize)]
struct JsonStep<'a> {
    index: usize,
    id: &'a str,
    title: &'a str,
    #[serde(flatten)]
    status: &'a Status,
    status_text: String,
    optional: bool,
    confidence: Confidence,
    what: &'a str,
    requirements: Vec<JsonRequirement<'a>>,
    met: usize,
    total: usize,
    missing: Vec<Missing>,
    gives: Option<&'a str>,
    /// Absent: not specified in the sources.
    #[serde(rename = "where")]
    place: Option<&'a str>,
    bring: &'a [String],
    not_specified: &'a [String],
    measures: Vec<JsonMeasure<'a>>,
    rules: Vec<JsonRule<'a>>,
    citations: &'a [Citation],
}

#[derive(Serialize)]
struct JsonNext<'a> {
    index: usize,
    id: &'a str,
    title: &'a str,
    /// What the step still needs: requirements not met or not known.
    needs: Vec<String>,
}

#[derive(Serialize)]
struct JsonPath<'a> {
    id: &'a str,
    title: &'a str,
    summary: &'a str,
    citations: &'a [Citation],
    next: Option<JsonNext<'a>>,
    steps: Vec<JsonStep<'a>>,
}

#[derive(Serialize)]
struct JsonOut<'a> {
    as_of: String,
    region: Option<&'a str>,
    notes: &'a [String],
    paths: Vec<JsonPath<'a>>,
}

fn fail(l: &Localizer, id: &str, args: &[(&str, crate::i18n::Arg<'_>)]) -> Failure {
    Failure(l.t_args(id, args))
}

/// `--path`: an id, or its Chinese name.
fn pick<'a>(
    l: &Localizer,
    paths: &'a [MassagePath],
    want: Option<&str>,
) -> Result<Vec<&'a MassagePath>, Failure> {
    let Some(w) = want.map(str::trim) else {
        return Ok(paths.iter().collect());
    };
    let key = match w {
        "医疗" | "医疗按摩" | "盲人医疗按摩" | "醫療" | "醫療按摩" => "medical",
        "保健" | "保健按摩" | "盲人保健按摩" => "health",
        other => other,
    };
    match paths.iter().find(|p| p.spec.id.eq_ignore_ascii_case(key)) {
        Some(p) => Ok(vec![p]),
        None => {
            let known: Vec<&str> = paths.iter().map(|p| p.spec.id.as_str()).collect();
            Err(fail(
                l,
                "error-bad-value",
                &[
                    ("what", "--path".into()),
                    ("value", w.into()),
                    ("allowed", known.join(", ").as_str().into()),
                ],
            ))
        }
    }
}

/// `--done STEP=DATE`, checked against the steps and dates.
fn marks(
    l: &Localizer,
    paths: &[MassagePath],
    done: &[String],
) -> Result<BTreeMap<String, Mark>, Failure> {
    let mut out = BTreeMap::new();
    for d in done {
        let (step, date) = d.split_once('=').unwrap_or((d.as_str(), ""));
        let step = step.trim();
        if !paths.iter().any(|p| p.step(step).is_some()) {
            let known: Vec<&str> = paths
                .iter()
                .flat_map(|p| p.steps.iter().map(|s| s.spec.id.as_str()))
                .collect();
            return Err(fail(
                l,
                "error-bad-value",
                &[
                    ("what", "--done".into()),
                    ("value", step.into()),
                    ("allowed", known.join(", ").as_str().into()),
                ],
            ));
        }
        let date = date.trim();
        let on = if date.is_empty() {
            String::new()
        } else {
            Date::parse(date)
                .ok_or_else(|| {
                    fail(
                        l,
                        "error-bad-value",
                        &[
                            ("what", "--done".into()),
                            ("value", d.as_str().into()),
                            ("allowed", "STEP=YYYY-MM-DD".into()),
                        ],
                    )
                })?
                .to_iso()
        };
        out.insert(step.to_string(), Mark { done: true, on });
    }
    Ok(out)
}

/// What the next step still needs, in words.
fn needs(l: &Localizer, path: &MassagePath, res: &PathResult, i: usize) -> Vec<String> {
    let Some(r) = res.steps.get(i) else {
        return vec![];
    };
    let mut out: Vec<String> = r
        .requirements
        .iter()
        .enumerate()
        .filter(|(_, t)| t.test != Test::Met)
        .map(|(k, t)| {
            let word = l.t(match t.test {
                Test::NotMet => "test-not-met",
                _ => "test-unknown",
            });
            format!("{}：{word}", requirement_words(l, path, i, k))
        })
        .collect();
    out.extend(
        r.missing
            .iter()
            .map(|m| l.t_args("ent-ask", &[("fact", missing_text(l, m).as_str().into())])),
    );
    out
}

pub fn run(args: &Args, a: &MassageArgs) -> Result<ExitCode, Failure> {
    let opened = open(args)?;
    let l = &opened.loc;
    if a.person.list_facts {
        let mut facts = vec![Fact::Education];
        facts.extend(Fact::MASSAGE);
        list_facts(l, &facts);
        return Ok(ExitCode::SUCCESS);
    }
    let as_of = as_of(args, l)?;
    let regions = regions(&opened)?;
    let (p, notes) = profile(l, &a.person, &regions, &as_of)?;
    let store = |e: crate::store::StoreError| super::store_failure(l, &e);
    let all = opened.cache.paths().map_err(store)?;
    let chosen = pick(l, &all, a.path.as_deref())?;
    let marks = marks(l, &all, &a.done)?;
    let rules = opened.cache.rules().map_err(store)?;
    let traditional = l.lang().traditional();
    let region = p.region.as_deref().filter(|r| *r != "elsewhere");
    let mut per_path = vec![];
    for path in chosen {
        let res = evaluate(path, &p, &marks, &as_of);
        let mut measures: Vec<Vec<MeasureRow>> = vec![];
        for s in &path.steps {
            let rows = opened
                .cache
                .measures_by_id(&s.spec.measures, traditional)
                .map_err(store)?;
            measures.push(
                rows.into_iter()
                    .filter(|m| region.is_none_or(|r| m.region_id == r))
                    .collect(),
            );
        }
        per_path.push((path, res, measures));
    }
    match a.person.format {
        super::policies::Format::Json => {
            let out = JsonOut {
                as_of: as_of.to_iso(),
                region,
                notes: &notes,
                paths: per_path
                    .iter()
                    .map(|(path, res, measures)| {
                        json_path(l, path, res, measures, &rules, &p, &as_of)
                    })
                    .collect(),
            };
            println!("{}", serde_json::to_string_pretty(&out).unwrap_or_default());
        }
        super::policies::Format::Text => {
            for n in &notes {
                println!("{n}");
            }
            println!(
                "{}",
                l.t_args(
                    "ent-as-of",
                    &[("date", l.date(&as_of.to_iso()).as_str().into())]
                )
            );
            let plans = crate::ui::massage::Plans(opened.cache.all_documents().map_err(store)?);
            for (path, res, measures) in &per_path {
                print_path(l, path, res, measures, &plans, &as_of);
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn json_path<'a>(
    l: &Localizer,
    path: &'a MassagePath,
    res: &'a PathResult,
    measures: &'a [Vec<MeasureRow>],
    rules: &'a [Rule],
    p: &Profile,
    as_of: &Date,
) -> JsonPath<'a> {
    let steps = path
        .steps
        .iter()
        .zip(&res.steps)
        .enumerate()
        .map(|(i, (s, r))| JsonStep {
            index: i + 1,
            id: &s.spec.id,
            title: &s.spec.title,
            status: &r.status,
            status_text: status_text(l, path, i, r),
            optional: s.spec.optional,
            confidence: s.spec.confidence,
            what: &s.spec.what,
            requirements: s
                .requirements
                .iter()
                .zip(&s.spec.requirements)
                .zip(&r.requirements)
                .map(|((c, spec), t)| JsonRequirement {
                    requirement: spec
                        .label
                        .clone()
                        .unwrap_or_else(|| requirement_text(l, path, c)),
                    used: t.used.as_deref().map(|u| used_text(l, c, Some(u))),
                    result: t.test,
                    note: spec.note.as_deref(),
                    confidence: spec.confidence,
                    citation: &spec.citation,
                })
                .collect(),
            met: r.met(),
            total: r.requirements.len(),
            missing: r.missing.iter().copied().collect(),
            gives: s.spec.gives.as_deref(),
            place: s.spec.place.as_deref(),
            bring: &s.spec.bring,
            not_specified: &s.spec.not_specified,
            measures: measures
                .get(i)
                .map(|ms| {
                    ms.iter()
                        .map(|m| JsonMeasure {
                            id: &m.id,
                            region: &m.region_id,
                            summary: &m.summary,
                            clause: &m.clause,
                            quote: &m.quote,
                            source: &m.source,
                        })
                        .collect()
                })
                .unwrap_or_default(),
            rules: s
                .spec
                .rules
                .iter()
                .filter_map(|id| rules.iter().find(|r| &r.spec.id == id))
                .map(|r| JsonRule {
                    id: &r.spec.id,
                    title: &r.spec.title,
                    outcome: evaluate_rules(std::slice::from_ref(r), p, as_of)
                        .first()
                        .map(|e| e.outcome),
                })
                .collect(),
            citations: &s.spec.citations,
        })
        .collect();
    JsonPath {
        id: &path.spec.id,
        title: &path.spec.title,
        summary: &path.spec.summary,
        citations: &path.spec.citations,
        next: res.next.map(|i| JsonNext {
            index: i + 1,
            id: &path.steps[i].spec.id,
            title: &path.steps[i].spec.title,
            needs: needs(l, path, res, i),
        }),
        steps,
    }
}

fn print_path(
    l: &Localizer,
    path: &MassagePath,
    res: &PathResult,
    measures: &[Vec<MeasureRow>],
    plans: &crate::ui::massage::Plans,
    as_of: &Date,
) {
    println!("\n{}", path.spec.title);
    println!("{}", path.spec.summary);
    for (i, item) in
        (0..path.steps.len()).map(|i| (i, crate::ui::massage::step_item(l, path, res, i)))
    {
        let state = item.state.unwrap_or_default();
        let here = if res.next == Some(i) { "→ " } else { "  " };
        println!(
            "{here}{}：{}：{state}",
            l.t_args(
                "position-step",
                &[
                    ("index", (i + 1).into()),
                    ("total", path.steps.len().into())
                ]
            ),
            item.label
        );
    }
    let Some(i) = res.next else {
        println!("{}", l.t("path-all-behind"));
        return;
    };
    let s = &path.steps[i];
    println!(
        "\n{}",
        l.t_args(
            "path-next",
            &[
                ("index", (i + 1).into()),
                ("title", s.spec.title.as_str().into())
            ]
        )
    );
    println!("  {}", s.spec.what);
    for n in needs(l, path, res, i) {
        println!("  {n}");
    }
    let or_not = |v: Option<&str>| v.map_or_else(|| l.t("not-specified-sources"), str::to_string);
    println!(
        "  {}：{}",
        l.t("step-where"),
        or_not(s.spec.place.as_deref())
    );
    let bring =
        (!s.spec.bring.is_empty()).then(|| s.spec.bring.join(&l.t("enumeration-separator")));
    println!("  {}：{}", l.t("step-bring"), or_not(bring.as_deref()));
    for n in &s.spec.not_specified {
        println!("  {}：{n}", l.t("step-not-specified"));
    }
    for m in measures.get(i).into_iter().flatten() {
        let note = plans
            .measure_note(l, m, as_of)
            .map(|n| format!("，{n}"))
            .unwrap_or_default();
        println!(
            "  {}：{}（{}{note}）",
            l.t_args("step-measure", &[("region", m.region_name.as_str().into())]),
            m.summary,
            l.t_args("clause", &[("clause", m.clause.as_str().into())])
        );
    }
    for c in &s.spec.citations {
        println!(
            "  {}：“{}”",
            crate::ui::massage::citation_label(l, plans, c),
            c.quote
        );
    }
    if s.spec.confidence == Confidence::Secondary {
        println!("  {}", l.t("confidence-secondary"));
    }
}
