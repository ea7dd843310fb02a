"""The first window fits a 1366x768 laptop with a taskbar; then it opens as it was left."""

from __future__ import annotations

from PySide6.QtCore import QRect

from chatsafe.gui.main_window import FRAME, MainWindow, initial_geometry


def test_the_first_window_fits_the_screen_with_its_frame() -> None:
    for available in (QRect(0, 0, 1366, 728), QRect(0, 0, 1280, 760), QRect(0, 40, 1920, 1040)):
        g = initial_geometry(available)
        framed = QRect(
            g.x() - 8,
            g.y() - FRAME.height() + 8,
            g.width() + FRAME.width(),
            g.height() + FRAME.height(),
        )
        assert available.contains(framed), (available, g)
        assert g.width() <= 1280 and g.height() <= 800
    assert initial_geometry(QRect(0, 0, 1920, 1080)).size().toTuple() == (1280, 800)


def test_the_window_opens_as_the_user_left_it(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    laptop = QRect(0, 0, 1366, 728)  # 1366x768 with a taskbar
    monkeypatch.setattr(MainWindow, "available_geometry", lambda self: laptop)
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    w.resize(w.width(), 640)  # (the offscreen platform's screen limits widths to 800)
    size = w.size().toTuple()
    w.close()
    again = MainWindow()
    qtbot.addWidget(again)
    assert again.height() == size[1] == 640
    again.close()

    monkeypatch.setattr(MainWindow, "available_geometry", lambda self: QRect(0, 0, 1024, 600))
    smaller = MainWindow()  # a smaller screen now: the saved size would not fit
    qtbot.addWidget(smaller)
    assert smaller.size().width() <= 1024 - FRAME.width()
    smaller.close()


def test_the_window_can_be_683_px_wide_in_dutch(make_window, qapp) -> None:  # type: ignore[no-untyped-def]
    """1366x768 at 200 % scaling leaves 683 logical pixels: the window, with a case open,
    its filters, legends and the status bar's longest text, must fit (it needed 979)."""
    from chatsafe.gui import i18n

    i18n.install(qapp, "nl")
    try:
        w = make_window()
        w._refresh_status()
        w.status_label.setText(
            "100.000 berichten gaan naar het archief · 95.000 nog niet beoordeeld"
            " · 95.000 nog niet bevestigd"
        )
        w.date_bar.set_period("2024-03-01", "2024-03-31")
        assert w.minimumSizeHint().width() <= 683, w.minimumSizeHint()
        w.resize(683, 700)
        qapp.processEvents()
        assert w.width() == 683
        # Every pane keeps a usable width, none is squeezed to nothing.
        assert all(size >= 150 for size in w.split.sizes()), w.split.sizes()
    finally:
        i18n.install(qapp, "en")
