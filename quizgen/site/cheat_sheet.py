"""The cheat sheet: the home page's short answer and side-by-side table on one page, made to
be printed (assets/print.css fits it on one landscape Letter sheet) and kept beside the books.

It reuses the home page's Markdown rather than its own summary, so that what a student prints
is what the site says; the pictures are left out, as the table already says what they show.
"""

from __future__ import annotations

from quizgen.data.model import Dataset
from quizgen.site import cells, home
from quizgen.site.markdown import text

PATH = "cheat-sheet.md"
# print.css finds the page by this id, to give it a sheet of its own in landscape.
ID = "cheat-sheet"


def page(data: Dataset) -> str:
    return "\n".join(
        [
            f"# Cheat sheet: the massage types on one page {{#{ID}}}\n",
            "Where the sources place each type, and what they say about each on the questions "
            "that matter most, on one page to print. Every value comes from a named source.\n",
            "## Where the sources place each type {#short-answer}\n",
            home.groups_list(data),
            # The home page's id: the same table gets the same room on a phone (extra.css).
            "## The types side by side {#side-by-side}\n",
            home.side_by_side(data),
            _sources(data),
        ]
    )


def _sources(data: Dataset) -> str:
    """The tags the lists and table use, spelled out: on paper no tooltip says what S1 is."""
    tags = cells.source_tags(data)
    named = "; ".join(
        f"**{tags[s.id]}** [{text(s.short_name)}]({home.SOURCES_PAGE}#{s.id})" for s in data.sources
    )
    return f"Sources: {named}.\n"
