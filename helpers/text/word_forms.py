"""One key per word for comparing content, and how much a shared word tells.

Two sentences say the same thing in different forms: "countries"/"country", "recognised"/
"recognized", "well-being"/"wellbeing", "two"/"2". `word_key` levels these with a lemmatiser
that ships its data (simplemma) and a few spelling rules. `informativeness` says how much a
shared word shows shared content, from general English word frequencies (wordfreq, data in
the package): "the" tells nothing, "cooperation" a little, a name or "Sequana" a lot.
Nothing is downloaded at run time.
"""

from __future__ import annotations

import re
from functools import lru_cache

import simplemma
from wordfreq import zipf_frequency

from helpers.text.number_words import words_to_number

#: Zipf frequency (log10 of uses per billion words) at or above which a word tells nothing.
COMMON_ZIPF = 7.0
#: Weight of a word wordfreq does not know (a name, a number, a rare technical term).
UNKNOWN_WEIGHT = 5.0
#: Words at or below this Zipf frequency (a few uses per million words or fewer) are rare:
#: sharing one is specific content ("Sequana", "firmament", "multilateralism").
RARE_ZIPF = 3.3
_SPELLING = (
    (re.compile(r"(?<=\w{3})is(e|ed|es|ing|ation|ations|er|ers)$"), r"iz\1"),
    (re.compile(r"(?<=\w{3})ys(e|ed|es|ing)$"), r"yz\1"),
    (re.compile(r"(?<=\w{3})our(s|ed|ing|able|ite|ites)?$"), r"or\1"),
    (re.compile(r"(?<=\w{3})tre(s)?$"), r"ter\1"),
    (re.compile(r"^(def|lic|off|pret)ence$"), r"\1ense"),
    (re.compile(r"(?<=\w{2})(l)l(ed|ing|er|ers)$"), r"\1\2"),
    (re.compile(r"(?<=\w{4})ogue$"), r"og"),
    (re.compile(r"(?<=\w{4})mme$"), r"m"),
)
_DIGITS = re.compile(r"\d[\d,.]*")


@lru_cache(maxsize=131072)
def word_key(word: str) -> str:
    """The form a word is compared in: lower case, lemma, US spelling, no hyphen or
    apostrophe, number words as digits ("Organisations" -> "organization", "two" -> "2")."""
    lowered = word.lower().replace("’", "'").removesuffix("'s").replace("'", "")
    if _DIGITS.fullmatch(lowered):
        return lowered.replace(",", "")
    value = words_to_number(lowered) if lowered.isalpha() else None
    if value is not None and lowered not in ("a", "an"):
        return f"{value:g}"
    joined = lowered.replace("-", "")
    if not joined.isalpha():
        return joined
    lemma = simplemma.lemmatize(joined, lang="en").lower()
    for pattern, replacement in _SPELLING:
        lemma = pattern.sub(replacement, lemma)
    return lemma


@lru_cache(maxsize=131072)
def general_zipf(word: str) -> float:
    """Zipf frequency of a word in general English (0 when unknown), hyphens ignored."""
    lowered = word.lower().replace("’", "'")
    joined = zipf_frequency(lowered.replace("-", ""), "en") if "-" in lowered else 0.0
    return joined or zipf_frequency(lowered, "en")


@lru_cache(maxsize=131072)
def informativeness(word: str) -> float:
    """How much sharing `word` shows shared content: 0 for the commonest words, up to
    UNKNOWN_WEIGHT for words general English rarely or never uses (names, numbers)."""
    if word.isdigit() and len(word) < 2:
        return 1.0
    if any(c.isdigit() for c in word):
        return UNKNOWN_WEIGHT
    zipf = general_zipf(word)
    if not zipf:
        return UNKNOWN_WEIGHT
    return min(UNKNOWN_WEIGHT, max(0.0, COMMON_ZIPF - zipf))


def is_rare(word: str) -> bool:
    """True for a word general English rarely uses (see RARE_ZIPF), or a number."""
    return any(c.isdigit() for c in word) or general_zipf(word) <= RARE_ZIPF
