"""The `quizgen` command: a thin layer over the library. Library errors become messages here."""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, overload

import click

from quizgen.export import FORMATS
from quizgen.export.paper import PAPERS

if TYPE_CHECKING:
    from rich.console import Console

    from quizgen.bank.catalog import Catalog
    from quizgen.bank.item import Item
    from quizgen.progress.store import Store
    from quizgen.quiz import Filters

T = TypeVar("T")

DATA_DIR = click.argument(
    "data_dir",
    required=False,
    type=click.Path(file_okay=False, path_type=Path),
)
DATA_OPTION = click.option(
    "--data",
    "data_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder of data files (default: the data shipped with quizgen).",
)
DEFAULT_COUNT = 20
OPTIONS = click.option(
    "--options",
    type=click.IntRange(3, 5),
    default=4,
    show_default=True,
    help="Options per item (3 to 5).",
)


# The exit status of every command given bad data, as `validate` has always used.
BAD_DATA = 2


class BadData(click.ClickException):
    exit_code = BAD_DATA


def _from_data(read: Callable[[], T]) -> T:
    """What `read` works out from the data; bad data ends the command with every problem."""
    from quizgen.data.problems import DataError

    try:
        return read()
    except DataError as err:
        for problem in err.problems:
            click.echo(str(problem), err=True)
        raise BadData("the data has problems; run `quizgen validate`") from None


def _catalog(data_dir: Path | None) -> Catalog:
    from quizgen.bank.catalog import load_catalog

    return _from_data(lambda: load_catalog(data_dir))


def _choose(option: str, given: tuple[str, ...], known: Mapping[str, str]) -> tuple[str, ...]:
    """`given` as ids: each value is an id or, in any case, a name as the screens show it,
    or the unique beginning of one (`known` maps id -> name)."""
    spellings = {s.casefold(): k for k, name in known.items() for s in (k, name)}
    chosen = []
    for value in given:
        starting = {k for s, k in spellings.items() if s.startswith(value.casefold())}
        if value.casefold() not in spellings and len(starting) == 1:
            value = starting.pop()  # a name's unique beginning ("anatomy") will do
        if value.casefold() not in spellings:
            listed = "\n".join(
                f"  {k}" + (f"  ({name})" if name != k else "") for k, name in known.items()
            )
            raise click.BadParameter(
                f"{value!r} is not one of these (an id or its name):\n{listed}",
                param_hint=f"'{option}'",
            )
        chosen.append(spellings[value.casefold()])
    return tuple(chosen)


class StudentsFirst(click.Group):
    """Lists the study commands first: most people who type `quizgen --help` are students."""

    FIRST = ("drill", "exam", "stats", "history")

    def list_commands(self, ctx: click.Context) -> list[str]:
        rest = [c for c in super().list_commands(ctx) if c not in self.FIRST]
        return [*self.FIRST, *rest]


@click.group(cls=StudentsFirst, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="quizgen")
def main() -> None:
    """Study how the kinds of massage differ, and make MBLEx-style quizzes from the tables.

    \b
    To study:
        quizgen drill          one card at a time, spaced repetition
        quizgen exam           a timed mock MBLEx
        quizgen stats          your progress on one screen
        quizgen history        your past exams
    \b
    To teach or to edit the data:
        quizgen generate --count 40 --format moodle-xml -o week3.xml
        quizgen validate data/
    """


@main.command()
@DATA_DIR
@click.option(
    "--sources",
    "sources_dir",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Folder of the sources' text files; also check that every quote occurs in its source.",
)
def validate(data_dir: Path | None, sources_dir: Path | None) -> None:
    """Check the data files and report every problem as file:line:column: message.

    DATA_DIR defaults to the data shipped with quizgen. Exits 0 when the data is
    valid, 2 when it is not.

    \b
    Example:
        quizgen validate data/ --sources ../sources
    """
    from quizgen.data.loader import load_data
    from quizgen.data.problems import DataError

    try:
        data = load_data(data_dir, sources_dir=sources_dir)
    except DataError as err:
        for problem in err.problems:
            click.echo(str(problem), err=True)
        count = len(err.problems)
        click.echo(f"{count} problem{'s' if count != 1 else ''} found", err=True)
        sys.exit(BAD_DATA)
    counts = data.counts()
    checked = ", quotes checked against sources" if sources_dir else ""
    click.echo(
        f"ok: {counts['sources']} sources, {counts['types']} types, "
        f"{counts['dimensions']} dimensions, {counts['comparisons']} comparisons "
        f"({counts['rows']} rows), {counts['discrepancies']} discrepancies, "
        f"{counts['glossary']} glossary terms, {counts['resources']} resources, "
        f"{counts['items']} authored items{checked}"
    )


@main.command("list")
@DATA_OPTION
@click.argument(
    "what", type=click.Choice(["types", "dimensions", "sources", "categories", "terms"])
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text: aligned columns; json: a list of objects, for scripts.",
)
def list_data(data_dir: Path | None, what: str, fmt: str) -> None:
    """List what the data holds: the ids to reuse when you add a table.

    \b
    Examples:
        quizgen list dimensions
        quizgen list types --data my-data/
        quizgen list terms --format json
    """
    import json

    from quizgen.data.listing import rows, table
    from quizgen.data.loader import load_data

    listed = rows(_from_data(lambda: load_data(data_dir)), what)
    if fmt == "json":
        click.echo(json.dumps(listed, indent=2, ensure_ascii=False))
        return
    for line in table(listed):
        click.echo(line)


@main.command()
def schema() -> None:
    """Print the JSON Schema of a data file.

    \b
    Example:
        quizgen schema > data/schema.json
    """
    from quizgen.data.schema import schema_json

    click.echo(schema_json(), nl=False)


@main.command()
@DATA_OPTION
@click.option(
    "--count",
    "-n",
    type=click.IntRange(1),
    help=f"Items in the quiz  [default: {DEFAULT_COUNT}, or as many as match the filters]",
)
@click.option("--seed", type=int, default=1, show_default=True, help="Same seed, same quiz.")
@OPTIONS
@click.option("--type", "types", multiple=True, help="Only items about this type (repeatable).")
@click.option("--comparison", "comparisons", multiple=True, help="Only items from this table.")
@click.option(
    "--category",
    "categories",
    multiple=True,
    help="Only this category: its id or name (a wrong one lists them).",
)
@click.option(
    "--area",
    "areas",
    multiple=True,
    help="Only this MBLEx content area: its id or name (a wrong one lists them).",
)
@click.option("--kind", "kinds", multiple=True, help="Only this kind of item.")
@click.option(
    "--blueprint",
    type=click.Choice(["mblex"]),
    help="Spread items over the MBLEx content areas by their weights.",
)
@click.option(
    "--variants",
    type=click.IntRange(1, 200),
    default=1,
    show_default=True,
    help="Per-student versions (A, B, ..., Z, AA, ...): the same items, reordered and reshuffled.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="markdown",
    show_default=True,
    help="html: print (student copies, answer grids and keys); docx: the same in Word, to edit; "
    "gift, moodle-xml: Moodle; qti: "
    "Canvas (zip); blackboard: Blackboard's question upload (.txt); brightspace: D2L "
    "Brightspace's question import (.csv); common-cartridge: IMS Common Cartridge 1.1 (.imscc) "
    "for any of them; common-cartridge-1.2: the same for Schoology; anki: Anki deck (.apkg); "
    "tsv: Quizlet-style flashcards; json: everything.",
)
@click.option("--title", default="Massage types quiz", show_default=True)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to this file (replaced only by a complete file); default: standard output.",
)
@click.option(
    "--paper",
    type=click.Choice(sorted(PAPERS)),
    help="Paper for a printed format (html, docx): letter (the default) or a4.",
)
@click.option(
    "--key-output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Printed formats: write the answer grids and keys to this file, and only the "
    "students' copies to --output.",
)
def generate(
    data_dir: Path | None,
    count: int | None,
    seed: int,
    options: int,
    types: tuple[str, ...],
    comparisons: tuple[str, ...],
    categories: tuple[str, ...],
    areas: tuple[str, ...],
    kinds: tuple[str, ...],
    blueprint: str | None,
    variants: int,
    fmt: str,
    title: str,
    output: Path | None,
    paper: str | None,
    key_output: Path | None,
) -> None:
    """Make a quiz from the question bank.

    \b
    Examples:
        quizgen generate --count 25 --seed 7 --format html -o quiz.html
        quizgen generate --variants 2 --format html -o quiz.html --key-output keys.html
        quizgen generate --count 25 --format docx -o quiz.docx
        quizgen generate --count 60 --blueprint mblex --variants 3 --format json
        quizgen generate --type medical --options 3
        quizgen generate --count 40 --format moodle-xml -o week3.xml
        quizgen generate --count 40 --format qti -o week3-canvas.zip
        quizgen generate --count 40 --format common-cartridge -o week3.imscc
        quizgen generate --count 60 --format anki -o massage-types.apkg
    """
    from quizgen.export import BINARY, PRINTED, exporter, printer
    from quizgen.export.paper import Printing
    from quizgen.quiz import QuizError, assemble, largest

    if fmt in BINARY and output is None:
        raise click.BadParameter(
            f"{fmt} is a binary file; give --output FILE", param_hint="'--format'"
        )
    printed = ", ".join(sorted(PRINTED))
    for option, value in (("--paper", paper), ("--key-output", key_output)):
        if value is not None and fmt not in PRINTED:
            raise click.BadParameter(
                f"only printed formats ({printed}) take it, not {fmt}", param_hint=f"'{option}'"
            )
    if key_output is not None and (output is None or output.resolve() == key_output.resolve()):
        raise click.BadParameter(
            "the keys need a file of their own: give --output FILE for the students' copies "
            "and another file here",
            param_hint="'--key-output'",
        )
    catalog = _catalog(data_dir)
    filters = _filters(catalog, (types, comparisons, categories, areas, kinds))
    if count is None:
        most = largest(catalog, seed=seed, options=options, filters=filters)
        count = min(DEFAULT_COUNT, max(most, 1))
        if most < DEFAULT_COUNT:
            click.echo(
                f"{most} items match these filters without repeats, so the quiz has {most}.",
                err=True,
            )
    try:
        quiz = assemble(
            catalog,
            count=count,
            seed=seed,
            options=options,
            filters=filters,
            blueprint=blueprint,
            variants=variants,
            title=title,
        )
    except QuizError as err:
        raise click.BadParameter(str(err), param_hint=f"'{err.option}'") from None
    sheet = paper or "letter"
    if fmt not in PRINTED:
        _write(exporter(fmt)(quiz), output)
    elif key_output is None:
        _write(printer(fmt)(quiz, Printing(sheet)), output)
    else:
        export = printer(fmt)
        students = export(quiz, Printing(sheet, keys=False))
        _write(export(quiz, Printing(sheet, students=False)), key_output)
        _write(students, output)
    for share in quiz.blueprint or ():
        if share.short:
            click.echo(f"short: {share.coverage()}", err=True)


def _write(content: bytes, output: Path | None) -> None:
    from quizgen.atomic import write_bytes

    if output is None:
        sys.stdout.buffer.write(content)
        sys.stdout.flush()
        return
    try:
        write_bytes(output, content)
    except OSError as err:
        raise click.ClickException(f"cannot write {output}: {err.strerror}") from None


@main.command()
@DATA_OPTION
@click.option("--stats", is_flag=True, help="Counts per kind, category and area (the default).")
def bank(data_dir: Path | None, stats: bool) -> None:
    """Describe the question bank built from the data.

    \b
    Example:
        quizgen bank --stats
    """
    from quizgen.bank.stats import stats_lines

    for line in stats_lines(_catalog(data_dir)):
        click.echo(line)


@main.command()
@DATA_OPTION
@OPTIONS
def audit(data_dir: Path | None, options: int) -> None:
    """Check every item against the item-writing rules; exit 1 if any is broken.

    \b
    Example:
        quizgen audit --options 4
    """
    from quizgen.bank.audit import audit as run_audit

    catalog = _catalog(data_dir)
    report = run_audit(catalog.bank.usable(options), options, catalog.vocabulary)
    for violation in report.violations:
        click.echo(f"{violation.item}: {violation.rule}: {violation.detail}")
    click.echo(
        f"{report.items} items with {options} options, {len(report.violations)} violations; "
        f"key is the longest option in {report.key_longest} "
        f"({report.key_longest_share:.1%}, at most 35% allowed)"
    )
    if report.violations or report.key_longest_share > 0.35:
        sys.exit(1)


PROGRESS_DIR_OPTIONS = [
    click.option(
        "--progress-dir",
        "progress_dir",
        type=click.Path(file_okay=False, path_type=Path),
        help="Folder of your progress database (default: $QUIZGEN_PROGRESS_DIR, else your "
        "user data folder).",
    ),
    # The option's name before 0.2, kept working for scripts that use it.
    click.option(
        "--data-dir",
        "progress_dir",
        type=click.Path(file_okay=False, path_type=Path),
        hidden=True,
    ),
]


NO_COLOR = click.option("--no-color", is_flag=True, help="No colours (so does NO_COLOR=1).")
FILTERS = [
    click.option("--type", "types", multiple=True, help="Only items about this type."),
    click.option("--comparison", "comparisons", multiple=True, help="Only items from this table."),
    click.option(
        "--category",
        "categories",
        multiple=True,
        help="Only this category: its id or name (a wrong one lists them).",
    ),
    click.option(
        "--area",
        "areas",
        multiple=True,
        help="Only this MBLEx content area: its id or name (a wrong one lists them).",
    ),
]


def _filters(catalog: Catalog, given: tuple[tuple[str, ...], ...]) -> Filters:
    """The filter options (--type, --comparison, --category, --area[, --kind]), checked."""
    from quizgen.bank.item import KINDS
    from quizgen.quiz import Filters

    known: dict[str, Mapping[str, str]] = {
        "--type": {t: t for t in catalog.types},
        "--comparison": {c: c for c in catalog.comparisons},
        "--category": catalog.categories,
        "--area": {a.id: a.name for a in catalog.areas},
        "--kind": {k: k for k in KINDS},
    }
    return Filters(
        *(
            _choose(option, values, choices)
            for (option, choices), values in zip(known.items(), given, strict=False)
        )
    )


@overload
def _store(progress_dir: Path | None) -> Store: ...
@overload
def _store(progress_dir: Path | None, read_only: bool, nothing: str = "") -> Store | None: ...
def _store(progress_dir: Path | None, read_only: bool = False, nothing: str = "") -> Store | None:
    """The progress store, or (read-only) None after saying there is no progress yet
    (`nothing`, or the store's own words)."""
    import shlex

    from quizgen.progress.store import NoProgress, ProgressError, Store

    try:
        store = Store(progress_dir, read_only=read_only)
    except NoProgress as none_yet:
        click.echo(nothing or str(none_yet))
        return None
    except ProgressError as err:
        raise click.ClickException(str(err)) from None
    if store.moved_aside is not None:
        aside, path = shlex.quote(str(store.moved_aside)), shlex.quote(str(store.path))
        click.echo(
            f"Your progress database could not be read; it was moved to {store.moved_aside} "
            "and a new one started. To go back to the old one (after repairing it, say with "
            f"sqlite3's .recover), quit quizgen and move it back: mv {aside} {path}",
            err=True,
        )
    return store


def _report_missing(store: Store, items: list[Item], all_ids: set[str]) -> None:
    gone = sorted(set(store.cards()) - all_ids)
    if gone:
        click.echo(
            f"{len(gone)} item(s) in your progress are no longer in the question bank "
            "(the data changed); their history is kept.",
            err=True,
        )


def _all(options: list[Callable[..., Any]]) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """One decorator for several click options, in the order given."""

    def decorate(command: Callable[..., None]) -> Callable[..., None]:
        for option in reversed(options):
            command = option(command)
        return command

    return decorate


@main.command()
@DATA_OPTION
@_all(PROGRESS_DIR_OPTIONS)
@_all(FILTERS)
@click.option(
    "--new",
    "new_per_day",
    type=click.IntRange(0),
    default=20,
    show_default=True,
    help="New items per day.",
)
@click.option("--limit", type=click.IntRange(1), help="At most this many answers this session.")
@OPTIONS
@NO_COLOR
def drill(
    data_dir: Path | None,
    progress_dir: Path | None,
    types: tuple[str, ...],
    comparisons: tuple[str, ...],
    categories: tuple[str, ...],
    areas: tuple[str, ...],
    new_per_day: int,
    limit: int | None,
    options: int,
    no_color: bool,
) -> None:
    """Drill with spaced repetition: due items first, then new ones; feedback after each.

    One card per screen. Answer with one key: a-d (or 1-4). Press s (sure) or u (unsure)
    first if you like; the schedule uses it: wrong = Again, right but unsure = Hard,
    right = Good. The feedback stays until Enter or Space. q or Ctrl-C quits; every answer
    is saved as you go. Without a terminal, answers are read one per line ("s b").

    \b
    Examples:
        quizgen drill
        quizgen drill --category payment --new 10 --limit 30
    """
    from datetime import UTC, datetime

    from quizgen.progress.schedule import Schedule
    from quizgen.progress.store import ProgressError
    from quizgen.study import drill as drilling
    from quizgen.study.terminal import console, speak_any_encoding, study, use_color

    catalog = _catalog(data_dir)
    wanted = _filters(catalog, (types, comparisons, categories, areas))
    items = [i for i in catalog.bank.usable(options) if wanted.accepts(i)]
    store = _store(progress_dir)
    try:
        _report_missing(store, items, {i.id for i in catalog.bank.items})
        schedule = Schedule(store)
        speak_any_encoding(sys.stdout, sys.stderr)
        color = use_color(no_color, sys.stdout)
        out = console(sys.stdout, color)
        queue = drilling.plan(items, schedule, datetime.now(UTC), new_per_day, limit)
        summary = drilling.Summary()
        if not queue:
            out.print(
                "Nothing is due, and you asked for no new items (--new 0)."
                if new_per_day == 0
                else "Nothing is due and no new items are left for today."
            )
        else:
            try:
                summary = study(
                    lambda face: drilling.run(queue, schedule, face, options=options, limit=limit),
                    color,
                    out,
                )
            except ProgressError as err:
                raise click.ClickException(str(err)) from None
        drilling.show_summary(summary, schedule, dict(catalog.categories), out)
    finally:
        store.close()


@main.command()
@DATA_OPTION
@_all(PROGRESS_DIR_OPTIONS)
@click.option(
    "--count",
    "-n",
    type=click.IntRange(1),
    help="Items in the exam  [default: 100, or as many as the bank holds without repeats]",
)
@click.option(
    "--minutes",
    type=click.FloatRange(min=0, min_open=True),
    help="Time allowed  [default: 110 for 100 items, in proportion for fewer]",
)
@click.option(
    "--pass-mark",
    type=click.FloatRange(0, 100),
    default=70.0,
    show_default=True,
    help="Percent right needed to pass.",
)
@click.option("--seed", type=int, help="Same seed, same exam (default: a new exam each time).")
@NO_COLOR
def exam(
    data_dir: Path | None,
    progress_dir: Path | None,
    count: int | None,
    minutes: float | None,
    pass_mark: float,
    seed: int | None,
    no_color: bool,
) -> None:
    """A timed mock MBLEx: forward only, no feedback until the end.

    Items are spread over the MBLEx content areas by weight; the clock runs at the top.
    Unanswered items count as wrong when time runs out. q asks before it ends the exam;
    Ctrl-C ends it at once, keeping the result so far. The result (pass/fail, a diagnostic
    per area and category, the missed items with rationales) is saved: see `quizgen history`.

    \b
    Examples:
        quizgen exam
        quizgen exam --count 50 --minutes 55 --pass-mark 75
    """
    import random
    from datetime import UTC, datetime

    from quizgen.progress.store import ProgressError
    from quizgen.quiz import EXAM_ITEMS, EXAM_MINUTES, QuizError, assemble, largest
    from quizgen.study import exam as exams
    from quizgen.study.terminal import console, speak_any_encoding, study, use_color

    catalog = _catalog(data_dir)
    seed = seed if seed is not None else random.SystemRandom().randrange(2**32)
    why_fewer = ""
    if count is None:
        count = min(EXAM_ITEMS, largest(catalog, seed=seed))
        if count < EXAM_ITEMS:
            why_fewer = (
                f"The bank holds {count} items that repeat no fact, stem or option, so this "
                f"exam has {count} items, not {EXAM_ITEMS}."
            )
            click.echo(why_fewer, err=True)
    if minutes is None:
        minutes = EXAM_MINUTES * count / EXAM_ITEMS
    try:
        quiz = assemble(catalog, count=count, blueprint="mblex", seed=seed)
    except QuizError as err:
        raise click.BadParameter(str(err), param_hint="'--count'") from None
    store = _store(progress_dir)
    try:
        speak_any_encoding(sys.stdout, sys.stderr)
        color = use_color(no_color, sys.stdout)
        out = console(sys.stdout, color)
        questions = quiz.variants[0].questions
        try:
            result = study(
                lambda face: exams.run(questions, minutes, pass_mark, store, face, why_fewer),
                color,
                out,
            )
            if result is None:
                out.print("The exam was not started.")
                return
            if not result.answered:
                out.print("Nothing was answered, so the exam is not kept.")
                return
            number = store.record_exam(datetime.now(UTC), result.as_dict())
        except ProgressError as err:
            raise click.ClickException(str(err)) from None
        exams.show(result, dict(quiz.area_names), dict(quiz.category_labels), out)
        out.print(f"This is exam {number}: `quizgen history --exam {number}` shows it again.")
    finally:
        store.close()


@main.command()
@DATA_OPTION
@_all(PROGRESS_DIR_OPTIONS)
@click.option(
    "--optimize",
    is_flag=True,
    help="Fit the scheduler to your own reviews (needs 400 or more) and keep the fit if it "
    "predicts them better than the defaults.",
)
def stats(data_dir: Path | None, progress_dir: Path | None, optimize: bool) -> None:
    """Your progress on one screen: due items, retention, streak, the last 30 days, weak
    areas and categories, and the questions you missed while sure.

    \b
    Examples:
        quizgen stats
        quizgen stats --optimize
    """
    from datetime import UTC, datetime

    from quizgen.progress.schedule import PERSONAL, Schedule, personal_parameters
    from quizgen.study import stats as statistics

    catalog = _catalog(data_dir)
    out = _report_console()
    store = _store(progress_dir, read_only=not optimize)
    if store is None:
        return
    try:
        if optimize:
            _optimize(store, out)
            return
        for line in statistics.lines(
            Schedule(store),
            datetime.now(UTC),
            areas={a.id: a.name for a in catalog.areas},
            categories=dict(catalog.categories),
            questions={i.id: (i.stem, i.key) for i in catalog.bank.items},
            width=out.width,
            # Less the line the schedule takes below.
            rows=out.height - 1 if out.is_terminal else 24,
        ):
            out.print(line, no_wrap=True, overflow="ellipsis")
        fitted = store.setting(PERSONAL)
        if personal_parameters(store) and isinstance(fitted, dict):
            schedule = f"fitted to your {fitted['reviews']} reviews on {fitted['fitted_on']}"
        else:
            schedule = "standard; --optimize fits it to you (400+ reviews)"
        out.print(f"Schedule: {schedule}", no_wrap=True, overflow="ellipsis")
    finally:
        store.close()


def _optimize(store: Store, out: Console) -> None:
    from datetime import date

    from quizgen.progress.optimize import TooFewReviews, fit
    from quizgen.progress.schedule import PERSONAL
    from quizgen.progress.store import ProgressError

    try:
        result = fit(list(store.reviews("drill")))
    except TooFewReviews as why:
        out.print(str(why))
        return
    out.print(
        f"Fitted on {result.reviews} reviews ({result.examples} spaced a day or more apart). "
        f"Log loss on your history: {result.log_loss_before:.4f} with the defaults, "
        f"{result.log_loss_after:.4f} fitted (lower predicts your memory better)."
    )
    if result.log_loss_after >= result.log_loss_before:
        out.print("The fit predicts no better, so the current parameters stay.")
        return
    try:
        store.set_setting(
            PERSONAL,
            {
                "parameters": list(result.parameters),
                "fitted_on": date.today().isoformat(),
                "reviews": result.reviews,
                "log_loss_before": result.log_loss_before,
                "log_loss_after": result.log_loss_after,
            },
        )
    except ProgressError as err:
        raise click.ClickException(str(err)) from None
    out.print("Saved: the drill now schedules with your own parameters.")


@main.command()
@DATA_OPTION
@_all(PROGRESS_DIR_OPTIONS)
@click.option(
    "--exam", "number", type=click.IntRange(1), help="Show this exam again, with what you missed."
)
def history(data_dir: Path | None, progress_dir: Path | None, number: int | None) -> None:
    """Your mock exams: date, pass or fail, score, and each MBLEx area's score over the last
    five exams with its trend.

    \b
    Examples:
        quizgen history
        quizgen history --exam 3
    """
    from rich.padding import Padding

    from quizgen.study import history as exam_history

    catalog = _catalog(data_dir)
    out = _report_console()
    store = _store(progress_dir, read_only=True, nothing="No exams yet: `quizgen exam` takes one.")
    if store is None:
        return
    try:
        exams, areas = store.exams(), {a.id: a.name for a in catalog.areas}
        answers = list(store.reviews("exam"))
    finally:
        store.close()
    if number is not None:
        if number > len(exams):
            raise click.BadParameter(
                f"your history has {len(exams)} exam{'' if len(exams) == 1 else 's'}",
                param_hint="'--exam'",
            )
        taken, result = exams[number - 1]
        # The exam's answers are those given after the exam before it was kept.
        since = exams[number - 2][0] if number > 1 else None
        chosen = {
            r.item_id: r.chosen or ""
            for r in answers
            if r.reviewed_at <= taken and (since is None or r.reviewed_at > since)
        }
        items = {i.id: i for i in catalog.bank.items}
        for line in exam_history.exam_lines(number, taken, result, areas, items, chosen):
            hanging = len(line) - len(line.lstrip())
            out.print(Padding(line.lstrip(), (0, 0, 0, hanging)) if hanging else line)
        return
    for line in exam_history.lines(exams, areas):
        table_row = line.startswith("  ")
        out.print(line, no_wrap=table_row, overflow="ellipsis" if table_row else "fold")


def _report_console() -> Console:
    from quizgen.study.terminal import console, speak_any_encoding, use_color

    speak_any_encoding(sys.stdout, sys.stderr)
    return console(sys.stdout, use_color(False, sys.stdout))
