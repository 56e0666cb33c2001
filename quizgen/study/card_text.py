"""How a card and its feedback are drawn, the same on the full screen and line by line:
the options with a hanging indent and their ✓ and ✗, the feedback's labels and colours."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from rich.console import Console, ConsoleOptions, RenderResult
from rich.text import Text

from quizgen.study.face import Card
from quizgen.study.feedback import Line, letter

STYLE = {"right": "bold green", "wrong": "bold red"}
MARK_STYLE = {"✓": "bold green", "✗": "bold red", "▸": "bold"}
INDENT = 5  # "✓ a) "


@dataclass(frozen=True)
class Options:
    """The card's options with a hanging indent: "a)" in front, the text wrapped (by Rich, on
    words) beside it; `marks` puts ✓ or ✗ before a letter. Cheaper to draw than a table,
    which measures its columns on every redraw."""

    card: Card
    marks: Mapping[int, str] = field(default_factory=dict)

    def _rows(self, console: Console, width: int) -> list[list[Text]]:
        """Each option's lines at `width`."""
        rows = []
        for n, option in enumerate(self.card.question.options):
            mark = self.marks.get(n, " ")
            lead = Text.assemble((mark, MARK_STYLE.get(mark, "")), f" {letter(n)}) ")
            wrapped = Text(option).wrap(console, max(1, width - INDENT))
            rows.append(
                [(lead if i == 0 else Text(" " * INDENT)) + w for i, w in enumerate(wrapped)]
            )
        return rows

    def starts(self, console: Console, width: int) -> list[int]:
        """The row each option starts on, at `width`."""
        heights = [len(lines) for lines in self._rows(console, width)]
        return [sum(heights[:n]) for n in range(len(heights))]

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for lines in self._rows(console, options.max_width):
            yield from lines


def feedback_text(lines: Sequence[Line]) -> Text:
    text = Text()
    for n, line in enumerate(lines):
        if n:
            text.append("\n")
        if line.label:
            text.append(f"{line.label}: ", style="bold")
        text.append(line.text, style=STYLE.get(line.tone, ""))
    return text
