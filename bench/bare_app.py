"""The floor for startup: a bare Textual app that shows one word."""

from textual.app import App, ComposeResult
from textual.widgets import Static


class Bare(App[None]):
    """Nothing but the word the benchmark waits for."""

    def compose(self) -> ComposeResult:
        yield Static("ready")


if __name__ == "__main__":
    Bare().run()
