"""The loader: the five delivered sources, a teacher-added text, and every CorpusError case."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from helpers import CorpusError, count_words, load_corpus, reading_text_of, with_inferred_dates
from helpers.corpus import REQUIRED_COLUMNS
from helpers.paths import data_dir

# The five sources as delivered (sha256 of ../shared/seeds/*): the catalogue cannot hide a change.
DELIVERED = {
    "ultimas-noticias": "20f23466e4b1f484a4015d7c311a4901bf3f6da6225db18325e717576e9cc0f4",
    "xi-keynote": "a0a1417be0c822c7e41c5e5d86b3a02cae81c118b66e23f6fb14fbf5cdcdc2a1",
    "globalsecurity": "0f0c88785fb89e71aeb40dd62112f117ac09fbfb20eccd38862cdf53ff5b1b4e",
    "song-tao": "d509eeceeeeb7f5320312134a621fb3f22afe1d08d81dff1b5010409b5df30bf",
    "workers-daily": "3fb690d96ee1581eee5ea4cf93600f4d6b1379365cee360129069c0ff7d7ce11",
}
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


@pytest.fixture
def corpus_copy(tmp_path: Path) -> Path:
    """A writable copy of data/ to break in each test."""
    target = tmp_path / "data"
    shutil.copytree(data_dir(), target)
    for path in target.rglob("*"):
        path.chmod(0o644 if path.is_file() else 0o755)
    return target


def add_row(data: Path, **cells: str) -> None:
    """Append one catalogue row (missing cells empty)."""
    with open(data / "sources.csv", "a", newline="", encoding="utf-8") as handle:
        csv.DictWriter(handle, fieldnames=REQUIRED_COLUMNS).writerow(cells)


def problems_of(data: Path) -> list[str]:
    with pytest.raises(CorpusError) as caught:
        load_corpus(data)
    return caught.value.problems


def test_five_sources_load_with_catalogue_and_text_columns():
    corpus = load_corpus()
    assert sorted(corpus.index) == sorted(DELIVERED)
    for column in (*REQUIRED_COLUMNS[1:], "raw", "text", "offsets", "n_words"):
        assert column in corpus.columns
    assert (corpus["n_words"] > 500).all()


def test_delivered_files_are_byte_for_byte_unchanged():
    corpus = load_corpus()
    for text_id, digest in DELIVERED.items():
        assert corpus.loc[text_id, "sha256"] == digest


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not beside the checkout")
def test_data_texts_match_the_shared_seeds():
    seeds = {p.read_bytes() for p in SEEDS.glob("*.txt")}
    texts = {p.read_bytes() for p in (data_dir() / "texts").glob("*.txt")}
    assert seeds <= texts


def test_reading_text_joins_page_breaks_and_maps_back_to_the_file():
    corpus = load_corpus()
    speech = reading_text_of(corpus, "xi-keynote")
    phrase = "from people of all countries is becoming"
    start = speech.text.index(phrase)
    raw_start, raw_end = speech.to_raw(start, start + len(phrase))
    assert speech.raw[raw_start:raw_end] == "from people of all\n\ncountries is becoming"
    assert "**" not in speech.text and "**" in speech.raw


def test_teacher_adds_a_text_without_checksum(corpus_copy: Path):
    (corpus_copy / "texts" / "my-letter.txt").write_text(
        "A letter.\n\nIt was sent on 3 May 2024 to\n\nthe editor.", encoding="utf-8"
    )
    add_row(corpus_copy, text_id="my-letter", file="my-letter.txt", title="A letter",
            language="en", published="2024-05")
    corpus = load_corpus(corpus_copy)
    expected = "A letter.\n\nIt was sent on 3 May 2024 to the editor."
    assert corpus.loc["my-letter", "text"] == expected
    assert len(corpus.loc["my-letter", "sha256"]) == 64
    assert corpus.loc["my-letter", "n_words"] == 12


def test_all_problems_are_reported_at_once(corpus_copy: Path):
    texts = corpus_copy / "texts"
    (texts / "latin1.txt").write_bytes("Café “quoted”".encode("cp1252"))
    (texts / "empty.txt").write_bytes(b"  \n")
    (texts / "word.txt").write_bytes(b"PK\x03\x04\x00\x00binary\x00")
    (texts / "utf16.txt").write_bytes("Hello".encode("utf-16"))
    for name in ("latin1", "empty", "word", "utf16"):
        add_row(corpus_copy, text_id=name, file=f"{name}.txt")
    add_row(corpus_copy, text_id="gone", file="not-there.txt")
    add_row(corpus_copy, text_id="song-tao", file="song-tao-qiushi-article.txt")
    add_row(corpus_copy, text_id="Bad Id!", file="x.txt")
    add_row(corpus_copy, text_id="when", file="empty.txt", published="01-08-2021")
    found = "\n".join(problems_of(corpus_copy))
    assert "data/texts/latin1.txt is not UTF-8" in found and "Windows-1252" in found
    assert "data/texts/empty.txt is empty" in found
    assert "data/texts/word.txt is not a plain-text file" in found
    assert "data/texts/utf16.txt is saved as UTF-16" in found
    assert "data/texts/not-there.txt (text_id 'gone') is missing" in found
    assert "'song-tao' is used twice" in found
    assert "'Bad Id!' is not a short slug" in found
    assert "'01-08-2021' is not an ISO date" in found
    assert found.count("Fix:") == 8


def test_altered_source_is_detected(corpus_copy: Path):
    path = corpus_copy / "texts" / "song-tao-qiushi-article.txt"
    path.write_bytes(path.read_bytes().replace(b"95%", b"59%"))
    (message,) = problems_of(corpus_copy)
    assert "song-tao-qiushi-article.txt has changed since it was catalogued" in message
    assert "git checkout --" in message


def test_missing_column_names_the_column(corpus_copy: Path):
    catalogue = corpus_copy / "sources.csv"
    rows = list(csv.DictReader(catalogue.open(encoding="utf-8")))
    with catalogue.open("w", newline="", encoding="utf-8") as handle:
        fields = [c for c in REQUIRED_COLUMNS if c != "sha256"]
        writer = csv.DictWriter(handle, fieldnames=fields, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    (message,) = problems_of(corpus_copy)
    assert "has no column sha256" in message


def test_missing_or_empty_catalogue(tmp_path: Path):
    assert "sources.csv is missing" in problems_of(tmp_path)[0]
    (tmp_path / "sources.csv").write_text(",".join(REQUIRED_COLUMNS) + "\n", encoding="utf-8")
    assert "lists no texts" in problems_of(tmp_path)[0]


def test_corpus_error_is_a_value_error_with_a_readable_message(tmp_path: Path):
    with pytest.raises(ValueError, match="1 problem in the corpus"):
        load_corpus(tmp_path)


@pytest.mark.parametrize(
    ("text", "words"),
    [("98.99 million people", 3), ("1,500-plus messages", 2), ("don't stop", 2), ("", 0)],
)
def test_count_words_keeps_numbers_and_contractions_whole(text: str, words: int):
    assert count_words(text) == words


def test_catalogue_holds_only_what_the_pages_state():
    """No reconstructed date or language in the catalogue: pages without a publication date
    have none, and 'Updated' stamps and speech dates are kept in the notes."""
    corpus = load_corpus()
    assert corpus["published"].to_dict() == {
        "ultimas-noticias": "", "xi-keynote": "", "globalsecurity": "2021", "song-tao": "",
        "workers-daily": ""}  # fmt: skip
    assert corpus.loc["xi-keynote", "translated_from"] == "not stated (labelled '(Translation)')"
    assert "Updated: 2020-09-04" in corpus.loc["song-tao", "notes"]
    assert "2022" not in corpus.loc["workers-daily", "notes"]


def test_inferred_dates_fill_only_undated_texts_and_say_so():
    corpus = with_inferred_dates(load_corpus())
    assert corpus["published"].to_dict() == {
        "ultimas-noticias": "", "xi-keynote": "2021-07-06", "globalsecurity": "2021",
        "song-tao": "2020", "workers-daily": "2022-10-20"}  # fmt: skip
    assert corpus["published_basis"].to_dict() == {
        "ultimas-noticias": "", "xi-keynote": "inferred", "globalsecurity": "stated",
        "song-tao": "inferred", "workers-daily": "inferred"}  # fmt: skip


def test_inferred_dates_must_be_iso_and_unverified_ones_are_not_used(tmp_path: Path):
    inferred = tmp_path / "inferred.csv"
    inferred.write_text("text_id,field,value,confidence\nsong-tao,published,2020,unverified\n",
                        encoding="utf-8")
    assert with_inferred_dates(load_corpus(), inferred).loc["song-tao", "published"] == ""
    inferred.write_text("text_id,field,value,confidence\nsong-tao,published,4/9/2020,likely\n",
                        encoding="utf-8")
    with pytest.raises(CorpusError, match="'4/9/2020' is not an ISO date"):
        with_inferred_dates(load_corpus(), inferred)
