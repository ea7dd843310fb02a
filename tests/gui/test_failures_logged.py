"""Every failure is logged (type and frames, never the message), with or without a
handler; the app's excepthook logs and tells the user without quoting the error."""

from __future__ import annotations

import logging
import sys

import pytest

from chatsafe.gui import excepthook
from chatsafe.gui.tasks import ImmediateRunner, ThreadRunner

SECRET = "CANARY-chat-text"


def _boom() -> None:
    raise ValueError(f"a message quoting {SECRET}")


@pytest.mark.parametrize("with_handler", [True, False])
def test_a_failed_job_is_logged_with_or_without_a_handler(
    caplog: pytest.LogCaptureFixture, with_handler: bool
) -> None:
    runner = ImmediateRunner()
    handled: list[BaseException] = []
    with caplog.at_level(logging.WARNING, logger="chatsafe.gui.tasks"):
        runner.run(_boom, None, handled.append if with_handler else None)
    assert runner.failures == 1
    assert len(handled) == (1 if with_handler else 0)
    text = caplog.text
    assert "background job failed: ValueError" in text
    assert "_boom" in text  # the frames
    assert SECRET not in text


def test_the_worker_thread_logs_too(qtbot, caplog: pytest.LogCaptureFixture) -> None:  # type: ignore[no-untyped-def]
    runner = ThreadRunner()
    handled: list[BaseException] = []
    try:
        with caplog.at_level(logging.WARNING, logger="chatsafe.gui.tasks"):
            runner.run(_boom, None, handled.append)
            qtbot.waitUntil(lambda: len(handled) == 1)
    finally:
        runner.shutdown()
    assert "background job failed: ValueError" in caplog.text and SECRET not in caplog.text


def test_the_excepthook_logs_frames_and_tells_the_user(
    caplog: pytest.LogCaptureFixture, notices: dict[str, list[str]]
) -> None:
    hook = excepthook.make_hook(lambda: None)
    try:
        _boom()
    except ValueError:
        kind, error, tb = sys.exc_info()
    assert kind is not None and error is not None
    with caplog.at_level(logging.ERROR, logger="chatsafe.gui"):
        hook(kind, error, tb)
    assert "unhandled error in the app: ValueError" in caplog.text and "_boom" in caplog.text
    assert SECRET not in caplog.text
    assert notices["error"] == ["Something went wrong (ValueError). Details are in the log."]


def test_the_app_installs_the_hook(qtbot) -> None:  # type: ignore[no-untyped-def]
    from chatsafe.gui import app

    previous = sys.excepthook
    try:
        assert app.run(quit_after_ms=50, lang="en") == 0
        assert getattr(sys.excepthook, "__qualname__", "").startswith("make_hook")
    finally:
        sys.excepthook = previous
