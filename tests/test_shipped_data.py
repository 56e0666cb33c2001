"""The shipped data: complete, evidenced, consistent, and loaded into one immutable model."""

from __future__ import annotations

import re
from pathlib import Path

import pydantic
import pytest
from click.testing import CliRunner

from quizgen import load_data
from quizgen.cli import main
from quizgen.data.files import data_files
from quizgen.data.model import Dataset, ListCell, MissingCell, TextCell
from quizgen.data.schema import schema_json

from .conftest import DATA_DIR


@pytest.fixture(scope="module")
def data() -> Dataset:
    return load_data(DATA_DIR)


def cell_text(data: Dataset, comparison: str, dimension: str, type_id: str) -> str:
    row = data.comparison(comparison).row(dimension)
    assert row is not None, f"{comparison} has no {dimension} row"
    cell = row.cells[type_id]
    if isinstance(cell, TextCell):
        return cell.value
    if isinstance(cell, ListCell):
        return " | ".join(item.value for item in cell.items)
    return ""


def test_every_quote_occurs_in_its_source_text(sources_dir: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["validate", str(DATA_DIR), "--sources", str(sources_dir)])
    assert result.exit_code == 0, result.output
    assert "quotes checked against sources" in result.output


def test_validate_prints_one_line_summary_with_counts(data: Dataset) -> None:
    result = CliRunner().invoke(main, ["validate", str(DATA_DIR)])
    assert result.exit_code == 0, result.output
    counts = data.counts()
    assert result.output.count("\n") == 1
    assert f"{counts['comparisons']} comparisons ({counts['rows']} rows)" in result.output
    assert f"{counts['glossary']} glossary terms" in result.output


def test_the_five_sources_each_back_a_comparison(data: Dataset) -> None:
    assert len(data.sources) == 5
    assert {c.source for c in data.comparisons} == {s.id for s in data.sources}


def test_every_comparison_of_the_sources_is_present(data: Dataset) -> None:
    assert {c.id for c in data.comparisons} >= {
        "medical-vs-relaxation",
        "medical-vs-wellness",
        "clinical-vs-relaxation-intention",
        "medical-massage-qa",
        "medical-vs-therapeutic",
        "rehabilitative-vs-recreational",
        "medical-massage-essentials",
    }


MEDICAL_VS_RELAXATION_ROWS = [
    "commercial-context",
    "customer-relationship",
    "reason-for-treatment",
    "treatment-goal",
    "termination-of-care",
    "primary-techniques",
    "rates",
    "billing",
    "payment-timing",
    "accountable-to",
    "documentation-time",
    "basic-training",
    "experience",
    "receiver-state",
    "physical-demands",
    "emotional-demands",
    "client-education",
    "marketing-model",
]


def test_medical_vs_relaxation_has_every_row_in_table_order(data: Dataset) -> None:
    rows = [r.dimension for r in data.comparison("medical-vs-relaxation").rows]
    table_rows = [d for d in rows if d in MEDICAL_VS_RELAXATION_ROWS]
    assert table_rows == MEDICAL_VS_RELAXATION_ROWS


@pytest.mark.parametrize("comparison", ["medical-vs-relaxation", "medical-vs-wellness"])
@pytest.mark.parametrize(
    "dimension", ["treatment-goal", "rates", "payment-timing", "basic-training", "experience"]
)
def test_rows_whose_label_was_lost_are_marked_inferred(
    data: Dataset, comparison: str, dimension: str
) -> None:
    row = data.comparison(comparison).row(dimension)
    assert row is not None
    assert row.inferred and "no label for this row" in row.inferred


def test_labelled_rows_are_not_marked_inferred(data: Dataset) -> None:
    row = data.comparison("medical-vs-relaxation").row("commercial-context")
    assert row is not None and row.inferred is None


def test_medical_vs_wellness_keeps_its_own_rows_and_figures(data: Dataset) -> None:
    assert "Scientific" in cell_text(data, "medical-vs-wellness", "dominant-paradigm", "medical")
    assert "ntuitive" in cell_text(data, "medical-vs-wellness", "dominant-paradigm", "wellness")
    assert "5-20" in cell_text(data, "medical-vs-wellness", "documentation-time", "medical")
    assert "15-30" in cell_text(data, "medical-vs-relaxation", "documentation-time", "medical")
    wellness = cell_text(data, "medical-vs-wellness", "accountable-to", "wellness")
    relaxation = cell_text(data, "medical-vs-relaxation", "accountable-to", "relaxation")
    assert "IRS" in wellness and "IRS" not in relaxation


def test_payment_facts(data: Dataset) -> None:
    assert "UCR" in cell_text(data, "medical-vs-relaxation", "rates", "medical")
    assert "marketplace" in cell_text(data, "medical-vs-relaxation", "rates", "relaxation")
    assert "30-90" in cell_text(data, "medical-vs-relaxation", "payment-timing", "medical")
    basis = cell_text(data, "medical-massage-qa", "rate-basis", "medical")
    assert "National Fee Analyzer" in basis and "RVU" in basis


def test_discrepancy_between_the_two_tables_of_the_same_author(data: Dataset) -> None:
    found = [d for d in data.discrepancies if d.dimension == "documentation-time"]
    assert len(found) == 1
    says = {c.source: c.says for c in found[0].claims}
    assert "15-30" in says["med-vs-relax"] and "5-20" in says["med-vs-wellness"]


def test_terminology_conflicts_are_recorded(data: Dataset) -> None:
    about = {t for d in data.discrepancies for t in d.types}
    assert {"therapeutic", "clinical"} <= about
    therapeutic = [d for d in data.discrepancies if "therapeutic" in d.types]
    sources = {c.source for d in therapeutic for c in d.claims}
    assert {"rehab-vs-rec", "mm-essentials"} <= sources


def test_the_massage_types_with_each_sources_definitions(data: Dataset) -> None:
    named = {
        "medical",
        "relaxation",
        "wellness",
        "therapeutic",
        "clinical",
        "remedial",
        "rehabilitative",
        "recreational",
    }
    assert named <= {t.id for t in data.types}
    for type_id in named:
        assert data.type(type_id).definitions, f"{type_id} has no definition"
    rehab = data.type("rehabilitative")
    equated = {t for s in rehab.synonyms if s.source == "rehab-vs-rec" for t in s.terms}
    assert {"medical", "clinical", "therapeutic"} <= equated
    remedial = data.type("remedial")
    assert any("clinical" in s.terms for s in remedial.synonyms if s.source == "mm-essentials")


def test_glossary_has_the_terms_students_meet(data: Dataset) -> None:
    assert len(data.glossary) >= 20
    terms = {t.term.casefold() for t in data.glossary} | {
        a.casefold() for t in data.glossary for a in t.aka
    }
    for needed in ["ucr", "rvu", "mmi", "hcp", "mblex", "amma", "cmmp", "fascia", "trigger point"]:
        assert any(needed in term for term in terms), needed


def test_required_categories_exist_and_group_rows(data: Dataset) -> None:
    used = {data.dimension(r.dimension).category for c in data.comparisons for r in c.rows}
    assert {"context", "payment", "accountability", "training", "techniques"} <= used


def test_every_dimension_is_used_by_some_comparison(data: Dataset) -> None:
    used = {r.dimension for c in data.comparisons for r in c.rows}
    assert [d.id for d in data.dimensions if d.id not in used] == []


def test_training_and_certification_facts_of_the_prep_article(data: Dataset) -> None:
    hours = cell_text(data, "medical-massage-essentials", "program-hours", "medical")
    assert "40" in hours and "400" in hours
    cost = cell_text(data, "medical-massage-essentials", "program-cost", "medical")
    assert "1,500" in cost and "5,000" in cost
    certification = cell_text(data, "medical-massage-essentials", "certification", "medical")
    assert "AMMA" in certification or "CMMP" in certification
    assert "insurance" in cell_text(data, "medical-massage-essentials", "prescription", "medical")


def test_rehabilitative_vs_recreational_facts(data: Dataset) -> None:
    settings = cell_text(data, "rehabilitative-vs-recreational", "settings", "recreational")
    assert "ruise" in settings
    records = cell_text(data, "rehabilitative-vs-recreational", "record-keeping", "recreational")
    assert "time" in records.lower()


def test_missing_cells_give_a_reason(data: Dataset) -> None:
    for comparison in data.comparisons:
        for row in comparison.rows:
            for cell in row.cells.values():
                if isinstance(cell, MissingCell):
                    assert len(cell.missing.split()) >= 3


def test_values_read_as_options(data: Dataset) -> None:
    """Cell values become quiz options: no trailing full stop, a capital first letter."""
    for comparison in data.comparisons:
        for row in comparison.rows:
            for cell in row.cells.values():
                values = (
                    [cell.value]
                    if isinstance(cell, TextCell)
                    else [i.value for i in cell.items]
                    if isinstance(cell, ListCell)
                    else []
                )
                for value in values:
                    assert not value.endswith("."), (comparison.id, row.dimension, value)
                    assert not re.match(r"[a-z]", value), (comparison.id, row.dimension, value)


def test_model_is_immutable(data: Dataset) -> None:
    medical = data.type("medical")
    with pytest.raises(pydantic.ValidationError):
        medical.name = "Something else"  # type: ignore[misc]
    row = data.comparison("medical-vs-relaxation").rows[0]
    with pytest.raises(TypeError):
        row.cells["medical"] = row.cells["relaxation"]
    with pytest.raises(AttributeError):
        data.types = ()  # type: ignore[misc]


def test_schema_file_matches_the_model() -> None:
    assert (DATA_DIR / "schema.json").read_text(encoding="utf-8") == schema_json()


def test_schema_command_prints_the_schema() -> None:
    result = CliRunner().invoke(main, ["schema"])
    assert result.exit_code == 0
    assert result.output == schema_json()


def test_every_data_file_points_editors_at_the_schema() -> None:
    for path in data_files(DATA_DIR):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        target = (path.parent / first.split("=", 1)[1]).resolve()
        assert target == (DATA_DIR / "schema.json").resolve(), path
