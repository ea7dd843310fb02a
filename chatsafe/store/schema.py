"""The case file's schema, as numbered migrations.

``PRAGMA user_version`` holds the schema version. A migration runs in the same
transaction as the version bump, so a case is never half-migrated. Add migrations at the
end; never edit one that has shipped.
"""

from __future__ import annotations

from typing import Any

_V1 = """
CREATE TABLE meta(
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE settings(
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- One row per import run; the source files it read are kept as they were.
CREATE TABLE imports(
    id INTEGER PRIMARY KEY,
    format TEXT NOT NULL,
    path_name TEXT NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    tool_version TEXT NOT NULL,
    added_messages INTEGER NOT NULL DEFAULT 0,
    skipped_messages INTEGER NOT NULL DEFAULT 0
);
-- Content-addressed bytes: originals, attachments. Big values stream through open_blob.
CREATE TABLE blobs(
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE,
    size INTEGER NOT NULL,
    data BLOB NOT NULL
);
CREATE TABLE source_files(
    id INTEGER PRIMARY KEY,
    import_id INTEGER NOT NULL REFERENCES imports(id),
    name TEXT NOT NULL,
    format TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    blob_id INTEGER NOT NULL REFERENCES blobs(id),
    imported_at TEXT NOT NULL
);
CREATE INDEX source_files_sha ON source_files(sha256);

CREATE TABLE conversations(
    id INTEGER PRIMARY KEY,
    source_format TEXT NOT NULL,
    key TEXT NOT NULL,
    title TEXT NOT NULL,
    is_group INTEGER NOT NULL DEFAULT 0,
    extra TEXT NOT NULL DEFAULT '{}',
    created_at TEXT NOT NULL,
    UNIQUE(source_format, key)
);
CREATE TABLE participants(
    conversation_id INTEGER NOT NULL REFERENCES conversations(id),
    name TEXT NOT NULL,
    is_owner INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY(conversation_id, name)
) WITHOUT ROWID;

-- Messages and system events. identity (16 bytes) is stable across re-imports (ingest.py).
-- wallclock: local time as printed, YYYY-MM-DDTHH:MM:SS; instant: UTC epoch ms.
CREATE TABLE messages(
    id INTEGER PRIMARY KEY,
    conversation_id INTEGER NOT NULL REFERENCES conversations(id),
    identity BLOB NOT NULL UNIQUE,
    import_id INTEGER NOT NULL REFERENCES imports(id),
    source_file_id INTEGER REFERENCES source_files(id),
    position INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK(kind IN ('message', 'event')),
    event_type TEXT,
    sender TEXT,
    from_owner INTEGER NOT NULL DEFAULT 0,
    wallclock TEXT NOT NULL,
    wallclock_raw TEXT,
    instant INTEGER NOT NULL,
    text TEXT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0,
    edited INTEGER NOT NULL DEFAULT 0,
    view_once INTEGER NOT NULL DEFAULT 0,
    media_omitted INTEGER NOT NULL DEFAULT 0,
    forwarded INTEGER NOT NULL DEFAULT 0,
    reply_to TEXT,
    source_id TEXT,
    extra TEXT
);
CREATE INDEX messages_order ON messages(conversation_id, instant, id);

CREATE TABLE attachments(
    id INTEGER PRIMARY KEY,
    message_id INTEGER NOT NULL REFERENCES messages(id),
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    mime TEXT,
    blob_id INTEGER REFERENCES blobs(id),
    sha256 TEXT,
    size INTEGER,
    present INTEGER NOT NULL
);
CREATE INDEX attachments_message ON attachments(message_id);
CREATE TABLE thumbnails(
    blob_id INTEGER PRIMARY KEY REFERENCES blobs(id),
    png BLOB NOT NULL,
    width INTEGER NOT NULL,
    height INTEGER NOT NULL
);

-- Review: labels on conversations and messages. A message's own label overrides its
-- conversation's; no label at all means business, the legal default.
CREATE TABLE conversation_labels(
    conversation_id INTEGER PRIMARY KEY REFERENCES conversations(id),
    label TEXT NOT NULL CHECK(label IN ('business', 'private', 'party_political')),
    status TEXT NOT NULL CHECK(status IN ('proposed', 'confirmed')),
    reason TEXT,
    by_name TEXT NOT NULL,
    by_role TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE TABLE message_labels(
    message_id INTEGER PRIMARY KEY REFERENCES messages(id),
    label TEXT NOT NULL CHECK(label IN ('business', 'private', 'party_political')),
    status TEXT NOT NULL CHECK(status IN ('proposed', 'confirmed')),
    reason TEXT,
    by_name TEXT NOT NULL,
    by_role TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE TABLE conversation_review(
    conversation_id INTEGER PRIMARY KEY REFERENCES conversations(id),
    reviewed_by TEXT,
    reviewed_role TEXT,
    reviewed_at TEXT,
    confirmed_by TEXT,
    confirmed_at TEXT
);
CREATE TABLE rules(
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK(kind IN ('contact')),
    value TEXT NOT NULL,
    label TEXT NOT NULL CHECK(label IN ('business', 'private', 'party_political')),
    reason TEXT,
    by_name TEXT NOT NULL,
    by_role TEXT NOT NULL,
    at TEXT NOT NULL,
    UNIQUE(kind, value)
);
CREATE TABLE lexicon_terms(
    id INTEGER PRIMARY KEY,
    lexicon TEXT NOT NULL,
    term TEXT NOT NULL,
    label TEXT NOT NULL CHECK(label IN ('private', 'party_political')),
    UNIQUE(lexicon, term)
);
-- The review log: canonical JSON lines, each holding the hash of the one before.
CREATE TABLE review_log(
    seq INTEGER PRIMARY KEY,
    entry TEXT NOT NULL,
    hash TEXT NOT NULL
);

-- Full-text index over message text, inside the encrypted file. External content:
-- the text is stored once, in messages.
CREATE VIRTUAL TABLE message_fts USING fts5(
    text, content='messages', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
"""

# The import report (issue 12): what each import read and what it did not import, so no
# entry is ever lost without a trace. conversation_id is NULL for entries that belong to
# no conversation (a row of an unknown chat, a member of the export that is not a chat).
_V2 = """
CREATE TABLE import_entries(
    import_id INTEGER NOT NULL REFERENCES imports(id),
    conversation_id INTEGER REFERENCES conversations(id),
    entries_read INTEGER NOT NULL,
    entries_not_imported INTEGER NOT NULL
);
CREATE INDEX import_entries_conversation ON import_entries(conversation_id);
CREATE TABLE import_report(
    id INTEGER PRIMARY KEY,
    import_id INTEGER NOT NULL REFERENCES imports(id),
    conversation_id INTEGER REFERENCES conversations(id),
    position TEXT NOT NULL,
    reason TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX import_report_import ON import_report(import_id);
"""

# Why an attachment has no thumbnail or was refused (issue 12): a photo above the
# thumbnail limit is kept without one; a decompression bomb is not kept.
_V3 = """
ALTER TABLE attachments ADD COLUMN note TEXT
"""

# Issue 10: new or changed content is never silently reviewed.
# - messages.edit_of: an edited version points at the first version of its message
#   (chatsafe.review.versions), whose mark it inherits.
# - conversation_review.*_through: the highest message id a review or confirmation
#   covered; messages imported later are unreviewed and unconfirmed again. Reviews
#   made before this migration covered everything the case held then.
_V4 = """
ALTER TABLE messages ADD COLUMN edit_of INTEGER REFERENCES messages(id);
CREATE INDEX messages_edit_of ON messages(edit_of) WHERE edit_of IS NOT NULL;
ALTER TABLE conversation_review ADD COLUMN reviewed_through INTEGER;
ALTER TABLE conversation_review ADD COLUMN confirmed_through INTEGER;
UPDATE conversation_review SET reviewed_through = (SELECT max(id) FROM messages
    WHERE messages.conversation_id = conversation_review.conversation_id);
UPDATE conversation_review SET confirmed_through = reviewed_through
    WHERE confirmed_at IS NOT NULL;
"""

# Reconciliation and per-source completeness (issue 17). A chat read from an export and
# from an app database is one conversation: the second source's key is an alias of it.
# source_coverage: per conversation and import, how many entries that source held, how
# many of them were already in the case (matched), and the period it covers.
_V5 = """
CREATE TABLE conversation_aliases(
    source_format TEXT NOT NULL,
    key TEXT NOT NULL,
    conversation_id INTEGER NOT NULL REFERENCES conversations(id),
    PRIMARY KEY(source_format, key)
) WITHOUT ROWID;
CREATE TABLE source_coverage(
    conversation_id INTEGER NOT NULL REFERENCES conversations(id),
    import_id INTEGER NOT NULL REFERENCES imports(id),
    source_format TEXT NOT NULL,
    held INTEGER NOT NULL,
    matched INTEGER NOT NULL,
    first_wallclock TEXT,
    last_wallclock TEXT,
    extra TEXT NOT NULL DEFAULT '{}',
    PRIMARY KEY(conversation_id, import_id)
) WITHOUT ROWID;
CREATE INDEX messages_source_id ON messages(conversation_id, source_id)
"""

# Issue 10: the minister's approval statements, whole, with the detached CMS signature
# when the minister signed (chatsafe.bundle.approval). seq is the review-log entry.
_V6 = """
CREATE TABLE approvals(
    seq INTEGER PRIMARY KEY REFERENCES review_log(seq),
    statement TEXT NOT NULL,
    signature BLOB
);
"""

# Issue 10: written reasons leave the log lines (which carry a keyed commitment
# instead, chatsafe.review.log) and live here; each log entry gets a keyed MAC.
_V7 = """
CREATE TABLE review_reasons(
    seq INTEGER PRIMARY KEY REFERENCES review_log(seq),
    reason TEXT NOT NULL
);
ALTER TABLE review_log ADD COLUMN mac TEXT;
"""

# Issue 14: doubts ("bij twijfel overleg"). A conversation (message_id NULL) or a message
# in doubt carries a question to the minister or the records officer; while any doubt
# is open the bundle is refused (chatsafe.review.doubts). The question is chat-adjacent
# text: it lives here, inside the encrypted case; the review log holds only a keyed
# commitment to it (like a written reason). One open doubt per target.
_V8 = """
CREATE TABLE doubts(
    id INTEGER PRIMARY KEY,
    conversation_id INTEGER NOT NULL REFERENCES conversations(id),
    message_id INTEGER REFERENCES messages(id),
    ask TEXT NOT NULL CHECK(ask IN ('minister', 'records_officer')),
    question TEXT NOT NULL,
    raised_by TEXT NOT NULL,
    raised_role TEXT NOT NULL,
    raised_at TEXT NOT NULL,
    resolved_by TEXT,
    resolved_role TEXT,
    resolved_at TEXT,
    answer TEXT CHECK(answer IN ('business', 'private', 'party_political', 'withdrawn'))
);
CREATE UNIQUE INDEX doubts_open ON doubts(conversation_id, coalesce(message_id, 0))
    WHERE resolved_at IS NULL;
CREATE INDEX doubts_message ON doubts(message_id) WHERE message_id IS NOT NULL
"""

MIGRATIONS: list[str] = [_V1, _V2, _V3, _V4, _V5, _V6, _V7, _V8]
SCHEMA_VERSION = len(MIGRATIONS)


def migrate(conn: Any) -> int:
    """Bring the schema up to date. Returns the version the file had before."""
    before = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if before > SCHEMA_VERSION:
        from chatsafe.errors import CaseError

        raise CaseError(
            f"this case was written by a newer chatsafe (schema {before}); please update chatsafe"
        )
    for version in range(before, SCHEMA_VERSION):
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in _split(MIGRATIONS[version]):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {version + 1}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return before


def _split(script: str) -> list[str]:
    """Split a migration into statements (ours hold no semicolons inside literals)."""
    lines = [ln for ln in script.splitlines() if not ln.strip().startswith("--")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]
