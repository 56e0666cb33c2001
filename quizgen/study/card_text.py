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
MARK_STYLE = {"✓": "bold green", "✗": "bold red"}


@dataclass(frozen=True)
class Options:
    """The card's options with a hanging indent: "a)" in front, the text wrapped (by Rich, on
    words) beside it; `marks` puts ✓ or ✗ before a letter. Cheaper to draw than a table,
    which measures its columns on every redraw."""

    card: Card
    marks: Mapping[int, str] = field(default_factory=dict)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        indent = 5  # "✓ a) "
        for n, option in enumerate(self.card.question.options):
            mark = self.marks.get(n, " ")
            lead = Text.assemble((mark, MARK_STYLE.get(mark, "")), f" {letter(n)}) ")
            for row, line in enumerate(Text(option).wrap(console, options.max_width - indent)):
                yield (lead if row == 0 else Text(" " * indent)) + line


def feedback_text(lines: Sequence[Line]) -> Text:
    text = Text()
    for n, line in enumerate(lines):
        if n:
            text.append("\n")
        if line.label:
            text.append(f"{line.label}: ", style="bold")
        text.append(line.text, style=STYLE.get(line.tone, ""))
    return text
