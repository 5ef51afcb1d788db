//! The bundled data: every document cited with quotes found verbatim in its
//! source, every source used, nothing invented.

use std::collections::BTreeSet;

use tingjian::domain::dataset::DataSet;
use tingjian::store::embedded;

#[test]
fn bundled_data_loads_and_every_citation_is_verbatim_in_its_source() {
    let data = DataSet::from_files(&embedded::bundled()).expect("bundled data is valid");
    assert_eq!(data.regions.len(), 5);
    assert_eq!(data.documents.len(), 5);
    for d in &data.documents {
        let text = &data.sources[&d.doc.source];
        assert!(!d.doc.citations.is_empty(), "{} has no citations", d.doc.id);
        for c in &d.doc.citations {
            assert!(
                text.contains(&c.quote),
                "{}: {} quote {:?} not in {}",
                d.doc.id,
                c.field,
                c.quote,
                d.doc.source
            );
        }
        assert!(
            d.paragraphs.len() > 20,
            "{}: only {} paragraphs",
            d.doc.id,
            d.paragraphs.len()
        );
        for p in &d.paragraphs {
            assert!(
                text.contains(p.as_str()) || p.contains('['),
                "{}: paragraph not from source: {p}",
                d.doc.id
            );
        }
    }
}

#[test]
fn every_source_file_belongs_to_a_document() {
    let data = DataSet::from_files(&embedded::bundled()).expect("valid");
    let used: BTreeSet<&str> = data
        .documents
        .iter()
        .map(|d| d.doc.source.as_str())
        .collect();
    // The national reference file is cited by rules, not read as a plan.
    let present: BTreeSet<&str> = data
        .sources
        .keys()
        .map(String::as_str)
        .filter(|s| *s != "national-rules.md")
        .collect();
    assert_eq!(used, present);
}

#[test]
fn sources_are_the_seed_documents_unchanged_when_the_seeds_are_beside_the_repo() {
    let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    if !seeds.is_dir() {
        eprintln!("skipped: ../shared/seeds not present beside the repository");
        return;
    }
    for (name, bytes) in embedded::bundled() {
        if let Some(file) = name
            .strip_prefix("sources/")
            .filter(|f| f.ends_with(".txt"))
        {
            let seed = std::fs::read(seeds.join(file)).expect("seed file of the same name");
            assert_eq!(seed, bytes.as_ref(), "{file} differs from the seed");
        }
    }
}

#[test]
fn the_draft_is_marked_as_a_draft_and_has_no_invented_date() {
    let data = DataSet::from_files(&embedded::bundled()).expect("valid");
    let lyg = data
        .documents
        .iter()
        .find(|d| d.doc.region == "lianyungang")
        .expect("连云港");
    assert_eq!(
        lyg.doc.status,
        tingjian::domain::plans::DocumentStatus::Draft
    );
    assert_eq!(lyg.doc.issued, None);
}

#[test]
fn the_bundled_sample_postings_are_the_generators_output() {
    // Regenerate with: tingjian jobs sample --count 300 --seed 1 --out data/jobs/sample.json
    let mut want = vec![];
    tingjian::domain::jobs::sample::write_json(300, 1, &mut want).expect("write");
    let files = embedded::bundled();
    let (_, have) = files
        .iter()
        .find(|(n, _)| n == "jobs/sample.json")
        .expect("bundled sample postings");
    assert!(
        have.as_ref() == want.as_slice(),
        "data/jobs/sample.json is stale: regenerate it"
    );
    let postings: Vec<tingjian::domain::jobs::Posting> =
        serde_json::from_slice(have).expect("JSON");
    assert!(
        postings.iter().all(|p| p.sample),
        "every bundled posting is marked sample"
    );
}
