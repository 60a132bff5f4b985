//! `barchasb agree A.jsonl B.jsonl [C.jsonl…]` (placeholder: being written).

use anyhow::{bail, Result};

pub fn agree(_args: lexopt::Parser) -> Result<bool> {
    bail!("agree is not written yet")
}
