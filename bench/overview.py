"""Benchmark the story overview: the bundled story, generated stories, mixed folders.

    python bench/overview.py [--repeat 3] [--sizes 50 200] [--mixed 50 100 200 400] [--root DIR]

(1) ``build_overview`` on the bundled story. (2) Generated stories of 50 and 200
articles of about 5 KB each, built deterministically from the seed sentences (see
`running_story` in `bench/corpus.py`), median time of ``build_overview``, the time
per article, and the growth from 50 to 200 articles (the goal: at most 5x for 4x
the articles, and 200 articles under 10 s). (3) The baseline, measured in the same
run on the 50-article story: every pair compared through the story
(articles cut once, story weights computed once), which is what the overview
would cost without its sentence index. It runs once: it is slow.

The generated story has the shape of a running news story: each day has its wire
reports and its facts. An article may reprint a run of one of its day's wire
reports (lightly edited), restates a few of its day's facts in its own words, and
fills the rest with its own material: seed sentences rewritten with invented words,
so the vocabulary grows with the story as a real archive's does. Sharing is dense
within a day and sparse across days; the script prints how many article pairs the
index proposed, so the density is on the record.

(4) Mixed folders of 50, 100, 200 and 400 articles of many stories, as a downloads
folder holds them: the shared mixed folder (``../shared/eval/mixed_folder``, 20
articles of 4 events, read where it is) followed by rewritten copies of it, written
to a temporary folder at run time and deleted after (`rewritten_folder` in
``bench/corpus.py``: each copy is four new events, their words respelt). Without
../shared, generated folders of many stories (`mixed_stories`). Each size runs in a
child process of its own, so its peak RSS is its own: the median time of
``build_overview`` over ``--repeat`` runs, peak RSS, and the baseline measured in
the same child, cutting every article into units and weighing the words (the work
any overview does before comparing anything); the CPU seconds of each stage
(``prepare``: cutting the articles into sentences, ``stories``: grouping them,
``index``: the pairs to align, ``align``, ``groups``, ``figures``, ``quotes``, and
the JSON ``report``), medians of ``--repeat`` more runs; and, once, the overview
reading the whole folder as one story, as it did before it grouped folders into
stories. Each timed run starts with the semantic signal loaded afresh, its caches
empty, as a user's first overview does (`cold_signal`). The growth exponent from 100 to 400
articles is ``log(t400 / t100) / log(4)`` (1 is linear; the goal: at most 4.8x,
an exponent of 1.13, and 400 articles under 4 s). The engine is the one
``STORYREADER_ENGINE`` chooses, and is printed. Then, for each mixed folder, the
command a user runs, ``storyreader overview DIR --format json`` in a fresh process
(reading, the report and the first embedding of every sentence count; the median
of ``--repeat`` runs, peak RSS), with ``--root DIR`` beside the same command of
another checkout (an older commit's), with the ratio and whether the JSON is the
same byte for byte; with ``--root``, that checkout's own child also measures each
mixed folder right after this one's (its build time, CPU and stages, and the ratio). The growth exponent over all the mixed sizes is the slope of
log time on log size (least squares), for ``build_overview`` and for the command.
"""

from __future__ import annotations

import argparse
import json
import math
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from itertools import combinations
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from child import Run, at_root, median_of, run, storyreader
from corpus import KB, mixed_stories, rewritten_folder, running_story

from tui.core.alignment import semantic, tiers
from tui.core.reading.articles import Article
from tui.core.reading.loading import load_paths
from tui.core.reports.overview import format_overview
from tui.core.story import overview as overview_module
from tui.core.story.model import Story
from tui.core.story.overview import STAGES, Overview, build_overview, iter_overview


def median_seconds(call: Callable[[], object], repeat: int) -> tuple[float, float, object]:
    """Median wall time and median CPU time of ``call`` over ``repeat`` runs, and its result.

    CPU time is printed beside wall time because a shared machine's other work
    inflates wall time; the growth ratio is given for both.
    """
    wall, cpu = [], []
    result: object = None
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        result = call()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(wall), statistics.median(cpu), result


def all_pairs(articles: Sequence[Article]) -> int:
    """The baseline: every pair of one story compared (articles cut and weighed once)."""
    story = Story(articles)
    return sum(len(story.comparison(a, b).links) for a, b in combinations(range(len(story)), 2))


def describe(overview: Overview) -> str:
    stats = overview.stats
    return (
        f"{stats.aligned_pairs}/{stats.pairs} pairs aligned "
        f"({100 * stats.aligned_pairs / max(stats.pairs, 1):.0f}%), "
        f"{stats.candidate_sentence_pairs} candidate sentence pairs, {stats.links} links, "
        f"{len(overview.copy_groups or ())} copy groups, {len(overview.figures or ())} figures, "
        f"{len(overview.quotes or ())} quotes"
    )


MIXED_SOURCE = ROOT.parent / "shared" / "eval" / "mixed_folder"


def mixed_folder(size: int, folder: Path) -> list[Article]:
    """``size`` articles of many stories, real ones rewritten when ../shared is there."""
    sources = sorted(MIXED_SOURCE.glob("*.txt"))
    if not sources:
        return mixed_stories(size, seed=size).articles
    rewritten_folder(sources, size, folder, seed=size)
    return load_paths([folder]).articles


def cold_signal() -> None:
    """Load the semantic signal afresh, so that a timed run embeds as a user's first does.

    The signal caches every sentence and word it embeds for the process, and the
    tiers each sentence's speaker: a second overview of the same folder would embed
    and read nothing and hide that cost. Loading happens here, outside the timed call.
    """
    semantic._loaded = None
    semantic.signal()
    tiers._speaker.cache_clear()  # who speaks in each sentence, found once per process


def stage_seconds(articles: Sequence[Article]) -> tuple[Overview, dict[str, float]]:
    """The overview of ``articles`` and the CPU seconds of each of its stages.

    A stage runs from its first `Progress` to the next stage's; the JSON report
    (`format_overview`, compact as in a pipe) is the last, ``report``.
    """
    cold_signal()
    seconds: dict[str, float] = {}
    stage, start = STAGES[0], time.process_time()
    result = None
    for step in iter_overview(Story(articles)):
        if isinstance(step, Overview):
            result = step
        elif step.stage != stage:
            now = time.process_time()
            seconds[stage] = seconds.get(stage, 0.0) + now - start
            stage, start = step.stage, now
    now = time.process_time()
    seconds[stage] = seconds.get(stage, 0.0) + now - start
    assert result is not None and result.complete
    format_overview(result, "json")
    seconds["report"] = time.process_time() - now
    return result, seconds


def mixed_child(size: int, repeat: int) -> None:
    """Time and memory of the overview of a mixed folder of ``size``: one JSON line."""
    # Kept to the end: the texts of text files are read again from them when used.
    folder = tempfile.TemporaryDirectory()
    articles = mixed_folder(size, Path(folder.name))
    build_overview(Story(articles[:20]))  # warm-up: imports, regex compilation, vectors

    def cold() -> Overview:
        cold_signal()
        return build_overview(Story(articles))

    def floor() -> Story:
        story = Story(articles)
        for index in range(len(story)):
            story.units(index)
        story.weights  # noqa: B018 (computed on first use)
        return story

    base, base_cpu, _ = median_seconds(floor, repeat)
    seconds, cpu, result = median_seconds(cold, repeat)
    overview: Overview = result  # type: ignore[assignment]
    runs = [stage_seconds(articles)[1] for _ in range(repeat)]
    stages = {stage: statistics.median(run[stage] for run in runs) for stage in runs[0]}
    # The same overview reading the folder as one story, as it did before grouping.
    saved, overview_module.ONE_STORY = overview_module.ONE_STORY, len(articles)
    before, before_cpu, _ = median_seconds(cold, 1)
    overview_module.ONE_STORY = saved
    print(
        json.dumps(
            {
                "size": size,
                "seconds": seconds,
                "cpu": cpu,
                "floor": base,
                "floor_cpu": base_cpu,
                "before": before,
                "before_cpu": before_cpu,
                "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                "stories": len(overview.stories),
                "engine": overview.story.aligner.engine,
                "described": describe(overview),
                "stages": stages,
            }
        )
    )
    folder.cleanup()


def exponent(sizes: Sequence[int], seconds: Sequence[float]) -> float:
    """The slope of log time on log size, least squares: 1 is linear, 2 quadratic."""
    xs = [math.log(size) for size in sizes]
    ys = [math.log(value) for value in seconds]
    mean_x, mean_y = statistics.fmean(xs), statistics.fmean(ys)
    spread = sum((x - mean_x) ** 2 for x in xs)
    return sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / spread


def command_runs(size: int, repeat: int, root: Path | None) -> dict[str, Run | bool]:
    """``storyreader overview DIR --format json`` on the mixed folder of ``size``, fresh.

    Runs interleaved with ``root``'s command when given, so a busy moment of the
    machine hits both alike; ``same`` says whether the two printed the same JSON.
    """
    sources = sorted(MIXED_SOURCE.glob("*.txt"))
    found: dict[str, Run | bool] = {}
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp) / "folder"
        rewritten_folder(sources, size, folder, seed=size)
        argv = storyreader("overview", folder, "--format", "json")
        outs = {"now": Path(temp) / "now.json", "before": Path(temp) / "before.json"}
        runs: dict[str, list[Run]] = {"now": [], "before": []}
        for _ in range(repeat):
            runs["now"].append(run(argv, outs["now"]))
            if root is not None:
                env, cwd = at_root(root)
                runs["before"].append(run(argv, outs["before"], env, cwd))
        found["now"] = median_of(runs["now"])
        if root is not None:
            found["before"] = median_of(runs["before"])
            found["same"] = outs["now"].read_bytes() == outs["before"].read_bytes()
    return found


def mixed_run(script: Path, size: int, repeat: int) -> dict[str, Any]:
    """What ``script --mixed-child SIZE`` measured, in a child process of its own.

    ``script`` is this file, or another checkout's, which then imports its own ``tui``.
    """
    command = [sys.executable, str(script), "--mixed-child", str(size), "--repeat", str(repeat)]
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    found: dict[str, Any] = json.loads(out.splitlines()[-1])
    return found


def mixed(sizes: Sequence[int], repeat: int, root: Path | None = None) -> None:
    found = {}
    commands: dict[int, dict[str, Run | bool]] = {}
    source = (
        "rewritten copies of ../shared/eval/mixed_folder"
        if MIXED_SOURCE.is_dir()
        else ("generated folders of many stories (../shared is not there)")
    )
    print(f"mixed folders: {source}")
    for size in sizes:
        result = found[size] = mixed_run(Path(__file__), size, repeat)
        print(
            f"mixed folder, {size} articles ({result['stories']} stories, engine "
            f"{result['engine']}): median {result['seconds']:.2f} s (CPU {result['cpu']:.2f} s), "
            f"{result['seconds'] / result['floor']:.1f}x the baseline of cutting and weighing "
            f"({result['floor']:.2f} s); peak RSS {result['rss_mb']:.0f} MB (the child's, over "
            "all its runs, each loading the model anew: the command's below is a user's)"
        )
        print(
            f"  read as one story, as before grouping: {result['before']:.2f} s "
            f"(CPU {result['before_cpu']:.2f} s), {result['before'] / result['seconds']:.1f}x slower"
        )
        print(f"  {result['described']}")
        stages = ", ".join(f"{stage} {value:.2f}" for stage, value in result["stages"].items())
        print(f"  CPU seconds by stage (medians): {stages}")
        if root is not None:
            # The other checkout's own child, right after this one's: a busy
            # moment of the machine hits both alike.
            other = mixed_run(root / "bench" / "overview.py", size, repeat)
            earlier = ", ".join(
                f"{stage} {value:.2f}" for stage, value in other.get("stages", {}).items()
            )
            print(
                f"  before ({root}): median {other['seconds']:.2f} s (CPU {other['cpu']:.2f} s); "
                f"now {result['seconds'] / other['seconds']:.2f}x its time, "
                f"{result['cpu'] / other['cpu']:.2f}x its CPU; its stages: {earlier}"
            )
        if MIXED_SOURCE.is_dir():
            runs = commands[size] = command_runs(size, repeat, root)
            now = runs["now"]
            assert isinstance(now, Run)
            text = (
                f"  storyreader overview --format json, fresh process: {now.wall:.2f} s "
                f"(CPU {now.cpu:.2f} s), peak RSS {now.rss_mb:.0f} MB"
            )
            before = runs.get("before")
            if isinstance(before, Run):
                text += (
                    f"; before ({root}): {before.wall:.2f} s (CPU {before.cpu:.2f} s), "
                    f"{before.rss_mb:.0f} MB; now {now.wall / before.wall:.2f}x its time, "
                    f"{now.rss_mb / before.rss_mb:.2f}x its RSS; JSON "
                    f"{'the same' if runs['same'] else 'DIFFERS'}"
                )
            print(text)
    if len(found) > 1:
        sizes = sorted(found)
        fitted = exponent(sizes, [found[size]["seconds"] for size in sizes])
        text = f"growth exponent over {'/'.join(map(str, sizes))} articles: overview {fitted:.2f}"
        if len(commands) == len(found):
            walls = [commands[size]["now"].wall for size in sizes]  # type: ignore[union-attr]
            text += f", the command {exponent(sizes, walls):.2f}"
        print(text + " (1 is linear)")
    if 100 in found and 400 in found:
        growth = found[400]["seconds"] / found[100]["seconds"]
        cpu = found[400]["cpu"] / found[100]["cpu"]
        floor = found[400]["floor"] / found[100]["floor"]
        print(
            f"growth 100 -> 400 mixed articles (4x): {growth:.2f}x time (exponent "
            f"{math.log(growth) / math.log(4):.2f}), {cpu:.2f}x CPU time, baseline {floor:.2f}x "
            f"(goal: at most 4.8x; 400 under 4 s: {'yes' if found[400]['seconds'] < 4 else 'no'})"
        )
        before = found[400]["before"] / found[100]["before"]
        print(
            f"  read as one story: {before:.2f}x time (exponent "
            f"{math.log(before) / math.log(4):.2f})"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement")
    parser.add_argument("--sizes", type=int, nargs=2, default=[50, 200], metavar="N")
    parser.add_argument(
        "--mixed",
        type=int,
        nargs="*",
        default=[50, 100, 200, 400],
        metavar="N",
        help="sizes of the mixed folders (none: skip them)",
    )
    parser.add_argument("--mixed-child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--only-mixed", action="store_true", help="run the mixed folders only")
    parser.add_argument(
        "--root", type=Path, help="also time the overview command of the tui package in DIR"
    )
    args = parser.parse_args(argv)
    if args.mixed_child:
        mixed_child(args.mixed_child, args.repeat)
        return 0
    if args.only_mixed:
        mixed(args.mixed, args.repeat, args.root)
        return 0

    seeds = load_paths([ROOT / "seeds"]).articles
    build_overview(Story(seeds))  # warm-up: imports, regex compilation
    seconds, cpu, result = median_seconds(lambda: build_overview(Story(seeds)), args.repeat * 3)
    print(
        f"bundled story, {len(seeds)} articles: median {seconds * 1000:.1f} ms "
        f"(CPU {cpu * 1000:.1f} ms)"
    )
    print(f"  {describe(result)}")  # type: ignore[arg-type]

    timings, cpu_timings = {}, {}
    for size in args.sizes:
        articles = running_story(size, seed=size)
        kb = sum(len(a.text) for a in articles) / len(articles) / KB
        seconds, cpu, result = median_seconds(
            lambda a=articles: build_overview(Story(a)), args.repeat
        )
        timings[size], cpu_timings[size] = seconds, cpu
        print(
            f"generated story, {size} articles of {kb:.1f} KB: median {seconds:.2f} s "
            f"(CPU {cpu:.2f} s), {seconds / size * 1000:.1f} ms per article"
        )
        print(f"  {describe(result)}")  # type: ignore[arg-type]
    small, large = args.sizes
    growth = timings[large] / timings[small]
    cpu_growth = cpu_timings[large] / cpu_timings[small]
    print(
        f"growth {small} -> {large} articles ({large / small:.0f}x): {growth:.2f}x time, "
        f"{cpu_growth:.2f}x CPU time (goal: at most 5x; {large} under 10 s: "
        f"{'yes' if timings[large] < 10 else 'no'})"
    )

    articles = running_story(small, seed=small)
    baseline, baseline_cpu, links = median_seconds(lambda: all_pairs(articles), 1)
    print(
        f"baseline, every pair of the {small}-article story aligned in full: {baseline:.2f} s "
        f"(CPU {baseline_cpu:.2f} s, {links} links); the overview is "
        f"{baseline / timings[small]:.1f}x faster ({baseline_cpu / cpu_timings[small]:.1f}x in CPU)"
    )
    if args.mixed:
        mixed(args.mixed, args.repeat, args.root)
    return 0


if __name__ == "__main__":
    sys.exit(main())
