"""`quizgen validate` on broken data: every problem, with file:line:column, exit 2, no traceback."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from quizgen.cli import main
from quizgen.data.yaml_reader import MAX_FILE_BYTES

from .conftest import BASE

Dataset = Callable[..., Path]


def run_validate(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["validate", *args])
    # A traceback would surface as an exception other than SystemExit.
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.output


def edit(file: str, old: str, new: str) -> dict[str, str]:
    assert old in BASE[file], f"test is stale: {old!r} not in {file}"
    return {file.replace(".", "__"): BASE[file].replace(old, new, 1)}


# (case id, files to replace, expected "file:line:column: message" fragment)
CASES = [
    (
        "yaml-syntax-error",
        edit("comparison.yml", "types: [medical, relaxation]", "types: [medical, relaxation"),
        "comparison.yml:6:9: YAML syntax error",
    ),
    (
        "tab-indentation",
        edit("comparison.yml", "    source: src", "\tsource: src"),
        "comparison.yml:4:1: tab character in indentation",
    ),
    (
        "control-character-by-escape",
        edit("comparison.yml", "value: Set by the market", 'value: "Set by the\\vmarket"'),
        "comparison.yml:10:31: text holds the control character U+000B",
    ),
    (
        "wrong-type-number",
        edit("base.yml", "weight: 40", "weight: forty"),
        "base.yml:12:59: weight: must be a whole number, not text",
    ),
    (
        "wrong-type-list",
        edit("comparison.yml", "types: [medical, relaxation]", "types: medical"),
        "comparison.yml:5:12: types: must be a list, not text",
    ),
    (
        "yaml-boolean-for-text",
        edit("comparison.yml", "value: Set by the market", "value: yes"),
        "comparison.yml:10:31: value: must be text, not true/false",
    ),
    (
        "missing-required-key",
        edit("comparison.yml", "{value: Patients, quote: patients}", "{value: Patients}"),
        "comparison.yml:15:17: missing required key 'quote'",
    ),
    (
        "unknown-key-typo",
        edit("comparison.yml", "quote: patients", "qoute: patients"),
        "comparison.yml:15:35: unknown key 'qoute'; did you mean 'quote'?",
    ),
    (
        "unknown-source-id",
        edit("comparison.yml", "source: src", "source: scr"),
        "comparison.yml:4:13: unknown source id 'scr'; did you mean 'src'?",
    ),
    (
        "unknown-type-id",
        edit("comparison.yml", "types: [medical, relaxation]", "types: [medical, relax]"),
        "comparison.yml:5:22: unknown type id 'relax'; did you mean 'relaxation'?",
    ),
    (
        "unknown-dimension-id",
        edit("comparison.yml", "dimension: rates", "dimension: rate"),
        "comparison.yml:7:20: unknown dimension id 'rate'; did you mean 'rates'?",
    ),
    (
        "duplicate-id",
        edit("types.yml", "id: relaxation", "id: medical"),
        "types.yml:6:9: duplicate type id 'medical' (first defined at",
    ),
    (
        "comparison-missing-a-cell",
        edit(
            "comparison.yml",
            "          relaxation: {value: Set by the market, quote: rates set by the consumer marketplace}\n",
            "",
        ),
        "comparison.yml:8:9: no cell for type 'relaxation' in the 'rates' row",
    ),
    (
        "empty-quote",
        edit("comparison.yml", "quote: clients", "quote: ''"),
        "comparison.yml:18:41: quote: must not be empty",
    ),
    (
        "over-long-quote",
        edit("comparison.yml", "quote: clients", "quote: " + " ".join(["word"] * 40)),
        "comparison.yml:18:41: quote: has 40 words; keep a quote to at most 35",
    ),
    (
        "empty-file",
        {"types__yml": "# nothing here yet\n"},
        "types.yml:1:1: file is empty",
    ),
    (
        "duplicate-key",
        edit(
            "types.yml",
            "    name: Relaxation massage",
            "    name: Relaxation massage\n    name: Relax",
        ),
        "types.yml:8:5: duplicate key 'name' (first given at line 7)",
    ),
    (
        "invalid-id",
        edit("types.yml", "id: relaxation", "id: Relaxation Massage"),
        "types.yml:6:9: id: 'Relaxation Massage' is not a valid id",
    ),
    (
        "cell-for-a-type-not-compared",
        edit(
            "comparison.yml",
            "          relaxation: {value: Set by",
            "          wellness: {value: Set by",
        ),
        "comparison.yml:10:11: cell for 'wellness', which is not one of this comparison's types",
    ),
    (
        "text-cell-on-list-dimension",
        edit(
            "comparison.yml",
            "          relaxation:\n            items:\n              - {value: Clients, quote: clients}",
            "          relaxation: {value: Clients, quote: clients}",
        ),
        "comparison.yml:16:23: 'accountable-to' is a list dimension: give `items`",
    ),
    (
        "list-with-duplicate-items",
        edit(
            "comparison.yml",
            "              - {value: Clients, quote: clients}",
            "              - {value: Clients, quote: clients}\n              - {value: clients, quote: clients}",
        ),
        "comparison.yml:19:25: 'clients' is already item 1 of this list",
    ),
    (
        "empty-list-without-evidence",
        edit(
            "comparison.yml",
            "            items:\n              - {value: Clients, quote: clients}",
            "            items: []",
        ),
        "comparison.yml:17:20: an empty list means 'none' and needs a `quote`",
    ),
    (
        "weights-not-100",
        edit("base.yml", "weight: 40", "weight: 30"),
        "base.yml:11:5: area weights add up to 90, not 100",
    ),
    (
        "question-without-type-slot",
        edit("base.yml", '"In {type}, how are rates set?"', '"How are rates set?"'),
        "base.yml:23:15: question: must contain {type}",
    ),
    (
        "top-level-not-a-mapping",
        {"types__yml": "- id: medical\n  name: Medical massage\n"},
        "types.yml:1:1: the file must be a mapping of sections",
    ),
    (
        "second-exam-section",
        {"extra__yml": "exam:\n" + BASE["base.yml"].split("exam:\n")[1].split("sources:")[0]},
        "extra.yml:1:1: second `exam:` section",
    ),
    (
        "unknown-category",
        edit(
            "base.yml",
            "category: payment\n    area: professional",
            "category: money\n    area: professional",
        ),
        "base.yml:20:15: unknown category id 'money'",
    ),
    (
        "type-its-own-synonym",
        edit(
            "types.yml",
            "    name: Relaxation massage\n",
            "    name: Relaxation massage\n    synonyms:\n"
            "      - {source: src, terms: [relaxation], quote: clients}\n",
        ),
        "types.yml:9:31: type 'relaxation' cannot be its own synonym",
    ),
    (
        "dimension-twice-in-a-comparison",
        edit("comparison.yml", "dimension: accountable-to", "dimension: rates"),
        "comparison.yml:11:20: dimension 'rates' already has a row in this comparison",
    ),
    (
        "unknown-literal",
        edit("base.yml", "kind: list", "kind: table"),
        "base.yml:28:11: kind: Input should be 'text' or 'list'",
    ),
    (
        "several-documents",
        {"types__yml": BASE["types.yml"] + "---\ntypes: []\n"},
        "types.yml:8:1: YAML syntax error: expected a single document",
    ),
    (
        "unknown-section",
        {"extra__yml": "glosary:\n  - {id: ucr}\n"},
        "extra.yml:1:1: unknown key 'glosary'; did you mean 'glossary'?",
    ),
    (
        "deep-nesting",
        {"extra__yml": "glossary: " + "[" * 200 + "]" * 200 + "\n"},
        "extra.yml:1:",
    ),
]


@pytest.mark.parametrize(("files", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_validate_names_location_and_problem(
    dataset: Dataset, files: dict[str, str], expected: str
) -> None:
    folder = dataset(**files)
    code, output = run_validate(str(folder))
    assert code == 2
    assert f"{folder}/{expected}" in output


def test_base_dataset_is_valid(dataset: Dataset) -> None:
    code, output = run_validate(str(dataset()))
    assert code == 0, output
    assert output.startswith("ok: 1 sources, 2 types, 2 dimensions, 1 comparisons (2 rows)")


def test_every_problem_is_reported_not_just_the_first(dataset: Dataset) -> None:
    broken = (
        BASE["comparison.yml"]
        .replace("source: src", "source: nowhere")
        .replace("dimension: rates", "dimension: prices")
        .replace("quote: clients", "quote: ''")
    )
    folder = dataset(comparison__yml=broken)
    code, output = run_validate(str(folder))
    assert code == 2
    # Per-file checks run before cross-references; the empty quote is found first.
    assert output.count(f"{folder}/comparison.yml:") == 1
    fixed_quote = broken.replace("quote: ''", "quote: clients")
    folder = dataset(comparison__yml=fixed_quote)
    code, output = run_validate(str(folder))
    lines = [line for line in output.splitlines() if line.startswith(str(folder))]
    assert [line.split(": ", 1)[1] for line in lines] == [
        "unknown source id 'nowhere'",
        "unknown dimension id 'prices'",
    ]
    assert output.rstrip().endswith("2 problems found")


def test_several_broken_files_are_all_reported(dataset: Dataset) -> None:
    folder = dataset(
        types__yml="types:\n  - id: medical\n",
        comparison__yml="comparisons: [\n",
    )
    code, output = run_validate(str(folder))
    assert code == 2
    assert f"{folder}/comparison.yml:" in output
    assert f"{folder}/types.yml:2:5: missing required key 'name'" in output


def test_non_utf8_bytes_are_located(dataset: Dataset) -> None:
    text = BASE["types.yml"].encode().replace(b"Medical care", b"Medical \xff care")
    folder = dataset(types__yml=text)
    code, output = run_validate(str(folder))
    assert code == 2
    assert f"{folder}/types.yml:5:37: not valid UTF-8 (byte 0xff)" in output


def test_very_large_file_is_refused_without_parsing(dataset: Dataset) -> None:
    big = "glossary:\n" + "# padding\n" * (MAX_FILE_BYTES // 10 + 1)
    folder = dataset(extra__yml=big)
    code, output = run_validate(str(folder))
    assert code == 2
    assert f"{folder}/extra.yml:1:1: file is {len(big):,} bytes; data files are limited" in output


BOMB = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 10)}]\n" for i in range(9)
)


def test_alias_bomb_fails_fast_in_bounded_memory(tmp_path: Path, dataset: Dataset) -> None:
    """Expanding this would take 10**10 list entries; it must be refused, not expanded."""
    folder = dataset(bomb__yml=BOMB)
    limit = 512 * 1024 * 1024
    script = (
        "import resource, sys;"
        f"resource.setrlimit(resource.RLIMIT_AS, ({limit}, {limit}));"
        "from quizgen.cli import main; sys.argv = ['quizgen', 'validate', sys.argv[1]]; main()"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script, str(folder)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 2, proc.stderr
    assert (
        f"{folder}/bomb.yml:2:8: YAML syntax error: aliases (*name) are not allowed" in proc.stderr
    )
    assert "Traceback" not in proc.stderr


def test_missing_data_directory(tmp_path: Path) -> None:
    # click checks the argument; either way the user sees the path and exit 2.
    code, output = run_validate(str(tmp_path / "nowhere"))
    assert code == 2
    assert "nowhere" in output


def test_quote_not_in_source_is_reported(dataset: Dataset, source_texts: Path) -> None:
    folder = dataset(**edit("comparison.yml", "quote: patients", "quote: patience"))
    code, output = run_validate(str(folder), "--sources", str(source_texts))
    assert code == 2
    assert f"{folder}/comparison.yml:15:42: quote not found in source 'src': 'patience'" in output


def test_missing_source_text_is_reported(dataset: Dataset, source_texts: Path) -> None:
    (source_texts / "src.txt").unlink()
    code, output = run_validate(str(dataset()), "--sources", str(source_texts))
    assert code == 2
    assert "base.yml:14:" in output and "cannot read source text" in output


def test_quotes_match_despite_bullets_and_typographic_quotes(
    dataset: Dataset, source_texts: Path
) -> None:
    (source_texts / "src.txt").write_text(
        "Medical massage is medical care delivered to a patient.\n"
        "rates set by UCR and RVU\nrates set by the consumer\n   marketplace\n"
        "• patients • “clients”\n",
        encoding="utf-8",
    )
    folder = dataset(**edit("comparison.yml", "quote: clients", "quote: 'patients \"clients\"'"))
    code, output = run_validate(str(folder), "--sources", str(source_texts))
    assert code == 0, output


def test_real_process_prints_no_traceback(dataset: Dataset) -> None:
    folder = dataset(comparison__yml="comparisons:\n  - id: [\n")
    proc = subprocess.run(
        [sys.executable, "-m", "quizgen", "validate", str(folder)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert f"{folder}/comparison.yml:3:1: YAML syntax error" in proc.stderr


def test_a_glossary_name_belongs_to_one_term(dataset: Dataset) -> None:
    glossary = (
        "glossary:\n"
        "  - {id: ucr, term: UCR, definition: Rates., source: src, quote: rates set by UCR and RVU}\n"
        "  - {id: rvu, term: RVU, aka: [ucr], definition: Units., source: src, quote: UCR and RVU}\n"
    )
    code, output = run_validate(str(dataset(glossary__yml=glossary)))
    assert code == 2
    assert "glossary.yml:3:32: 'ucr' already names the glossary term at" in output


@pytest.mark.parametrize(
    "command",
    [
        ["validate"],
        ["list", "types", "--data"],
        ["generate", "--count", "3", "--data"],
        ["bank", "--data"],
        ["audit", "--data"],
    ],
)
def test_bad_data_exits_2_from_every_command(dataset: Dataset, command: list[str]) -> None:
    folder = dataset(comparison__yml="comparisons: [")
    result = CliRunner().invoke(main, [*command, str(folder)])
    assert result.exit_code == 2, result.output
    assert "comparison.yml:1" in result.output and "Traceback" not in result.output


def _comparison_elsewhere(tmp_path: Path, folder: Path) -> None:
    """The test comparison moved to a folder outside the data, linked back in."""
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (folder / "comparison.yml").rename(outside / "comparison.yml")
    (folder / "linked").symlink_to(outside, target_is_directory=True)


def test_a_linked_folder_is_part_of_the_data(dataset: Dataset, tmp_path: Path) -> None:
    folder = dataset()
    before = run_validate(str(folder))
    _comparison_elsewhere(tmp_path, folder)
    code, output = run_validate(str(folder))
    assert code == 0 and output == before[1]  # the same counts: the table is still there


def test_a_loop_of_links_is_refused_by_name(dataset: Dataset) -> None:
    folder = dataset()
    (folder / "again").symlink_to(folder, target_is_directory=True)
    code, output = run_validate(str(folder))
    assert code == 2
    assert f"{folder / 'again'}:1:1: this link leads back to a folder that holds it" in output


def test_a_link_to_nothing_is_refused_by_name(dataset: Dataset, tmp_path: Path) -> None:
    folder = dataset()
    (folder / "gone.yml").symlink_to(tmp_path / "deleted.yml")
    code, output = run_validate(str(folder))
    assert code == 2
    assert (
        f"{folder / 'gone.yml'}:1:1: a link to {tmp_path / 'deleted.yml'}, which does not" in output
    )
