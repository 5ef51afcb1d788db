//! `tingjian doctor`: what a service-centre worker runs when a user says
//! "it does not talk". Every line says what was checked and what was found.

use std::process::ExitCode;

use super::{Args, open};
use crate::domain::settings::SpeechSetting;
use crate::i18n::Localizer;
use crate::ui::voice_lang;

pub fn run(args: &Args) -> ExitCode {
    let opened = match open(args) {
        Ok(o) => o,
        Err(super::Failure(msg)) => {
            eprintln!("{msg}");
            return ExitCode::from(2);
        }
    };
    let l = &opened.loc;
    let mut out = vec![
        l.t("doctor-title"),
        l.t_args(
            "doctor-version",
            &[("version", env!("CARGO_PKG_VERSION").into())],
        ),
    ];
    out.push(l.t_args("doctor-lang", &[("lang", l.lang().tag().into())]));
    let choice = match &args.speech {
        Some(c) => c.to_string(),
        None => opened.settings.speech.key().to_string(),
    };
    out.push(l.t_args(
        "doctor-speech-choice",
        &[("choice", choice.as_str().into())],
    ));
    out.extend(speech_lines(
        l,
        args.speech.is_none() && opened.settings.speech == SpeechSetting::Off,
    ));
    match crate::speech::detect::running_screen_reader() {
        Some(name) => out.push(l.t_args(
            "doctor-screen-reader-running",
            &[("name", name.as_str().into())],
        )),
        None => out.push(l.t("doctor-screen-reader-none")),
    }
    let sr = l.t(if opened.settings.screen_reader {
        "on"
    } else {
        "off"
    });
    out.push(l.t_args(
        "doctor-screen-reader-mode",
        &[("state", sr.as_str().into())],
    ));
    out.push(l.t("doctor-files"));
    for (what, path) in [
        ("doctor-file-cache", opened.paths.cache()),
        ("doctor-file-records", opened.paths.records()),
        ("doctor-file-jobs", opened.paths.jobs()),
        ("doctor-file-keys", opened.paths.keys()),
    ] {
        let what = l.t(what);
        out.push(format!(
            "  {}",
            l.t_args(
                "doctor-file",
                &[
                    ("what", what.as_str().into()),
                    ("path", path.display().to_string().as_str().into())
                ]
            )
        ));
    }
    match opened.cache.stats() {
        Ok(s) => {
            let source = match &opened.data_dir {
                Some(d) => d.display().to_string(),
                None => l.t("doctor-data-bundled"),
            };
            out.push(l.t_args(
                "doctor-data",
                &[
                    ("source", source.as_str().into()),
                    ("hash", s.data_hash.get(..12).unwrap_or("").into()),
                ],
            ));
            out.push(l.t_args(
                "doctor-counts",
                &[
                    ("regions", s.regions.into()),
                    ("documents", s.documents.into()),
                    ("paragraphs", s.paragraphs.into()),
                ],
            ));
        }
        Err(e) => out.push(l.t_args("error-cache", &[("detail", e.to_string().as_str().into())])),
    }
    match super::open_jobs(&opened) {
        Ok(jobs) => {
            let (all, samples) = jobs.count().unwrap_or((0, 0));
            out.push(l.t_args(
                "doctor-jobs",
                &[("count", all.into()), ("samples", samples.into())],
            ));
            let check = jobs.integrity().unwrap_or_else(|e| e.to_string());
            out.push(l.t_args("doctor-jobs-check", &[("result", check.as_str().into())]));
        }
        Err(super::Failure(msg)) => out.push(msg),
    }
    let integrity = opened.records.integrity().unwrap_or_else(|e| e.to_string());
    out.push(l.t_args(
        "doctor-records-check",
        &[("result", integrity.as_str().into())],
    ));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if let Ok(m) = std::fs::metadata(opened.paths.records()) {
            let mode = format!("{:o}", m.permissions().mode() & 0o777);
            out.push(l.t_args("doctor-records-mode", &[("mode", mode.as_str().into())]));
        }
    }
    for line in out {
        println!("{line}");
    }
    ExitCode::SUCCESS
}

#[cfg(feature = "speech")]
fn speech_lines(l: &Localizer, _off: bool) -> Vec<String> {
    let report = crate::speech::tts_backend::probe(voice_lang(l.lang()));
    let mut out = vec![];
    match &report.connected {
        Ok(()) => out.push(l.t_args(
            "doctor-speech-ok",
            &[
                ("features", report.features.as_str().into()),
                ("ms", (report.elapsed_ms as i64).into()),
            ],
        )),
        Err(reason) => {
            out.push(l.t_args("doctor-speech-fail", &[("reason", reason.as_str().into())]))
        }
    }
    if report.connected.is_ok() {
        match (&report.voice, report.mandarin_voice_available) {
            (Some(v), true) => out.push(l.t_args("doctor-voice", &[("voice", v.as_str().into())])),
            _ => out.push(l.t("doctor-voice-missing")),
        }
    }
    out
}

#[cfg(not(feature = "speech"))]
fn speech_lines(l: &Localizer, _off: bool) -> Vec<String> {
    let _ = voice_lang;
    vec![l.t("doctor-speech-built-without")]
}
