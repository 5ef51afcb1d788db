//! The `data/` folder compiled into the binary, and loading another from disk.

use std::borrow::Cow;
use std::path::Path;

use crate::domain::dataset::DataFile;

mod generated {
    include!(concat!(env!("OUT_DIR"), "/embedded_data.rs"));
}

/// The bundled data files.
pub fn bundled() -> Vec<DataFile> {
    generated::FILES
        .iter()
        .map(|(n, b)| ((*n).to_string(), Cow::Borrowed(*b)))
        .collect()
}

/// Every file under `dir`, by path relative to it with `/` separators.
pub fn from_dir(dir: &Path) -> std::io::Result<Vec<DataFile>> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<DataFile>) -> std::io::Result<()> {
        let mut entries: Vec<_> = std::fs::read_dir(dir)?.collect::<Result<_, _>>()?;
        entries.sort_by_key(|e| e.path());
        for e in entries {
            let p = e.path();
            if p.is_dir() {
                walk(root, &p, out)?;
            } else {
                let rel = p
                    .strip_prefix(root)
                    .unwrap_or(&p)
                    .to_string_lossy()
                    .replace('\\', "/");
                out.push((rel, Cow::Owned(std::fs::read(&p)?)));
            }
        }
        Ok(())
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    #[test]
    fn bundled_data_has_the_plans_and_five_sources() {
        let files = super::bundled();
        assert!(files.iter().any(|(n, _)| n == "plans.toml"));
        assert_eq!(
            files
                .iter()
                .filter(|(n, _)| n.starts_with("sources/") && n.ends_with(".txt"))
                .count(),
            5
        );
    }
}
