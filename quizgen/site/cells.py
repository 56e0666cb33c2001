"""How one table cell is shown: its value, the source's words in a footnote, its caveats."""

from __future__ import annotations

from quizgen.data.model import Dataset, ListCell, MissingCell, Source, TextCell
from quizgen.site.markdown import Footnotes, text

Cell = TextCell | ListCell | MissingCell

NOT_STATED = "_not stated_"
INFERRED = "<small>(inferred)</small>"


def source_link(source: Source, sources_page: str) -> str:
    return f"[{text(source.title)}]({sources_page}#{source.id})"


def quoted(quote: str) -> str:
    return "“" + text(quote) + "”"


def cell(value: Cell, source: Source, notes: Footnotes, sources_page: str) -> str:
    """The cell as Markdown, with a footnote holding the evidence, inference and note."""
    where = source_link(source, sources_page)
    extra = []
    inferred = None if isinstance(value, MissingCell) else value.inferred
    if inferred:
        extra.append(f"Inferred: {text(inferred)}")
    if value.note:
        extra.append(f"Note: {text(value.note)}")
    if isinstance(value, MissingCell):
        body = " ".join([f"{where}: {text(value.missing)}", *extra])
        return NOT_STATED + notes.ref(body)
    if isinstance(value, TextCell):
        quotes = [value.quote]
        shown = text(value.value)
    else:
        quotes = [item.quote for item in value.items] or [value.quote or ""]
        shown = "<br>".join("• " + text(item.value) for item in value.items) or "_none_"
    evidence = " … ".join(quoted(q) for q in dict.fromkeys(quotes))
    body = " ".join([f"{evidence} ({where})", *extra])
    mark = f" {INFERRED}" if inferred else ""
    return shown + mark + notes.ref(body)


def values(value: Cell) -> list[str]:
    """The plain values of a cell, for places that list them without evidence."""
    if isinstance(value, TextCell):
        return [value.value]
    if isinstance(value, ListCell):
        return [item.value for item in value.items]
    return []


def source_tags(data: Dataset) -> dict[str, str]:
    """Short tags (S1, S2, ...) for the sources, in the order data/ lists them."""
    return {source.id: f"S{n}" for n, source in enumerate(data.sources, 1)}
