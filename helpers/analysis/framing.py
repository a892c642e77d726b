"""Close reading with numbers: key-term variants, vague attributions, evaluative words, who is
quoted, and term frequencies per 1,000 words, compared across texts.

Every rule here is general English; the lexicons are small, listed below, and meant to be
read and argued with. Counts point to passages to read; they do not interpret them.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence

import pandas as pd

from helpers.analysis.tables import span_table
from helpers.text.english_words import english_words, spelling_variety
from helpers.text.lexicon import (
    LETTER_WORD,
    PRESENT_SPEECH_VERBS,
    SENTENCE_OPENERS,
    SPEECH_VERBS,
    alternation,
)
from helpers.text.quotations import quotation_spans
from helpers.text.spans import Covered, SentenceFinder
from helpers.text.words import count_words

Texts = Mapping[str, str]

def _term_pattern(term: str) -> re.Pattern[str]:
    """A whole-word, case-insensitive pattern for a word or phrase (hyphens are part of words)."""
    return re.compile(rf"(?<![\w-]){re.escape(term)}(?![\w-])", re.IGNORECASE)


def term_spans(text: str, term: str) -> list[tuple[int, int]]:
    """(start, end) of every whole-word occurrence of `term` in `text`."""
    return [m.span() for m in _term_pattern(term).finditer(text)]


def count_terms(texts: Texts, terms: Iterable[str]) -> pd.DataFrame:
    """Occurrences of each term (rows) in each text (columns)."""
    terms = list(dict.fromkeys(terms))
    counts = {tid: [len(term_spans(t, term)) for term in terms] for tid, t in texts.items()}
    return pd.DataFrame(counts, index=pd.Index(terms, name="term"))


def term_frequencies(texts: Texts, terms: Iterable[str]) -> pd.DataFrame:
    """Occurrences per 1,000 words of each term (rows) in each text (columns), 2 decimals."""
    counts = count_terms(texts, terms)
    words = pd.Series({tid: count_words(t) for tid, t in texts.items()})
    return (counts / words * 1000).round(2)


def term_variants(texts: Texts, groups: Mapping[str, Sequence[str]]) -> pd.DataFrame:
    """Counts of each variant of each key term: rows (group, variant), one column per text."""
    tables = {name: count_terms(texts, variants) for name, variants in groups.items()}
    return pd.concat(tables, names=["group", "variant"])


# ------------------------------------------------------------ automatic variant detection

_UK_TO_US = (
    (re.compile(r"is(ation|e|ed|es|ing)"), r"iz\1"),
    (re.compile(r"ys(e|ed|es|ing)$"), r"yz\1"),
    (re.compile(r"our"), "or"),
    (re.compile(r"tre(s?)$"), r"ter\1"),
    (re.compile(r"ll(ed|ing|er|ers)$"), r"l\1"),
    (re.compile(r"ence$"), "ense"),
    (re.compile(r"ogue$"), "og"),
    (re.compile(r"lment"), "llment"),
)


def _us_form(word: str) -> str:
    """The American spelling of a British-only word, when a spelling rule finds a listed one."""
    words = english_words()
    for pattern, replacement in _UK_TO_US:
        for match in pattern.finditer(word):
            candidate = word[: match.start()] + match.expand(replacement) + word[match.end() :]
            if candidate in words:
                return candidate
    return word


def _variant_key(token: str, hyphenated: set[str]) -> tuple[str, str] | None:
    """(kind, key) shared by spellings of one word: hyphenation, UK/US, or acronym letters.

    `hyphenated` holds the hyphen-free forms of the hyphenated words in the texts compared.
    """
    if token.isupper() and len(token) >= 3:
        return "acronym letters", "".join(sorted(token))
    lowered = token.lower()
    if spelling_variety(lowered):
        return "UK/US spelling", _us_form(lowered)
    if "-" in lowered or lowered in hyphenated:
        return "hyphenation", lowered.replace("-", "")
    return None


def variant_groups(texts: Texts) -> pd.DataFrame:
    """Words spelt in more than one way across `texts` (hyphenation, UK/US, acronym letters).

    One row per spelling: kind, key, variant, then its count in each text. Only groups with
    two or more spellings are kept.
    """
    tokens = {tid: LETTER_WORD.findall(text) for tid, text in texts.items()}
    hyphenated = {t.lower().replace("-", "") for ts in tokens.values() for t in ts if "-" in t}
    counts: dict[tuple[str, str, str], Counter] = defaultdict(Counter)
    for tid, found in tokens.items():
        for token in found:
            key = _variant_key(token, hyphenated)
            if key:
                surface = token if key[0] == "acronym letters" else token.lower()
                counts[(*key, surface)][tid] += 1
    spellings: dict[tuple[str, str], set[str]] = defaultdict(set)
    for kind, key, surface in counts:
        spellings[(kind, key)].add(surface)
    rows = [
        {
            "kind": kind,
            "key": key,
            "variant": surface,
            **{t: counts[(kind, key, surface)][t] for t in texts},
        }
        for (kind, key, surface) in sorted(counts)
        if len(spellings[(kind, key)]) > 1
    ]
    return pd.DataFrame(rows, columns=["kind", "key", "variant", *texts])


def spelling_varieties(texts: Texts) -> pd.DataFrame:
    """Per text: how many words use British-only and American-only spellings, with examples."""
    rows = {}
    for tid, text in texts.items():
        found: dict[str, Counter] = {"UK": Counter(), "US": Counter()}
        for token in LETTER_WORD.findall(text):
            variety = spelling_variety(token)
            if variety:
                found[variety][token.lower()] += 1
        rows[tid] = {
            "UK spellings": sum(found["UK"].values()),
            "US spellings": sum(found["US"].values()),
            "UK examples": ", ".join(w for w, _ in found["UK"].most_common(4)),
            "US examples": ", ".join(w for w, _ in found["US"].most_common(4)),
        }
    return pd.DataFrame.from_dict(rows, orient="index")


# ------------------------------------------------------------------ vague attributions

_NOUN_SOURCES = (
    r"firm|company|agency|institute|institution|organi[sz]ation|newspaper|outlet|think[- ]tank|"
    r"university|group|report|survey|poll|study|expert|scholar|media outlet"
)
#: Verbs that attribute a view: every speech verb, and verbs of belief and agreement.
_SAYING = alternation((*SPEECH_VERBS, *PRESENT_SPEECH_VERBS, "note", "argue", "point out",
                       "warn", "claim", "believe", "believes", "believed", "agree", "agreed",
                       "suggest", "suggested"))
#: (kind, pattern, the question the vague phrase lets a reader skip)
VAGUE_PATTERNS: tuple[tuple[str, str, str], ...] = (
    (
        "unnamed source",
        rf"\ba (?:(?:well-known|renowned|famous|leading|major|prominent|respected"
        rf"|reputable|certain|recent)\s+)+(?:[a-z-]+\s+){{0,3}}?(?:{_NOUN_SOURCES})\b(?:\s+(?:in|from"
        r"|based in)\s+(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z]\w*)*)?",
        "Which one exactly? With a name you could find the original and check it.",
    ),
    (
        "unnamed group",
        r"\b(?i:certain|some|a few|several|various)\s+(?:countries|nations|people|"
        r"politicians|forces|individuals|media|quarters|experts|observers|analysts|officials|"
        r"critics|scholars|groups|governments|parties|political forces)\b",
        "Who? Unnamed actors cannot be checked or answer back.",
    ),
    (
        "small minority",
        r"\b(?:a|the)\s+(?:handful|small group|small number|tiny minority|"
        r"minority|few)\s+of\b(?:\s+(?:other\s+)?[a-z]+)?",
        "Who are they, and how many? 'A handful' frames opponents as few without counting them.",
    ),
    (
        "anonymous voices",
        rf"\b(?:[Ee]xperts|[Oo]bservers|[Aa]nalysts|[Cc]ritics|[Ss]ources|"
        rf"[Ii]nsiders|[Ss]cholars|[Cc]ommentators)\s+(?:{_SAYING})\b",
        "Which experts or observers? How many, and who chose them?",
    ),
    (
        "according to whom",
        r"\b[Aa]ccording to (?:(?:media |some |recent |unconfirmed )?"
        r"(?:reports|sources|experts|analysts|insiders|observers)|a (?:recent )?(?:report|survey|"
        r"study|poll))\b",
        "Which report, by whom, when? The reader cannot look it up.",
    ),
    (
        "impersonal claim",
        r"\b[Ii]t (?:is|was|has been) (?:widely |generally )?(?:reported|said|"
        r"believed|understood|known|claimed|estimated|acknowledged|recogni[sz]ed|agreed) that\b",
        "Reported or believed by whom? The passive hides the source.",
    ),
    (
        "unnamed many",
        r"\b(?:from|in) (?:many|various|several|numerous|a number of) countries\b",
        "Which countries, and how many?",
    ),
    (
        "collective voice",
        r"\b[Tt]he international community\b",
        "Who speaks for 'the international community' here, and who is left out?",
    ),
)
_VAGUE = [(kind, re.compile(pattern), question) for kind, pattern, question in VAGUE_PATTERNS]


def vague_attributions(text: str) -> pd.DataFrame:
    """Phrases that attribute a claim to someone unnamed, each with the question it skips
    (a phrase inside a longer one is left out)."""
    rows = sorted(
        {
            (m.start(), m.end(), m.group(0), kind, question)
            for kind, pattern, question in _VAGUE
            for m in pattern.finditer(text)
        },
        key=lambda row: (row[0], -row[1]),
    )
    outermost, reach = [], -1
    for row in rows:
        if row[1] > reach:
            outermost.append(row)
            reach = row[1]
    return span_table(outermost)


# ------------------------------------------------------------------ evaluative words


def _phrases(listed: str) -> tuple[str, ...]:
    """The comma-separated entries of a lexicon written inline."""
    return tuple(entry.strip() for entry in listed.split(","))


#: A small, hand-made lexicon of evaluative words common in political writing. Endings
#: -s, -es, -d, -ed, -ing and -ly are matched too. Extend it when a text needs more.
EVALUATIVE_WORDS: dict[str, tuple[str, ...]] = {
    "positive": _phrases(
        "splendid, miracle, lofty, tremendous, glorious, brilliant, heroic, remarkable, "
        "outstanding, historic, unprecedented, noble, great, greatest, sincere, profound, "
        "extraordinary, admirable, inspiring, visionary, magnificent, wise, wisdom, wholehearted, "
        "selfless, acclaim, applaud, praise, hail, landmark, groundbreaking, successful, "
        "impressive, excellent, fruitful, responsible, harmonious, prosperous, win-win, vibrant, "
        "robust, stellar, triumph, benevolent"
    ),
    "negative": _phrases(
        "bully, bullying, smear, lie, lies, concoct, vilify, hostile, sabotage, hegemony, "
        "hegemonism, interference, interfere, containment, suppression, unreasonable, false, "
        "slander, provocation, aggressive, reckless, so-called, mislead, manipulation, "
        "confrontation, bloc, cold war, disgraceful, shameful, malicious, absurd, propaganda, "
        "regime, plot, chaos, disastrous, corrupt, scandal, threat, failed, rogue, thug"
    ),
    "intensifier": _phrases(
        "firmly, resolutely, unswerving, unswervingly, always, never, fully, wholeheartedly, "
        "tirelessly, vigorously, strongly, utmost, once and for all, each and every, unshakable, "
        "rock-solid, all-out"
    ),
}
_ENDINGS = r"(?:s|es|d|ed|ing|ly)?"


def evaluative_spans(text: str) -> pd.DataFrame:
    """Every evaluative word of the lexicon in `text`: start, end, surface, kind (its class)."""
    rows = set()
    for polarity, words in EVALUATIVE_WORDS.items():
        for word in words:
            pattern = re.compile(rf"(?<![\w-]){re.escape(word)}{_ENDINGS}(?![\w-])", re.I)
            for m in pattern.finditer(text):
                rows.add((m.start(), m.end(), m.group(0), polarity, f"{polarity} word"))
    return span_table(rows)


def evaluative_profile(texts: Texts) -> pd.DataFrame:
    """Evaluative words per 1,000 words, by class (rows) and text (columns)."""
    rows = {}
    for tid, text in texts.items():
        found = evaluative_spans(text)["kind"].value_counts()
        rows[tid] = {k: found.get(k, 0) * 1000 / count_words(text) for k in EVALUATIVE_WORDS}
    return pd.DataFrame(rows).round(2)


# ------------------------------------------------------------------ who is quoted

_SPEECH_VERBS = alternation(SPEECH_VERBS)
_NAME = r"(?:[A-Z]\.|[A-Z][\w’'-]+)(?:\s+(?:[A-Z]\.|[A-Z][\w’'-]+)){0,4}"
_PRONOUN = r"\b(?:he|she|they|He|She|They)"
_FORWARD = re.compile(
    rf"(?P<speaker>{_PRONOUN}|\b{_NAME})(?:,\s[^.;:\"“”\n]{{1,160}}?,)?\s+(?:also\s+|has\s+|"
    rf"had\s+|have\s+)?(?P<verb>{_SPEECH_VERBS})\b"
)
_INVERTED = re.compile(
    rf"[,\"”]\s*(?P<verb>{_SPEECH_VERBS})\s+(?P<speaker>{_NAME})"
)
_ACCORDING = re.compile(rf"\b[Aa]ccording to (?P<speaker>{_NAME})")
#: Sentence openers a capitalised-word pattern takes along with a name (pronouns are speakers).
_LEADING_WORDS = SENTENCE_OPENERS - {"He", "She", "They"}
_PRONOUNS = frozenset({"he", "she", "they"})
SPEAKER_COLUMNS = ["start", "end", "speaker", "verb", "mode", "named"]


def _clean_speaker(name: str) -> str:
    """Drop sentence openers ('As', 'The') that a capitalised-word pattern takes along."""
    words = name.split()
    while len(words) > 1 and words[0] in _LEADING_WORDS:
        words.pop(0)
    return " ".join(words)


def quoted_speakers(text: str) -> pd.DataFrame:
    """Every attribution ('Berg said', '" ... ," said Li', 'according to Ortiz'): who and how.

    `mode` is "direct" when the sentence holds (part of) a quotation, else "reported"; `named`
    is False for pronouns, which the reader has to resolve.
    """
    sentences, quoted = SentenceFinder(text), Covered(quotation_spans(text))
    rows = []
    for pattern in (_FORWARD, _INVERTED, _ACCORDING):
        for m in pattern.finditer(text):
            speaker = _clean_speaker(m.group("speaker"))
            if speaker in _LEADING_WORDS:
                continue
            verb = m.groupdict().get("verb") or "according to"
            around = sentences.at(m.start())
            mode = "direct" if around and quoted.overlaps(around.start, around.end) else "reported"
            named = speaker.lower() not in _PRONOUNS
            speaker = speaker if named else speaker.lower()
            rows.append((m.start(), m.end(), speaker, verb, mode, named))
    return pd.DataFrame(sorted(set(rows)), columns=SPEAKER_COLUMNS)


def speaker_counts(text: str) -> pd.DataFrame:
    """How often each speaker is quoted, directly and in reported speech.

    A name is counted under the shortest longer name it belongs to: "Berg" and "Minister Anna
    Berg" under "Anna Berg". Pronouns stay as they are, to be resolved by reading.
    """
    found = quoted_speakers(text)
    names = set(found["speaker"])
    full_names = sorted((n for n in names if len(n.split()) >= 2), key=len)

    def canonical(name: str) -> str:
        words = name.split()
        for full in full_names:
            parts = full.split()
            if full != name and (words[-len(parts) :] == parts or name in (parts[0], parts[-1])):
                return full
        return name

    found["speaker"] = found["speaker"].map(canonical)
    table = found.pivot_table(index="speaker", columns="mode", values="start", aggfunc="count")
    table = table.reindex(columns=["direct", "reported"]).fillna(0).astype(int)
    table["total"] = table.sum(axis=1)
    return table.sort_values(["total", "direct"], ascending=False)
