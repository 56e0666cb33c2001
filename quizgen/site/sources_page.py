"""The sources: what each document is, what this site takes from it, and its reading list."""

from __future__ import annotations

from collections import Counter

from quizgen.data.model import Dataset
from quizgen.site import cells
from quizgen.site.markdown import text

PATH = "sources.md"

KINDS = {"book": "Books", "program": "Training programs", "organization": "Organizations"}


def page(data: Dataset) -> str:
    tags = cells.source_tags(data)
    out = [
        "# Sources\n",
        "Every fact on this site comes from one of these documents and is shown with a short "
        "quotation from it. Where they disagree, the site says so instead of choosing. "
        "To read a source in full, search the web for its title.\n",
        _trust(data),
    ]
    for source in data.sources:
        out.append(f"## {tags[source.id]}: {text(source.title)} {{#{source.id}}}\n")
        out.append(f"- Published by: {text(source.publisher)}")
        out.append(f"- Kind: {text(source.kind)}")
        comparisons = [c for c in data.comparisons if c.source == source.id]
        if comparisons:
            links = ", ".join(f"[{text(c.title)}](comparisons/{c.id}.md)" for c in comparisons)
            out.append(f"- Tables on this site: {links}")
        terms = sum(1 for t in data.glossary if t.source == source.id)
        definitions = sum(1 for t in data.types for d in t.definitions if d.source == source.id)
        out.append(f"- Definitions of massage types: {definitions}; glossary terms: {terms}")
        out.append("")
        if source.note:
            out.append(text(source.note) + "\n")
        resources = [r for r in data.resources if r.source == source.id]
        for kind, heading in KINDS.items():
            of_kind = [r for r in resources if r.kind == kind]
            if not of_kind:
                continue
            out.append(f"### {heading} it recommends {{#{source.id}-{kind}}}\n")
            for resource in of_kind:
                by = f", {text(resource.by)}" if resource.by else ""
                out.append(f"- **{text(resource.title)}**{by}")
                out += [f"    - {text(f.value)}: {cells.quoted(f.quote)}" for f in resource.facts]
            out.append("")
    return "\n".join(out)


def _trust(data: Dataset) -> str:
    """What kind of documents these are, so that a student weighs them as such."""
    kinds = Counter(s.kind for s in data.sources)
    listed = ", ".join(f"{n} {text(kind)}{'s' if n > 1 else ''}" for kind, n in kinds.items())
    return (
        f"**How far to trust them.** They are web pages: {listed}. None is a textbook, a law "
        "or an exam body's statement; some also advertise a practice. Where they disagree, or "
        "where your school or your state's law says otherwise, those decide.\n"
    )
