"""The texts the benchmarks run on, generated from the bundled story and a seed.

Every generator here is deterministic: the same seed gives the same text on every
run. They share their parts: the bundled story's sentences, read once per process
(`seed_sentences`, `seed_prose`); invented words spelled from one syllable list
(`invent`, `vocabulary`); one rule for what a rewritten seed sentence replaces
(`_REWRITABLE`: words of four letters or more, and figures); and `edit`, a few small
changes to a sentence's words, with odds that each generator sets (`Edits`).

- `long_story` and `synthetic`: the 1 MB and 2 MB article pairs of `compare.py` and
  `compare_screen.py`, two retellings of one long story;
- `running_story`: the generated stories of `overview.py`, a running news story
  with wire reports and daily facts;
- `folder_article` and `generate_folder`: the folders of 5 KB articles of `load.py`
  and `load_screen.py`, shaped like the seeds (headline, byline, date line);
- `mixed_stories`: a folder of many stories of `stories.py`, with the story each
  article belongs to;
- `rewritten_folder`: real articles (the shared mixed folder) repeated, each copy of
  the folder rewritten into new stories, for `overview.py`.

Importing this module imports nothing of ``tui`` and no more of the standard library
than `load.py` already does: `load.py`'s child processes import it, then time the
import of ``tui`` (maybe another checkout's, ``--root``) and measure their peak RSS.
The functions that need ``tui`` import it when called.
"""

from __future__ import annotations

import random
import re
import statistics
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from tui.core.alignment.align import Link
    from tui.core.reading.articles import Article

ROOT = Path(__file__).resolve().parent.parent
KB = 1000
MB = 1000 * KB
SYLLABLES = [consonant + vowel for consonant in "bdfgklmnprstvz" for vowel in "aeiou"]
"""What invented words are spelled with: 70 syllables of two letters."""
_REWRITABLE = re.compile(r"[A-Za-z]{4,}|\d+(?:[.,]\d+)*")
"""What a generator rewrites in a seed sentence: words of four letters or more, figures."""


# Texts compared as the product compares them.


def links_between(a: str, b: str) -> tuple[Link, ...]:
    """The links of texts ``a`` and ``b`` as ``storyreader compare`` finds them: a story of two."""
    from tui.core.reading.articles import Article
    from tui.core.story.model import Story

    articles = [
        Article(path=Path(name), text=text, title=name, outlet=name, sha256="")
        for name, text in (("a.txt", a), ("b.txt", b))
    ]
    return Story(articles).comparison(0, 1).links


# The parts every generator shares.


@cache
def seed_files() -> tuple[Path, ...]:
    """The bundled story's articles, in name order."""
    return tuple(sorted((ROOT / "seeds").glob("*.txt")))


@cache
def seed_texts() -> tuple[str, ...]:
    """The text of every article of the bundled story, in name order (read once)."""
    return tuple(path.read_text(encoding="utf-8") for path in seed_files())


@cache
def _segments() -> tuple[tuple[str, str], ...]:
    """Every segment of the bundled story as written, with its kind (cut once)."""
    from tui.core.language.sentences import segment

    return tuple(
        (sentence.span.slice(text), sentence.kind)
        for text in seed_texts()
        for sentence in segment(text)
    )


def seed_sentences() -> list[str]:
    """Every segment of the bundled story as written: headlines and datelines too."""
    return [body for body, _ in _segments()]


def seed_prose() -> list[str]:
    """Every prose sentence of the bundled story with eight words or more, on one line."""
    from tui.core.language.sentences import SENTENCE

    return [
        " ".join(body.split())
        for body, kind in _segments()
        if kind == SENTENCE and len(body.split()) >= 8
    ]


def invent(rng: random.Random, shortest: int, longest: int) -> str:
    """An invented word of ``shortest`` to ``longest`` syllables."""
    return "".join(rng.choices(SYLLABLES, k=rng.randint(shortest, longest)))


def vocabulary(count: int, rng: random.Random) -> list[str]:
    """``count`` distinct invented words, two or three syllables long, in random order."""
    words: set[str] = set()
    while len(words) < count:
        words.add(invent(rng, 2, 3))
    ordered = sorted(words)
    rng.shuffle(ordered)
    return ordered


class Edits(NamedTuple):
    """The odds of `edit`: a roll in [0, 1) for each edit picks its kind."""

    delete: float
    """A roll below this deletes the word (if the sentence has more than `shortest` words)."""
    swap: float
    """Below this, the word swaps places with the next one (if there is one)."""
    figure: float
    """Below this, the word becomes a figure; above it, an invented word."""
    shortest: int
    """The fewest words a sentence keeps; no deletion takes it below."""
    syllables: tuple[int, int]
    """The fewest and most syllables of an invented word."""


def edit(words: Sequence[str], rng: random.Random, count: int, odds: Edits) -> list[str]:
    """``words`` after ``count`` small edits: a deletion, a swap, a new figure or word."""
    edited = list(words)
    for _ in range(count):
        k = rng.randrange(len(edited))
        roll = rng.random()
        if roll < odds.delete and len(edited) > odds.shortest:
            del edited[k]
        elif roll < odds.swap and k + 1 < len(edited):
            edited[k], edited[k + 1] = edited[k + 1], edited[k]
        elif roll < odds.figure:
            edited[k] = str(rng.randint(2, 99_999))
        else:
            edited[k] = invent(rng, *odds.syllables)
    return edited


# Two long articles telling one story (compare.py, compare_screen.py).


KEEP = 0.75
"""Share of the long story's sentences each article tells."""
PAIR_EDITS = Edits(delete=0.3, swap=0.5, figure=0.7, shortest=3, syllables=(2, 4))
"""How the articles of a pair edit the story's sentences: one to four edits each."""


def long_story(size: int, seed: int) -> list[str]:
    """Enough distinct sentences for two articles of ``size`` characters.

    Each is a seed sentence whose words of four letters or more are replaced by
    invented ones and whose figures change. The invented words follow Zipf's law (a
    word's frequency falls with its rank) in a vocabulary that grows with the story,
    as in real text: a few words run through the whole story, most are rare.
    """
    rng = random.Random(seed)
    pool = seed_sentences()
    count = round(size / statistics.mean(map(len, pool)) / KEEP * 1.2)
    words = vocabulary(3 * count, rng)

    def replace(match: re.Match[str]) -> str:
        old = match.group()
        if old[0].isdigit():
            return str(rng.randint(2, 99_999))
        new = words[int(len(words) ** rng.random()) - 1]
        return new.capitalize() if old[0].isupper() else new

    return [_REWRITABLE.sub(replace, rng.choice(pool)) for _ in range(count)]


def synthetic(sentences: list[str], size: int, seed: int) -> str:
    """One article of about ``size`` characters telling ``sentences`` in order.

    It skips a quarter of them, keeps a fifth of the rest word for word and edits
    the others (`PAIR_EDITS`); paragraphs hold four sentences on average.
    """
    rng = random.Random(seed)
    parts: list[str] = []
    length = 0
    for sentence in sentences:
        if length >= size:
            break
        if rng.random() > KEEP:
            continue
        words = sentence.split()
        if rng.random() > 0.2:
            words = edit(words, rng, rng.randint(1, 4), PAIR_EDITS)
        parts.append(" ".join(words) + ("\n\n" if rng.random() < 0.25 else " "))
        length += len(parts[-1])
    return "".join(parts)


# A running news story of many articles (overview.py).


ARTICLE_SIZE = 5 * KB
ARTICLES_PER_DAY = 10
WIRES_PER_DAY = 2
FACTS_PER_DAY = 8
WIRE_SHARE = 0.7
"""Share of words each wire report rewrites in its seed sentences (its own wording)."""
FACT_SHARE = 0.6
"""The same for the facts of a day, which its articles restate."""
OWN_SHARE = 0.8
"""The same for an article's own material: new facts on a frame mixed from two seed sentences."""
RECAP = 0.5
"""Chance that an article also restates one of the day before's facts (a running story)."""
STORY_EDITS = Edits(delete=0.25, swap=0.45, figure=0.6, shortest=6, syllables=(4, 5))
"""How an article edits a wire report's sentence or a fact it restates."""


def running_story(count: int, seed: int) -> list[Article]:
    """A running news story of ``count`` articles of about 5 KB, ten a day.

    Each day has two wire reports of 25 sentences and eight facts, each sentence a
    frame mixed from two seed sentences with a share of its words and figures
    rewritten (invented words, new figures). An article may reprint a run of one of
    its day's wire reports (a few sentences edited) and sign off with its agency,
    restates three of its day's facts (edited), maybe one of the day before's too,
    and fills the rest with its own material, more rewritten frames, so the
    vocabulary grows with the story as a real archive's does.
    """
    import hashlib  # here, not above: see the module docstring

    from tui.core.reading.articles import Article

    rng = random.Random(seed)
    pool = seed_prose()
    days = max(1, count // ARTICLES_PER_DAY)
    wires = [
        [
            [_rewrite(s, rng, WIRE_SHARE) for s in _frames(pool, 25, rng)]
            for _ in range(WIRES_PER_DAY)
        ]
        for _ in range(days)
    ]
    facts = [
        [_rewrite(s, rng, FACT_SHARE) for s in _frames(pool, FACTS_PER_DAY, rng)]
        for _ in range(days)
    ]
    articles = []
    for index in range(count):
        day = index * days // count
        parts: list[str] = []
        agency = None
        if rng.random() < 0.6:
            wire = rng.randrange(WIRES_PER_DAY)
            report = wires[day][wire]
            length = rng.randint(len(report) // 3, len(report) * 2 // 3)
            start = rng.randrange(len(report) - length + 1)
            parts += [
                _edited(s, rng, 1) if rng.random() < 0.3 else s
                for s in report[start : start + length]
            ]
            agency = f"WIRE{day}{'AB'[wire]}" if rng.random() < 0.5 else None
        told = rng.sample(facts[day], 3)
        if day and rng.random() < RECAP:
            told.append(rng.choice(facts[day - 1]))
        for fact in told:
            parts.insert(rng.randrange(len(parts) + 1), _edited(fact, rng, rng.randint(2, 4)))
        own = iter(_frames(pool, len(pool) // 2, rng))
        while sum(map(len, parts)) < ARTICLE_SIZE:
            parts.insert(rng.randrange(len(parts) + 1), _rewrite(next(own), rng, OWN_SHARE))
        text = "\n\n".join(parts) + ("\n\n" + agency if agency else "") + "\n"
        articles.append(
            Article(
                path=Path(f"generated/{index:03}.txt"),
                text=text,
                title=parts[0][:60],
                outlet=f"outlet{index:03}",
                sha256=hashlib.sha256(text.encode()).hexdigest(),
                date=f"2031-{1 + day // 28:02}-{1 + day % 28:02}",
                agency=agency,
            )
        )
    return articles


def _edited(sentence: str, rng: random.Random, count: int) -> str:
    """``sentence`` after ``count`` edits (`STORY_EDITS`), still ending a sentence."""
    return _stop(" ".join(edit(sentence.split(), rng, count, STORY_EDITS)))


def _rewrite(sentence: str, rng: random.Random, share: float) -> str:
    """The sentence with ``share`` of its longer words and figures replaced: a new fact."""
    return _stop(
        _REWRITABLE.sub(
            lambda m: _replace(m.group(), rng) if rng.random() < share else m.group(), sentence
        )
    )


def _replace(word: str, rng: random.Random) -> str:
    """An invented word for a word, another figure for a figure."""
    if word[0].isdigit():
        return f"{rng.randint(2, 99_999):,}"
    return invent(rng, *STORY_EDITS.syllables)


def _frames(pool: Sequence[str], count: int, rng: random.Random) -> list[str]:
    """``count`` new sentence frames, each mixed from two seed sentences used once."""
    chosen = rng.sample(pool, 2 * count)
    return [_mix(first, second) for first, second in zip(chosen[::2], chosen[1::2], strict=True)]


def _mix(first: str, second: str) -> str:
    """The first half of one sentence and the second half of another: a new frame.

    When that would leave a quotation open or closed alone, the first sentence is
    kept whole: real text has its quote marks in pairs.
    """
    head, tail = first.split(), second.split()
    mixed = " ".join(head[: len(head) // 2] + tail[len(tail) // 2 :])
    paired = mixed.count('"') % 2 == 0 and mixed.count("“") == mixed.count("”")
    return mixed if paired else first


def _stop(sentence: str) -> str:
    return sentence if sentence.endswith((".", '"', "”", "?", "!")) else sentence + "."


# A folder of many stories, with the truth (stories.py, overview.py).


TOPIC_EVENTS = 8
"""Events per topic on average: a topic (a country's crisis) has several stories."""
EVENT_FACTS = 10
"""Facts an event has; its articles retell some of them."""
MIXED_EDITS = Edits(delete=0.2, swap=0.4, figure=0.5, shortest=6, syllables=(2, 3))
"""How an outlet retells a fact: its own wording, a figure rounded or updated."""


class Mixed(NamedTuple):
    """A generated folder of many stories."""

    articles: list[Article]
    """The articles, in no particular order."""
    stories: list[int]
    """The story (event) of each article: what a grouping should find."""


def mixed_stories(count: int, seed: int) -> Mixed:
    """``count`` articles of about 3 KB on many events, and the event of each.

    Event sizes are heavy-tailed (a Pareto law: most events have one to five
    articles, a few dozens), as in a week of news. Events belong to topics (about
    `TOPIC_EVENTS` each), which share names and words: two stories of one topic are
    weeks apart and share their topic's vocabulary, but each has its own names,
    figures and facts. Every word comes from one of three invented vocabularies
    (general, the topic's, the event's) or from the seed sentence it rewrites. An
    article retells five to nine of its event's facts in its own words (edited),
    headlines one of them, adds sentences on the topic in general, and is dated on
    its event's day or the next (a fifth of the articles carry no date).
    """
    import hashlib  # here, not above: see the module docstring

    from tui.core.reading.articles import Article

    rng = random.Random(seed)
    pool = seed_prose()
    general = vocabulary(max(2000, count), rng)
    sizes: list[int] = []
    while sum(sizes) < count:
        sizes.append(min(60, int(rng.paretovariate(1.2))))
    sizes[-1] -= sum(sizes) - count
    topics = max(1, len(sizes) // TOPIC_EVENTS)
    topic_words = [vocabulary(40, rng) for _ in range(topics)]
    topic_days = [rng.randrange(365) for _ in range(topics)]
    articles: list[Article] = []
    truth: list[int] = []
    for event, size in enumerate(sizes):
        topic = rng.randrange(topics)
        words = vocabulary(30, rng)
        figures = [f"{rng.randint(100, 99_999):,}" for _ in range(3)]
        day = topic_days[topic] + rng.randrange(120)
        vocabularies = (words, topic_words[topic], general)
        facts = [
            _stop(
                _REWRITABLE.sub(
                    lambda m, v=vocabularies, f=figures: _fact_word(m, rng, v, f), frame
                )
            )
            for frame in _frames(pool, EVENT_FACTS, rng)
        ]
        for _ in range(size):
            told = [_edited_as(fact, rng) for fact in rng.sample(facts, rng.randint(5, 9))]
            general_words = [
                _stop(
                    _REWRITABLE.sub(
                        lambda m, t=topic: _background(m.group(), rng, topic_words[t], general),
                        frame,
                    )
                )
                for frame in _frames(pool, rng.randint(6, 14), rng)
            ]
            body = told + general_words
            rng.shuffle(body)
            headline = " ".join(told[0].rstrip(".").split()[:12])
            date = _date_of(day + rng.randrange(2)) if rng.random() < 0.8 else None
            text = headline + "\n\n" + "\n\n".join(body) + "\n"
            number = len(articles)
            articles.append(
                Article(
                    path=Path(f"mixed/{number:05}.txt"),
                    text=text,
                    title=headline,
                    outlet=f"outlet{rng.randrange(40):02}",
                    sha256=hashlib.sha256(text.encode()).hexdigest(),
                    date=date,
                )
            )
            truth.append(event)
    order = list(range(len(articles)))
    rng.shuffle(order)
    return Mixed([articles[i] for i in order], [truth[i] for i in order])


def _fact_word(
    match: re.Match[str],
    rng: random.Random,
    vocabularies: tuple[list[str], list[str], list[str]],
    figures: list[str],
) -> str:
    """A word of an event's fact: the event's own, its topic's, the news's, or the seed's."""
    old = match.group()
    if old[0].isdigit():
        return rng.choice(figures) if rng.random() < 0.6 else str(rng.randint(2, 999))
    event, topic, general = vocabularies
    roll = rng.random()
    if roll < 0.35:
        new = rng.choice(event)
    elif roll < 0.55:
        new = rng.choice(topic)
    elif roll < 0.8:
        new = general[int(len(general) ** rng.random()) - 1]
    else:
        return old
    return new.capitalize() if old[0].isupper() else new


def _edited_as(fact: str, rng: random.Random) -> str:
    """A fact in an outlet's own words: two to five edits (`MIXED_EDITS`)."""
    return _stop(" ".join(edit(fact.split(), rng, rng.randint(2, 5), MIXED_EDITS)))


def _background(word: str, rng: random.Random, topic: list[str], general: list[str]) -> str:
    """A word of an article's general sentences: the topic's, the news's in general, or kept."""
    if word[0].isdigit():
        return str(rng.randint(2, 999))
    roll = rng.random()
    if roll < 0.25:
        new = rng.choice(topic)
    elif roll < 0.75:
        new = general[int(len(general) ** rng.random()) - 1]
    else:
        return word
    return new.capitalize() if word[0].isupper() else new


def _date_of(day: int) -> str:
    """Day ``day`` of the generated year 2031 (and on into 2032), as ISO."""
    import datetime as dt  # here, not above: see the module docstring

    return (dt.date(2031, 1, 1) + dt.timedelta(days=day)).isoformat()


# Real articles rewritten into new stories (overview.py).


RENAMED = 0.9
"""Share of a copy's words (but function words) given new spellings."""
_RESPELLED = re.compile(r"[A-Za-z]{2,}|\d+(?:[.,]\d+)*")
"""What a rewritten copy may respell: words (short names such as ``Kim`` too), figures."""


def rewritten_folder(sources: Sequence[Path], count: int, folder: Path, seed: int) -> list[Path]:
    """``count`` article files under ``folder``: ``sources`` as they are, then rewritten copies.

    Copy ``k`` of the sources reads like a new set of stories: `RENAMED` of its word
    types but function words (chosen anew per copy, one spelling per word for the
    whole copy, so its articles still share their event's names) become invented
    words, and every figure another. Its sentences keep the sources' shape and function words, as
    real news of other events would. The sources are read, never changed; the
    copies are written under ``folder`` only.
    """
    from tui.core.language.tokens import STOP_WORDS

    texts = [path.read_text(encoding="utf-8") for path in sources]
    rng = random.Random(seed)
    spellings: dict[int, dict[str, str]] = {}

    def respell(match: re.Match[str], spelling: dict[str, str]) -> str:
        old = match.group()
        key = old.lower()
        if key in STOP_WORDS:
            return old
        if key not in spelling:
            renamed = old[0].isdigit() or rng.random() < RENAMED
            spelling[key] = _replace(old, rng) if renamed else key
        new = spelling[key]
        if new == key:
            return old
        return new.capitalize() if old[0].isupper() else new

    written = []
    for number in range(count):
        copy, source = divmod(number, len(texts))
        text = texts[source]
        if copy:
            spelling = spellings.setdefault(copy, {})
            text = _RESPELLED.sub(lambda match, s=spelling: respell(match, s), text)
        path = folder / f"{copy:03}" / sources[source].name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


# Folders of articles shaped like the seeds (load.py, load_screen.py).


ARTICLE_BYTES = 5_000
PER_FOLDER = 100
_VOCABULARY = (
    "the president said on monday that talks with his counterpart would continue after "
    "officials agreed a loan of billion dollars to support the economy while protesters "
    "gathered in the capital for a sixth week demanding new elections and the release of "
    "detained opposition leaders who claim the vote was rigged according to observers from "
    "the european union and united nations rights chief who called for an investigation"
)
_WORDS = _VOCABULARY.split()
_OUTLETS = ("example.com", "news.example.org", "daily.example.net")
_AGENCIES = ("AFP", "Reuters", "AP")


def folder_article(rng: random.Random, number: int) -> str:
    """Article ``number`` of a folder, of about `ARTICLE_BYTES`, shaped like the seeds.

    Its words come from a fixed list of plain English ones: what it tests is reading
    files and their metadata, not the words.
    """
    headline = " ".join(rng.choices(_WORDS, k=rng.randint(6, 11))).capitalize()
    lines = [headline, "", f"By Reporter {number % 97} for {rng.choice(_AGENCIES)}", ""]
    lines += [f"{rng.choice(['March', 'April', 'May'])} {rng.randint(1, 28)}, 2020", ""]
    size = sum(len(line) + 1 for line in lines)
    while size < ARTICLE_BYTES:
        sentences = [
            " ".join(rng.choices(_WORDS, k=rng.randint(12, 30))).capitalize() + "."
            for _ in range(rng.randint(2, 5))
        ]
        paragraph = " ".join(sentences)
        lines += [paragraph, ""]
        size += len(paragraph) + 2
    if number % 3 == 0:
        lines += ["Original url:", "", f"<https://www.{rng.choice(_OUTLETS)}/2020/{number}>"]
    elif number % 3 == 1:
        lines[-2] += rng.choice(_AGENCIES)
    return "\n".join(lines)


def generate_folder(folder: Path, count: int) -> None:
    """``count`` articles under ``folder``, `PER_FOLDER` a sub-folder, the same bytes every run.

    The seed is ``count``: the first article is ``folder_article(random.Random(count), 0)``.
    """
    rng = random.Random(count)
    for number in range(count):
        sub = folder / f"{number // PER_FOLDER:04d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"{number:06d}.txt").write_text(folder_article(rng, number), encoding="utf-8")
