//! `tingjian jobs search|import|sample`.

use std::io::{BufWriter, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use super::{Args, Failure, open};
use crate::domain::jobs::import::{self, Format as FileFormat, ImportError};
use crate::domain::jobs::{Category, JobKind, Posting, sample};
use crate::i18n::Localizer;
use crate::store::jobs::{JobQuery, Sort};

#[derive(Debug, Clone, clap::Subcommand)]
pub enum JobsCmd {
    /// Search postings: Chinese words of any length (按摩, 客服, 医疗按摩), with filters.
    Search(SearchArgs),
    /// Import real postings from a CSV or JSON file (format in the README); re-importing the same ids updates them.
    Import { file: PathBuf },
    /// Write deterministic sample postings (marked sample) to a .json or .csv file.
    Sample {
        #[arg(long, default_value_t = 200)]
        count: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        #[arg(long)]
        out: PathBuf,
    },
}

#[derive(Debug, Clone, clap::Args)]
pub struct SearchArgs {
    /// Words to find in the title, employer, requirements and notes; empty lists all.
    pub query: Option<String>,
    /// A province or city: 贵州, 广州, 青岛, 连云港, 江西, 贵阳 …
    #[arg(long)]
    pub region: Option<String>,
    /// open_market, public_welfare, sheltered, concentrated, internship, massage (or 公益性岗位 …)
    #[arg(long)]
    pub kind: Option<String>,
    /// visual, hearing, speech, physical, intellectual, psychosocial, multiple (or 视力 …, or the card digit 1–7)
    #[arg(long)]
    pub category: Option<String>,
    /// Only home-based work (居家就业).
    #[arg(long)]
    pub home_based: bool,
    /// relevance or date
    #[arg(long, default_value = "relevance")]
    pub sort: String,
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
    #[arg(long, value_enum, default_value = "text")]
    pub format: super::policies::Format,
}

pub fn run(args: &Args, cmd: &JobsCmd) -> Result<ExitCode, Failure> {
    match cmd {
        JobsCmd::Sample { count, seed, out } => write_sample(args, *count, *seed, out),
        JobsCmd::Search(s) => search(args, s),
        JobsCmd::Import { file } => import_file(args, file),
    }
}

fn early_loc(args: &Args) -> Localizer {
    Localizer::new(args.lang.unwrap_or_else(super::system_lang))
}

fn write_sample(args: &Args, count: usize, seed: u64, out: &PathBuf) -> Result<ExitCode, Failure> {
    let l = early_loc(args);
    let io_fail = |e: std::io::Error| {
        Failure(l.t_args(
            "error-file",
            &[
                ("path", out.display().to_string().as_str().into()),
                ("detail", e.to_string().as_str().into()),
            ],
        ))
    };
    let format = FileFormat::from_path(out).unwrap_or(FileFormat::Json);
    let file = std::fs::File::create(out).map_err(io_fail)?;
    let mut w = BufWriter::new(file);
    match format {
        FileFormat::Json => sample::write_json(count, seed, &mut w).map_err(io_fail)?,
        FileFormat::Csv => {
            let mut err = None;
            let header = crate::domain::jobs::COLUMNS.join(",");
            writeln!(w, "{header}").map_err(io_fail)?;
            sample::generate_each(count, seed, |p| {
                if err.is_some() {
                    return;
                }
                let fields = p.to_fields();
                let row: Vec<String> = crate::domain::jobs::COLUMNS
                    .iter()
                    .map(|c| csv_field(fields.get(*c).map_or("", String::as_str)))
                    .collect();
                if let Err(e) = writeln!(w, "{}", row.join(",")) {
                    err = Some(e);
                }
            });
            if let Some(e) = err {
                return Err(io_fail(e));
            }
        }
    }
    w.flush().map_err(io_fail)?;
    println!(
        "{}",
        l.t_args(
            "jobs-sample-written",
            &[
                ("count", count.into()),
                ("path", out.display().to_string().as_str().into())
            ]
        )
    );
    Ok(ExitCode::SUCCESS)
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// A query from the command line's words, with unknown values refused by name.
fn query_of(l: &Localizer, s: &SearchArgs) -> Result<JobQuery, Failure> {
    let bad = |what: &str, value: &str, allowed: &str| {
        Failure(l.t_args(
            "error-bad-value",
            &[
                ("what", what.into()),
                ("value", value.into()),
                ("allowed", allowed.into()),
            ],
        ))
    };
    let kind = match &s.kind {
        None => None,
        Some(k) => Some(JobKind::parse(k).ok_or_else(|| {
            bad(
                "--kind",
                k,
                &crate::domain::jobs::allowed(crate::domain::jobs::JOB_KINDS),
            )
        })?),
    };
    let category = match &s.category {
        None => None,
        Some(c) => Some(Category::parse(c).ok_or_else(|| {
            bad(
                "--category",
                c,
                &crate::domain::jobs::allowed(crate::domain::jobs::CATEGORIES),
            )
        })?),
    };
    let sort = match s.sort.as_str() {
        "relevance" | "相关" | "相关度" => Sort::Relevance,
        "date" | "newest" | "日期" | "最新" => Sort::Newest,
        other => return Err(bad("--sort", other, "relevance, date")),
    };
    Ok(JobQuery {
        text: s.query.clone(),
        region: s.region.clone(),
        kind,
        category,
        home_based: s.home_based.then_some(true),
        sort,
        limit: s.limit,
    })
}

/// One posting as a few lines of text, worded for the user.
pub fn posting_text(l: &Localizer, p: &Posting, n: usize) -> String {
    let trad = l.lang().traditional();
    let conv = |s: &str| {
        if trad {
            zhconv::zhconv(s, zhconv::Variant::ZhTW)
        } else {
            s.to_string()
        }
    };
    let mut head = format!("{n}. {}", conv(&p.title));
    if p.sample {
        head.push_str(&l.t("jobs-sample-mark"));
    }
    let mut place = vec![conv(&p.province), conv(&p.city)];
    if let Some(d) = &p.district {
        place.push(conv(d));
    }
    let mut line2 = vec![
        conv(&p.employer),
        l.t(&format!(
            "employer-{}",
            p.employer_kind.key().replace('_', "-")
        )),
        place.join(" "),
    ];
    if p.home_based {
        line2.push(l.t("jobs-home-based"));
    }
    line2.push(l.t(&format!("job-kind-{}", p.kind.key().replace('_', "-"))));
    let mut line3 = vec![];
    if !p.categories.is_empty() {
        let cats: Vec<String> = p
            .categories
            .iter()
            .map(|c| l.t(&format!("category-{}", c.key())))
            .collect();
        line3.push(l.t_args(
            "jobs-suits",
            &[(
                "categories",
                cats.join(&l.t("enumeration-separator")).as_str().into(),
            )],
        ));
    }
    line3.push(crate::ui::app::pay_text(l, p));
    if let Some(c) = &p.closing {
        line3.push(l.t_args("jobs-closing", &[("date", l.date(c).as_str().into())]));
    }
    format!(
        "{head}\n   {}\n   {}\n   id: {}",
        line2.join(" · "),
        line3.join(" · "),
        p.id
    )
}

fn search(args: &Args, s: &SearchArgs) -> Result<ExitCode, Failure> {
    let opened = open(args)?;
    let l = &opened.loc;
    let q = query_of(l, s)?;
    let jobs = super::open_jobs(&opened)?;
    let (postings, total) = jobs.search(&q).map_err(|e| super::store_failure(l, &e))?;
    match s.format {
        super::policies::Format::Json => {
            let v = serde_json::json!({ "total": total, "results": postings });
            println!("{}", serde_json::to_string_pretty(&v).unwrap_or_default());
        }
        super::policies::Format::Text => {
            for (i, p) in postings.iter().enumerate() {
                println!("{}\n", posting_text(l, p, i + 1));
            }
            println!(
                "{}",
                l.t_args(
                    "jobs-found",
                    &[("total", total.into()), ("shown", postings.len().into())]
                )
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Counts bytes read, for progress.
struct Counting<R> {
    inner: R,
    read: std::sync::Arc<std::sync::atomic::AtomicU64>,
}
impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read
            .fetch_add(n as u64, std::sync::atomic::Ordering::Relaxed);
        Ok(n)
    }
}

fn import_file(args: &Args, path: &PathBuf) -> Result<ExitCode, Failure> {
    let opened = open(args)?;
    let l = &opened.loc;
    let shown = path.display().to_string();
    let Some(format) = FileFormat::from_path(path) else {
        return Err(Failure(
            l.t_args("error-import-format", &[("path", shown.as_str().into())]),
        ));
    };
    let file = std::fs::File::open(path).map_err(|e| {
        Failure(l.t_args(
            "error-file",
            &[
                ("path", shown.as_str().into()),
                ("detail", e.to_string().as_str().into()),
            ],
        ))
    })?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0).max(1);
    let read = std::sync::Arc::new(std::sync::atomic::AtomicU64::new(0));
    let reader = std::io::BufReader::with_capacity(
        1 << 16,
        Counting {
            inner: file,
            read: read.clone(),
        },
    );
    let mut jobs = super::open_jobs(&opened)?;
    println!(
        "{}",
        l.t_args("jobs-import-start", &[("path", shown.as_str().into())])
    );
    // Reading and checking rows runs on its own thread while SQLite writes:
    // the two halves of an import overlap on two cores.
    // Rows travel in chunks: one hand-over per row would cost more in thread
    // wake-ups than the rows themselves.
    const CHUNK: usize = 512;
    let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<import::Row>>(16);
    let reading = std::thread::spawn(move || {
        let mut chunk = Vec::with_capacity(CHUNK);
        let r = import::read(reader, format, |row| {
            chunk.push(row);
            if chunk.len() == CHUNK {
                tx.send(std::mem::replace(&mut chunk, Vec::with_capacity(CHUNK)))
                    .map_err(|_| ())?;
            }
            Ok(())
        });
        if r.is_ok() && !chunk.is_empty() {
            tx.send(chunk).map_err(|_| ImportError::Stopped)?;
        }
        r
    });
    // A few spoken steps for a long import: a line at each quarter.
    let long = size > 4 << 20;
    let mut next_quarter = 1u64;
    let mut rejected_lines: Vec<String> = vec![];
    let outcome = jobs.import(|sink| {
        'rows: for row in rx.into_iter().flatten() {
            let r = match row.result {
                Ok(p) => sink(Some(p)),
                Err(errors) => {
                    for e in errors {
                        if rejected_lines.len() < 200 {
                            rejected_lines.push(l.t_args(
                                "jobs-import-row-error",
                                &[
                                    ("row", row.number.into()),
                                    ("column", e.column.as_str().into()),
                                    ("reason", field_problem(l, &e.problem).as_str().into()),
                                ],
                            ));
                        }
                    }
                    sink(None)
                }
            };
            let done = read.load(std::sync::atomic::Ordering::Relaxed);
            if long && next_quarter < 4 && done * 4 >= size * next_quarter {
                println!(
                    "{}",
                    l.t_args(
                        "jobs-import-progress",
                        &[("percent", ((next_quarter * 25) as i64).into())]
                    )
                );
                next_quarter += 1;
            }
            if r.is_err() {
                // Dropping the receiver stops the reading thread.
                break 'rows;
            }
        }
        match reading.join() {
            Ok(result) => result.map(|_| ()),
            Err(_) => Err(ImportError::Stopped),
        }
    });
    let counts = match outcome {
        Err(e) => return Err(super::store_failure(l, &e)),
        Ok(Err(e)) => return Err(Failure(import_error(l, &shown, &e))),
        Ok(Ok(c)) => c,
    };
    for line in &rejected_lines {
        println!("{line}");
    }
    println!(
        "{}",
        l.t_args(
            "jobs-import-done",
            &[
                ("added", counts.added.into()),
                ("updated", counts.updated.into()),
                ("rejected", counts.rejected.into())
            ]
        )
    );
    Ok(if counts.rejected > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

pub fn field_problem(l: &Localizer, p: &crate::domain::jobs::FieldProblem) -> String {
    use crate::domain::jobs::FieldProblem as F;
    match p {
        F::Missing => l.t("problem-missing"),
        F::NotAllowed(a) => l.t_args("problem-not-allowed", &[("allowed", a.as_str().into())]),
        F::BadDate => l.t("problem-bad-date"),
        F::BadNumber => l.t("problem-bad-number"),
        F::BadBool => l.t("problem-bad-bool"),
        F::PayRange => l.t("problem-pay-range"),
        F::DateRange => l.t("problem-date-range"),
        F::TooLong(n) => l.t_args("problem-too-long", &[("max", (*n).into())]),
    }
}

fn import_error(l: &Localizer, path: &str, e: &ImportError) -> String {
    let detail = match e {
        ImportError::NotUtf8 { line } => l.t_args("import-not-utf8", &[("line", (*line).into())]),
        ImportError::MissingColumns(c) => l.t_args(
            "import-missing-columns",
            &[("columns", c.join(", ").as_str().into())],
        ),
        ImportError::UnknownColumns(c) => l.t_args(
            "import-unknown-columns",
            &[("columns", c.join(", ").as_str().into())],
        ),
        ImportError::Csv { line, message } => l.t_args(
            "import-bad-at",
            &[
                ("line", (*line).into()),
                ("message", message.as_str().into()),
            ],
        ),
        ImportError::Json {
            line,
            column,
            message,
        } => l.t_args(
            "import-bad-at-column",
            &[
                ("line", (*line).into()),
                ("column", (*column).into()),
                ("message", message.as_str().into()),
            ],
        ),
        ImportError::NotAnArray => l.t("import-not-array"),
        ImportError::Io(err) => err.to_string(),
        ImportError::Stopped => l.t("import-stopped"),
    };
    l.t_args(
        "error-import",
        &[("path", path.into()), ("detail", detail.as_str().into())],
    )
}
