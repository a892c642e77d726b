"""Word-level differences between two texts, lossless for any Unicode, fast on long texts.

Words (numbers such as "12.75" or "1,500" stay whole) are mapped to integers; the common
start and end are stripped; words that occur exactly once in both texts anchor the
alignment (patience diff; the rarest words when no word is unique), and the small gaps
between anchors go to rapidfuzz's C++ LCS.
This stays near-linear where `difflib` is quadratic, and keeps frequent words that
`difflib`'s autojunk would drop.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable
from itertools import accumulate, chain
from typing import Literal, NamedTuple

from rapidfuzz.distance import Indel

from helpers.text.lexicon import TOKEN

Op = Literal["equal", "replace", "delete", "insert"]


class DiffPart(NamedTuple):
    """One step of a diff: `a_part` became `b_part` (one of them empty unless `replace`)."""

    op: Op
    a_part: str
    b_part: str


# A lexicon token (a word, numbers and "don't" whole, or one other character) with its
# trailing spaces, or a run of spaces.
_TOKEN = re.compile(rf"(?:{TOKEN.pattern})\s*|\s+")
_HAS_WORD = re.compile(r"\w")
# Gaps up to this many token pairs go straight to the bit-parallel LCS.
_SMALL_GAP = 4_000_000


def tokenize(text: str) -> list[str]:
    """Split `text` into diff tokens; `"".join(tokenize(text)) == text`."""
    return _TOKEN.findall(text)


def diff_words(a: str, b: str) -> list[DiffPart]:
    """Word-level diff of `a` into `b`; joining the a_parts gives `a`, the b_parts give `b`.

    Tokens are compared without their trailing spaces, so an `equal` part may differ in
    spacing only (its a_part and b_part each keep their own text)."""
    tokens_a, tokens_b = tokenize(a), tokenize(b)
    keys_a, keys_b = list(map(str.rstrip, tokens_a)), list(map(str.rstrip, tokens_b))
    ids = {key: n for n, key in enumerate(dict.fromkeys(chain(keys_a, keys_b)))}
    blocks = matching_blocks(list(map(ids.__getitem__, keys_a)), list(map(ids.__getitem__, keys_b)))
    starts_a = list(accumulate(map(len, tokens_a), initial=0))
    starts_b = list(accumulate(map(len, tokens_b), initial=0))
    return _parts(a, starts_a, b, starts_b, blocks)


def matching_blocks(a: list[int], b: list[int]) -> list[tuple[int, int, int]]:
    """Sorted `(i, j, n)` with `a[i:i+n] == b[j:j+n]`, forming a long common subsequence."""
    blocks: list[tuple[int, int, int]] = []
    stack = [(0, len(a), 0, len(b))]
    while stack:
        alo, ahi, blo, bhi = stack.pop()
        n = _common_prefix(a, alo, ahi, b, blo, bhi)
        if n:
            blocks.append((alo, blo, n))
            alo, blo = alo + n, blo + n
        n = _common_suffix(a, alo, ahi, b, blo, bhi)
        if n:
            blocks.append((ahi - n, bhi - n, n))
            ahi, bhi = ahi - n, bhi - n
        if alo == ahi or blo == bhi:
            continue
        anchors = None
        if (ahi - alo) * (bhi - blo) > _SMALL_GAP:
            anchors = _rare_anchors(a, alo, ahi, b, blo, bhi)
        if not anchors:
            blocks.extend(_lcs_blocks(a, alo, ahi, b, blo, bhi))
            continue
        blocks.extend(_runs(a, b, anchors, stack, (alo, ahi, blo, bhi)))
    blocks.sort()
    return blocks


def _runs(
    a: list[int],
    b: list[int],
    anchors: list[tuple[int, int]],
    stack: list[tuple[int, int, int, int]],
    bounds: tuple[int, int, int, int],
) -> list[tuple[int, int, int]]:
    """Equal runs through consecutive anchors whose gaps are identical (most of them, in
    similar texts); the gaps that differ go on `stack` to be aligned in turn."""
    alo, ahi, blo, bhi = bounds
    runs = []
    run_a, run_b, run_end = alo, blo, alo
    for i, j in anchors:
        if i - run_end == j - (run_b + run_end - run_a) and a[run_end:i] == b[j - i + run_end : j]:
            run_end = i + 1
            continue
        if run_end > run_a:
            runs.append((run_a, run_b, run_end - run_a))
        stack.append((run_end, i, run_b + run_end - run_a, j))
        run_a, run_b, run_end = i, j, i + 1
    if run_end > run_a:
        runs.append((run_a, run_b, run_end - run_a))
    stack.append((run_end, ahi, run_b + run_end - run_a, bhi))
    return runs


def _gallop(limit: int, same: Callable[[int, int], bool]) -> int:
    """Largest n <= limit with same(0, n): doubling steps, then single ones, so each check is
    one C-speed slice comparison."""
    low, step = 0, 1
    while low < limit:
        high = min(limit, low + step)
        if not same(low, high):
            if step == 1:
                return low
            step = 1
            continue
        low, step = high, step * 2
    return low


def _common_prefix(a: list[int], alo: int, ahi: int, b: list[int], blo: int, bhi: int) -> int:
    """Length of the common start of two ranges."""
    return _gallop(
        min(ahi - alo, bhi - blo),
        lambda low, high: a[alo + low : alo + high] == b[blo + low : blo + high],
    )


def _common_suffix(a: list[int], alo: int, ahi: int, b: list[int], blo: int, bhi: int) -> int:
    """Length of the common end of two ranges."""
    return _gallop(
        min(ahi - alo, bhi - blo),
        lambda low, high: a[ahi - high : ahi - low] == b[bhi - high : bhi - low],
    )


def _rare_anchors(
    a: list[int], alo: int, ahi: int, b: list[int], blo: int, bhi: int
) -> list[tuple[int, int]]:
    """Anchor pairs for a range: tokens found once in each text (patience diff) or, when there
    are none, the rarest tokens found equally often in both, k-th occurrence with k-th
    (histogram diff); the longest run of pairs in increasing order on both sides."""
    count_a, count_b = Counter(a[alo:ahi]), Counter(b[blo:bhi])
    unique = {t for t, c in count_a.items() if c == 1 and count_b.get(t) == 1}
    if unique:
        once_b = {t: j for j, t in enumerate(b[blo:bhi], blo) if t in unique}
        return _longest_increasing([(i, once_b[t]) for i, t in enumerate(a[alo:ahi], alo)
                                    if t in unique])  # fmt: skip
    rarity = min((c for t, c in count_a.items() if count_b.get(t) == c), default=0)
    if not rarity:
        return []
    chosen = {t for t, c in count_a.items() if c == rarity and count_b.get(t) == c}
    where_b: dict[int, list[int]] = {}
    for j, t in enumerate(b[blo:bhi], blo):
        if t in chosen:
            where_b.setdefault(t, []).append(j)
    seen: Counter[int] = Counter()
    pairs = []
    for i, t in enumerate(a[alo:ahi], alo):
        if t in chosen:
            pairs.append((i, where_b[t][seen[t]]))
            seen[t] += 1
    return _longest_increasing(pairs)


def _longest_increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest subsequence of `pairs` (sorted by first item) whose second items increase."""
    tails: list[int] = []
    tail_index: list[int] = []
    previous = [-1] * len(pairs)
    for k, (_, j) in enumerate(pairs):
        slot = bisect_left(tails, j)
        if slot == len(tails):
            tails.append(j)
            tail_index.append(k)
        else:
            tails[slot] = j
            tail_index[slot] = k
        previous[k] = tail_index[slot - 1] if slot else -1
    chain = []
    k = tail_index[-1] if tail_index else -1
    while k != -1:
        chain.append(pairs[k])
        k = previous[k]
    return chain[::-1]


def _lcs_blocks(
    a: list[int], alo: int, ahi: int, b: list[int], blo: int, bhi: int
) -> list[tuple[int, int, int]]:
    """Matching blocks of a small gap from rapidfuzz's bit-parallel LCS."""
    opcodes = Indel.opcodes(a[alo:ahi], b[blo:bhi])
    return [
        (alo + op.src_start, blo + op.dest_start, op.src_end - op.src_start)
        for op in opcodes
        if op.tag == "equal"
    ]


def _segments(blocks: list[tuple[int, int, int]], n_a: int, n_b: int) -> list[list]:
    """`[is_equal, i1, i2, j1, j2]` token ranges covering both texts, from matching blocks."""
    segments = []
    i = j = 0
    for bi, bj, n in [*blocks, (n_a, n_b, 0)]:
        if i < bi or j < bj:
            segments.append([False, i, bi, j, bj])
        if n:
            segments.append([True, bi, bi + n, bj, bj + n])
        i, j = bi + n, bj + n
    return segments


def _parts(
    a: str, starts_a: list[int], b: str, starts_b: list[int], blocks: list[tuple[int, int, int]]
) -> list[DiffPart]:
    """Parts of text from matching blocks of tokens (token k starts at `starts_*[k]`). Equal
    runs without a word (a lone comma) between two changes fold into them, and neighbours of
    the same kind merge, so a changed phrase reads as one change."""
    segments = _segments(blocks, len(starts_a) - 1, len(starts_b) - 1)
    equal = [segment[0] for segment in segments]
    merged: list[list] = []
    for k, segment in enumerate(segments):
        if (
            equal[k]
            and 0 < k < len(segments) - 1
            and not equal[k - 1]
            and not equal[k + 1]
            and not _HAS_WORD.search(a, starts_a[segment[1]], starts_a[segment[2]])
        ):
            segment[0] = False
        if merged and merged[-1][0] == segment[0]:
            merged[-1][2], merged[-1][4] = segment[2], segment[4]
        else:
            merged.append(segment)
    parts = []
    for is_equal, i1, i2, j1, j2 in merged:
        a_part, b_part = a[starts_a[i1] : starts_a[i2]], b[starts_b[j1] : starts_b[j2]]
        parts.append(
            DiffPart("equal" if is_equal else _change_kind(a_part, b_part), a_part, b_part)
        )
    return parts


def _change_kind(a_part: str, b_part: str) -> Op:
    """Name a change by what it holds."""
    return "replace" if a_part and b_part else "delete" if a_part else "insert"
