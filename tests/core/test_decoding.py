"""Decoding: encodings, binary detection, and the fast control-character checks."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.reading.decoding import NotTextError, binary_kind, decode, universal_newlines
from tui.core.text.safe import has_unsafe


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"\x89PNG\r\n\x1a\n....", "binary file (PNG image)"),
        (b"RIFF\x00\x00\x00\x00WEBPVP8 ", "binary file (WebP image)"),
        (b"\x00\x00\x00\x18ftypmp42", "binary file (video or image container)"),
        (b"BZh91AY&SY....", "binary file (bzip2 archive)"),
        (b"plain\x00text", "binary file"),
        ("plain text".encode("utf-16-le"), None),
        (b"plain text", None),
    ],
)
def test_binary_kind(data, kind):
    assert binary_kind(data) == kind


def test_mostly_control_characters_is_binary():
    with pytest.raises(NotTextError, match="mostly control characters"):
        decode(bytes(range(1, 32)) * 10)


def test_ansi_colour_codes_are_still_text():
    text = "\x1b[1;31mERROR\x1b[0m something failed\n" * 50
    decoded = decode(text.encode())
    assert decoded.text == text
    assert decoded.controls


def test_declared_encoding_is_tried_before_cp1252():
    decoded = decode("Привет, мир".encode("cp1251"), declared="windows-1251")
    assert (decoded.text, decoded.encoding) == ("Привет, мир", "cp1251")


@pytest.mark.parametrize("declared", ["base64", "no-such-codec", "rot13"])
def test_bogus_declared_encodings_are_ignored(declared):
    assert decode("café".encode("cp1252"), declared=declared).encoding == "cp1252"


def test_partial_input_drops_a_cut_character():
    data = "aé".encode()[:-1]
    assert decode(data, partial=True).text == "a"


def test_bom_less_utf16():
    decoded = decode("Headline here\n\nBody text.".encode("utf-16-be"))
    assert decoded.text == "Headline here\n\nBody text."
    assert decoded.encoding == "utf-16-be"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain text\twith tab\r\n", False),
        ("curly “quotes” – and © and é", False),
        ("a bell rings\x07 while the sentence goes on for long enough", True),
        ("escape \x1b[2J", True),
        ("c1 \x9b control", True),
        ("bidi \u202e override", True),
        ("isolate \u2066x\u2069", True),
        ("mark \u200f", True),
        ("arabic mark \u061c", True),
        ("line \u2028 separator", True),
        ("zero\u200bwidth joiner\u200d kept", False),
    ],
)
def test_controls_found_in_bytes_and_text_alike(text, expected):
    assert has_unsafe(universal_newlines(text)) is expected
    assert decode(text.encode()).controls is expected
    assert decode(codecs.BOM_UTF8 + text.encode()).controls is expected


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(exclude_categories=("Cs",), exclude_characters="\x00")))
def test_fast_control_check_agrees_with_the_text_check(text):
    try:
        decoded = decode(text.encode())
    except NotTextError:
        return
    assert decoded.controls is has_unsafe(decoded.text)
