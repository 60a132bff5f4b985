//! The model reader.

use super::assert_spans;
use barchasb_tagger::{Model, Tagger};

fn fnv1a(b: &[u8]) -> u64 {
    b.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &x| (h ^ x as u64).wrapping_mul(0x0000_0100_0000_01b3))
}

/// The model reader: any bytes give a model or an error, never a panic or
/// a huge allocation. The checksum is set right before reading (else almost
/// every mutation would stop there), so the fuzzer reaches the body. A
/// model read writes back what reads back the same, and suggests valid
/// spans.
pub fn model(data: &[u8]) {
    let mut bytes = data.to_vec();
    if bytes.len() >= 18 {
        let body = bytes.len() - 8;
        let sum = fnv1a(&bytes[..body]);
        bytes[body..].copy_from_slice(&sum.to_le_bytes());
    }
    let Ok(model) = Model::from_bytes(&bytes) else { return };
    let written = model.to_bytes();
    let again = Model::from_bytes(&written).expect("a model read reads back");
    assert_eq!(again.labels(), model.labels());
    assert_eq!(again.to_bytes(), written, "a model does not write back the same");
    // A tagger compiles the rules' lexicons (milliseconds): suggest on one
    // model read in eight, so that the reader itself is fuzzed fast.
    if bytes.len() % 8 != 0 {
        return;
    }
    let tagger = Tagger::from_model(model);
    let text = "علی رضایی مدیرعامل ایمیدرو در تهران گفت ۱۲ میلیون تن";
    assert_spans(text, &tagger.suggest(text), "suggest");
    assert_spans(text, &tagger.suggest_model_only(text), "suggest_model_only");
}
