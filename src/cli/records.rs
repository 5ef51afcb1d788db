//! `tingjian backup`, `tingjian restore FILE`, `tingjian records
//! [--start-new]`: the records file, copied, restored, checked, and started
//! anew when it cannot be read (only when the user agrees; the old file is
//! kept aside, never deleted).

use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use super::{Args, Failure, store_failure};
use crate::i18n::Localizer;
use crate::store::{Paths, Records, StoreError, backup as bk};

#[derive(Debug, Clone, clap::Args)]
pub struct BackupArgs {
    /// Where to write the copy (a new file); default records-backup-<time>.sqlite beside the records file.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Clone, clap::Args)]
pub struct RestoreArgs {
    /// A backup made with `tingjian backup` (or a records.sqlite kept aside).
    pub file: PathBuf,
}

#[derive(Debug, Clone, clap::Args)]
pub struct RecordsArgs {
    /// When the records file cannot be read: keep it aside as records.sqlite.damaged-<time> and start a new, empty one (asks first).
    #[arg(long)]
    pub start_new: bool,
    /// Do not ask (for scripts): agree to --start-new.
    #[arg(long)]
    pub yes: bool,
}

/// The records file and the language of this run, without the cache.
pub struct RecordsOnly {
    pub paths: Paths,
    pub records: Records,
    pub loc: Localizer,
}

/// The paths and a localizer in the flag's or system language.
pub(crate) fn early(args: &Args) -> Result<(Paths, Localizer), Failure> {
    let loc = Localizer::new(args.lang.unwrap_or_else(super::system_lang));
    let paths = Paths::new(args.home.as_deref());
    paths.ensure().map_err(|e| {
        Failure(loc.t_args(
            "error-records",
            &[
                ("path", paths.data_dir.display().to_string().as_str().into()),
                ("detail", e.to_string().as_str().into()),
            ],
        ))
    })?;
    Ok((paths, loc))
}

/// Open only the records file (and take the language from its settings).
pub fn open_records(args: &Args) -> Result<RecordsOnly, Failure> {
    let (paths, early_loc) = early(args)?;
    let records = Records::open(&paths.records()).map_err(|e| store_failure(&early_loc, &e))?;
    let settings = records
        .load_settings()
        .map_err(|e| store_failure(&early_loc, &e))?;
    let loc = match (args.lang, settings.lang) {
        (None, Some(l)) => Localizer::new(l),
        _ => early_loc,
    };
    Ok(RecordsOnly {
        paths,
        records,
        loc,
    })
}

pub fn backup(args: &Args, a: &BackupArgs) -> Result<ExitCode, Failure> {
    let r = open_records(args)?;
    let dest = a
        .out
        .clone()
        .unwrap_or_else(|| bk::default_backup_path(&r.paths.records(), &crate::clock::stamp()));
    bk::backup(&r.records, &dest).map_err(|e| match e {
        StoreError::Io { path, source } => Failure(r.loc.t_args(
            "error-file",
            &[
                ("path", path.as_str().into()),
                ("detail", source.to_string().as_str().into()),
            ],
        )),
        other => store_failure(&r.loc, &other),
    })?;
    println!(
        "{}",
        r.loc.t_args(
            "app-backup-written",
            &[("path", dest.display().to_string().as_str().into())]
        )
    );
    Ok(ExitCode::SUCCESS)
}

pub fn restore(args: &Args, a: &RestoreArgs) -> Result<ExitCode, Failure> {
    let (paths, loc) = early(args)?;
    let aside = bk::restore(&paths.records(), &a.file, &crate::clock::stamp())
        .map_err(|e| store_failure(&loc, &e))?;
    let from = a.file.display().to_string();
    match aside {
        Some(p) => println!(
            "{}",
            loc.t_args(
                "app-restored-kept",
                &[
                    ("from", from.as_str().into()),
                    ("aside", p.display().to_string().as_str().into()),
                ]
            )
        ),
        None => println!(
            "{}",
            loc.t_args("app-restored", &[("from", from.as_str().into())])
        ),
    }
    Ok(ExitCode::SUCCESS)
}

/// Ask on the terminal; `true` only for an explicit yes.
fn confirm(loc: &Localizer, path: &str) -> bool {
    eprint!(
        "{} ",
        loc.t_args("app-records-confirm", &[("path", path.into())])
    );
    let _ = std::io::stderr().flush();
    let mut line = String::new();
    if std::io::stdin().lock().read_line(&mut line).is_err() {
        return false;
    }
    matches!(
        line.trim().to_lowercase().as_str(),
        "y" | "yes" | "是" | "好" | "确定" | "確定"
    )
}

pub fn records(args: &Args, a: &RecordsArgs) -> Result<ExitCode, Failure> {
    if !a.start_new {
        let r = open_records(args)?;
        let l = &r.loc;
        let fail = |e: StoreError| store_failure(l, &e);
        let integrity = r.records.integrity().map_err(fail)?;
        let profiles = r.records.profiles().map_err(fail)?.len();
        let apps = r
            .records
            .applications(&Default::default())
            .map_err(fail)?
            .len();
        println!(
            "{}",
            l.t_args(
                "app-records-status",
                &[
                    (
                        "path",
                        r.paths.records().display().to_string().as_str().into()
                    ),
                    ("integrity", integrity.as_str().into()),
                    ("clients", profiles.into()),
                    ("applications", apps.into()),
                ]
            )
        );
        return Ok(if integrity == "ok" {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(1)
        });
    }
    let (paths, loc) = early(args)?;
    let path = paths.records();
    let shown = path.display().to_string();
    match Records::open(&path) {
        Ok(_) => {
            println!(
                "{}",
                loc.t_args("app-records-fine", &[("path", shown.as_str().into())])
            );
            return Ok(ExitCode::from(1));
        }
        Err(StoreError::RecordsUnreadable { .. }) => {}
        Err(other) => return Err(store_failure(&loc, &other)),
    }
    if !a.yes {
        if !std::io::stdin().is_terminal() {
            return Err(Failure(loc.t_args(
                "app-records-need-yes",
                &[("path", shown.as_str().into())],
            )));
        }
        if !confirm(&loc, &shown) {
            println!("{}", loc.t("app-records-not-confirmed"));
            return Ok(ExitCode::from(1));
        }
    }
    let (aside, _) =
        bk::start_new(&path, &crate::clock::stamp()).map_err(|e| store_failure(&loc, &e))?;
    let aside = aside.map(|p| p.display().to_string()).unwrap_or_default();
    println!(
        "{}",
        loc.t_args(
            "app-records-started-new",
            &[
                ("path", shown.as_str().into()),
                ("aside", aside.as_str().into())
            ]
        )
    );
    Ok(ExitCode::SUCCESS)
}
