"""The review desktop app: the only package that imports PySide6.

A thin client of the core: windows, item models over ids, dialogs, and one worker thread
that owns every write to the case file (:mod:`chatsafe.gui.tasks`).
"""
