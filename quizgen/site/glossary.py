"""The glossary page, and the abbreviation lines that make every occurrence of a term a tooltip."""

from __future__ import annotations

import html

from quizgen.data.model import Dataset, Term
from quizgen.site import cells
from quizgen.site.markdown import text

PATH = "glossary.md"


def page(data: Dataset) -> str:
    terms = sorted(data.glossary, key=lambda t: t.term.lower())
    out = [
        "# Glossary\n",
        "Terms as the sources use them. Wherever one of these terms appears on this site, it is "
        "underlined: hover over it, or tap it on a phone, to read its definition.\n",
        _letters(terms),
    ]
    for term in terms:
        out.append(f"## {text(term.term)} {{#{term.id}}}\n")
        source = data.source(term.source)
        link = cells.source_link(source, "sources.md")
        out.append(text(term.definition) + "\n")
        # One quote per term: shown, not hidden behind a marker.
        out.append(f"<small>Used in {link}: {cells.quoted(term.quote)}</small>\n")
        if term.aka:
            out.append("Also written: " + ", ".join(f"*{text(a)}*" for a in term.aka) + "\n")
        if term.area:
            out.append(f"MBLEx content area: {text(data.area(term.area).name)}\n")
    return "\n".join(out)


def _letters(terms: list[Term]) -> str:
    """A line of initials, each a jump to the first term that starts with it: the glossary is
    a long page on a phone."""
    first: dict[str, str] = {}
    for term in terms:
        first.setdefault(term.term[0].upper(), term.id)
    links = " · ".join(f"[{text(letter)}](#{term_id})" for letter, term_id in first.items())
    return f"Jump to: {links}\n"


def _spellings(term: Term) -> list[str]:
    names = [term.term, *term.aka]
    # Abbreviations match case-sensitively; a term also starts sentences.
    names += [n[0].upper() + n[1:] for n in names]
    names += [n[0].lower() + n[1:] for n in names if n != n.upper()]
    return list(dict.fromkeys(names))


def abbreviations(data: Dataset) -> dict[str, str]:
    """Markdown `abbr` definitions for every glossary term, by the spelling each one matches."""
    lines = {}
    for term in data.glossary:
        # Material's tooltip renders the title attribute as HTML, and Markdown's serializer
        # keeps entities as they are, so the text is escaped twice to reach the tooltip as text.
        definition = html.escape(html.escape(" ".join(term.definition.split()), quote=False))
        for name in _spellings(term):
            # The abbr syntax cannot carry these; such a term is still on the glossary page.
            if "]" not in name and "[" not in name:
                name = " ".join(name.split())
                lines[name] = f"*[{name}]: {definition}"
    return lines
