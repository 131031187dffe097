"""Benchmark the alignment engine: seed pairs against the naive baseline, then scale.

    python bench/compare.py [--repeat 5]

(1) Every pair of the bundled seeds in-process, median time of ``align`` beside the
naive baseline (`bench/naive.py`). (2) Two synthetic articles of about 1 MB each,
then 2 MB each, built deterministically from the seed sentences with word edits,
swaps and changed figures; the 2 MB / 1 MB ratio shows how the engine scales
(all pairs of sentences would make it about 4x).
"""

from __future__ import annotations

import argparse
import itertools
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from naive import naive_align

from tui.core.align import align
from tui.core.sentences import split_sentences

MB = 1_000_000


def median_seconds(call: Callable[[], object], repeat: int) -> float:
    """Median wall time of ``call`` over ``repeat`` runs."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def synthetic(pool: list[str], size: int, seed: int) -> str:
    """An article of about ``size`` characters: seed sentences, edited, in paragraphs.

    A fifth of the sentences keep their wording; the rest lose, swap or change
    words and figures, and some words become invented ones, so the vocabulary grows
    with the size as a real archive's does.
    """
    rng = random.Random(seed)
    syllables = ["ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "de", "po", "ga", "ze"]
    parts: list[str] = []
    length = 0
    while length < size:
        words = rng.choice(pool).split()
        if rng.random() > 0.2:
            for _ in range(rng.randint(1, 4)):
                k = rng.randrange(len(words))
                roll = rng.random()
                if roll < 0.3 and len(words) > 3:
                    del words[k]
                elif roll < 0.5 and k + 1 < len(words):
                    words[k], words[k + 1] = words[k + 1], words[k]
                elif roll < 0.7:
                    words[k] = str(rng.randint(2, 99_999))
                else:
                    words[k] = "".join(rng.choices(syllables, k=rng.randint(2, 4)))
        sentence = " ".join(words)
        parts.append(sentence + ("\n\n" if rng.random() < 0.25 else " "))
        length += len(parts[-1])
    return "".join(parts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per measurement")
    args = parser.parse_args(argv)

    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    pairs = list(itertools.combinations(seeds, 2))
    align(*pairs[0])  # warm-up: imports, regex compilation
    engine = [median_seconds(lambda p=p: align(*p), args.repeat) for p in pairs]
    naive = [median_seconds(lambda p=p: naive_align(*p), args.repeat) for p in pairs]
    print(f"seed pairs: {len(pairs)}, {args.repeat} runs each")
    print(
        f"  align  median {statistics.median(engine) * 1000:7.2f} ms  max {max(engine) * 1000:7.2f} ms"
    )
    print(
        f"  naive  median {statistics.median(naive) * 1000:7.2f} ms  max {max(naive) * 1000:7.2f} ms"
    )
    print(f"  align / naive: {statistics.median(engine) / statistics.median(naive):.1f}x")

    pool = [span.slice(text) for text in seeds for span in split_sentences(text)]
    scale = {}
    for size in (MB, 2 * MB):
        a, b = synthetic(pool, size, seed=1), synthetic(pool, size, seed=2)
        seconds = median_seconds(lambda a=a, b=b: align(a, b), max(1, args.repeat // 2))
        links = len(align(a, b))
        scale[size] = seconds
        print(
            f"synthetic {len(a) / MB:.2f} MB vs {len(b) / MB:.2f} MB: "
            f"median {seconds:6.2f} s, {links} links"
        )
    print(f"  2 MB / 1 MB time: {scale[2 * MB] / scale[MB]:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
