"""The `quizgen` command: a thin layer over the library. Library errors become messages here."""

from __future__ import annotations

import sys
from pathlib import Path

import click

DATA_DIR = click.argument(
    "data_dir",
    required=False,
    type=click.Path(file_okay=False, path_type=Path),
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="quizgen")
def main() -> None:
    """Study how the kinds of massage differ, and make MBLEx-style quizzes from the tables.

    \b
    Example:
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
    from quizgen.loader import load_data
    from quizgen.problems import DataError

    try:
        data = load_data(data_dir, sources_dir=sources_dir)
    except DataError as err:
        for problem in err.problems:
            click.echo(str(problem), err=True)
        count = len(err.problems)
        click.echo(f"{count} problem{'s' if count != 1 else ''} found", err=True)
        sys.exit(2)
    counts = data.counts()
    checked = ", quotes checked against sources" if sources_dir else ""
    click.echo(
        f"ok: {counts['sources']} sources, {counts['types']} types, "
        f"{counts['dimensions']} dimensions, {counts['comparisons']} comparisons "
        f"({counts['rows']} rows), {counts['discrepancies']} discrepancies, "
        f"{counts['glossary']} glossary terms, {counts['resources']} resources{checked}"
    )


@main.command()
def schema() -> None:
    """Print the JSON Schema of a data file.

    \b
    Example:
        quizgen schema > data/schema.json
    """
    from quizgen.schema import schema_json

    click.echo(schema_json(), nl=False)
