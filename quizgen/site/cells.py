"""How one table cell is shown: its value, and the source's words one tap away."""

from __future__ import annotations

from quizgen.data.model import Dataset, ListCell, MissingCell, Source, TextCell
from quizgen.site.markdown import text

Cell = TextCell | ListCell | MissingCell

NOT_STATED = "_not stated_"
INFERRED = "<small>(inferred)</small>"


def source_link(source: Source, sources_page: str) -> str:
    return f"[{text(source.title)}]({sources_page}#{source.id})"


def quoted(quote: str) -> str:
    return "“" + text(quote) + "”"


def evidence(body: str, about: str, summary: str = "quote") -> str:
    """A marker that opens `body` (inline Markdown) in place; `about` (plain text) says what
    the evidence is for, to a screen reader on the marker and to everyone in the opened text.

    Each value carries its own evidence rather than a numbered footnote: a comparison had
    some fifty footnotes, the list of them was a third of the page, and search filed every
    quote under the page's last heading. Closed, the evidence prints as nothing.
    """
    label = _attribute(f"{summary}: {about}")
    return (
        f' <details class="quizgen-evidence">'
        # The marker's word is not text of the page: search would run it into the values.
        f'<summary aria-label="{label}" data-search-exclude>{summary}</summary>'
        f'<span class="quizgen-evidence-body"><b>{text(about)}</b>: {body}</span></details>'
    )


def _attribute(value: str) -> str:
    """`value` as an HTML attribute inside Markdown: every character that HTML, a table row
    or an inline pattern running before raw HTML (code, escapes, links) would read is a
    character reference."""
    return "".join(c if c.isalnum() or c in " ,.:-" else f"&#{ord(c)};" for c in value)


def cell(value: Cell, source: Source, sources_page: str, about: str) -> str:
    """The cell as Markdown, with its evidence, inference and note behind one marker."""
    where = source_link(source, sources_page)
    extra = []
    inferred = None if isinstance(value, MissingCell) else value.inferred
    if inferred:
        extra.append(f"Inferred: {text(inferred)}")
    if value.note:
        extra.append(f"Note: {text(value.note)}")
    if isinstance(value, MissingCell):
        body = " ".join([f"{where}: {text(value.missing)}", *extra])
        return NOT_STATED + evidence(body, about, "why")
    if isinstance(value, TextCell):
        quotes = [value.quote]
        shown = text(value.value)
    else:
        quotes = [item.quote for item in value.items] or [value.quote or ""]
        shown = "<br>".join("• " + text(item.value) for item in value.items) or "_none_"
    said = " … ".join(quoted(q) for q in dict.fromkeys(quotes))
    body = " ".join([f"{said} ({where})", *extra])
    mark = f" {INFERRED}" if inferred else ""
    return shown + mark + evidence(body, about)


def values(value: Cell) -> list[str]:
    """The plain values of a cell, for places that list them without evidence."""
    if isinstance(value, TextCell):
        return [value.value]
    if isinstance(value, ListCell):
        return [item.value for item in value.items]
    return []


def brief(values: list[str], shown: int = 3) -> str:
    """The first few values of a cell as one phrase, for places with little room."""
    # "and 1 more" would take the room of the one value it hides.
    if len(values) <= shown + 1:
        return ", ".join(values)
    return ", ".join(values[:shown]) + f" and {len(values) - shown} more"


def source_tags(data: Dataset) -> dict[str, str]:
    """Short tags (S1, S2, ...) for the sources, in the order data/ lists them."""
    return {source.id: f"S{n}" for n, source in enumerate(data.sources, 1)}


def tag_links(data: Dataset, source_ids: list[str], sources_page: str) -> str:
    """The sources' tags, each linked to its source with its title as the tooltip."""
    return tags_linked(data, [(s, f"{sources_page}#{s}") for s in source_ids])


def tags_linked(data: Dataset, links: list[tuple[str, str]]) -> str:
    """Source tags, each (source id, address) linked to the address with the source's title
    as the tooltip: the address of the source, or of the table that quotes it."""
    tags = source_tags(data)
    shown = []
    for source_id, address in links:
        title = text(data.source(source_id).title).replace('"', "&quot;")
        shown.append(f'[{tags[source_id]}]({address} "{title}")')
    return f"<sup>{', '.join(shown)}</sup>"
