"""Check that a speed change changed no result: the headless JSON, byte for byte.

    python bench/same_output.py --save /tmp/before     # on the code before the change
    python bench/same_output.py --check /tmp/before    # after it: every output the same

Runs ``list``, ``compare`` (every pair of each small folder, consecutive pairs of the
mixed folder, and a generated long pair) and ``overview`` in JSON on the seeds, the
development story and the mixed folder (read where they lie, `../shared`), in this
process, and saves or compares what each prints. Folders that are absent are skipped.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import sys
import tempfile
from itertools import combinations, pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from corpus import KB, long_story, synthetic

SHARED = ROOT.parent / "shared"
FOLDERS = {
    "seeds": SHARED / "seeds",
    "dev": SHARED / "eval" / "dev_story" / "docs",
    "mixed": SHARED / "eval" / "mixed_folder",
}
LONG = 300 * KB
"""Characters a side of the generated pair: long enough for the index path of `align`."""


def run(argv: list[str]) -> str:
    """What ``storyreader ARGV`` prints, run in this process."""
    from tui.cli import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        code = main(argv)
    return f"exit {code}\n{out.getvalue()}"


def commands(scratch: Path) -> dict[str, list[str]]:
    """Each output's name and its command line."""
    found: dict[str, list[str]] = {}
    for name, folder in FOLDERS.items():
        if not folder.is_dir():
            continue
        files = sorted(str(path) for path in folder.iterdir() if path.suffix == ".txt")
        found[f"list-{name}"] = ["list", str(folder), "--format", "json"]
        found[f"overview-{name}"] = ["overview", str(folder), "--format", "json"]
        pairs = list(combinations(files, 2)) if len(files) <= 6 else list(pairwise(files))
        for a, b in pairs:
            found[f"compare-{name}-{Path(a).stem}-{Path(b).stem}"] = [
                "compare",
                a,
                b,
                "--format",
                "json",
            ]
    sentences = long_story(LONG, seed=0)
    paths = []
    for seed in (1, 2):
        path = scratch / f"long-{seed}.txt"
        path.write_text(synthetic(sentences, LONG, seed), encoding="utf-8")
        paths.append(str(path))
    found["compare-long"] = ["compare", *paths, "--format", "json"]
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument("--save", type=Path, help="write every output into this folder")
    what.add_argument("--check", type=Path, help="compare every output with this folder's")
    args = parser.parse_args(argv)
    differ = 0
    with tempfile.TemporaryDirectory(prefix="storyreader-same-") as scratch:
        for name, command in commands(Path(scratch)).items():
            output = run(command).replace(scratch, "SCRATCH")
            if args.save:
                args.save.mkdir(parents=True, exist_ok=True)
                (args.save / f"{name}.out").write_text(output, encoding="utf-8")
                continue
            saved = args.check / f"{name}.out"
            if not saved.is_file():
                print(f"{name}: no saved output")
                differ += 1
            elif saved.read_text(encoding="utf-8") != output:
                print(f"{name}: DIFFERS")
                differ += 1
            else:
                print(f"{name}: same")
    if args.check:
        print("all the same" if not differ else f"{differ} outputs differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
