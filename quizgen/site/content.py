"""Everything the site makes from the data, as plain strings: the generated files (pages and the
question bank), the nav of the comparison pages, the home page's table and the tooltips.

All of it depends only on the data and the code, so it is kept in the cache (see
quizgen.cache): a build of unchanged data neither loads nor checks the data, and does not
import the model at all. Bad data is still always reported: changed data is a cache miss.
"""

from __future__ import annotations

import logging
import re
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from quizgen.cache import cached
from quizgen.site.markdown import ROOT

HOME_MARKER = "<!-- quizgen:start-here -->"

log = logging.getLogger("mkdocs.plugins.quizgen")


@dataclass(frozen=True)
class SiteContent:
    files: dict[str, str]  # generated pages (Markdown) and bank files (JSON) by path in docs/
    nav: list[dict[str, str]]  # the comparison pages' section of the nav
    home: str  # the home page's start here: the short answer, the summary, the pictures
    abbreviations: dict[str, str]  # tooltip definitions by the spelling each matches

    def page_markdown(self, markdown: str, url: str) -> str:
        """A page's Markdown as MkDocs renders it (`url` is the page's, as MkDocs gives it).

        The one place where a page is changed after it was written, for what cannot be known
        before the page is built: the home page's start goes where the hand-written
        docs/index.md has its marker; addresses from the site's root (`ROOT`) are made
        relative to the page; and the page gets the tooltips of the terms it uses.
        """
        markdown = markdown.replace(HOME_MARKER, self.home)
        markdown = markdown.replace(ROOT, "../" * url.count("/"))
        return blank_lines_emptied(markdown) + "\n\n" + self._tooltips(markdown)

    def _tooltips(self, markdown: str) -> str:
        # Only the terms the page uses, because Markdown tests every text node against every
        # definition; and each in a block of its own, because a block of many is parsed again
        # from the top for each one (a site with ten times the glossary took 250 times as long).
        # A term can only be marked where the page has it as written: an escaped character
        # or an entity in it is not text to Markdown's abbr extension.
        used = (d for name, d in self.abbreviations.items() if name in markdown)
        return "\n\n".join(used) + "\n"


def blank_lines_emptied(markdown: str) -> str:
    """The page with lines of only spaces made empty. Markdown reads such a line as blank,
    except that a last one becomes an empty code block once anything follows it, such as a
    tooltip definition: so a page would render differently with and without tooltips."""
    return _SPACES_ONLY.sub("", markdown)


_SPACES_ONLY = re.compile(r"^[ \t]+$", re.MULTILINE)


def site_content(data_dir: Path) -> SiteContent:
    """The site content of the data in `data_dir`. Raises DataError on bad data."""
    started = time.perf_counter()
    built = False

    def build() -> SiteContent:
        nonlocal built
        built = True
        return _build(data_dir)

    content = cached("site", data_dir, build, asdict, lambda stored: SiteContent(**stored))
    how = "built from the data" if built else "read from the cache"
    log.debug("site content %s in %.3f s", how, time.perf_counter() - started)
    return content


def _build(data_dir: Path) -> SiteContent:
    # Imported here: a build from the cache needs none of them (the model imports pydantic).
    from quizgen.bank.catalog import load_catalog
    from quizgen.data.loader import load_data
    from quizgen.site import glossary, home, pages, practice

    data = load_data(data_dir)
    # Proving the bank is most of the work; a quiz command may have done it already.
    bank = load_catalog(data_dir, data).bank
    banks = practice.bank_files(bank, data)
    files = pages.all_pages(data)
    for path in files:
        if path.startswith("comparisons/") and path != pages.COMPARISONS_INDEX:
            files[path] += practice.self_check(Path(path).stem, banks)
    files[practice.PAGE] = pages.described(
        practice.practice_page(data, bank),
        "Practice MBLEx-style questions on the kinds of massage, each answer explained.",
    )
    files |= banks
    return SiteContent(
        files=files,
        nav=pages.comparisons_nav(data),
        home=home.start_here(data),
        abbreviations=glossary.abbreviations(data),
    )
