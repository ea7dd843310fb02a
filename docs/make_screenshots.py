"""Screenshots of the main window and of the "what will leave" page on the demo case, in
English and Dutch, for the docs.

Offscreen, with QWidget.grab(); the demo case is built in a temporary folder with a few
marks made, so the screenshots show every label, a suggestion and the status bar.

    .venv/bin/python docs/make_screenshots.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from chatsafe.cli.app_cmds import (
    DEMO_PASSPHRASE,  # noqa: E402
    build_demo,  # noqa: E402
)
from chatsafe.domain import Label  # noqa: E402
from chatsafe.review import labels  # noqa: E402
from chatsafe.review.labels import Role  # noqa: E402
from chatsafe.store import open_case  # noqa: E402

DOCS = Path(__file__).resolve().parent


def prepare(folder: Path) -> Path:
    case = build_demo(folder / "demo.chatsafe")
    with case, case.transaction() as c:
        ids = dict((str(t), int(i)) for i, t in c.execute("SELECT id, title FROM conversations"))
        who = {"by": "Eline Brouwer", "role": Role.ASSISTANT}
        labels.label_conversation(
            c, ids["Marieke de Vries"], Label.PRIVATE, reason="familie", **who
        )
        labels.label_conversation(c, ids["Partijbureau"], Label.PARTY_POLITICAL, **who)
        labels.mark_reviewed(c, ids["Marieke de Vries"], **who)
        group = ids["Kabinet BZK overleg"]
        first = [
            int(r[0])
            for r in c.execute(
                "SELECT id FROM messages WHERE conversation_id = ? AND kind = 'message' ORDER BY instant, id",
                (group,),
            )
        ]
        labels.label_messages(c, first[30:32], Label.PRIVATE, **who)
    return folder / "demo.chatsafe"


def shoot(path: Path, lang: str, out: Path) -> None:
    from PySide6.QtWidgets import QApplication

    from chatsafe.gui import i18n
    from chatsafe.gui.app import make_app
    from chatsafe.gui.main_window import MainWindow
    from chatsafe.gui.session import Reviewer, Session
    from chatsafe.gui.tasks import ImmediateRunner

    app = make_app(lang)
    i18n.install(app, lang)
    runner = ImmediateRunner()
    window = MainWindow(runner)
    window.resize(1366, 728)  # a 1366x768 laptop with a taskbar
    window.show()
    window.set_session(
        Session(
            open_case(path, passphrase=DEMO_PASSPHRASE),
            Reviewer("Eline Brouwer", Role.ASSISTANT),
            runner,
        )
    )
    window.select_conversation(1)
    window._focus = "messages"
    window.transcript.setFocus()
    model = window.msg_model
    assert model is not None
    # The photo Eline sent: its thumbnail in the bubble among wrapped multi-line
    # messages; the answer after it is selected, so the photo's bubble shows unselected.
    photo = next(
        r
        for r in range(model.rowCount())
        if (m := model.message(r)) is not None and m.attachments
    )
    row = photo + 1
    window.select_message_row(row)
    window._refresh_status()
    for _ in range(5):
        QApplication.processEvents()
    window.grab().save(str(out))
    # The "what will leave" page (issue 14), as the toolbar button shows it.
    window.act.summary.trigger()
    for _ in range(5):
        QApplication.processEvents()
    page = out.with_name(out.name.replace("main-window", "summary-page"))
    window.grab().save(str(page))
    print(page)
    window.close()
    i18n.install(app, "en")  # drop the translator before the next window
    print(out)


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="chatsafe-shots-") as tmp:
        os.environ["XDG_CONFIG_HOME"] = tmp  # recent-cases list of a throwaway profile
        os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
        path = prepare(Path(tmp))
        shoot(path, "en", DOCS / "main-window-en.png")
        shoot(path, "nl", DOCS / "main-window-nl.png")
    sys.stdout.flush()
    # Two windows with sessions in one process: PySide6 6.12 can crash while collecting
    # them at interpreter exit (none_dealloc). The files are written; leave at once.
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main())
