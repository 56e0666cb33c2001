"""Pictures drawn from the data at build time, as inline SVG: where each source places each
type between a consumer service and health care, and which names each source treats as one.

Inline, so that they need no request, no script and no font of their own; coloured through
the theme's CSS variables (assets/extra.css), so that they follow the light and dark
schemes. Each is drawn for a phone's width and scaled up, not down, on wider screens; each
has a title and a description that say in words what it shows.

SVG has no text wrapping or measuring, so chips and labels are laid out here from an estimate
of each character's width.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape

from quizgen.data.model import Dataset, MassageType, Source
from quizgen.site import cells

WIDTH = 360
CHAR = 0.52  # the average width of a character, in ems, of a sans-serif font
PLACES = {
    "consumer-service": "Consumer service",
    "between": "Between",
    "health-care": "Health care",
    "either": "In both",
}
PLACE_WORDS = {
    "consumer-service": "a consumer service",
    "between": "between the two: aimed at pain or tension, not directed care",
    "health-care": "health care",
    "either": "either: an approach used in both",
}
_COLUMNS = {"consumer-service": 52, "between": 142, "health-care": 232, "either": 318}
_PILL_W, _PILL_H, _PILL_GAP = 24, 16, 3
_PER_LINE = 3


def by_place(massage_type: MassageType) -> dict[str, list[str]]:
    """The ids of the sources that give the type each place, places in the order first given."""
    places: dict[str, list[str]] = {}
    for placement in massage_type.placements:
        places.setdefault(placement.place, []).append(placement.source)
    return places


def short_name(massage_type: MassageType) -> str:
    """'Medical' for 'Medical massage': the pictures name types in little room."""
    name = massage_type.name
    return name.removesuffix(" massage") if name.endswith(" massage") else name


def _svg(name: str, height: float, title: str, description: str, body: Iterable[str]) -> str:
    return (
        f'<svg class="quizgen-picture" viewBox="0 0 {WIDTH} {height:.0f}" role="img" '
        f'aria-labelledby="{name}-title {name}-desc" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{name}-title">{escape(title)}</title>'
        f'<desc id="{name}-desc">{escape(description)}</desc>' + "".join(body) + "</svg>"
    )


def _text(x: float, y: float, words: str, css: str, anchor: str = "start") -> str:
    return (
        f'<text x="{x:.0f}" y="{y:.0f}" class="{css}" text-anchor="{anchor}">{escape(words)}</text>'
    )


def _figure(svg: str, caption: str) -> str:
    # One line: a blank line inside would end Markdown's raw HTML block.
    return f'<figure class="quizgen-figure">{svg}<figcaption>{caption}</figcaption></figure>\n'


def legend(data: Dataset) -> str:
    """The source tags the pictures use, as HTML."""
    tags = cells.source_tags(data)
    return "; ".join(
        f"<b>{tags[s.id]}</b> {escape(s.short_name)}" for s in data.sources if s.id in tags
    )


def spectrum(data: Dataset, types: Sequence[MassageType]) -> str:
    """Each of `types` on a line, with a tag for each source at the place it gives the type."""
    tags = cells.source_tags(data)
    if not types:
        return ""
    body = [
        _text(x, 14, PLACES[place], "quizgen-picture-head", "middle")
        for place, x in _COLUMNS.items()
    ]
    # The spectrum's three places share an arrow; "in both" stands apart, behind a rule.
    body.append(
        '<path class="quizgen-picture-axis" d="M12 24 H272 M18 20 L12 24 L18 28 '
        'M266 20 L272 24 L266 28"/>'
    )
    separator = (_COLUMNS["health-care"] + _COLUMNS["either"]) / 2 + 4
    y = 34.0
    for massage_type in types:
        body.append(_text(4, y + 14, massage_type.name, "quizgen-picture-name"))
        lines = 1
        for place, x in _COLUMNS.items():
            here = [tags[p.source] for p in massage_type.placements if p.place == place]
            lines = max(lines, -(-len(here) // _PER_LINE))
            for n, tag in enumerate(here):
                line, slot = divmod(n, _PER_LINE)
                in_line = min(_PER_LINE, len(here) - line * _PER_LINE)
                left = x - (in_line * (_PILL_W + _PILL_GAP) - _PILL_GAP) / 2
                px = left + slot * (_PILL_W + _PILL_GAP)
                py = y + 20 + line * (_PILL_H + _PILL_GAP)
                body.append(
                    f'<rect x="{px:.0f}" y="{py:.0f}" width="{_PILL_W}" height="{_PILL_H}" '
                    f'rx="8" class="quizgen-place-{place}"/>'
                )
                body.append(_text(px + _PILL_W / 2, py + 12, tag, "quizgen-picture-tag", "middle"))
        y += 24 + lines * (_PILL_H + _PILL_GAP) + 6
        body.append(f'<path class="quizgen-picture-rule" d="M0 {y - 3:.0f} H{WIDTH}"/>')
    body.append(f'<path class="quizgen-picture-apart" d="M{separator:.0f} 4 V{y - 3:.0f}"/>')
    description = " ".join(
        f"{t.name}: "
        + "; ".join(f"{PLACE_WORDS[p.place]} ({tags[p.source]})" for p in t.placements)
        + "."
        for t in types
    )
    title = "Where each source places each type, from consumer service to health care"
    caption = (
        f"{escape(title)}. Each pill is a source, in the column its words give the type; "
        "the last column holds sources that use the type in both kinds of practice. "
        f"Sources: {legend(data)}."
    )
    return _figure(_svg("spectrum", y, title, description, body), caption)


def names_used(data: Dataset, source: Source) -> list[MassageType]:
    """The types a source names: by defining, placing, equating or comparing them."""
    compared = {t for c in data.comparisons if c.source == source.id for t in c.types}
    return [
        t
        for t in data.types
        if t.id in compared
        or source.id in {e.source for e in t.definitions}
        or source.id in {e.source for e in t.placements}
        or source.id in {e.source for e in t.synonyms}
    ]


def same_names(data: Dataset, source: Source) -> list[list[MassageType]]:
    """The names a source uses, grouped so that names it treats as one share a group."""
    used = names_used(data, source)
    group = {t.id: {t.id} for t in used}
    for massage_type in used:
        for synonym in massage_type.synonyms:
            if synonym.source != source.id:
                continue
            for other in synonym.terms:
                joined = group[massage_type.id] | group.setdefault(other, {other})
                for member in joined:
                    group[member] = joined
    order = {t.id: n for n, t in enumerate(data.types)}
    groups = {frozenset(g) for g in group.values()}
    ranked = sorted(groups, key=lambda g: (-len(g), min(order[m] for m in g)))
    return [[data.type(m) for m in sorted(g, key=order.__getitem__)] for g in ranked]


def _chip_width(words: str, size: float) -> float:
    return len(words) * size * CHAR + 14


def name_map(data: Dataset) -> str:
    """A row per source: its names as chips, the names it treats as one in a single chip."""
    tags = cells.source_tags(data)
    body: list[str] = []
    said = []
    y = 0.0
    for source in data.sources:
        groups = same_names(data, source)
        if not groups:
            continue
        body.append(
            _text(4, y + 15, f"{tags[source.id]} · {source.short_name}", "quizgen-picture-name")
        )
        x, y = 4.0, y + 22
        for group in groups:
            words = " = ".join(short_name(t) for t in group)
            width = _chip_width(words, 12)
            if x + width > WIDTH - 4 and x > 4:
                x, y = 4.0, y + 26
            css = "quizgen-chip-same" if len(group) > 1 else "quizgen-chip"
            body.append(
                f'<rect x="{x:.0f}" y="{y:.0f}" width="{width:.0f}" height="21" '
                f'rx="10" class="{css}"/>'
            )
            body.append(_text(x + width / 2, y + 15, words, css + "-text", "middle"))
            x += width + 6
        y += 32
        said.append(_in_words(source, groups, tags[source.id]))
    if not body:
        return ""
    title = "Which names each source treats as the same type"
    caption = (
        f"{escape(title)}: names joined by = are one type in that source. Sources: {legend(data)}."
    )
    return _figure(_svg("names", y, title, " ".join(said), body), caption)


def _in_words(source: Source, groups: Sequence[Sequence[MassageType]], tag: str) -> str:
    same = [g for g in groups if len(g) > 1]
    alone = [g[0] for g in groups if len(g) == 1]
    parts = [
        " and ".join(", ".join(t.name for t in g).rsplit(", ", 1)) + " are one type" for g in same
    ]
    if alone:
        parts.append("names apart: " + ", ".join(t.name for t in alone))
    return f"{tag} {source.short_name}: " + "; ".join(parts) + "."
