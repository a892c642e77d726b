"""teacher/common_mistakes.md and the class overview's links to it: every link finds its anchor
on GitHub and in JupyterLab, and every question a mistake names has wrong answers to link."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from nbconvert.filters.markdown_mistune import markdown2html_mistune

from helpers.course.bank import read_bank
from helpers.course.class_work import mistake_links

MISTAKES = Path(__file__).resolve().parents[1] / "teacher" / "common_mistakes.md"
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


class _Anchors(HTMLParser):
    """The fragments a rendered Markdown page answers to, by GitHub's and JupyterLab's rules."""

    def __init__(self) -> None:
        super().__init__()
        self.github: set[str] = set()
        self.jupyterlab: set[str] = set()
        self._heading: list[str] | None = None
        self._in_own_link = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attributes = dict(attrs)
        if tag in HEADINGS:  # its id is nbconvert's; the rules below give each one's own
            self._heading = []
            return
        self._in_own_link = attributes.get("class") == "anchor-link"  # nbconvert's ¶ link
        # GitHub keeps an element's id (it scrolls to user-content-<id>); JupyterLab's Markdown
        # viewer looks a fragment up in data-jupyter-id only
        self.github.update(filter(None, [attributes.get("id")]))
        self.jupyterlab.update(filter(None, [attributes.get("data-jupyter-id")]))

    def handle_endtag(self, tag: str) -> None:
        if tag == "a":
            self._in_own_link = False
        if tag in HEADINGS and self._heading is not None:
            text = "".join(self._heading).strip()
            self.github.add(re.sub(r"[^\w\- ]", "", text.lower()).replace(" ", "-"))
            self.jupyterlab.add(text.replace(" ", "-"))
            self._heading = None

    def handle_data(self, data: str) -> None:
        if self._heading is not None and not self._in_own_link:
            self._heading.append(data)


def unresolved_links(path: Path) -> list[str]:
    """'qid -> link (on GitHub/JupyterLab)' for every link of `mistake_links` that has no
    anchor, or finds none in the rendered page under one of the two rules."""
    anchors = _Anchors()
    anchors.feed(markdown2html_mistune(path.read_text(encoding="utf-8")))
    broken = []
    for qid, links in mistake_links(path).items():
        for _title, link in links:
            fragment = link.partition("#")[2]
            broken += [f"{qid} -> {link} ({where})"
                       for where, found in (("GitHub", anchors.github),
                                            ("JupyterLab", anchors.jupyterlab))
                       if fragment not in found]
    return broken


def test_every_link_to_the_common_mistakes_finds_its_anchor():
    links = mistake_links(MISTAKES)
    assert len(links) >= 12
    assert unresolved_links(MISTAKES) == []


def test_a_link_to_a_missing_anchor_is_found(tmp_path):
    page = tmp_path / "common_mistakes.md"
    page.write_text(
        "# Mistakes\n\n"
        "## Dates: page or text? (01-q2)\n\n"  # GitHub finds it, JupyterLab keeps the case
        '## <a id="fine" data-jupyter-id="fine"></a>Fine (01-q3)\n\n'
        "| Mistake | Where |\n|---|---|\n"
        '| <a id="gh-only"></a>**Only an id** | 01-q4 |\n'
        "| `<a id=\"code\">` **An anchor in code is no anchor** | 01-q5 |\n"
        "The prose of 01-q6 links nothing.\n",
        encoding="utf-8",
    )
    assert sorted(mistake_links(page)) == ["01-q2", "01-q3", "01-q4", "01-q5"]
    assert unresolved_links(page) == [
        "01-q2 -> common_mistakes.md#dates-page-or-text-01-q2 (JupyterLab)",
        "01-q4 -> common_mistakes.md#gh-only (JupyterLab)",
        "01-q5 -> common_mistakes.md#code (GitHub)",
        "01-q5 -> common_mistakes.md#code (JupyterLab)",
    ]


def test_every_question_a_mistake_names_has_wrong_answers_to_link():
    """The overview links a mistake to a question's wrong answers, so each question named
    must be one that is judged (choice or short) and lists the wrong answers it expects."""
    bank = read_bank()
    named = mistake_links(MISTAKES)
    assert set(named) <= set(bank), set(named) - set(bank)
    for qid in named:
        assert bank[qid].kind in ("choice", "short") and bank[qid].wrong, qid
