//! The interactive app: screens as state ([`app`]), drawn by [`render`],
//! spoken through [`announce`], driven by the TUI loop ([`tui`]) or the plain
//! line mode ([`line`]). Both loops share one [`Session`], the one place where
//! effects (speech, saving) happen.

pub mod announce;
pub mod app;
pub mod applications;
pub mod backend;
pub mod entitlements;
pub mod keymap;
pub mod line;
pub mod massage;
pub mod render;
pub mod tui;
pub mod view;

use std::path::PathBuf;
use std::time::Instant;

use crate::domain::lang::Lang;
use crate::domain::settings::SpeechSetting;
use crate::speech::{SpeechChoice, SpeechHandle, SpeechOptions, VoiceLang};
use crate::store::Records;
use crate::store::applications::Filter;
use app::{App, Effect, SpeechStatus};
use applications::RecordsOp;

/// How speech was asked for on the command line.
#[derive(Debug, Clone, Default)]
pub struct SpeechFlags {
    /// `--speech`; `None` follows settings.
    pub choice: Option<SpeechChoice>,
    /// `--transcript PATH`: a transcript beside whatever speaks.
    pub transcript: Option<PathBuf>,
}

pub fn voice_lang(lang: Lang) -> VoiceLang {
    match lang {
        Lang::En => VoiceLang::English,
        Lang::ZhCn | Lang::ZhTw => VoiceLang::Mandarin,
    }
}

/// An app with its speech and its records: where effects are carried out.
pub struct Session {
    pub app: App,
    pub records: Records,
    pub speech: SpeechHandle,
    flags: SpeechFlags,
    start: Instant,
    /// Set when the speech setting changed during this run: then the setting
    /// rules, not the `--speech` flag.
    setting_changed: bool,
}

impl Session {
    pub fn new(
        app: App,
        records: Records,
        flags: SpeechFlags,
        start: Instant,
    ) -> std::io::Result<Session> {
        let speech = SpeechHandle::start(Self::speech_options(&app, &flags, false, start))?;
        Ok(Session {
            app,
            records,
            speech,
            flags,
            start,
            setting_changed: false,
        })
    }

    /// A session whose speech goes nowhere (for tests of whole tasks that
    /// read the app's history instead).
    pub fn silent(app: App, records: Records) -> Session {
        Session {
            app,
            records,
            speech: SpeechHandle::silent(),
            flags: SpeechFlags::default(),
            start: Instant::now(),
            setting_changed: false,
        }
    }

    fn speech_options(
        app: &App,
        flags: &SpeechFlags,
        setting_rules: bool,
        start: Instant,
    ) -> SpeechOptions {
        let from_setting = match app.settings.speech {
            SpeechSetting::Auto => SpeechChoice::Auto,
            SpeechSetting::On => SpeechChoice::On,
            SpeechSetting::Off => SpeechChoice::Off,
        };
        let (choice, transcript) = match (&flags.choice, setting_rules) {
            (Some(SpeechChoice::Transcript(p)), true) => (from_setting, Some(p.clone())),
            (Some(c), false) => (c.clone(), flags.transcript.clone()),
            _ => (from_setting, flags.transcript.clone()),
        };
        SpeechOptions {
            choice,
            transcript,
            rate: app.settings.rate,
            volume: app.settings.volume,
            lang: voice_lang(app.lang()),
            cached_voice: app.settings.voice.clone(),
            screen_reader: None,
            start,
        }
    }

    /// Carry out effects; returns true when the app should quit.
    pub fn apply(&mut self, effects: Vec<Effect>) -> bool {
        let mut quit = false;
        for e in effects {
            match e {
                Effect::Speak(text) => self.speech.speak(text),
                Effect::SaveSettings => {
                    if let Err(err) = self.records.save_settings(&self.app.settings_to_save()) {
                        self.records_error(&err);
                    }
                }
                Effect::SpeechParams => {
                    self.speech.set_rate(self.app.settings.rate);
                    self.speech.set_volume(self.app.settings.volume);
                    self.speech.set_language(voice_lang(self.app.lang()));
                }
                Effect::RestartSpeech => {
                    self.setting_changed = true;
                    let opts = Self::speech_options(&self.app, &self.flags, true, self.start);
                    match SpeechHandle::start(opts) {
                        // Dropping the old handle stops and joins its thread.
                        Ok(h) => self.speech = h,
                        Err(_) => self.app.speech_status = SpeechStatus::Unavailable,
                    }
                }
                Effect::ToggleBookmark(id) => {
                    if let Err(err) = self.records.toggle_bookmark(&id) {
                        // Not saved: put the screen back as it was and say why.
                        if !self.app.bookmarks.remove(&id) {
                            self.app.bookmarks.insert(id);
                        }
                        self.records_error(&err);
                    }
                }
                Effect::SaveProfile => {
                    if let Some((id, stored)) = self.app.form_to_save() {
                        match self.records.save_profile(id, &stored) {
                            Ok(id) => self.app.profile_saved(id, stored),
                            Err(err) => {
                                self.records_error(&err);
                            }
                        }
                    }
                }
                Effect::DeleteProfile(id) => {
                    if let Err(err) = self.records.delete_profile(id) {
                        // Not deleted (a client with applications is kept):
                        // the list goes back to what the records hold.
                        let ids = self.records.profiles().unwrap_or_default();
                        self.app.saved = ids
                            .into_iter()
                            .filter_map(|s| {
                                self.records
                                    .load_profile(s.id)
                                    .ok()
                                    .flatten()
                                    .map(|p| (s.id, p))
                            })
                            .collect();
                        self.records_error(&err);
                    }
                }
                Effect::MarkStep {
                    owner,
                    step,
                    done,
                    on,
                } => {
                    if let Err(err) = self.records.mark_step(&owner, &step, done, &on) {
                        // Not kept: the screen goes back to what the records say.
                        if let Ok(m) = self.records.step_marks(&owner) {
                            self.app.marks.insert(owner, m);
                        }
                        self.records_error(&err);
                    }
                }
                Effect::Records(op) => {
                    let more = self.records_op(op);
                    quit |= self.apply(more);
                }
                Effect::PopAndAnnounce => {
                    let more = self.app.pop_and_announce();
                    quit |= self.apply(more);
                }
                Effect::Quit => quit = true,
            }
        }
        quit
    }

    /// Make a change to the applications, then tell the app; a version
    /// conflict (another terminal changed the same application) is merged
    /// field by field, or said when it cannot be.
    fn records_op(&mut self, op: RecordsOp) -> Vec<Effect> {
        let who = self.app.who.clone();
        match op {
            RecordsOp::ReloadAndList => {
                match self.records.applications(&Filter::default()) {
                    Ok(apps) => {
                        let history = apps
                            .iter()
                            .map(|a| (a.id, self.records.history(a.id).unwrap_or_default()))
                            .collect();
                        self.app.applications_loaded(apps, history);
                    }
                    Err(err) => self.records_error(&err),
                }
                self.app.show_applications()
            }
            RecordsOp::ExportCsv { rows, who } => {
                let msg = match self.export_csv(&rows, &who) {
                    Ok(path) => self.app.loc.t_args(
                        "apps-exported",
                        &[
                            ("count", rows.len().into()),
                            ("path", path.display().to_string().as_str().into()),
                        ],
                    ),
                    Err(e) => self.app.loc.t_args(
                        "error-file",
                        &[
                            ("path", who.as_str().into()),
                            ("detail", e.to_string().as_str().into()),
                        ],
                    ),
                };
                vec![self.app.notify(msg)]
            }
            RecordsOp::Create {
                kind,
                target,
                profile_id,
                values,
            } => match self
                .records
                .create_application(kind, &target, profile_id, &values, &who)
            {
                Ok(a) => {
                    let h = self.records.history(a.id).unwrap_or_default();
                    self.app.application_created(a, h)
                }
                Err(err) => {
                    self.records_error(&err);
                    vec![]
                }
            },
            RecordsOp::SetField {
                id,
                expected,
                field,
                value,
            } => {
                let saved = match self.records.set_field(id, expected, &field, &value, &who) {
                    Err(crate::store::StoreError::Conflict { .. }) => {
                        // Another terminal saved this application first: keep
                        // its changes and put this field on top of them.
                        let merged = self
                            .records
                            .application(id)
                            .ok()
                            .flatten()
                            .filter(|a| a.status.is_editable())
                            .map(|fresh| {
                                self.records
                                    .set_field(id, fresh.version, &field, &value, &who)
                            });
                        match merged {
                            Some(Ok(v)) => {
                                let msg = self.app.loc.t("app-merged");
                                if let Effect::Speak(t) = self.app.notify(msg) {
                                    self.speech.speak(t);
                                }
                                Ok(v)
                            }
                            Some(Err(e)) => Err(e),
                            None => Err(crate::store::StoreError::Conflict {
                                id,
                                expected,
                                found: expected,
                            }),
                        }
                    }
                    other => other,
                };
                match saved {
                    Ok(_) => {
                        if let Ok(Some(a)) = self.records.application(id) {
                            let h = self.records.history(id).unwrap_or_default();
                            self.app.application_saved(a, h);
                        }
                    }
                    Err(err) => self.records_error(&err),
                }
                vec![]
            }
            RecordsOp::Status { id, expected, to } => {
                let done = self.records.change_status(id, expected, to, &who, "");
                if let Ok(Some(a)) = self.records.application(id) {
                    let h = self.records.history(id).unwrap_or_default();
                    self.app.application_saved(a, h);
                }
                match done {
                    Ok(_) => self.app.application_moved(id),
                    Err(err) => {
                        self.records_error(&err);
                        vec![]
                    }
                }
            }
        }
    }

    /// Write applications to `exports/申请-<who>-<time>.csv` beside the
    /// records file (owner-only), numbers masked; returns the path.
    fn export_csv(
        &self,
        rows: &[(i64, Option<String>, String)],
        who: &str,
    ) -> Result<PathBuf, Box<dyn std::error::Error>> {
        let dir = self
            .records
            .path()
            .parent()
            .map(|d| d.join("exports"))
            .unwrap_or_else(|| PathBuf::from("exports"));
        std::fs::create_dir_all(&dir)?;
        let safe: String = who
            .chars()
            .map(|c| if c.is_alphanumeric() { c } else { '_' })
            .collect();
        let path = dir.join(format!(
            "{}-{safe}-{}.csv",
            self.app.loc.t("apps-export-file"),
            crate::clock::stamp()
        ));
        let apps = &self.app.apps;
        let list: Vec<crate::i18n::export::Row<'_>> = rows
            .iter()
            .filter_map(|(id, client, target)| {
                let app = apps.iter().find(|a| a.id == *id)?;
                Some(crate::i18n::export::Row {
                    app,
                    form: crate::domain::forms::form_for(&self.app.forms, app.kind),
                    client: client.clone(),
                    target: target.clone(),
                    created: crate::store::applications::local_time(&self.records, &app.created_at),
                    updated: crate::store::applications::local_time(&self.records, &app.updated_at),
                })
            })
            .collect();
        let mut file = std::io::BufWriter::new(crate::store::private_file(&path)?);
        crate::i18n::export::write_csv(&self.app.loc, &list, &self.app.forms, false, &mut file)?;
        std::io::Write::flush(&mut file)?;
        Ok(path)
    }

    /// Say, show and keep in the history that the records file could not be written.
    fn records_error(&mut self, err: &crate::store::StoreError) {
        use crate::store::StoreError;
        let msg = match err {
            // Errors about an application or a client say what, not where.
            StoreError::Conflict { .. }
            | StoreError::NoSuchApplication { .. }
            | StoreError::NotEditable { .. }
            | StoreError::BadTransition { .. }
            | StoreError::ClientHasApplications { .. } => {
                crate::i18n::describe::store_error(&self.app.loc, err)
            }
            _ => self.app.loc.t_args(
                "error-records",
                &[
                    (
                        "path",
                        self.records.path().display().to_string().as_str().into(),
                    ),
                    ("detail", err.to_string().as_str().into()),
                ],
            ),
        };
        if let Effect::Speak(t) = self.app.notify(msg) {
            self.speech.speak(t);
        }
    }

    /// Take in what the speech thread reported; true when something changed
    /// on screen. A message about speech is shown, recorded in the transcript
    /// and kept in the history, once.
    pub fn poll_speech(&mut self) -> bool {
        let mut changed = false;
        while let Some(ev) = self.speech.try_event() {
            if let crate::speech::SpeechEvent::Ready { voice: Some(v), .. } = &ev
                && self.app.settings.voice.as_deref() != Some(v)
            {
                self.app.settings.voice = Some(v.clone());
                let _ = self.records.save_settings(&self.app.settings_to_save());
            }
            if let Some(text) = self.app.speech_event(&ev) {
                self.speech.notice(text);
            }
            changed = true;
        }
        changed
    }
}
