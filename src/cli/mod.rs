//! Command-line flags and subcommands; starts the TUI or line mode.

pub mod apply;
pub mod doctor;
pub mod entitlements;
pub mod jobs;
pub mod massage;
pub mod policies;
pub mod records;

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::{Parser, Subcommand};

use crate::domain::dataset::DataFile;
use crate::domain::lang::Lang;
use crate::domain::settings::{Settings, Verbosity};
use crate::i18n::Localizer;
use crate::speech::SpeechChoice;
use crate::store::{Cache, Paths, Records, StoreError, embedded};
use crate::ui::app::App;
use crate::ui::keymap::Keymap;
use crate::ui::{Session, SpeechFlags};

#[derive(Debug, Parser)]
#[command(
    name = "tingjian",
    version,
    about = "听见 Tingjian: 为视障求职者和残疾人服务机构设计的自发声终端应用"
)]
pub struct Args {
    /// Speech: auto (default: real speech when it works, silent with a notice when not), on, off, or transcript:PATH.
    #[arg(long, value_name = "auto|on|off|transcript:PATH", global = true)]
    pub speech: Option<SpeechChoice>,
    /// Also write every spoken line to PATH (beside real speech).
    #[arg(long, value_name = "PATH", global = true)]
    pub transcript: Option<PathBuf>,
    /// Interface language: zh-CN (default), zh-TW or en. Otherwise settings, then LANG.
    #[arg(long, value_name = "zh-CN|zh-TW|en", global = true)]
    pub lang: Option<Lang>,
    /// Keep all files (cache, records, keys) in DIR instead of the XDG folders.
    #[arg(long, value_name = "DIR", global = true)]
    pub home: Option<PathBuf>,
    /// Load data from DIR instead of the bundled data.
    #[arg(long, value_name = "DIR", global = true)]
    pub data: Option<PathBuf>,
    /// Screen-reader mode: no box drawing, focus shown by the cursor and reverse video (also TINGJIAN_SCREEN_READER=1).
    #[arg(long, global = true)]
    pub screen_reader: bool,
    /// Plain line mode: numbered menus and a prompt, no full-screen drawing.
    #[arg(long)]
    pub line: bool,
    /// Evaluate entitlements as of this date (default today), e.g. to check what applied last year.
    #[arg(long, value_name = "YYYY-MM-DD", global = true)]
    pub as_of: Option<String>,
    /// How much is spoken on each move: full or brief (overrides settings for this run).
    #[arg(long, value_name = "full|brief", global = true)]
    pub verbosity: Option<String>,
    #[command(subcommand)]
    pub command: Option<Cmd>,
}

#[derive(Debug, Subcommand)]
pub enum Cmd {
    /// Check speech, voices, screen-reader mode, files and data: run this when "it does not talk".
    Doctor,
    /// List the measures (or targets) of the regional plans, each with its citation.
    Policies(policies::PoliciesArgs),
    /// Which subsidies and entitlements apply to a person, why, and from which clause (a screening, not a decision).
    Entitlements(entitlements::EntitlementsArgs),
    /// The blind massage paths step by step: where a person stands, the next step and what it needs.
    Massage(massage::MassageArgs),
    /// Job postings: search, import, make samples.
    #[command(subcommand)]
    Jobs(jobs::JobsCmd),
    /// Apply for a job, an entitlement, training, the massage exam or certificate, or a "四个一" registration: files at once when complete, else keeps a draft and says what is missing.
    Apply(apply::ApplyArgs),
    /// List applications (all, one client's, or by status), or show one in full.
    Applications(apply::ListArgs),
    /// Move an application on: handed_over, accepted, rejected, withdrawn (or filed, once complete).
    SetStatus(apply::StatusArgs),
    /// Export applications for hand-over: CSV (opens in Excel and WPS), JSON, or printable text.
    Export(apply::ExportArgs),
    /// Save a copy of the records file (all settings, clients and applications).
    Backup(records::BackupArgs),
    /// Replace the records file with a backup; the current file is kept aside, never deleted.
    Restore(records::RestoreArgs),
    /// The records file: where it is and whether it is whole; --start-new when it cannot be read.
    Records(records::RecordsArgs),
    /// Save field edits of a draft read from stdin (name=value lines), one transaction each, printing "ok VERSION" after each commit.
    #[command(hide = true)]
    ApplyEdit(apply::EditArgs),
}

/// Everything a run needs, opened.
pub struct Opened {
    pub paths: Paths,
    pub records: Records,
    pub settings: Settings,
    pub cache: Cache,
    pub data_dir: Option<PathBuf>,
    /// Stored settings that flags override for this run.
    pub stored: crate::ui::app::StoredValues,
    /// The data files in use (bundled or `--data`).
    pub files: Vec<DataFile>,
    pub loc: Localizer,
    pub system_lang: Lang,
}

/// The language from `LANGUAGE`, `LC_ALL`, `LC_MESSAGES` or `LANG`, zh-CN when none says.
pub fn system_lang() -> Lang {
    for var in ["LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"] {
        // A value that is not UTF-8 is read lossily rather than refused.
        if let Some(v) = std::env::var_os(var) {
            let v = v.to_string_lossy();
            let first = v.split(':').next().unwrap_or("");
            if let Some(l) = Lang::from_posix_locale(first) {
                return l;
            }
        }
    }
    Lang::ZhCn
}

fn env_screen_reader() -> bool {
    std::env::var_os("TINGJIAN_SCREEN_READER").is_some_and(|v| {
        let v = v.to_string_lossy().to_ascii_lowercase();
        !(v.is_empty() || v == "0" || v == "false" || v == "no" || v == "off")
    })
}

/// A user-facing error, already worded.
pub struct Failure(pub String);

pub(crate) fn store_failure(loc: &Localizer, e: &StoreError) -> Failure {
    Failure(crate::i18n::describe::store_error(loc, e))
}

/// Open the files: records (settings), then the cache from the data.
pub fn open(args: &Args) -> Result<Opened, Failure> {
    let system_lang = system_lang();
    // Errors before settings are read are worded in the flag's or system language.
    let early = Localizer::new(args.lang.unwrap_or(system_lang));
    let paths = Paths::new(args.home.as_deref());
    paths.ensure().map_err(|e| {
        Failure(early.t_args(
            "error-records",
            &[
                ("path", paths.data_dir.display().to_string().as_str().into()),
                ("detail", e.to_string().as_str().into()),
            ],
        ))
    })?;
    let records = Records::open(&paths.records()).map_err(|e| store_failure(&early, &e))?;
    let mut settings = records
        .load_settings()
        .map_err(|e| store_failure(&early, &e))?;
    // Flags and the environment change this run only: the stored values
    // are kept to be written back when settings are saved.
    let mut stored = crate::ui::app::StoredValues::default();
    if (args.screen_reader || env_screen_reader()) && !settings.screen_reader {
        stored.screen_reader = Some(settings.screen_reader);
        settings.screen_reader = true;
    }
    if let Some(v) = args.verbosity.as_deref().and_then(Verbosity::from_key)
        && v != settings.verbosity
    {
        stored.verbosity = Some(settings.verbosity);
        settings.verbosity = v;
    }
    let loc = Localizer::new(args.lang.or(settings.lang).unwrap_or(system_lang));
    let files: Vec<DataFile> = match &args.data {
        None => embedded::bundled(),
        Some(dir) => embedded::from_dir(dir).map_err(|e| {
            Failure(loc.t_args(
                "error-data",
                &[
                    ("file", dir.display().to_string().as_str().into()),
                    ("line", "".into()),
                    ("detail", e.to_string().as_str().into()),
                ],
            ))
        })?,
    };
    let (cache, _) = Cache::open(&paths.cache(), &files).map_err(|e| store_failure(&loc, &e))?;
    Ok(Opened {
        paths,
        records,
        settings,
        cache,
        data_dir: args.data.clone(),
        stored,
        files,
        loc,
        system_lang,
    })
}

/// The jobs file of this run, with the sample postings of the data in use.
pub fn open_jobs(opened: &Opened) -> Result<crate::store::jobs::Jobs, Failure> {
    let samples: Vec<u8> = opened
        .files
        .iter()
        .find(|(n, _)| n == "jobs/sample.json")
        .map(|(_, b)| b.to_vec())
        .unwrap_or_default();
    crate::store::jobs::Jobs::open(&opened.paths.jobs(), &samples)
        .map_err(|e| store_failure(&opened.loc, &e))
}

/// The keymap with the user's overrides, and any messages about them.
pub fn keymap(paths: &Paths, loc: &Localizer) -> (Keymap, Vec<String>) {
    let file = paths.keys();
    let Ok(text) = std::fs::read_to_string(&file) else {
        return (Keymap::default(), vec![]);
    };
    let (map, errors) = Keymap::with_overrides(&text);
    let msgs = errors
        .iter()
        .map(|e| {
            let line = e
                .line
                .map(|n| format!(" {}", loc.t_args("error-data-line", &[("line", n.into())])))
                .unwrap_or_default();
            loc.t_args(
                "error-keys",
                &[
                    ("file", file.display().to_string().as_str().into()),
                    ("line", line.as_str().into()),
                    ("detail", e.message.as_str().into()),
                ],
            )
        })
        .collect();
    (map, msgs)
}

/// A reader that stops reading (`tingjian policies | head`) closes the
/// pipe; the output was wanted only that far, so the program ends quietly,
/// as the usual tools do, instead of reporting a crash.
fn quiet_on_closed_pipe() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let msg = info
            .payload()
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| info.payload().downcast_ref::<&str>().copied())
            .unwrap_or("");
        if msg.starts_with("failed printing to stdout") && msg.contains("Broken pipe") {
            std::process::exit(0);
        }
        default(info);
    }));
}

pub fn main(start: Instant) -> ExitCode {
    quiet_on_closed_pipe();
    let args = Args::parse();
    match run(args, start) {
        Ok(code) => code,
        Err(Failure(msg)) => {
            eprintln!("{msg}");
            ExitCode::from(2)
        }
    }
}

fn run(args: Args, start: Instant) -> Result<ExitCode, Failure> {
    match &args.command {
        Some(Cmd::Doctor) => return Ok(doctor::run(&args)),
        Some(Cmd::Policies(p)) => return policies::run(&args, p),
        Some(Cmd::Jobs(j)) => return jobs::run(&args, j),
        Some(Cmd::Entitlements(e)) => return entitlements::run(&args, e),
        Some(Cmd::Apply(a)) => return apply::apply(&args, a),
        Some(Cmd::Applications(a)) => return apply::list(&args, a),
        Some(Cmd::SetStatus(a)) => return apply::set_status(&args, a),
        Some(Cmd::Export(a)) => return apply::export(&args, a),
        Some(Cmd::ApplyEdit(a)) => return apply::edit(&args, a),
        Some(Cmd::Backup(a)) => return records::backup(&args, a),
        Some(Cmd::Restore(a)) => return records::restore(&args, a),
        Some(Cmd::Records(a)) => return records::records(&args, a),
        Some(Cmd::Massage(m)) => return massage::run(&args, m),
        None => {}
    }
    let opened = open(&args)?;
    let (keymap, key_errors) = keymap(&opened.paths, &opened.loc);
    let jobs = open_jobs(&opened);
    let bookmarks = opened.records.bookmarks().unwrap_or_default();
    let mut app = App::new(
        opened.cache,
        opened.settings,
        keymap,
        args.lang,
        opened.system_lang,
    );
    app.stored = opened.stored;
    app.marks = opened.records.all_step_marks().unwrap_or_default();
    // Applications and their forms: drafts waiting are offered at the start.
    app.forms = crate::domain::forms::load_forms(&opened.files).unwrap_or_default();
    app.apps = opened
        .records
        .applications(&crate::store::applications::Filter::default())
        .unwrap_or_default();
    app.app_history = app
        .apps
        .iter()
        .map(|a| (a.id, opened.records.history(a.id).unwrap_or_default()))
        .collect();
    app.who = apply::who(None);
    // Saved profiles (a service centre's clients), most recent first.
    app.saved = opened
        .records
        .profiles()
        .unwrap_or_default()
        .into_iter()
        .filter_map(|s| {
            opened
                .records
                .load_profile(s.id)
                .ok()
                .flatten()
                .map(|p| (s.id, p))
        })
        .collect();
    if let Some(d) = &args.as_of {
        app.as_of = crate::domain::card::Date::parse(d).ok_or_else(|| {
            Failure(opened.loc.t_args(
                "error-bad-value",
                &[
                    ("what", "--as-of".into()),
                    ("value", d.as_str().into()),
                    ("allowed", "YYYY-MM-DD".into()),
                ],
            ))
        })?;
    }
    match jobs {
        Ok(j) => app = app.with_jobs(j, bookmarks),
        Err(Failure(msg)) => app.status = Some(msg),
    }
    if let Some(first) = key_errors.first() {
        app.status = Some(first.clone());
    }
    let flags = SpeechFlags {
        choice: args.speech.clone(),
        transcript: args.transcript.clone(),
    };
    let mut session = Session::new(app, opened.records, flags, start).map_err(|e| {
        let path = match (&args.speech, &args.transcript) {
            (Some(SpeechChoice::Transcript(p)), _) | (_, Some(p)) => p.display().to_string(),
            _ => String::new(),
        };
        Failure(opened.loc.t_args(
            "error-transcript",
            &[
                ("path", path.as_str().into()),
                ("detail", e.to_string().as_str().into()),
            ],
        ))
    })?;
    let line_mode =
        args.line || !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal();
    let result = if line_mode {
        let stdin = std::io::stdin();
        let mut input = stdin.lock();
        let mut out = std::io::stdout().lock();
        crate::ui::line::run(&mut session, &mut input, &mut out)
    } else {
        crate::ui::tui::run(&mut session)
    };
    result.map_err(|e| {
        Failure(session.app.loc.t_args(
            "error-terminal",
            &[("detail", e.to_string().as_str().into())],
        ))
    })?;
    Ok(ExitCode::SUCCESS)
}
