//! `#agreement-panel` (review): how far the annotators agree, with the
//! numbers `barchasb agree` prints for the same files, the label confusion
//! as a heat-map table, and each annotator's progress.

use super::use_app;
use crate::i18n::T;
use crate::state::{Action, Panel};
use yew::prelude::*;

fn row(cells: &[String]) -> Html {
    html! { <tr>{ for cells.iter().map(|c| html! { <td dir="auto">{ c.clone() }</td> }) }</tr> }
}

fn head(lang: crate::i18n::Lang, names: &[T]) -> Html {
    html! { <thead><tr>{ for names.iter().map(|n| html! { <th>{ lang.t(*n) }</th> }) }</tr></thead> }
}

/// The confusion counts (label names first) as a heat map: darker where
/// more spans are traded, green on the diagonal (agreement).
fn heat_map(lang: crate::i18n::Lang, rows: &[Vec<String>]) -> Html {
    let Some((names, cells)) = rows.split_first() else { return html! {} };
    // `none`: a span only one of the pair marked.
    let name = |n: &String| if n == "none" { lang.t(T::NoSpan).to_string() } else { n.clone() };
    let count = |c: &String| c.parse::<usize>().unwrap_or(0);
    let max = cells.iter().flatten().map(count).max().unwrap_or(0).max(1);
    let cell = |i: usize, j: usize, c: &String| {
        let n = count(c);
        // tenths of the largest count (at least one for any), coloured by
        // the stylesheet (no inline styles under the CSP)
        let heat = (n * 10).div_ceil(max);
        html! { <td data-count={c.clone()} data-heat={heat.to_string()} class={classes!((i == j).then_some("diag"))}>{ c.clone() }</td> }
    };
    html! {
        <table id="confusion" class="heat" dir="ltr">
            <thead><tr><th />{ for names.iter().map(|n| html! { <th>{ name(n) }</th> }) }</tr></thead>
            <tbody>{ for names.iter().zip(cells).enumerate().map(|(i, (n, r))| html! {
                <tr><th>{ name(n) }</th>{ for r.iter().enumerate().map(|(j, c)| cell(i, j, c)) }</tr>
            }) }</tbody>
        </table>
    }
}

#[function_component]
pub fn AgreementPanel() -> Html {
    let app = use_app();
    let close = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.dispatch(Action::TogglePanel(Panel::Agreement)))
    };
    let report = app.team.report.clone();
    let lang = app.lang;
    let view = report.as_ref().map(|r| &r.0);
    let overall = view.and_then(|v| v.table("overall").first()?.first().cloned());
    let progress = view.map(|v| v.table("progress")).unwrap_or(&[]);
    html! {
        <aside id="agreement-panel" class="panel" role="dialog" aria-label={lang.t(T::Agreement)}>
            <button class="close" aria-label={lang.t(T::Close)} onclick={close}>{ "×" }</button>
            <h2>{ lang.t(T::Agreement) }</h2>
            if let (Some(v), Some(overall)) = (view, overall) {
                <p id="agreement-overall" dir="ltr">{ overall }</p>
                <table id="agreement-labels" dir="ltr">
                    { head(lang, &[T::ColLabel, T::ColSpans, T::ColExactF1, T::ColPartialF1, T::ColKappa, T::ColAlpha]) }
                    <tbody>{ for v.table("labels").iter().map(|r| row(r)) }</tbody>
                </table>
                <table id="agreement-pairs" dir="ltr">
                    { head(lang, &[T::ColPair, T::ColExactF1, T::ColPartialF1, T::ColKappa]) }
                    <tbody>{ for v.table("pairs").iter().map(|r| row(r)) }</tbody>
                </table>
                <h3>{ lang.t(T::LabelsTraded) }</h3>
                { heat_map(lang, v.table("confusion")) }
            } else {
                <p>{ lang.t(T::NoAgreement) }</p>
            }
            <h3>{ lang.t(T::Progress) }</h3>
            <ul id="annotator-progress">{ for progress.iter().filter(|r| r.len() == 3).map(|r| html! {
                <li data-annotator={r[0].clone()} data-done={r[1].clone()} data-assigned={r[2].clone()} dir="auto">
                    { lang.f(T::AnnotatorDone, &[&r[0], &lang.num(&r[1]), &lang.num(&r[2])]) }
                </li>
            }) }</ul>
        </aside>
    }
}
