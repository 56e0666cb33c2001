"""Any string from data/ written through `text()` renders as exactly that string, never as markup."""

from __future__ import annotations

from html.parser import HTMLParser

import markdown
from hypothesis import example, given, settings
from hypothesis import strategies as st

from quizgen.site.markdown import table, text

EXTENSIONS = ["abbr", "admonition", "attr_list", "def_list", "footnotes", "tables", "toc"]
MARKUP = [*"\\`*_{}[]()#+-.!|<>&\"'~=:^$%", "1. ", "- ", "+ ", "# ", "{{", "]]>", "[^1]"]
strings = st.lists(
    st.one_of(
        st.sampled_from(MARKUP),
        st.text(st.characters(blacklist_categories=("Cs", "Cc", "Co", "Cn")), max_size=8),
        st.sampled_from([" ", "\n", "\t"]),
    ),
    max_size=25,
).map("".join)


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _render(source: str) -> _Text:
    parser = _Text()
    parser.feed(markdown.markdown(source, extensions=EXTENSIONS))
    return parser


def _expected(value: str) -> str:
    return " ".join(value.split())


@settings(max_examples=300)
@given(strings)
@example("1. not a list")
@example("- not a list")
@example("*not emphasis* _nor this_")
@example("<script>alert(1)</script>")
@example("[link](https://example.org) {#id}")
def test_text_at_the_start_of_a_paragraph_renders_as_itself(value: str) -> None:
    rendered = _render("Before\n\n" + text(value))
    assert "".join(rendered.parts).removeprefix("Before").strip() == _expected(value)
    assert rendered.tags in (["p"], ["p", "p"])


@settings(max_examples=300)
@given(strings, strings)
@example("a | b", "c || d")
def test_text_in_a_table_cell_stays_in_its_cell(left: str, right: str) -> None:
    rendered = markdown.markdown(
        table(["A", "B"], [[text(left), text(right)]]), extensions=EXTENSIONS
    )
    parser = _Text()
    parser.feed(rendered)
    assert parser.tags.count("td") == 2
    shown = "".join(part for part in parser.parts if part.strip("\n"))
    assert shown == "AB" + _expected(left) + _expected(right)
    assert set(parser.tags) <= {"table", "thead", "tbody", "tr", "th", "td"}
