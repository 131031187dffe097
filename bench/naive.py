"""The naive baseline: regex sentences, fuzzy ratio between all pairs, greedy one-to-one.

It finds copies and almost nothing else; `bench/compare.py` times it beside the real
engine, and run as a script it prints the same JSON as ``storyreader compare`` so the
gold scorer can grade it::

    python ../shared/eval/score.py --gold tests/eval/gold_seeds.json --docs seeds \
        --cmd "python bench/naive.py {a} {b}"
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from rapidfuzz import fuzz, process

_SENTENCE = re.compile(r"[^.!?\s][^.!?]*(?:[.!?]+|$)")
CUTOFF = 80


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans by the textbook regex: up to the next ``.``, ``!`` or ``?``."""
    spans = []
    for match in _SENTENCE.finditer(text):
        start, end = match.span()
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append((start, end))
    return spans


def naive_align(a: str, b: str) -> list[dict[str, object]]:
    """Links of ``fuzz.ratio >= 80``, best first, each sentence used at most once."""
    spans_a, spans_b = sentences(a), sentences(b)
    if not spans_a or not spans_b:
        return []
    scores = process.cdist(
        [a[s:e] for s, e in spans_a],
        [b[s:e] for s, e in spans_b],
        scorer=fuzz.ratio,
        score_cutoff=CUTOFF,
    )
    pairs = sorted(
        ((float(scores[i, j]), i, j) for i, j in zip(*scores.nonzero(), strict=True)),
        reverse=True,
    )
    used_a: set[int] = set()
    used_b: set[int] = set()
    links = []
    for score, i, j in pairs:
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        links.append(
            {"a": list(spans_a[i]), "b": list(spans_b[j]), "tier": "copy", "score": score / 100}
        )
    return sorted(links, key=lambda link: (link["a"], link["b"]))


if __name__ == "__main__":
    texts = [Path(name).read_text(encoding="utf-8") for name in sys.argv[1:3]]
    print(json.dumps({"links": naive_align(*texts)}))
