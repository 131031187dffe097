"""The screens of storyreader: one per mode, plus modal dialogs."""
