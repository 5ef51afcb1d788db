//! Where the user's files live: `--home DIR`, else the XDG data and config
//! directories (`~/.local/share/tingjian`, `~/.config/tingjian`).

use std::path::{Path, PathBuf};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paths {
    pub data_dir: PathBuf,
    pub config_dir: PathBuf,
}

impl Paths {
    pub fn new(home: Option<&Path>) -> Self {
        match home {
            Some(h) => Self {
                data_dir: h.to_path_buf(),
                config_dir: h.to_path_buf(),
            },
            None => {
                let base = dirs::home_dir().unwrap_or_else(|| PathBuf::from("."));
                let data = dirs::data_dir().unwrap_or_else(|| base.join(".local/share"));
                let config = dirs::config_dir().unwrap_or_else(|| base.join(".config"));
                Self {
                    data_dir: data.join("tingjian"),
                    config_dir: config.join("tingjian"),
                }
            }
        }
    }
    pub fn cache(&self) -> PathBuf {
        self.data_dir.join("cache.sqlite")
    }
    /// Job postings: bundled samples and what the user imported.
    pub fn jobs(&self) -> PathBuf {
        self.data_dir.join("jobs.sqlite")
    }
    pub fn records(&self) -> PathBuf {
        self.data_dir.join("records.sqlite")
    }
    /// The user's key overrides.
    pub fn keys(&self) -> PathBuf {
        self.config_dir.join("keys.toml")
    }

    /// Create the folders that do not exist yet, private to the user (0700
    /// on Unix). Folders that exist are left as they are: `--home` may name
    /// one the user shares on purpose.
    pub fn ensure(&self) -> std::io::Result<()> {
        for d in [&self.data_dir, &self.config_dir] {
            if d.is_dir() {
                continue;
            }
            std::fs::create_dir_all(d)?;
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                std::fs::set_permissions(d, std::fs::Permissions::from_mode(0o700))?;
            }
        }
        Ok(())
    }
}
