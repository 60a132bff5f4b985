//! The documents every annotator holds, matched by id, and the ones left out.

use crate::error::{Error, ErrorKind};
use barchasb_core::{check_spans, Document, Span};
use std::collections::HashMap;

/// One annotator's work: a name for messages and reports (a file name in
/// the CLI) and the documents.
#[derive(Debug, Clone, Copy)]
pub struct Annotator<'a> {
    /// How the annotator is called in messages and reports.
    pub name: &'a str,
    /// The annotated documents (their confirmed `spans` are compared).
    pub docs: &'a [Document],
}

/// The documents all annotators share.
pub(crate) struct Shared<'a> {
    /// The shared texts, in the first annotator's order.
    pub texts: Vec<&'a str>,
    /// `spans[annotator][document]`.
    pub spans: Vec<Vec<&'a [Span]>>,
    /// For each annotator, the ids of its documents not compared.
    pub left_out: Vec<Vec<String>>,
}

/// Matches the annotators' documents by id. A document is compared when
/// every annotator holds its id (the first document of that id in each);
/// the others are listed in `left_out`. The same id with different texts,
/// or spans that break the span invariants, are errors.
pub(crate) fn share<'a>(annotators: &[Annotator<'a>]) -> Result<Shared<'a>, Error> {
    let Some(first) = annotators.first().filter(|_| annotators.len() >= 2) else {
        return Err(Error::new(ErrorKind::TooFewAnnotators, "agreement needs at least two annotators"));
    };
    let by_id: Vec<HashMap<&str, usize>> = annotators.iter().map(|a| first_by_id(a.docs)).collect();
    let mut used: Vec<Vec<bool>> = annotators.iter().map(|a| vec![false; a.docs.len()]).collect();
    let mut shared = Shared { texts: vec![], spans: vec![vec![]; annotators.len()], left_out: vec![] };
    for (i, doc) in first.docs.iter().enumerate() {
        let Some(at) = by_id.iter().map(|m| m.get(doc.id.as_str()).copied()).collect::<Option<Vec<usize>>>() else {
            continue;
        };
        if at[0] != i {
            continue; // a later document with an id already seen
        }
        for (k, (a, &j)) in annotators.iter().zip(&at).enumerate() {
            let other = &a.docs[j];
            if other.text != doc.text {
                return Err(texts_differ(&doc.id, first.name, a.name, &doc.text, &other.text));
            }
            if let Err(e) = check_spans(&other.spans, other.text.chars().count()) {
                let kind = ErrorKind::BadSpans { annotator: a.name.to_string(), id: doc.id.clone() };
                return Err(Error::new(kind, format!("{}: document {:?}: {e}", a.name, doc.id)));
            }
            used[k][j] = true;
            shared.spans[k].push(&other.spans);
        }
        shared.texts.push(&doc.text);
    }
    if shared.texts.is_empty() {
        let names: Vec<&str> = annotators.iter().map(|a| a.name).collect();
        let message = format!("no document id is in every one of {}", names.join(", "));
        return Err(Error::new(ErrorKind::NoSharedDocuments, message));
    }
    shared.left_out = annotators
        .iter()
        .zip(&used)
        .map(|(a, u)| a.docs.iter().zip(u).filter(|(_, &u)| !u).map(|(d, _)| d.id.clone()).collect())
        .collect();
    Ok(shared)
}

fn first_by_id(docs: &[Document]) -> HashMap<&str, usize> {
    let mut m = HashMap::with_capacity(docs.len());
    for (i, d) in docs.iter().enumerate() {
        m.entry(d.id.as_str()).or_insert(i);
    }
    m
}

fn texts_differ(id: &str, a: &str, b: &str, ta: &str, tb: &str) -> Error {
    let at = ta.chars().zip(tb.chars()).take_while(|(x, y)| x == y).count();
    let message = format!(
        "document {id:?}: the text in {b} differs from the text in {a} (from code point {at}); \
         spans of different texts are not compared"
    );
    Error::new(ErrorKind::TextsDiffer { id: id.to_string(), annotators: [a.to_string(), b.to_string()] }, message)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(id: &str, text: &str, spans: &[(usize, usize, &str)]) -> Document {
        let mut d = Document::new(id, text);
        d.spans = spans.iter().map(|&(s, e, l)| Span::new(s, e, l)).collect();
        d
    }

    #[test]
    fn shared_ids_in_the_first_order_and_the_rest_left_out() {
        let a = [doc("x", "یک", &[]), doc("y", "دو", &[(0, 2, "PER")]), doc("z", "سه", &[])];
        let b = [doc("y", "دو", &[]), doc("w", "چهار", &[]), doc("x", "یک", &[])];
        let anns = [Annotator { name: "A", docs: &a }, Annotator { name: "B", docs: &b }];
        let s = share(&anns).unwrap();
        assert_eq!(s.texts, ["یک", "دو"]);
        assert_eq!(s.spans[0][1], [Span::new(0, 2, "PER")]);
        assert!(s.spans[1][1].is_empty());
        assert_eq!(s.left_out, [vec!["z".to_string()], vec!["w".to_string()]]);
    }

    #[test]
    fn different_texts_are_refused_naming_the_id_and_both_annotators() {
        let a = [doc("x", "ایران و چین", &[])];
        let b = [doc("x", "ایران و هند", &[])];
        let e =
            share(&[Annotator { name: "a.jsonl", docs: &a }, Annotator { name: "b.jsonl", docs: &b }]).err().unwrap();
        assert_eq!(
            e.kind(),
            &ErrorKind::TextsDiffer { id: "x".into(), annotators: ["a.jsonl".into(), "b.jsonl".into()] }
        );
        assert!(e.message().contains("\"x\"") && e.message().contains("code point 8"), "{e}");
    }

    #[test]
    fn nothing_shared_one_annotator_and_bad_spans_are_errors() {
        let a = [doc("x", "یک", &[])];
        let b = [doc("y", "یک", &[])];
        let one = [Annotator { name: "A", docs: &a }];
        assert_eq!(share(&one).err().unwrap().kind(), &ErrorKind::TooFewAnnotators);
        let two = [Annotator { name: "A", docs: &a }, Annotator { name: "B", docs: &b }];
        assert_eq!(share(&two).err().unwrap().kind(), &ErrorKind::NoSharedDocuments);
        let bad = [doc("x", "یک", &[(1, 5, "PER")])];
        let two = [Annotator { name: "A", docs: &a }, Annotator { name: "B", docs: &bad }];
        let e = share(&two).err().unwrap();
        assert_eq!(e.kind(), &ErrorKind::BadSpans { annotator: "B".into(), id: "x".into() });
    }
}
