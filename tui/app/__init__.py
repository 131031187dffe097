"""The Textual layer of storyreader: the app, its screens and widgets."""
