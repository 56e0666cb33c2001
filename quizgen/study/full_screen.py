"""The face for a terminal: one card per screen, laid out by Textual for the terminal's real
size (wrapped on words, redrawn on resize), the feedback under the card until Enter or Space,
and the exam clock ticking. Textual also reads the keys, on Linux, macOS and Windows alike.

The session (a drill or an exam) is a plain loop; it runs on a worker thread and waits for
each key here, so the same loop drives this face and the plain one.
"""

from __future__ import annotations

import os
import queue
import time
from collections.abc import Callable, Sequence
from typing import Any, ClassVar, Generic, TypeVar

from rich.text import Text
from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from quizgen.study import feedback
from quizgen.study.card_text import Options, feedback_text
from quizgen.study.face import NEXT, QUIT, TIMEOUT, Answer, Card, heading, last_letter, parse
from quizgen.study.feedback import Line, letter

T = TypeVar("T")
INTERRUPT = "interrupt"
GLANCE = 0.3  # seconds after the feedback appears in which Enter does not yet skip it
# Short forms of the key line's parts, for a narrow screen.
SHORT = {
    "s/u first: sure/unsure": "s/u: sure?",
    "Enter or Space: next": "Enter: next",
    "unanswered count as wrong": "",
}


class CardView(VerticalScroll):
    """The card's scroll area. It has no scroll bar (a thumb of eighth blocks jumps about on
    small screens); the key line says in words what is above and below."""

    def watch_virtual_size(self) -> None:
        self.app.call_after_refresh(self.app.laid_out)  # type: ignore[attr-defined]

    def on_resize(self) -> None:
        self.app.call_after_refresh(self.app.laid_out)  # type: ignore[attr-defined]

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        self.app.call_after_refresh(self.app.hint)  # type: ignore[attr-defined]


class StudyApp(App[None], Generic[T]):
    CSS = """
    Screen { layout: vertical; }
    #top { dock: top; height: 1; padding: 0 1; background: $primary-background; }
    #top.low { background: $error; text-style: bold; }
    #keys { dock: bottom; height: auto; padding: 0 1; background: $primary-background; }
    #card { padding: 1 1 0 1; scrollbar-size-vertical: 0; }
    #stem { text-style: bold; margin-bottom: 1; }
    #feedback { margin-top: 1; }
    """
    ENABLE_COMMAND_PALETTE = False
    BINDINGS: ClassVar = [Binding("ctrl+c", "interrupt", show=False, priority=True)]
    LOW_TIME = 300  # seconds: the exam clock turns red for the last five minutes

    def __init__(self, session: Callable[[FullScreenFace], T]) -> None:
        super().__init__()
        self.session = session
        self.result: T | None = None
        self.failure: BaseException | None = None
        self.keys: queue.Queue[str] = queue.Queue()
        # "start", "answer", "next", "confirm", or "" while the session works
        self.waiting_for = ""
        self.card: Card | None = None
        self.sure: bool | None = None
        self.selected: int | None = None  # an exam's chosen option, until Enter confirms it
        self.spelled: Text | None = None  # the feedback with its verdict spelled out
        self.shown_at = 0.0  # when the feedback appeared
        self.early: list[str] = []

    def compose(self) -> ComposeResult:
        yield Static(id="top")
        with CardView(id="card"):
            yield Static(id="stem")
            yield Static(id="options")
            yield Static(id="feedback")
        yield Static(id="keys")

    def on_mount(self) -> None:
        self.query_one("#card").focus()
        self.set_interval(1, self._tick)
        self.run_worker(self._run_session, thread=True)

    def _run_session(self) -> None:
        try:
            self.result = self.session(FullScreenFace(self))
        except BaseException as err:  # shown once the terminal is back to normal
            self.failure = err
        self.call_from_thread(self.exit)

    # -- drawing, called from the session's thread through call_from_thread ------------

    def show_start(self, title: str, text: str) -> None:
        self.query_one("#top", Static).update(title)
        self.query_one("#stem", Static).update(text)
        self._wait_for("start")

    def show_card(self, card: Card) -> None:
        self.card, self.sure, self.selected = card, None, None
        self.query_one("#stem", Static).update(card.question.item.stem)
        self.query_one("#options", Static).update(Options(card))
        self.query_one("#feedback", Static).update("")
        self.query_one("#card", VerticalScroll).scroll_home(animate=False)
        self._tick()
        self._wait_for("answer")

    def show_feedback(self, card: Card, answer: Answer, lines: Sequence[Line]) -> None:
        key = card.question.key_index
        marks = {answer.index: "✗", key: "✓"}
        self.query_one("#options", Static).update(Options(card, marks))
        self.query_one("#feedback", Static).update(feedback_text(lines))
        # Where the marked options will not fit on the screen with the feedback, its verdict
        # spells them out (see _feedback_in_view).
        self.spelled = feedback_text(
            feedback.lines(card.question, answer.index, options_shown=False)[:1] + tuple(lines[1:])
        )
        # An Enter or Space typed before the feedback was on the screen (a letter and Enter,
        # as the exam takes it) must not skip it.
        self.early = [k for k in self.early if k not in ("enter", " ")]
        self.shown_at = time.monotonic()
        self._wait_for("next")  # the card's new size then brings the feedback into view

    def laid_out(self) -> None:
        """The card has its size for the terminal: keep the feedback in view (a phone's
        keyboard opening resizes the terminal) and say what is above and below."""
        if self.waiting_for == "next":
            self._feedback_in_view()
        self.hint()

    def _feedback_in_view(self) -> None:
        """The marked options and the feedback together if they fit, else the feedback from
        its verdict (which names both letters); the question is a scroll up."""
        card = self.query_one("#card", VerticalScroll)
        options = self.query_one("#options", Static).virtual_region
        feedback = self.query_one("#feedback", Static).virtual_region
        room = card.scrollable_content_region.height
        if feedback.bottom - options.y <= room:
            card.scroll_to(y=max(0, feedback.bottom - room), animate=False)
        else:
            if self.spelled is not None:
                self.query_one("#feedback", Static).update(self.spelled)
                self.spelled = None  # once: the new text lays out again and comes back here
            card.scroll_to(y=feedback.y, animate=False)

    def _wait_for(self, what: str) -> None:
        self.waiting_for = what
        self.hint()
        self.call_after_refresh(self.hint)  # once laid out: what is above and below?
        while self.early and self.waiting_for:
            self._handle(self.early.pop(0))

    def _out_of_view(self) -> str:
        """What the card has above and below the screen, in words for the key line: the
        options below by letter while a question waits for its answer."""
        card = self.query_one("#card", VerticalScroll)
        top, room = round(card.scroll_y), card.scrollable_content_region.height
        above, below = top > 0, top < card.max_scroll_y
        hidden: list[str] = []
        if below and self.card is not None and self.waiting_for == "answer":
            options = self.query_one("#options", Static)
            starts = Options(self.card).starts(self.console, options.content_size.width)
            hidden = [
                letter(n)
                for n, row in enumerate(starts)
                if options.virtual_region.y + row >= top + room
            ]
        if hidden:
            return f"↓ {', '.join(hidden)} below" + (" · ↑ more" if above else "")
        if above and below:
            return "↑↓ more"
        return "↑ more above" if above else "↓ more below" if below else ""

    def hint(self) -> None:
        """The key line: what the keys do now, and what is off the screen. Less important
        parts go first when it would not fit on one line."""
        what = self.waiting_for
        if not what:
            return
        exam = self.card is not None and self.card.confirm_quit
        letters = f"a-{last_letter(len(self.card.question.options) if self.card else 4)}"
        off_screen = self._out_of_view()
        # (text, keep): the lower keeps are dropped first when the line is too long
        parts: list[tuple[str, int]] = {
            "start": [("Enter: start", 9), ("q: cancel", 8)],
            "answer": [
                (self._sure_said(), 3),
                (self._answer_keys(letters), 9),
                (off_screen, 8),
                ("" if exam or self.sure is not None else "s/u first: sure/unsure", 7),
                ("q: end exam" if exam else "q: quit", 6),
            ],
            "next": [("Enter or Space: next", 9), (off_screen, 8), ("q: quit", 6)],
            "confirm": [
                ("End the exam?", 9),
                ("y: end", 9),
                ("n: go on", 9),
                ("unanswered count as wrong", 4),
            ],
        }[what]
        parts = [(text, keep) for text, keep in parts if text]
        width = self.size.width - 2

        def too_long() -> bool:
            return len(" · ".join(t for t, _ in parts)) > width

        if too_long():  # first the short forms, then the least useful parts go
            parts = [(SHORT.get(t, t), keep) for t, keep in parts if SHORT.get(t, t)]
        while too_long() and len(parts) > 1:
            parts.remove(min(parts, key=lambda part: part[1]))
        self.query_one("#keys", Static).update(" · ".join(t for t, _ in parts))

    def _answer_keys(self, letters: str) -> str:
        if self.selected is not None:
            return f"Enter: confirm {letter(self.selected)} · {letters}: change"
        return f"{letters}: answer"

    def _sure_said(self) -> str:
        if self.sure is None:
            return ""
        said, other = ("Sure", "u") if self.sure else ("Unsure", "s")
        return f"{said} ({other} to change)"

    def _tick(self) -> None:
        if self.card is not None:
            top = self.query_one("#top", Static)
            top.update(heading(self.card))
            left = None if self.card.deadline is None else self.card.deadline - time.monotonic()
            top.set_class(left is not None and left < self.LOW_TIME, "low")

    # -- keys ------------------------------------------------------------------------------

    def on_key(self, event: events.Key) -> None:
        # A named key ("down", "tab", "escape") is never an answer: spelt out, "down" once
        # answered d. Arrows and page keys scroll the card (the scroll area's own keys).
        key = event.character.lower() if event.is_printable and event.character else event.key
        if self.waiting_for:
            self._handle(key)
        else:
            self.early.append(key)  # typed ahead while the session works: kept, not lost

    def _handle(self, key: str) -> None:
        card = self.card
        if self.waiting_for == "start" and key in ("enter", " ", "q"):
            self._send(QUIT if key == "q" else NEXT)
        elif self.waiting_for == "answer" and card is not None:
            if key in ("s", "u") and not card.confirm_quit:
                self.sure = key == "s"
                self.hint()
            elif key == "q":
                if card.confirm_quit:
                    self._wait_for("confirm")
                else:
                    self._send(QUIT)
            elif key == "enter" and self.selected is not None:
                self._send(f"{self.selected}")
            elif len(key) == 1 and isinstance(
                answer := parse(key, len(card.question.options)), Answer
            ):
                if card.confirm_quit:
                    # As on the real exam, a choice can be changed until it is confirmed.
                    self.selected = answer.index
                    self.query_one("#options", Static).update(Options(card, {answer.index: "▸"}))
                    self.hint()
                else:
                    self._send(f"{answer.index}")
        elif self.waiting_for == "next" and key in ("enter", " ", "q"):
            if key != "q" and time.monotonic() - self.shown_at < GLANCE:
                return  # an Enter hard on the answer's heels: the feedback was not yet read
            self._send(QUIT if key == "q" else NEXT)
        elif self.waiting_for == "confirm":
            if key == "y":
                self._send(QUIT)
            elif key in ("n", "escape", "enter", " "):
                self._wait_for("answer")

    def _send(self, what: str) -> None:
        self.waiting_for = ""
        self.keys.put(what)

    def action_interrupt(self) -> None:
        self.waiting_for = ""
        self.keys.put(INTERRUPT)


class FullScreenFace:
    """What the session's thread calls: each call draws on the app and waits for a key."""

    def __init__(self, app: StudyApp[Any]) -> None:
        self.app = app

    def _key(self, deadline: float | None) -> str:
        try:
            wait = None if deadline is None else max(0.0, deadline - time.monotonic())
            got = self.app.keys.get(timeout=wait)
        except queue.Empty:
            return TIMEOUT
        if got == INTERRUPT:
            raise KeyboardInterrupt
        return got

    def begin(self, title: str, text: str) -> bool:
        self.app.call_from_thread(self.app.show_start, title, text)
        return self._key(None) != QUIT

    def ask(self, card: Card) -> Answer | str:
        self.app.call_from_thread(self.app.show_card, card)
        got = self._key(card.deadline)
        if got == TIMEOUT and self.app.selected is not None:
            # As on a computer-based exam, an answer chosen when time runs out counts.
            return Answer(self.app.selected, None)
        if got in (QUIT, TIMEOUT):
            return got
        return Answer(int(got), self.app.sure)

    def explain(self, card: Card, answer: Answer, lines: Sequence[Line]) -> str:
        self.app.call_from_thread(self.app.show_feedback, card, answer, lines)
        return self._key(None)

    def note(self, text: str) -> None:
        """Notes between cards are shown after the session, in the summary."""


def run(session: Callable[[FullScreenFace], T], color: bool) -> T:
    """Run `session` full screen; its result, or its exception once the screen is restored."""
    # Textual turns colour off for any NO_COLOR, even an empty one; the choice is made here.
    os.environ.pop("NO_COLOR", None)
    if not color:
        os.environ["NO_COLOR"] = "1"
    app: StudyApp[T] = StudyApp(session)
    app.run(mouse=False)
    if app.failure is not None:
        raise app.failure
    return app.result  # type: ignore[return-value]
