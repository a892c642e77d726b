"""The module's knowledge of English words, in one place: what a word is, the short word lists
the detectors share, the month names and the lemmatiser.

Every list is general English, small and meant to be read and argued with; none is tailored
to particular texts. A detector that needs a narrower or wider list builds it from these with
set operations, so one change here reaches every tool.
"""

from __future__ import annotations

import functools
import re


def word_set(words: str) -> frozenset[str]:
    """The words of a space-separated string, as a set (for short lists written inline)."""
    return frozenset(words.split())


# ------------------------------------------------------------------ what a word is

#: A word; numbers such as "12.75" or "1,500" and contractions such as "don't" stay whole.
WORD = re.compile(r"\w+(?:[’'.,-]\w+)*")
#: A word or any single other visible character (a comma, a quote mark), for tools that stop
#: at punctuation.
TOKEN = re.compile(rf"{WORD.pattern}|[^\w\s]")
#: A word of letters only, hyphenated parts allowed ("well-being", "CPC"): for spelling,
#: hyphenation and acronym comparisons, where digits are not part of the word.
LETTER_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")

# ------------------------------------------------------------------ word lists

#: Articles, pronouns, auxiliaries, prepositions and conjunctions: words too common to show
#: that two passages share content, and that end a noun phrase.
FUNCTION_WORDS = word_set(
    "a an the of to in on at by for from with and or but nor as is are was were be been being "
    "it its this that these those he she we they i you me him us them his her our their your "
    "will would shall should can could may might must has have had do does did not no so than "
    "then there here which who whom whose what when where how while all any each every both "
    "more most other some such also into over under about around across between among "
    "through within without against during before after since per"
)
#: Words that cannot end an English sentence or a heading: a line ending in one continues.
CONTINUING_WORDS = word_set(
    "a an the of to for and or nor but with by in on at from as that than into onto upon "
    "about between among this these those its their our your his her whose which who"
)
#: Capitalised words that open sentences (and clauses after an initialism): a capital here
#: says nothing about a name.
SENTENCE_OPENERS = word_set(
    "The A An In On At For From To With By As Of Over Under During Since After Before Until "
    "This That These Those It Its He She We They I Our His Her Their There Here When While "
    "If But And Yet So Then Meanwhile However Also Past Last Next Within Through First Second "
    "Third Noting Calling Addressing"
)
#: Words written with a full stop that rarely end a sentence, case as written ("said no."
#: ends one, "No. 5" does not).
ABBREVIATIONS = word_set(
    "Mr Mrs Ms Mx Dr Prof Rev Hon St Sr Jr Gen Col Lt Capt Cmdr Adm Sgt Gov Sen Rep Pres "
    "Amb Min Sec Dept Univ No Nos Nr Art Para Sect Fig Figs Vol Vols Ch Ed Eds Op Ps "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Mon Tue Tues Wed Thu Thurs Fri Sat Sun "
    "Co Corp Inc Ltd Bros Mt Ft Ave Blvd Rd approx ca cf vs pp esp incl viz etc al ibid resp "
    "est misc fig figs vol vols ed eds op dept"
)
#: Verbs that attribute words to a speaker, as reports use them ("Xi said", "said Li",
#: "he pointed out"): the past tense, and "says".
SPEECH_VERBS: tuple[str, ...] = (
    "said", "says", "told", "asked", "added", "noted", "stressed", "stated", "declared",
    "explained", "wrote", "replied", "urged", "insisted", "recalled", "concluded", "remarked",
    "emphasized", "emphasised", "pointed out", "proclaimed", "announced", "argued", "warned",
    "claimed", "reiterated", "underlined", "underscored", "affirmed", "observed", "called on",
    "called for",
)  # fmt: skip
#: The same verbs in the present tense ("she adds"), for attributions in headlines and
#: live reports.
PRESENT_SPEECH_VERBS: tuple[str, ...] = (
    "say", "tells", "asks", "adds", "notes", "stresses", "states", "declares", "explains",
    "writes", "replies", "urges", "insists", "recalls", "concludes",
)  # fmt: skip


def alternation(words: tuple[str, ...] | frozenset[str]) -> str:
    """A regex group matching any of `words`, longest first (so "says" wins over "say")."""
    return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"


# ------------------------------------------------------------------ months

MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
#: Month names and their abbreviations, lowercased ("sept" too), to month numbers.
MONTH_NUMBERS: dict[str, int] = {
    **{name.lower(): n for n, name in enumerate(MONTH_NAMES, start=1)},
    **{name[:3].lower(): n for n, name in enumerate(MONTH_NAMES, start=1)},
    "sept": 9,
}
#: A month written out or abbreviated with a full stop ("July", "Jul.", "Sept.").
MONTH = alternation(
    (*MONTH_NAMES, *(m[:3] + "." for m in MONTH_NAMES if len(m) > 3), "Sept.")
)

# ------------------------------------------------------------------ lemmas

_IRREGULAR = {"people": "people", "media": "media", "news": "news", "series": "series",
              "species": "species", "data": "data", "politics": "politics", "men": "man",
              "women": "woman", "children": "child", "economics": "economics",
              "overseas": "overseas"}  # fmt: skip


@functools.lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """Lower-case singular of an English word, British "-isation" spelled "-ization"
    ("Organisations" -> "organization", "countries" -> "country"); cached, words recur."""
    word = word.lower().replace("’", "'").removesuffix("'s").replace("isation", "ization")
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "ches", "shes", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "ous")):
        return word[:-1]
    return word


def stem(word: str) -> str:
    """A short key that inflected and derived forms share, for matching content words:
    the lemma without hyphens, cut to five letters when alphabetic ("humanity" meets
    "human"); other words (numbers) stay whole."""
    joined = lemma(word).replace("-", "")
    return joined[:5] if joined.isalpha() else word.lower()
