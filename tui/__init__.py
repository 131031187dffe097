"""storyreader: read one news story through many sources."""

__version__ = "0.1.0"
