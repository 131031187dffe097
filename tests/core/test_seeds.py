"""The bundled seeds are byte-for-byte copies of the shared originals."""

from __future__ import annotations

import hashlib

import pytest

from tests.paths import SEEDS

# From shared/eval/gold_seeds.json "docs": the sha256 and length of each original.
ORIGINALS = {
    "000_02b2830ff24b6d49.txt": (
        "46dfe0adc9ed2a29db987b4bef043da721990296d15d1b3770a9a0773dbf253e",
        2692,
    ),
    "001_904d19f1e7a1825b.txt": (
        "a170b22e236e37526568d5a1a674152071b1bb4cee9765a716385413f412fc37",
        5210,
    ),
    "002_854cd6e9c4ecd428.txt": (
        "8255dc1a59099dfece9e9a8b14d8f5a176f793039ada893b852f5fb2dbc5e80a",
        2951,
    ),
    "003_ba42ae4188eed74d.txt": (
        "1e5a45b7ac472c7b1b1f20a36edd63ad552b3d88128f104cfc600ee5d1ff4605",
        3195,
    ),
    "004_159432c7cf2bb8a3.txt": (
        "fbeb6a43c9bb3db35c57622db1c8bbfa9915258ed77084b676dd330ac1ec7323",
        3713,
    ),
}


def test_seed_folder_holds_exactly_the_originals():
    assert sorted(p.name for p in SEEDS.iterdir()) == sorted(ORIGINALS)


@pytest.mark.parametrize("name", sorted(ORIGINALS))
def test_seed_bytes_match_the_original(name):
    digest, chars = ORIGINALS[name]
    data = (SEEDS / name).read_bytes()
    assert hashlib.sha256(data).hexdigest() == digest
    assert len(data.decode("utf-8")) == chars
