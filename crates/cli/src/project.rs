//! `barchasb project PROJECT.json`: reads a project file as the app does
//! (`barchasb_formats::read_project`) and says what it sets, so that a lead
//! can check one before serving it. A bad file is one message naming the
//! file and the field (`project.json: labels[0].key: …`), exit 2.

use anyhow::{bail, Result};
use lexopt::prelude::*;

const USAGE: &str = "usage: barchasb project PROJECT.json";

/// `barchasb project`.
pub fn run(mut args: lexopt::Parser) -> Result<bool> {
    let mut file = None;
    while let Some(arg) = args.next()? {
        match arg {
            Long("help") | Short('h') => bail!("{USAGE}"),
            Value(v) if file.is_none() => file = Some(v.string()?),
            _ => bail!("{}\n{USAGE}", arg.unexpected()),
        }
    }
    let Some(file) = file else { bail!("{USAGE}") };
    let bytes = std::fs::read(&file).map_err(|e| anyhow::anyhow!("{file}: cannot read: {e}"))?;
    let p = barchasb_formats::read_project(&file, &bytes)?;
    let labels: Vec<&str> = p.labels.names().collect();
    println!("project {:?} ({}): {} labels ({})", p.id, p.name, labels.len(), labels.join(", "));
    println!("documents: {}", p.documents.join(", "));
    if let Some(g) = &p.guidelines {
        println!("guidelines: {g}");
    }
    if !p.shared.is_empty() {
        println!("shared: {}", p.shared.join(", "));
    }
    for (who, _) in &p.annotators {
        println!("{who}: {}", p.documents_for(who).join(", "));
    }
    Ok(true)
}
