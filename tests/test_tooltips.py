"""A page carries only the tooltip definitions of the terms it uses, and renders exactly as it
would with every definition of the glossary."""

from __future__ import annotations

import markdown
from hypothesis import example, given, settings
from hypothesis import strategies as st

from quizgen.data.loader import load_data
from quizgen.site import glossary
from quizgen.site.content import SiteContent, blank_lines_emptied
from quizgen.site.markdown import text
from tests.conftest import DATA_DIR
from tests.test_markdown_text import EXTENSIONS, MARKUP

SHIPPED = glossary.abbreviations(load_data(DATA_DIR))
# Names with characters the page escapes, which the filter must see through.
AWKWARD = ["A&B", "x*y", "<tag>", "cross-fiber", "1. numbered", "under_score", "back`tick"]
DEFINITIONS = SHIPPED | {name: f"*[{name}]: Defined {n}" for n, name in enumerate(AWKWARD)}
NAMES = sorted(DEFINITIONS)

pages = st.lists(
    st.one_of(
        st.sampled_from(NAMES),
        st.sampled_from(NAMES).map(text),  # as generated pages write data
        st.sampled_from(MARKUP),
        st.text(max_size=6),
        st.sampled_from([" ", "\n", "\n\n", "# ", "| a | b |\n|---|---|\n| "]),
    ),
    max_size=30,
).map("".join)


def _render(page: str) -> str:
    return markdown.markdown(page, extensions=EXTENSIONS)


def _content() -> SiteContent:
    return SiteContent(files={}, nav=[], home="", abbreviations=DEFINITIONS)


@settings(max_examples=150, deadline=None)
@given(pages)
@example("Medical massage and medical massage, MEDICAL MASSAGE")
@example("    ")  # a last line of spaces: an empty code block once anything follows it
@example("A&amp;B and x\\*y and &lt;tag&gt; and 1&#46; numbered and under\\_score")
def test_a_page_renders_as_with_every_definition(page: str) -> None:
    with_all = blank_lines_emptied(page) + "\n\n" + "\n\n".join(DEFINITIONS.values()) + "\n"
    assert _render(_content().page_markdown(page, "page/")) == _render(with_all)


def test_a_page_carries_only_the_definitions_it_uses() -> None:
    name = next(n for n in SHIPPED if " " in n)
    page = f"Only {name} here."
    built = _content().page_markdown(page, "page/")
    carried = {n for n, definition in DEFINITIONS.items() if definition in built}
    assert name in carried
    assert all(n in page for n in carried)
