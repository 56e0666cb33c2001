"""The progress database: one file under the user's data folder, safe to kill at any moment.

Every answer is one transaction (the review appended, the card's state replaced), so a
crash loses at most the answer being given. In WAL mode a drill can read while another
writes; writes take turns (see `_open` for the wait). Two drills at once both keep every
review, and each answer reschedules the card as stored at that moment, inside its write, so
every card equals a replay of its review log.
A database that cannot be read is moved aside, never deleted.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

import platformdirs

ENV_VAR = "QUIZGEN_PROGRESS_DIR"
FORMER_ENV_VAR = "QUIZGEN_DATA_DIR"  # its name before 0.2, still read so no progress is lost
FILE_NAME = "progress.sqlite3"
BUSY_SECONDS = 30

# Each entry upgrades the schema by one version; PRAGMA user_version records how far it got.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE reviews (
        id INTEGER PRIMARY KEY,
        item_id TEXT NOT NULL,
        reviewed_at TEXT NOT NULL,
        mode TEXT NOT NULL CHECK (mode IN ('drill', 'exam')),
        correct INTEGER NOT NULL,
        confident INTEGER,
        chosen TEXT,
        rating INTEGER,
        state_before INTEGER,
        category TEXT NOT NULL,
        area TEXT NOT NULL,
        dimension TEXT
    );
    CREATE INDEX reviews_by_item ON reviews (item_id);
    CREATE INDEX reviews_by_time ON reviews (reviewed_at);
    CREATE TABLE cards (
        item_id TEXT PRIMARY KEY,
        card TEXT NOT NULL,
        due TEXT NOT NULL
    );
    CREATE TABLE exams (
        id INTEGER PRIMARY KEY,
        taken_at TEXT NOT NULL,
        result TEXT NOT NULL
    );
    """,
    # Reviews are a log: nothing may change or remove one.
    """
    CREATE TRIGGER reviews_no_update BEFORE UPDATE ON reviews
        BEGIN SELECT RAISE(ABORT, 'the review log is append-only'); END;
    CREATE TRIGGER reviews_no_delete BEFORE DELETE ON reviews
        BEGIN SELECT RAISE(ABORT, 'the review log is append-only'); END;
    """,
    # What the student chose or quizgen fitted for them, such as personal FSRS parameters.
    """
    CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)
# Written in the file's header (PRAGMA application_id): a database without it that holds
# tables other than ours belongs to another program, and is left exactly as it is.
APPLICATION_ID = 0x51475A31  # "QGZ1"
OUR_TABLES = frozenset({"reviews", "cards", "exams", "settings"})


class ProgressError(Exception):
    pass


class NoProgress(ProgressError):
    """Read-only, and no progress has been saved yet."""


StoredCard = dict[str, object]
# A drill's answer: the card as stored (None if new) -> (the card after, its due time, the
# state before as the review records it).
Reschedule = Callable[[StoredCard | None], tuple[StoredCard, datetime, int | None]]


def default_dir() -> Path:
    configured = os.environ.get(ENV_VAR) or os.environ.get(FORMER_ENV_VAR)
    return Path(configured) if configured else Path(platformdirs.user_data_dir("quizgen"))


@dataclass(frozen=True)
class Review:
    item_id: str
    reviewed_at: datetime
    mode: str
    correct: bool
    confident: bool | None
    chosen: str | None
    rating: int | None
    state_before: int | None
    category: str
    area: str
    dimension: str | None


class Store:
    def __init__(self, folder: Path | None = None, *, read_only: bool = False) -> None:
        """Open (or start) the progress in `folder`. With `read_only` nothing is created,
        upgraded or moved aside, so `stats` works in a folder quizgen may not write to."""
        self.folder = folder or default_dir()
        self.path = self.folder / FILE_NAME
        self.moved_aside: Path | None = None
        if read_only:
            self.db = self._open_read_only()
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise ProgressError(f"cannot create {self.folder}: {err.strerror}") from None
        self.db = self._open()

    def _open(self) -> sqlite3.Connection:
        # One wait for a lock another drill holds (creating the tables, say), with one
        # deadline: SQLite waits where it can, and some locks (a journal-mode switch under
        # way) it reports at once, so those are tried again until the same deadline.
        deadline = time.monotonic() + BUSY_SECONDS
        while True:
            db = None
            try:
                db = self._connect(max(0.0, deadline - time.monotonic()))
                if db.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                    raise sqlite3.DatabaseError("quick_check failed")
                self._migrate(db)
                return db
            except sqlite3.DatabaseError as err:
                if db is not None:
                    db.close()
                if isinstance(err, sqlite3.OperationalError) and _busy(err):
                    if time.monotonic() < deadline:
                        time.sleep(0.05)
                        continue
                    raise ProgressError(
                        f"{self.path} stayed locked by another program for {BUSY_SECONDS} s; "
                        "try again"
                    ) from None
                if isinstance(err, sqlite3.OperationalError) and "not a database" not in str(err):
                    raise ProgressError(f"cannot use {self.path}: {err}") from None
                return self._start_afresh()

    def _open_read_only(self) -> sqlite3.Connection:
        if not self.path.exists():
            raise NoProgress(f"No progress yet in {self.folder}: `quizgen drill` starts it.")
        # A database in WAL mode needs its shared-memory file to be read; where that cannot
        # be made (a read-only folder), it is read as it stands on disk (immutable).
        failure: sqlite3.DatabaseError | None = None
        for how in ("mode=ro", "immutable=1"):
            db = sqlite3.connect(
                f"{self.path.as_uri()}?{how}",
                uri=True,
                isolation_level=None,
                check_same_thread=False,
            )
            try:
                self._refuse_another_programs(db)
                version = db.execute("PRAGMA user_version").fetchone()[0]
            except sqlite3.DatabaseError as err:
                db.close()
                failure = err
                continue
            except ProgressError:
                db.close()
                raise
            if version > SCHEMA_VERSION:
                db.close()
                raise self._too_new(version)
            return db
        raise ProgressError(
            f"cannot read {self.path} ({failure}); `quizgen drill` checks it and, if it cannot be "
            "read, moves it aside"
        )

    def _start_afresh(self) -> sqlite3.Connection:
        """Move an unreadable database aside, with its journal files, and start a new one."""
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
        aside = self.path.with_name(f"{FILE_NAME}.unreadable-{stamp}")
        for suffix in ("", "-wal", "-shm"):
            part = Path(str(self.path) + suffix)
            if part.exists():
                part.rename(Path(str(aside) + suffix))
        self.moved_aside = aside
        db = self._connect()
        self._migrate(db)
        return db

    def _connect(self, wait: float = BUSY_SECONDS) -> sqlite3.Connection:
        # The full-screen drill asks on a worker thread while the main thread draws; only
        # one thread at a time uses the connection, so SQLite's own thread check is off.
        db = sqlite3.connect(self.path, timeout=wait, isolation_level=None, check_same_thread=False)
        try:
            self._refuse_another_programs(db)
        except ProgressError:
            db.close()
            raise
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = FULL")
        return db

    def _refuse_another_programs(self, db: sqlite3.Connection) -> None:
        """Raise ProgressError, before anything is written, if the file is another program's:
        it carries another application id, or none and tables that are not ours. (Ours
        without an id were written before quizgen set one; the migration sets it.)"""
        found = db.execute("PRAGMA application_id").fetchone()[0]
        if found == APPLICATION_ID:
            return
        tables = {
            row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        if found == 0 and tables <= OUR_TABLES:
            return
        raise ProgressError(
            f"{self.path} is another program's database, not quizgen's progress; it was left "
            "untouched. Choose another folder with --progress-dir (or QUIZGEN_PROGRESS_DIR)."
        )

    def _too_new(self, version: int) -> ProgressError:
        return ProgressError(
            f"{self.path} was written by a newer quizgen (schema {version}); upgrade quizgen"
        )

    def _migrate(self, db: sqlite3.Connection) -> None:
        while True:
            # Each step in its own transaction, the version read under the write lock, so
            # a crash leaves a whole version and two drills starting at once migrate once.
            db.execute("BEGIN IMMEDIATE")
            try:
                version = db.execute("PRAGMA user_version").fetchone()[0]
                if version > SCHEMA_VERSION:
                    raise self._too_new(version)
                if db.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
                    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                if version == SCHEMA_VERSION:
                    db.execute("COMMIT")
                    return
                for statement in _statements(MIGRATIONS[version]):
                    db.execute(statement)
                db.execute(f"PRAGMA user_version = {version + 1}")
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")

    @property
    def version(self) -> int:
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

    # -- writing --------------------------------------------------------------------------

    def record(self, review: Review, reschedule: Reschedule | None = None) -> StoredCard | None:
        """One answer: the review appended and, for a drill, the card replaced, atomically.

        `reschedule` gets the item's card as stored (None if new) inside the write
        transaction and returns the card after this answer, its due time and the state
        before it (the review's `state_before`); the stored card is returned.
        If nothing can be written (a full disk, say), nothing of it is, and ProgressError
        says exactly which answer that was; every earlier answer stays saved.
        """
        try:
            return self._append(review, reschedule)
        except sqlite3.OperationalError as err:
            raise ProgressError(
                f"your answer to {review.item_id} ({review.chosen!r}, "
                f"{review.reviewed_at:%Y-%m-%d %H:%M}) could not be saved to {self.path} ({err}; "
                "is the disk full?). "
                "Every answer before it is saved; free some space and run quizgen again."
            ) from None

    def _append(self, review: Review, reschedule: Reschedule | None) -> StoredCard | None:
        with self._transaction():
            card = None
            if reschedule is not None:
                row = self.db.execute(
                    "SELECT card FROM cards WHERE item_id = ?", (review.item_id,)
                ).fetchone()
                card, due, state_before = reschedule(None if row is None else json.loads(row[0]))
                review = replace(review, state_before=state_before)
            self.db.execute(
                "INSERT INTO reviews (item_id, reviewed_at, mode, correct, confident, chosen,"
                " rating, state_before, category, area, dimension)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    review.item_id,
                    review.reviewed_at.isoformat(),
                    review.mode,
                    int(review.correct),
                    None if review.confident is None else int(review.confident),
                    review.chosen,
                    review.rating,
                    review.state_before,
                    review.category,
                    review.area,
                    review.dimension,
                ),
            )
            if card is not None:
                self.db.execute(
                    "INSERT INTO cards (item_id, card, due) VALUES (?, ?, ?)"
                    " ON CONFLICT (item_id) DO UPDATE SET card = excluded.card, due = excluded.due",
                    (review.item_id, json.dumps(card, sort_keys=True), due.isoformat()),
                )
        return card

    def record_exam(self, taken_at: datetime, result: dict[str, object]) -> int:
        """Keep an exam's result; its number in the history (1 for the first)."""
        try:
            with self._transaction():
                self.db.execute(
                    "INSERT INTO exams (taken_at, result) VALUES (?, ?)",
                    (taken_at.isoformat(), json.dumps(result, sort_keys=True)),
                )
                return int(self.db.execute("SELECT count(*) FROM exams").fetchone()[0])
        except sqlite3.OperationalError as err:
            raise ProgressError(
                f"the exam's result could not be saved to {self.path} ({err}; is the disk "
                "full?). Its answers are saved."
            ) from None

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    # -- reading --------------------------------------------------------------------------

    def cards(self) -> dict[str, dict[str, object]]:
        return {
            item_id: json.loads(card)
            for item_id, card in self.db.execute("SELECT item_id, card FROM cards")
        }

    def reviews(self, mode: str | None = None) -> Iterator[Review]:
        query = (
            "SELECT item_id, reviewed_at, mode, correct, confident, chosen, rating, state_before,"
            " category, area, dimension FROM reviews"
        )
        rows = self.db.execute(
            query + (" WHERE mode = ?" if mode else "") + " ORDER BY id", (mode,) if mode else ()
        )
        for row in rows:
            yield Review(
                row[0],
                datetime.fromisoformat(row[1]),
                row[2],
                bool(row[3]),
                None if row[4] is None else bool(row[4]),
                row[5],
                row[6],
                row[7],
                row[8],
                row[9],
                row[10],
            )

    def setting(self, key: str) -> object | None:
        if self.version < 3:
            return None  # read-only, before the settings table came
        row = self.db.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return None if row is None else json.loads(row[0])

    def set_setting(self, key: str, value: object) -> None:
        try:
            with self._transaction():
                self.db.execute(
                    "INSERT INTO settings (key, value) VALUES (?, ?)"
                    " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    (key, json.dumps(value)),
                )
        except sqlite3.OperationalError as err:
            raise ProgressError(f"{key} could not be saved to {self.path} ({err})") from None

    def exams(self) -> list[tuple[datetime, dict[str, object]]]:
        return [
            (datetime.fromisoformat(t), json.loads(r))
            for t, r in self.db.execute("SELECT taken_at, result FROM exams ORDER BY id")
        ]

    def close(self) -> None:
        self.db.close()


def _busy(err: sqlite3.OperationalError) -> bool:
    message = str(err).lower()
    return "locked" in message or "busy" in message


def _statements(script: str) -> Iterator[str]:
    """Split a migration into statements; triggers keep their inner semicolons."""
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            statement = buffer.strip()
            if statement:
                yield statement
            buffer = ""
