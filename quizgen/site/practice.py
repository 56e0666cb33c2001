"""Self-checks in the site: the bank as JSON for the browser, and where quizzes go on pages.

The browser quizzes use the very items `quizgen generate` uses (built here, at build time);
docs/assets/quiz.js only draws from them and shows them. The practice page fetches the whole
bank; a comparison page's self-check fetches only its own items, so that reading a table
does not wait on parsing every question.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from quizgen.bank.item import Bank, Item
from quizgen.site.markdown import ROOT, text

if TYPE_CHECKING:
    from quizgen.data.model import Dataset

PAGE = "practice.md"
BANK_PATH = "assets/quiz-bank.json"
OPTIONS = 4
SELF_CHECK_ITEMS = 5
HINT_ID = "quizgen-filters-hint"


def _self_check_bank(comparison: str) -> str:
    return f"assets/quiz-bank/{comparison}.json"


def bank_files(bank: Bank, data: Dataset) -> dict[str, str]:
    """The whole bank, and each comparison's items, as JSON files by path under docs/."""
    usable = bank.usable(OPTIONS)
    by_comparison: dict[str, list[Item]] = defaultdict(list)
    for item in usable:
        if item.comparison is not None:
            by_comparison[item.comparison].append(item)
    files = {BANK_PATH: _bank_json(usable, data)}
    for comparison, items in by_comparison.items():
        files[_self_check_bank(comparison)] = _bank_json(items, data)
    return files


def _bank_json(usable: Sequence[Item], data: Dataset) -> str:
    items = [i.public_json(OPTIONS) for i in usable]
    document = {
        "items": items,
        "types": {t.id: t.name for t in data.types},
        "categories": {c.id: c.label for c in data.categories},
        "areas": {a.id: a.name for a in data.exam.areas},
    }
    # Compact and ASCII-safe: the file is fetched, never pasted into HTML.
    return json.dumps(document, separators=(",", ":"))


def quiz_block(bank_url: str, *, comparison: str | None = None, count: int) -> str:
    """The placeholder quiz.js fills in; attribute values are ids and numbers only."""
    scope = f' data-comparison="{comparison}"' if comparison else ""
    return (
        f'<div class="quizgen-quiz" data-bank="{bank_url}" data-count="{count}"{scope}>'
        "<p>The questions need JavaScript.</p></div>\n"
    )


def self_check(comparison: str, banks: Mapping[str, str]) -> str:
    """A "Check yourself" section for a comparison page, if `bank_files` made it a bank."""
    if _self_check_bank(comparison) not in banks:
        return ""
    return (
        "\n## Check yourself {#check-yourself}\n\n"
        "A few questions on this table, from the same question bank as the quiz tools. "
        "Each answer is explained at once.\n\n"
        + quiz_block(
            ROOT + _self_check_bank(comparison), comparison=comparison, count=SELF_CHECK_ITEMS
        )
    )


def filter_counts(bank: Bank) -> dict[str, Counter[str]]:
    """How many of the browser's items each filter value selects, by filter ("type",
    "category", "area"): counted over the very items written to `BANK_PATH`."""
    usable = bank.usable(OPTIONS)
    return {
        "type": Counter(t for item in usable for t in set(item.types)),
        "category": Counter(item.category for item in usable),
        "area": Counter(item.area for item in usable),
    }


def practice_page(data: Dataset, bank: Bank) -> str:
    """The practice page: the filters, each choice with the number of questions it selects
    in `bank` (the one `bank_files` wrote out), and the quiz."""
    counts = filter_counts(bank)

    def select(name: str, label: str, options: dict[str, str]) -> str:
        # A value with no question would draw an empty quiz: it is left out, and each one
        # offered says how many questions it has.
        choices = "".join(
            f'<option value="{k}">{text(v)} ({counts[name][k]})</option>'
            for k, v in options.items()
            if counts[name][k]
        )
        return (
            f'<label>{label} <select data-filter="{name}" aria-describedby="{HINT_ID}">'
            f'<option value="">All</option>{choices}</select></label>\n'
        )

    # Changing a select draws nothing: a quiz half answered is never thrown away by a filter
    # picked in passing (or by each arrow key on a select); the button applies them. What
    # the button did, when it drew fewer questions than asked or none, is said beside it.
    return (
        "# Practice\n\n"
        "A quiz drawn from the whole question bank: MBLEx-style items, each answered at once "
        "with the rationale, why your choice was wrong, and the source. Coming back to this "
        "page, or reloading it, shows the same quiz with your answers; the button below "
        "draws a new one. Your score is kept in this browser only.\n\n"
        '<form class="quizgen-filters" onsubmit="return false">\n'
        + select("type", "Type", {t.id: t.name for t in data.types})
        + select("category", "Category", {c.id: c.label for c in data.categories})
        + select("area", "MBLEx area", {a.id: a.name for a in data.exam.areas})
        + '<button type="button" class="md-button md-button--primary" data-new-quiz>'
        "New quiz with these filters</button>\n"
        '<p class="quizgen-filters-status" role="status" data-filters-status></p>\n'
        f'<p class="quizgen-filters-hint" id="{HINT_ID}">Filters apply to the next quiz: '
        "the questions below stay until you press the button. The number beside each "
        "choice is how many questions it has on its own.</p>\n"
        "</form>\n\n" + quiz_block(ROOT + BANK_PATH, count=10)
    )
