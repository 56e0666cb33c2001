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

from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from quizgen.study.card_text import Options, feedback_text
from quizgen.study.face import NEXT, QUIT, TIMEOUT, Answer, Card, heading, last_letter, parse
from quizgen.study.feedback import Line

T = TypeVar("T")
INTERRUPT = "interrupt"


class CardView(VerticalScroll):
    """The card's scroll area: it tells the key line when there is more to scroll to."""

    def watch_virtual_size(self) -> None:
        self.app.call_after_refresh(self.app.laid_out)  # type: ignore[attr-defined]

    def on_resize(self) -> None:
        self.app.call_after_refresh(self.app.laid_out)  # type: ignore[attr-defined]


class StudyApp(App[None], Generic[T]):
    CSS = """
    Screen { layout: vertical; }
    #top { dock: top; height: 1; padding: 0 1; background: $primary-background; }
    #top.low { background: $error; text-style: bold; }
    #keys { dock: bottom; height: auto; padding: 0 1; background: $primary-background; }
    #card { padding: 1 2 0 1; scrollbar-size-vertical: 1; }
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
        self.card, self.sure = card, None
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
        self._wait_for("next")  # the card's new size then brings the feedback into view

    def laid_out(self) -> None:
        """The card has its size for the terminal: keep the feedback in view (a phone's
        keyboard opening resizes the terminal) and say whether there is more to scroll to."""
        if self.waiting_for == "next":
            self._feedback_in_view()
        self._hint()

    def _feedback_in_view(self) -> None:
        """The feedback in view: all of it if it fits under what is shown, else its verdict
        at the top (the marked options are a scroll up)."""
        card = self.query_one("#card", VerticalScroll)
        feedback = self.query_one("#feedback", Static)
        if feedback.outer_size.height <= card.scrollable_content_region.height:
            feedback.scroll_visible(animate=False)
        else:
            card.scroll_to_widget(feedback, animate=False, top=True)

    def _wait_for(self, what: str) -> None:
        self.waiting_for = what
        self._hint()
        self.call_after_refresh(self._hint)  # once laid out: is there more to scroll to?
        while self.early and self.waiting_for:
            self._handle(self.early.pop(0))

    def _hint(self) -> None:
        """The key line: what the keys do now, shorter on a narrow screen."""
        what = self.waiting_for
        narrow = self.size.width < 56
        exam = self.card is not None and self.card.confirm_quit
        letters = f"a-{last_letter(len(self.card.question.options) if self.card else 4)}"
        more = self.query_one("#card", VerticalScroll).max_scroll_y > 0
        parts = {
            "start": ["Enter: start", "q: cancel"],
            "answer": [
                f"{letters}: answer",
                *([] if exam else ["s/u first: sure/unsure"]),
                *(["↑↓: more"] if more else []),
                "q: end exam" if exam else "q: quit",
            ],
            "next": ["Enter or Space: next", *(["↑↓: scroll"] if more else []), "q: quit"],
            "confirm": ["End the exam? Unanswered count as wrong.", "y: end", "n: go on"],
            "": [],
        }[what]
        if narrow:
            parts = [p.replace("s/u first: sure/unsure", "s/u: sure?") for p in parts]
        hint = " · ".join(parts)
        if what == "answer" and self.sure is not None:
            hint = ("Sure. " if self.sure else "Unsure. ") + hint
        if what:
            self.query_one("#keys", Static).update(hint)

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
        if self.waiting_for == "start" and key in ("enter", " ", "q"):
            self._send(QUIT if key == "q" else NEXT)
        elif self.waiting_for == "answer" and self.card is not None and len(key) == 1:
            if key in ("s", "u") and not self.card.confirm_quit:
                self.sure = key == "s"
                self._hint()
            elif key == "q" and self.card.confirm_quit:
                self._wait_for("confirm")
            else:
                answer = parse(key, len(self.card.question.options))
                if answer == QUIT:
                    self._send(QUIT)
                elif isinstance(answer, Answer):
                    self._send(f"{answer.index}")
        elif self.waiting_for == "next" and key in ("enter", " ", "q"):
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
