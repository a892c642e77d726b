"""The loader: the five delivered sources, a teacher-added text, and every CorpusError case."""

from __future__ import annotations

import csv
import os
import shutil
from pathlib import Path

import pytest

from helpers import CorpusError, count_words, load_corpus, reading_text_of, with_inferred_dates
from helpers import corpus as corpus_module
from helpers.corpus import REQUIRED_COLUMNS
from helpers.paths import data_dir
from helpers.problems import CourseProblem

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


def only_header(data: Path) -> None:
    """Empty the catalogue but for its header row."""
    (data / "sources.csv").write_text(",".join(REQUIRED_COLUMNS) + "\n", encoding="utf-8")


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


def test_corpus_error_is_a_course_problem():
    assert issubclass(CorpusError, CourseProblem)
    error = CorpusError(["a", "b"])
    assert error.problems == ["a", "b"]
    assert str(error) == "2 problems in the corpus:\n- a\n- b"


@pytest.mark.parametrize(
    "file",
    ["../../../../../../etc/passwd", "/etc/passwd", "/proc/self/status", "..\\sources.csv",
     "C:\\Windows\\win.ini", "sub/../../sources.csv"],
)
def test_a_file_cell_that_leaves_the_texts_folder_is_refused(corpus_copy: Path, file: str):
    """Issue 11 §2: these loaded, and the file was shown in notebooks and the app."""
    add_row(corpus_copy, text_id="escape", file=file)
    (problem,) = problems_of(corpus_copy)
    assert "sources.csv line 7" in problem
    assert f"file {file!r} points outside" in problem and "Fix:" in problem


def test_a_link_that_leads_out_of_the_texts_folder_is_refused(corpus_copy: Path, tmp_path: Path):
    outside = tmp_path / "secret.txt"
    outside.write_text("A secret outside the data folder.", encoding="utf-8")
    (corpus_copy / "texts" / "link.txt").symlink_to(outside)
    (corpus_copy / "texts" / "proc.txt").symlink_to("/proc/self/status")
    add_row(corpus_copy, text_id="link", file="link.txt")
    add_row(corpus_copy, text_id="proc", file="proc.txt")
    problems = problems_of(corpus_copy)
    assert len(problems) == 2
    assert all("is a link to a file outside" in p for p in problems)


def test_a_link_inside_the_texts_folder_is_followed(corpus_copy: Path):
    texts = corpus_copy / "texts"
    (texts / "sub").mkdir()
    (texts / "sub" / "real.txt").write_text("A text in a subfolder.", encoding="utf-8")
    (texts / "alias.txt").symlink_to(texts / "sub" / "real.txt")
    add_row(corpus_copy, text_id="alias", file="alias.txt")
    add_row(corpus_copy, text_id="real", file="sub/real.txt")
    corpus = load_corpus(corpus_copy)
    assert corpus.loc["alias", "text"] == corpus.loc["real", "text"] == "A text in a subfolder."


@pytest.mark.timeout(20)
def test_special_files_are_refused_without_reading_them(corpus_copy: Path):
    texts = corpus_copy / "texts"
    os.mkfifo(texts / "pipe.txt")
    (texts / "folder.txt").mkdir()
    add_row(corpus_copy, text_id="pipe", file="pipe.txt")
    add_row(corpus_copy, text_id="folder", file="folder.txt")
    problems = problems_of(corpus_copy)
    assert [p.split("/")[-1].split(" ")[0] for p in problems] == ["pipe.txt", "folder.txt"]
    assert all("is not a regular file" in p for p in problems)


def test_each_file_is_read_once_and_hashed_from_the_bytes_read(corpus_copy: Path, monkeypatch):
    """Issue 11 §7: a file changed between the read and the hash passed as unchanged."""
    path = corpus_copy / "texts" / "song-tao-qiushi-article.txt"
    delivered = path.read_bytes()
    real_open, opened = os.open, []

    def changing_open(name, *args, **kwargs):
        if Path(name).name == path.name:
            opened.append(name)
            path.write_bytes(delivered.replace(b"95%", b"59%") if len(opened) > 1 else delivered)
        return real_open(name, *args, **kwargs)

    monkeypatch.setattr(os, "open", changing_open)
    corpus = load_corpus(corpus_copy)
    assert len(opened) == 1
    assert corpus.loc["song-tao", "sha256"] == DELIVERED["song-tao"]
    assert "95%" in corpus.loc["song-tao", "raw"]


def test_a_text_over_the_word_limit_is_refused_with_what_to_do(corpus_copy: Path, monkeypatch):
    monkeypatch.setattr(corpus_module, "MAX_WORDS", 5)
    (corpus_copy / "texts" / "long.txt").write_text("one two three four five six", "utf-8")
    only_header(corpus_copy)
    add_row(corpus_copy, text_id="long", file="long.txt")
    (problem,) = problems_of(corpus_copy)
    assert "long.txt has 6 words; the module accepts at most 5" in problem
    assert "split it into several texts" in problem


def test_a_huge_file_is_refused_before_it_is_decoded(corpus_copy: Path, monkeypatch):
    (corpus_copy / "texts" / "huge.txt").write_bytes(b"word " * 1_000)
    only_header(corpus_copy)
    add_row(corpus_copy, text_id="huge", file="huge.txt")
    monkeypatch.setattr(corpus_module, "MAX_TEXT_BYTES", 1_000)
    monkeypatch.setattr(corpus_module, "_looks_binary",
                        lambda data: len(data) > 1_000 and pytest.fail("decoded"))
    (problem,) = problems_of(corpus_copy)
    assert "huge.txt is larger than 0.001 MB" in problem and "Fix:" in problem


def test_messages_name_the_folder_loaded_and_git_only_for_delivered_files(tmp_path: Path):
    data = tmp_path / "my-texts"
    (data / "texts").mkdir(parents=True)
    (data / "texts" / "mine.txt").write_text("My own text.", encoding="utf-8")
    header = ",".join(REQUIRED_COLUMNS)
    (data / "sources.csv").write_text(
        f"{header}\nmine,mine.txt,,,,,en,,,,{'0' * 64},\ngone,gone.txt,,,,,en,,,,,\n",
        encoding="utf-8")
    changed, missing = problems_of(data)
    assert f"{data}/texts/mine.txt has changed" in changed
    assert "git checkout" not in changed and "empty its sha256 cell" in changed
    assert f"{data}/texts/gone.txt (text_id 'gone') is missing" in missing
    assert "data/texts" not in missing.replace(str(data), "")
    (data / "sources.csv").unlink()
    (problem,) = problems_of(data)
    assert f"{data}/sources.csv is missing" in problem and "git checkout" not in problem


def test_a_catalogue_saved_by_a_spreadsheet_in_windows_1252_says_how_to_save_it(
        corpus_copy: Path):
    catalogue = corpus_copy / "sources.csv"
    catalogue.write_bytes(catalogue.read_text(encoding="utf-8").replace(
        "Últimas", "Ultimas").encode("utf-8") + "x,é “q”.txt\n".encode("cp1252"))
    (problem,) = problems_of(corpus_copy)
    assert "sources.csv is not UTF-8" in problem and "Windows-1252" in problem
    assert '"CSV UTF-8"' in problem


def test_a_catalogue_row_with_too_few_or_too_many_cells_is_an_error(corpus_copy: Path):
    with open(corpus_copy / "sources.csv", "a", encoding="utf-8") as handle:
        handle.write('short,"only, three",cells\n' + "a," * 14 + "\n")
    problems = problems_of(corpus_copy)
    assert "line 7 has too few cells (3 instead of 12)" in problems[0]
    assert "line 8 has too many cells" in problems[1]


def test_load_corpus_follows_course_data_dir(corpus_copy: Path, monkeypatch):
    (corpus_copy / "texts" / "extra.txt").write_text("One more text.", encoding="utf-8")
    add_row(corpus_copy, text_id="extra", file="extra.txt")
    monkeypatch.setenv("COURSE_DATA_DIR", str(corpus_copy))
    assert "extra" in load_corpus().index
