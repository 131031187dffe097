"""What screens call articles: the outlet, or the shortest part of the file name that differs."""

from __future__ import annotations

from tests.stories import article_of
from tui.app.labels import Labeller, abbreviate, has_outlet, short_labels

SIGNED = "Body of the story.\n\nSource: https://www.example-news.com/story\n"
"""A text whose footer names its address: its outlet is the site's host."""


def unnamed(name: str) -> object:
    return article_of("A headline\n\nA body sentence that names no outlet.\n", name)


def test_files_without_an_outlet_are_labelled_by_the_part_that_differs() -> None:
    names = ["002_854cd6e9c4ecd428.txt", "003_ba42ae4188eed74d.txt", "004_159432c7cf2bb8a3.txt"]
    assert short_labels([unnamed(name) for name in names]) == ("002", "003", "004")


def test_hashes_are_cut_to_a_few_characters_that_tell_them_apart() -> None:
    names = ["006cb9a594.txt", "00837c1815.txt", "c0a9aa0fba.txt", "c0abd02f5c.txt"]
    assert short_labels([unnamed(name) for name in names]) == ("006c", "0083", "c0a9", "c0ab")


def test_words_stay_whole_and_a_shared_first_word_keeps_the_next() -> None:
    names = ["story-a.md", "story-b.md", "notes.md"]
    assert short_labels([unnamed(name) for name in names]) == ("story-a", "story-b", "notes")


def test_a_found_outlet_is_kept_and_repeats_are_numbered() -> None:
    signed = [article_of(SIGNED, f"{n}.txt") for n in range(2)]
    assert all(has_outlet(article) for article in signed)
    assert not has_outlet(unnamed("x.txt"))
    labels = short_labels([signed[0], unnamed("x_1.txt"), signed[1]])
    assert labels == ("example-news.com", "x", "example-news.com #2")


def test_identical_names_in_two_folders_stay_apart() -> None:
    labels = short_labels([unnamed("a/index.md"), unnamed("b/index.md")])
    assert labels == ("index", "index #2")


def test_labels_follow_files_as_they_arrive() -> None:
    labeller = Labeller()
    labeller.extend([unnamed("report_1.txt")])
    assert labeller.labels == ("report",)
    labeller.extend([unnamed("report_2.txt")])  # now "report" no longer tells them apart
    assert labeller.labels == ("report_1", "report_2")


def test_abbreviations_fit_the_width() -> None:
    assert abbreviate("themoscowtimes.com", 20) == "themoscowtimes.com"
    assert abbreviate("themoscowtimes.com", 14) == "themoscowtimes"
    assert abbreviate("news.bbc.co.uk", 9) == "bbc"
    assert abbreviate("The Guardian", 9) == "Guardian"
    assert abbreviate("themoscowtimes.com", 6) == "themo…"
    for width in range(1, 20):
        assert len(abbreviate("The Washington Post", width)) <= width


def test_a_name_of_words_and_a_hash_is_labelled_by_its_words() -> None:
    assert short_labels([unnamed("4f9c02ab7e_carrow.txt")]) == ("carrow",)
    two = [unnamed("4f9c02ab7e_carrow.txt"), unnamed("5e1d02ab7e_carrow.txt")]
    assert short_labels(two) == ("4f9c", "5e1d")  # the words no longer tell them apart
