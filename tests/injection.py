"""An injection corpus: terminal controls hidden everywhere an article or its name can hold them.

Every payload is something a terminal would obey if it were printed raw: colours and
cursor moves, clearing the screen, setting the window title (OSC 0 and 2), writing
the clipboard (OSC 52), a hyperlink (OSC 8), a device control string, their 8-bit
C1 forms, the bell, and bidi overrides and isolates that reorder what is shown. The
corpus puts them in article text, in file names, in front matter, in JSON Lines
fields and in a saved web page (raw and as character references).

`RAW` is this test suite's own definition of what must never come out raw; it is
written out here, not taken from `tui.core.text.safe`, so that a gap in the product's
rule fails the tests instead of hiding in both.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

PAYLOADS = {
    "csi-colour": "\x1b[31;1mRED\x1b[0m",
    "cursor": "\x1b[10;52H\x1b[2A\x1b[1000D",
    "clear": "\x1b[2J\x1b[3J\x1bc",
    "osc-title": "\x1b]0;PWNED\x07\x1b]2;PWNED\x1b\\",
    "osc52": "\x1b]52;c;ZWNobyBQV05FRA==\x07",
    "osc8": "\x1b]8;;https://evil.example/x\x1b\\click\x1b]8;;\x1b\\",
    "dcs": "\x1bP1$qm\x1b\\",
    "c1": "\x9b31m\x9d0;PWNED\x9c\x90q\x9c",
    "bel": "\x07\x07",
    "bidi": "\u202eoverride\u202c \u2066isolate\u2069 \u202bembed\u202c \u200fmark",
}
"""What a terminal would act on, by kind."""
EVERY = "".join(PAYLOADS.values())
RAW = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f\x80-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]"
)
"""C0 controls but tab and line feed, DEL, C1, bidi marks, embeddings, overrides and
isolates, and the line and paragraph separators."""

SHARED = (
    "Police detained 500 protesters in Minsk on Sunday, the interior ministry said in a "
    "statement on Monday."
)
QUOTE = "“We will not give up our country,” the opposition leader told supporters."
PLAIN = f"""# Belarus protests go on

{SHARED}

The president flew to Sochi for talks with his Russian counterpart about a loan.

{QUOTE}
"""
"""A clean article the others share sentences with."""


def poisoned(payload: str) -> str:
    """`PLAIN` with ``payload`` inside its shared sentences, its quote and a figure."""
    return f"""# Belarus {payload} protests go on

Police detained 500 protesters {payload} in Minsk on Sunday, the interior ministry said in
a statement on Monday.

The president flew to Sochi {payload} for talks with his Russian counterpart about a loan.

“We will not give up {payload} our country,” the opposition leader told supporters.
"""


def name_safe(payload: str) -> str:
    """``payload`` as it can appear in a file name (no ``/``)."""
    return payload.replace("/", "")


def build_corpus(folder: Path) -> dict[str, Path]:
    """Write the corpus under ``folder``; the notable files by role."""
    folder.mkdir(parents=True, exist_ok=True)
    files = {"plain": folder / "plain.md", "text": folder / "text.md"}
    files["plain"].write_text(PLAIN, encoding="utf-8")
    files["text"].write_text(poisoned(EVERY), encoding="utf-8")
    for kind, payload in PAYLOADS.items():
        named = folder / f"name-{kind}{name_safe(payload)}.md"
        named.write_text(PLAIN.replace("Belarus", f"Belarus {kind}"), encoding="utf-8")
        files[f"name-{kind}"] = named
    front = folder / "front.md"
    front.write_text(
        "---\n"
        f'title: "Stated {EVERY}"\n'
        f'outlet: "Outlet {EVERY}"\n'
        f'byline: "By {EVERY}"\n'
        f'url: "https://example.com/{name_safe(EVERY)}"\n'
        "date: 2020-09-14\n"
        "---\n\n" + poisoned(PAYLOADS["osc-title"]),
        encoding="utf-8",
    )
    files["front"] = front
    lines = folder / "news.jsonl"
    records = [
        {"title": f"Wire {EVERY}", "outlet": f"Wire {EVERY}", "text": poisoned(EVERY)},
        {"title": "Clean line", "source": {"name": f"Daily {EVERY}"}, "text": PLAIN},
    ]
    lines.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    files["jsonl"] = lines
    page = folder / "page.html"
    # Character references to controls in the metadata only: in the body, reading rejects
    # the page today ("no article text", issue 14), which would leave nothing to compare.
    references = "&#27;]0;PWNED&#7; &#x9b;31m &#8238;override&#8236;"
    page.write_text(
        f"""<!doctype html>
<html><head><meta charset="utf-8"><title>Page {EVERY} {references}</title>
<meta property="og:site_name" content="Site {references} {EVERY}"></head>
<body><article><h1>Belarus {EVERY} protests go on</h1>
<p>Police detained 500 protesters {EVERY} in Minsk on Sunday, the interior ministry said
in a statement on Monday.</p>
<p>The president flew to Sochi {EVERY} for talks with his Russian counterpart about
a loan.</p>
<p>{QUOTE}</p></article></body></html>
""",
        encoding="utf-8",
    )
    files["html"] = page
    undecodable = folder / os.fsdecode(b"bad-\xff\x1b]0;PWNED\x07.md")
    undecodable.write_text(PLAIN, encoding="utf-8")
    files["undecodable"] = undecodable
    binary = folder / f"binary{name_safe(EVERY)}.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00" + EVERY.encode())
    files["binary"] = binary
    empty = folder / f"empty{name_safe(EVERY)}.txt"
    empty.write_bytes(b"")
    files["empty"] = empty
    return files


def missing(folder: Path) -> Path:
    """A path that is not there, its name full of payloads."""
    return folder / f"missing{name_safe(EVERY)}.md"


def raw_found(text: str) -> list[str]:
    """The characters of ``text`` that must never come out raw, each with its context."""
    return [repr(text[max(0, m.start() - 20) : m.end() + 20]) for m in RAW.finditer(text)]
