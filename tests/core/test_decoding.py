"""Decoding: encodings, binary detection, and the fast control-character checks."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.reading.decoding import NotTextError, binary_kind, decode, universal_newlines
from tui.core.reading.loading import load_paths
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


# --- legacy encodings, as old archives and other countries' sites save them ----------

LANGUAGES = Path(__file__).resolve().parents[1] / "fixtures" / "languages"


@pytest.mark.parametrize(
    ("language", "codec"),
    [
        ("ru", "cp1251"),
        ("ru", "koi8-r"),
        ("el", "cp1253"),
        ("pl", "cp1250"),
        ("pl", "iso8859-2"),
        ("cs", "cp1250"),
        ("cs", "iso8859-2"),
        ("hu", "iso8859-2"),
        ("zh-hans", "gb18030"),
        ("zh-hant", "big5"),
        ("ja", "shift_jis"),
        ("ja", "euc-jp"),
        ("ko", "euc-kr"),
    ],
)
def test_legacy_encodings_decode_right_and_say_they_were_guessed(tmp_path, language, codec):
    text = (LANGUAGES / f"{language}.txt").read_text(encoding="utf-8")
    path = tmp_path / f"{language}.txt"
    path.write_bytes(text.encode(codec))
    (article,) = load_paths([path]).articles
    assert article.text == text
    with path.open(encoding=article.encoding) as handle:
        assert handle.read() == text
    assert f"decoded as {article.encoding}, a guess (not UTF-8)" in article.notes
    assert article.title == text.split("\n", 1)[0]


def test_utf16_with_a_mark_and_a_stray_byte_keeps_its_text(tmp_path):
    text = "Budget agreed after a long debate\n\nThe council met on Monday evening."
    data = text.encode("utf-16")  # with its byte-order mark
    for stray in (b"\x00", b"\x0a"):
        decoded = decode(data + stray)
        assert decoded.text == text + "\ufffd"
        assert decoded.encoding == "utf-16"
        assert decoded.note == (
            "decoded as utf-16 (not UTF-8); 1 stray byte at the end shown as \ufffd"
        )
        path = tmp_path / "stray.txt"
        path.write_bytes(data + stray)
        with path.open(encoding=decoded.encoding, errors="replace") as handle:
            assert handle.read() == decoded.text


@pytest.mark.parametrize("language", ["zh-hans", "ja", "ko", "ru", "pl"])
@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_mark_is_text_in_every_script(language, codec):
    text = (LANGUAGES / f"{language}.txt").read_text(encoding="utf-8")
    data = text.encode(codec)
    assert binary_kind(data) is None
    decoded = decode(data)
    assert (decoded.text, decoded.encoding) == (text, codec)
    assert decoded.note == f"decoded as {codec} without byte-order mark (not UTF-8)"


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(256)) * 8,  # every byte value: zeros on one side only
        b"\x00\x01\x02\x03" * 100,  # pairs of small numbers
        bytes((n * 7919 + 13) % 256 for n in range(8192)),  # noise
    ],
)
def test_bytes_with_zeros_that_are_not_text_stay_binary(data):
    with pytest.raises(NotTextError):
        decode(data)
