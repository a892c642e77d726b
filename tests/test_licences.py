"""Licences, citation, and the stated basis for including the five texts: each outlet named and
linked, read from the catalogue so the statement cannot drift from it."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
STATEMENTS = [ROOT / "README.md", ROOT / "teacher" / "README.md"]


def catalogue() -> list[dict[str, str]]:
    with (ROOT / "data" / "sources.csv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_code_is_mit_and_content_is_cc_by_without_the_five_texts():
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
    content = (ROOT / "LICENSE-content.md").read_text(encoding="utf-8")
    assert "CC BY 4.0" in content and "creativecommons.org/licenses/by/4.0" in content
    excluded = content.split("## The five source texts are not under this licence")[1]
    for text in sorted((ROOT / "data" / "texts").glob("*.txt")):
        assert f"`data/texts/{text.name}`" in excluded


def test_citation_file_is_valid_cff():
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert citation["cff-version"] == "1.2.0"
    assert {"message", "title", "authors"} <= set(citation) and citation["authors"]
    assert citation["license"] == ["MIT", "CC-BY-4.0"]


@pytest.mark.parametrize("page", STATEMENTS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_basis_statement_names_and_links_every_outlet(page):
    text = page.read_text(encoding="utf-8")
    assert "quotation for the purpose of teaching and criticism" in text
    for row in catalogue():
        assert f"`{row['text_id']}`" in text
        if row["url"]:
            assert row["url"] in text, f"{page.name}: link {row['url']}"
        if row["outlet"]:
            outlet = re.sub(r"\s*\(.*?\)", "", row["outlet"])
            assert outlet in text, f"{page.name}: outlet {outlet}"
