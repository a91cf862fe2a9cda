"""Tests of gold-set loading and span scoring, with fake detectors returning chosen spans."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qualbridge.tasks.deid.evaluation import (
    CONTEXT_CHARS,
    EvaluationReport,
    GoldEntity,
    GoldFileError,
    GoldRecord,
    compare_by_type,
    evaluate,
    gold_set_for,
    load_gold,
    score_set,
    shipped_sets,
)
from qualbridge.tasks.deid.filters import Detection

TEXT = "I told Big Dave on 07700 900123 about Ward 7."
DAVE = GoldEntity(7, 15, "PERSON", "direct", "Big Dave")
PHONE = GoldEntity(19, 31, "PHONE_NUMBER", "direct", "07700 900123")
WARD = GoldEntity(38, 44, "ORGANIZATION", "quasi", "Ward 7")
RECORD = GoldRecord("r1", TEXT, (DAVE, PHONE, WARD))


def _det(start: int, end: int, entity_type: str = "PERSON", recognizer: str = "Fake") -> Detection:
    return Detection(start, end, entity_type, 0.9, recognizer)


def _score(records: list[GoldRecord], detections: list[list[Detection]]) -> EvaluationReport:
    return evaluate(records, lambda texts: detections)


def _caught(report: EvaluationReport, entity_type: str) -> int:
    return next(r.caught for r in report.recall_by_type if r.group == entity_type)


@pytest.mark.parametrize(
    ("detections", "caught"),
    [
        pytest.param([_det(7, 15)], 1, id="exact-span"),
        pytest.param([_det(5, 20)], 1, id="wider-span"),
        pytest.param([_det(7, 14)], 0, id="last-char-unmasked"),
        pytest.param([_det(8, 15)], 0, id="first-char-unmasked"),
        pytest.param([_det(7, 10), _det(11, 15)], 1, id="space-inside-ignored"),
        pytest.param([_det(7, 11), _det(11, 15)], 1, id="two-adjacent-detections"),
        pytest.param([_det(7, 15, "LOCATION")], 1, id="any-type-counts"),
        pytest.param([], 0, id="nothing-detected"),
    ],
)
def test_an_entity_is_caught_only_when_all_its_characters_are_masked(
    detections: list[Detection], caught: int
) -> None:
    assert _caught(_score([RECORD], [detections]), "PERSON") == caught


def test_one_detection_over_two_gold_entities_catches_both_and_is_one_true_positive() -> None:
    record = GoldRecord(
        "r2",
        "Kirkgate, Halifax",
        (
            GoldEntity(0, 8, "LOCATION", "quasi", "Kirkgate"),
            GoldEntity(10, 17, "LOCATION", "quasi", "Halifax"),
        ),
    )
    report = _score([record], [[_det(0, 17, "LOCATION")]])
    assert _caught(report, "LOCATION") == 2
    assert (report.precision.n, report.precision.true_positives) == (1, 1)


def test_a_detection_touching_no_gold_entity_is_a_false_positive() -> None:
    report = _score([RECORD], [[_det(7, 15), _det(0, 1, "PERSON", "SpacyRecognizer")]])
    assert (report.precision.n, report.precision.true_positives) == (2, 1)
    assert report.precision.precision == 0.5
    [fp] = report.false_positives
    assert (fp.record_id, fp.value, fp.recognizer, fp.entity_type) == (
        "r1",
        "I",
        "SpacyRecognizer",
        "PERSON",
    )
    assert fp.context.startswith("[I] told Big Dave")


def test_partial_overlap_is_a_true_positive_but_the_entity_is_still_missed() -> None:
    report = _score([RECORD], [[_det(7, 10)]])
    assert report.precision.true_positives == 1
    assert [m.value for m in report.misses] == ["Big Dave", "07700 900123", "Ward 7"]


def test_tables_by_class_and_by_type() -> None:
    negative = GoldRecord("r3", "I hope it gets better.", ())
    report = _score(
        [RECORD, negative],
        [[_det(7, 15), _det(19, 31, "PHONE_NUMBER")], [_det(2, 6, "PERSON")]],
    )
    by_class = {r.group: (r.n, r.caught) for r in report.recall_by_class}
    assert by_class == {"direct": (2, 2), "quasi": (1, 0)}
    by_type = {r.group: (r.entity_class, r.n, r.caught) for r in report.recall_by_type}
    assert by_type == {
        "ORGANIZATION": ("quasi", 1, 0),
        "PERSON": ("direct", 1, 1),
        "PHONE_NUMBER": ("direct", 1, 1),
    }
    precision = {r.group: (r.n, r.true_positives) for r in report.precision_by_type}
    assert precision == {"PERSON": (2, 1), "PHONE_NUMBER": (1, 1)}
    assert report.recall_for("quasi") == 0.0
    [miss] = report.misses
    assert (miss.record_id, miss.entity_type, miss.entity_class) == ("r1", "ORGANIZATION", "quasi")


def test_context_is_limited_each_side() -> None:
    text = "x" * 100 + "Oisín" + "y" * 100
    record = GoldRecord("r4", text, (GoldEntity(100, 105, "PERSON", "direct", "Oisín"),))
    [miss] = _score([record], [[]]).misses
    assert (len(miss.left), len(miss.right)) == (CONTEXT_CHARS, CONTEXT_CHARS)


@pytest.mark.parametrize(
    ("minimums", "unmet"),
    [
        ({}, []),
        ({"min_direct_recall": 1.0}, ["direct recall"]),
        ({"min_direct_recall": 0.5, "min_quasi_recall": 0.0, "min_precision": 0.5}, []),
        ({"min_quasi_recall": 0.1, "min_precision": 1.0}, ["quasi recall", "precision"]),
    ],
)
def test_unmet_minimums(minimums: dict[str, float], unmet: list[str]) -> None:
    # direct recall 0.5, quasi recall 0.0, precision 0.5
    report = _score([RECORD], [[_det(7, 15), _det(0, 1)]])
    problems = report.unmet_minimums(**minimums)
    assert [p.split(" 0.")[0] for p in problems] == unmet


def test_an_empty_detector_has_no_precision_and_fails_no_precision_minimum() -> None:
    report = _score([RECORD], [[]])
    assert report.precision.precision is None
    assert report.unmet_minimums(min_precision=0.9) == []


def test_a_detector_returning_the_wrong_number_of_results_is_refused() -> None:
    with pytest.raises(ValueError, match="2 results for 1 texts"):
        _score([RECORD], [[], []])


def test_the_report_serialises_to_json() -> None:
    data = _score([RECORD], [[_det(7, 15), _det(0, 1)]]).to_dict()
    again = json.loads(json.dumps(data))
    assert again["precision"]["precision"] == 0.5
    assert again["misses"][0]["context"].endswith("about Ward 7.")


GOOD = {
    "id": "g1",
    "text": "My sister Hope lives in Brighouse.",
    "entities": [
        {"start": 10, "end": 14, "entity_type": "PERSON", "class": "direct", "value": "Hope"},
        {"start": 24, "end": 33, "entity_type": "LOCATION", "class": "quasi", "value": "Brighouse"},
    ],
}


def _line(**changes: object) -> str:
    return json.dumps({**GOOD, **changes})


def _entity(**changes: object) -> str:
    return _line(entities=[{**GOOD["entities"][0], **changes}])


def test_load_gold_reads_records_and_skips_blank_lines(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(GOOD) + "\n\n" + _line(id="g2", entities=[]) + "\n")
    records = load_gold(path)
    assert [r.id for r in records] == ["g1", "g2"]
    assert records[0].entities[1] == GoldEntity(24, 33, "LOCATION", "quasi", "Brighouse")


@pytest.mark.parametrize(
    ("bad_line", "message"),
    [
        pytest.param('{"id": "x", "text": ', "not valid JSON", id="bad-json"),
        pytest.param("[1, 2]", "expected a JSON object", id="not-object"),
        pytest.param(_line(id=""), "'id' must be a non-empty string", id="empty-id"),
        pytest.param(_line(text=None), "'text' must be a string", id="no-text"),
        pytest.param(_line(entities={}), "'entities' must be a list", id="entities-not-list"),
        pytest.param(_line(entities=["Hope"]), "each entity must be an object", id="not-object"),
        pytest.param(
            _line(entities=[{"start": 10, "end": 14}]), "lacks class, entity_type, value", id="keys"
        ),
        pytest.param(_entity(start="10"), "offsets must be integers", id="string-offset"),
        pytest.param(_entity(end=99), "out of range", id="end-past-text"),
        pytest.param(_entity(start=14, end=10), "out of range", id="reversed"),
        pytest.param(_entity(value="Hop"), "does not match the text", id="value-mismatch"),
        pytest.param(_entity(**{"class": "indirect"}), "class must be one of", id="bad-class"),
        pytest.param(_entity(entity_type=""), "entity_type must be", id="empty-type"),
        pytest.param(json.dumps(GOOD), "duplicate id 'g1'", id="duplicate-id"),
    ],
)
def test_bad_gold_lines_are_named_by_file_and_line(
    tmp_path: Path, bad_line: str, message: str
) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(GOOD) + "\n\n" + bad_line + "\n", encoding="utf-8")
    with pytest.raises(GoldFileError, match=message) as raised:
        load_gold(path)
    assert str(raised.value).startswith(f"{path}:3: ")


def test_missing_gold_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(GoldFileError, match=r"nowhere\.jsonl: cannot read"):
        load_gold(tmp_path / "nowhere.jsonl")


# --- several sets: the shipped manifest, naming given files, the comparison with a baseline ----


def test_every_shipped_corpus_has_a_dev_and_a_test_part_that_load() -> None:
    sets = shipped_sets()
    parts: dict[str, set[str]] = {}
    for gold in sets:
        records = load_gold(gold.path)
        assert records and any(r.entities for r in records), gold.name
        parts.setdefault(gold.corpus, set()).add(gold.part)
    assert parts == {
        c: {"dev", "test"}
        for c in ("uk", "international", "primock57", "speech2", "wnut17", "probe")
    }
    assert len({s.path.name for s in sets}) == len(sets)


@pytest.mark.parametrize(
    ("name", "corpus", "part"),
    [
        pytest.param("heldout.jsonl", "uk", "test", id="shipped"),
        pytest.param("clinic_dev.jsonl", "clinic", "dev", id="dev-suffix"),
        pytest.param("clinic_test.jsonl", "clinic", "test", id="test-suffix"),
        pytest.param("clinic.jsonl", "clinic", "", id="no-part"),
    ],
)
def test_a_given_file_is_named_by_its_corpus_and_part(name: str, corpus: str, part: str) -> None:
    gold = gold_set_for(Path("somewhere") / name)
    assert (gold.corpus, gold.part) == (corpus, part)
    assert gold.name == (f"{corpus}/{part}" if part else corpus)
    assert gold.part_label == {"dev": "tuned (dev)", "test": "untuned (test)", "": "given"}[part]


def test_the_comparison_puts_each_type_beside_the_baseline_on_the_same_records() -> None:
    ours = _score([RECORD], [[_det(7, 15), _det(38, 44, "ORGANIZATION")]])
    theirs = _score([RECORD], [[_det(19, 31, "PHONE_NUMBER"), _det(7, 12)]])
    rows = {r.entity_type: r for r in compare_by_type(ours, theirs)}
    # Independent count: ours catches Big Dave and Ward 7; the baseline only the phone number.
    expected = {"PERSON": (1, 0), "PHONE_NUMBER": (0, 1), "ORGANIZATION": (1, 0)}
    assert {t: (r.caught, r.baseline_caught) for t, r in rows.items()} == expected
    assert [t for t, r in rows.items() if r.below_baseline] == ["PHONE_NUMBER"]
    assert (rows["PHONE_NUMBER"].recall, rows["PHONE_NUMBER"].baseline_recall) == (0.0, 1.0)


def test_a_type_the_baseline_never_catches_is_never_below_it() -> None:
    ours = _score([RECORD], [[]])
    theirs = _score([RECORD], [[]])
    assert not any(r.below_baseline for r in compare_by_type(ours, theirs))


def test_a_set_score_serialises_with_its_baseline(tmp_path: Path) -> None:
    path = tmp_path / "clinic_test.jsonl"
    path.write_text(json.dumps(GOOD) + "\n", encoding="utf-8")
    score = score_set(gold_set_for(path), lambda texts: [[_det(10, 14)]], lambda texts: [[]])
    data = json.loads(json.dumps(score.to_dict()))
    assert (data["set"], data["part"], data["records"]) == ("clinic/test", "test", 1)
    assert data["baseline"]["recall_by_class"][0]["caught"] == 0
    by_type = {
        r["entity_type"]: (r["caught"], r["baseline_caught"]) for r in data["by_type_vs_baseline"]
    }
    assert by_type == {"PERSON": (1, 0), "LOCATION": (0, 0)}
    assert [r.entity_type for r in score.below_baseline()] == []
