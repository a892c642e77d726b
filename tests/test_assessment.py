"""The reliability assessment: pure entry and advice, and the form widget saving and restoring."""

import csv
import io

import pandas as pd
from widget_finder import find

from helpers.course.assessment import (
    ASSESSMENT_QID,
    CLAIM_VERDICTS,
    MIN_CLAIMS,
    advice_html,
    assessment_advice,
    assessment_entry,
    reliability_assessment,
)
from helpers.course.workstore import export_markdown, export_tables, load_work

CATALOGUE = pd.DataFrame({"title": ["An invented report", "Another"]}, index=["report", "other"])
GOOD_CLAIMS = [
    {
        "claim": "The bridge opened in May.",
        "evidence": "Dateline 'Town, 3 May'.",
        "corroboration": "The council minutes (invented) agree.",
        "verdict": "supported",
    },
    {
        "claim": "About 2,000 people came.",
        "evidence": "No source named for the figure.",
        "corroboration": "No other report found.",
        "verdict": "unresolved",
    },
]



def test_unresolved_is_a_claim_verdict():
    assert "unresolved" in CLAIM_VERDICTS


def test_entry_keeps_filled_claims_only_and_cleans_values():
    claims = [*GOOD_CLAIMS, {"claim": "  ", "verdict": "(choose)"}]
    entry = assessment_entry("report", " news use ", claims, "(choose)", " Summary. ")
    assert entry["kind"] == "assessment"
    assert entry["fields"] == {
        "text": "report",
        "purpose": "news use",
        "overall verdict": "",
        "summary": "Summary.",
    }
    assert entry["rows"] == GOOD_CLAIMS


def test_complete_assessment_needs_no_advice():
    entry = assessment_entry("report", "dating the event", GOOD_CLAIMS, "unresolved", "Weighed.")
    assert assessment_advice(entry) == []
    assert "✓ Complete." in advice_html([])


def test_advice_lists_every_gap():
    claims = [{"claim": "Something happened.", "verdict": "contradicted"}]
    entry = assessment_entry("(choose)", "", claims, "(choose)", "")
    advice = assessment_advice(entry)
    assert advice == [
        "Choose text.",
        "Choose overall verdict.",
        "Say what you would use the text as evidence for (its purpose).",
        f"Assess at least {MIN_CLAIMS} claims.",
        "Claim 1: add evidence, corroboration.",
        "Claim 1: a 'contradicted' verdict needs corroboration.",
        "Write a short summary that weighs the claims together.",
    ]
    shown = advice_html(advice)
    assert shown.count("<li>") == len(advice)
    assert "&#x27;contradicted&#x27;" in shown


def _claim_rows(form):
    return form.children[2].children


def _fill_row(row, values):
    for box in row.children[1:]:
        box.value = values[box.description]


def test_form_saves_restores_and_exports():
    form = reliability_assessment(CATALOGUE)
    assert form.children[0].options == ("(choose)", "report", "other")
    assert len(_claim_rows(form)) == MIN_CLAIMS + 1
    form.children[0].value = "report"
    form.children[1].value = "dating the event"
    for row, values in zip(_claim_rows(form), GOOD_CLAIMS, strict=False):
        _fill_row(row, values)
    form.children[4].value = "reliable with reservations"
    form.children[5].value = "The date holds; the crowd figure is unresolved."
    find(form, "exercise-save").click()
    assert "✓ Complete." in find(form, "assessment-advice").value
    entry = load_work().entries[ASSESSMENT_QID]
    assert entry["rows"] == GOOD_CLAIMS
    assert entry["fields"]["overall verdict"] == "reliable with reservations"

    again = reliability_assessment(CATALOGUE)
    assert again.children[0].value == "report"
    assert len(_claim_rows(again)) == 2
    assert _claim_rows(again)[1].children[1].value == "About 2,000 people came."
    assert "restored" in find(again, "exercise-status").value

    table = list(csv.DictReader(io.StringIO(export_tables(load_work().entries)["assessment.csv"])))
    assert [row["claim"] for row in table] == [c["claim"] for c in GOOD_CLAIMS]
    assert {row["text"] for row in table} == {"report"}
    markdown = export_markdown(load_work().entries)
    assert "## 06-assessment · Assessment" in markdown
    assert "| claim | evidence | corroboration | verdict |" in markdown
    assert "- **overall verdict:** reliable with reservations" in markdown


def test_add_claim_button_adds_a_numbered_row_and_incomplete_form_gets_advice():
    form = reliability_assessment(CATALOGUE)
    find(form, "assessment-add").click()
    rows = _claim_rows(form)
    assert len(rows) == MIN_CLAIMS + 2
    assert rows[-1].children[0].value == f"<strong>Claim {MIN_CLAIMS + 2}</strong>"
    find(form, "exercise-save").click()
    advice = find(form, "assessment-advice").value
    assert "Still to do" in advice
    assert "Choose text." in advice
    assert load_work().entries[ASSESSMENT_QID]["rows"] == []
