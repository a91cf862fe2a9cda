"""Compile a data contract into a Great Expectations suite and run it on a pandas frame."""

from __future__ import annotations

import os
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from qualbridge.tasks.shared.contracts import Contract

if TYPE_CHECKING:
    from types import ModuleType

    import pandas as pd
    from great_expectations.core import ExpectationSuite, ExpectationSuiteValidationResult
    from great_expectations.core.expectation_validation_result import (
        ExpectationValidationResult,
    )
    from great_expectations.expectations.expectation_configuration import (
        ExpectationConfiguration,
    )

# Only success is kept; GX does not even compute the failing values.
WITHHELD = "BOOLEAN_ONLY"
# Counts only. Without these keys BASIC and up copy failing cell values into the result
# (partial_unexpected_list, unexpected_index_list and unexpected_rows carry whole cells).
COUNTS_ONLY: dict[str, Any] = {
    "result_format": "BASIC",
    "partial_unexpected_count": 0,
    "exclude_unexpected_values": True,
    "include_unexpected_rows": False,
    "return_unexpected_index_query": False,
}
_EXCEPTION_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*")
_SCRUBBED = re.compile(r"[A-Za-z_][A-Za-z0-9_]*( -> [A-Za-z_][A-Za-z0-9_]*)*")


@dataclass(frozen=True)
class CheckResult:
    """Outcome of one contract check; detail never holds data values."""

    contract_id: str
    check: str
    column: str | None
    success: bool
    broken: bool
    unexpected_count: int | None
    detail: str
    contract_version: str = ""
    engine: str = "gx"  # gx | duckdb


@dataclass(frozen=True)
class CheckSpec:
    """One planned check: its stable name and the GX expectation that runs it."""

    check: str
    column: str | None
    expectation: str
    kwargs: dict[str, Any]
    withhold_values: bool
    unrunnable: str = ""  # why the check cannot run (it then reports as broken)


def check_specs(
    contract: Contract,
    references: Mapping[str, Collection[Any]] | None = None,
    columns: Collection[str] | None = None,
) -> list[CheckSpec]:
    """List the checks a contract compiles to, in a stable order.

    `references` holds the values of each foreign-key target ("<dataset>.<column>"), so a
    relationship becomes a value-set check; `columns`, when given, drops the checks of
    optional columns the data does not have.
    """
    references = references or {}
    specs = []
    if contract.min_rows is not None or contract.max_rows is not None:
        bounds: dict[str, Any] = {"min_value": contract.min_rows, "max_value": contract.max_rows}
        name = f"{contract.dataset}.row_count"
        specs.append(CheckSpec(name, None, "ExpectTableRowCountToBeBetween", bounds, False))
    for col in contract.columns:
        if col.optional and columns is not None and col.name not in columns:
            continue
        planned: list[tuple[str, str, dict[str, Any], str]] = []
        if not col.optional:
            planned.append(("exists", "ExpectColumnToExist", {}, ""))
        if col.required:
            planned.append(("not_null", "ExpectColumnValuesToNotBeNull", {}, ""))
        if col.unique:
            planned.append(("unique", "ExpectColumnValuesToBeUnique", {}, ""))
        if col.valid_values is not None:
            values = {"value_set": list(col.valid_values)}
            planned.append(("valid_values", "ExpectColumnValuesToBeInSet", values, ""))
        if col.pattern is not None:
            regex = {"regex": col.pattern}
            planned.append(("pattern", "ExpectColumnValuesToMatchRegex", regex, ""))
        if col.minimum is not None or col.maximum is not None:
            bounds = {"min_value": col.minimum, "max_value": col.maximum}
            planned.append(("range", "ExpectColumnValuesToBeBetween", bounds, ""))
        for target in col.references:
            known = references.get(target)
            values = {"value_set": sorted(v for v in known or () if v is not None)}
            missing = "" if known is not None else f"values of {target} not supplied"
            planned.append((f"references.{target}", "ExpectColumnValuesToBeInSet", values, missing))
        for p in col.residual_pii:
            regex = {"regex": p.regex}
            planned.append((f"no_{p.name}", "ExpectColumnValuesToNotMatchRegex", regex, ""))
        for name, expectation, kwargs, missing in planned:
            kwargs = {"column": col.name, **kwargs}
            specs.append(
                CheckSpec(
                    f"{col.name}.{name}",
                    col.name,
                    expectation,
                    kwargs,
                    col.withhold_values,
                    missing,
                )
            )
    return specs


def build_suite(contract: Contract, specs: list[CheckSpec] | None = None) -> ExpectationSuite:
    """Compile a contract (or some of its checks) into an ExpectationSuite."""
    gx = load_gx()
    expectations = []
    for spec in check_specs(contract) if specs is None else specs:
        if spec.unrunnable:
            continue
        # An expectation's own result_format would be overridden by Batch.validate's default.
        meta = {"check": spec.check, "values": "withheld" if spec.withhold_values else "counts"}
        expectations.append(getattr(gx.expectations, spec.expectation)(**spec.kwargs, meta=meta))
    # The constructor needs no active context, unlike add_expectation, and does not merge
    # look-alike expectations; any it drops surface as broken checks in to_check_results.
    name = f"{contract.contract_id}@{contract.version}"
    suite: ExpectationSuite = gx.ExpectationSuite(name=name, expectations=expectations)
    return suite


def run_suites(
    df: pd.DataFrame, contract: Contract, specs: list[CheckSpec] | None = None
) -> list[ExpectationSuiteValidationResult]:
    """Validate a frame in an in-memory GX context: withheld-value checks, then counted ones."""
    specs = check_specs(contract) if specs is None else specs
    batch = (
        _context()
        .data_sources.add_pandas("qualbridge")
        .add_dataframe_asset(contract.dataset)
        .add_batch_definition_whole_dataframe("whole")
        .get_batch(batch_parameters={"dataframe": df})
    )
    results = []
    for withhold, result_format in ((True, WITHHELD), (False, COUNTS_ONLY)):
        part = [s for s in specs if s.withhold_values is withhold and not s.unrunnable]
        if part:
            suite = build_suite(contract, part)
            results.append(_scrub(batch.validate(suite, result_format=result_format)))
    return results


def validate_frame(
    df: pd.DataFrame,
    contract: Contract,
    references: Mapping[str, Collection[Any]] | None = None,
) -> list[CheckResult]:
    """Run every check of a contract on a frame and report each as passed, failed or broken."""
    specs = check_specs(contract, references, columns=list(df.columns))
    return to_check_results(contract, run_suites(df, contract, specs), specs)


def to_check_results(
    contract: Contract,
    suite_results: list[ExpectationSuiteValidationResult],
    specs: list[CheckSpec] | None = None,
) -> list[CheckResult]:
    """Map GX suite results back onto the contract's checks, in check order."""
    by_check = {
        # Results of a validated suite always carry the expectation's configuration.
        cast("ExpectationConfiguration", r.expectation_config).meta["check"]: r
        for suite_result in suite_results
        for r in suite_result.results
    }
    specs = check_specs(contract) if specs is None else specs
    return [_check_result(contract, spec, by_check.get(spec.check)) for spec in specs]


def _check_result(
    contract: Contract, spec: CheckSpec, result: ExpectationValidationResult | None
) -> CheckResult:
    def outcome(success: bool, broken: bool, count: int | None, detail: str) -> CheckResult:
        cid, version = contract.contract_id, contract.version
        return CheckResult(cid, spec.check, spec.column, success, broken, count, detail, version)

    if spec.unrunnable:
        return outcome(False, True, None, f"broken: {spec.unrunnable}")
    if result is None:
        return outcome(False, True, None, "broken: no result from Great Expectations")
    raised = _raised(result.exception_info)
    if raised:
        names = dict.fromkeys(_exception_names(r) for r in raised)
        return outcome(False, True, None, f"broken: {'; '.join(names)}")
    values = result.result or {}
    count = values.get("unexpected_count")
    count = count if isinstance(count, int) and not isinstance(count, bool) else None
    if result.success:
        return outcome(True, False, count, "passed")
    if spec.expectation == "ExpectColumnToExist":
        detail = "column missing"
    elif spec.expectation == "ExpectTableRowCountToBeBetween":
        observed = values.get("observed_value")
        detail = f"{observed} rows" if isinstance(observed, int) else "row count out of bounds"
    elif count is not None:
        detail = f"{count} of {values.get('element_count')} rows failed"
    else:
        detail = "failed; values and counts withheld"
    return outcome(False, False, count, detail)


def _raised(info: Any) -> list[dict[str, Any]]:
    """Exceptions GX caught: its exception_info is one record or a record per metric."""
    if not isinstance(info, dict):
        return []
    records = [info] if "raised_exception" in info else list(info.values())
    return [r for r in records if isinstance(r, dict) and r.get("raised_exception")]


def _scrub(suite_result: ExpectationSuiteValidationResult) -> ExpectationSuiteValidationResult:
    """Replace caught exceptions' messages and tracebacks, which may quote cells, by class names."""
    for result in suite_result.results:
        info = result.exception_info
        if not _raised(info):
            continue
        # GX shares one record between results that need the same failed metric: copy, not edit.
        records = {"result": info} if "raised_exception" in info else info
        scrubbed = {key: _scrubbed(record) for key, record in records.items()}
        result.exception_info = scrubbed["result"] if "raised_exception" in info else scrubbed
    return suite_result


def _scrubbed(record: Any) -> Any:
    if not (isinstance(record, dict) and record.get("raised_exception")):
        return record
    names = _exception_names(record)
    # Data Docs render the traceback as a string template, so it must stay a string.
    return {**record, "exception_message": names, "exception_traceback": ""}


def _exception_names(record: dict[str, Any]) -> str:
    """Class names of a caught exception chain, from its traceback or a scrubbed message."""
    traceback = record.get("exception_traceback")
    if traceback:
        return " -> ".join(_traceback_classes(str(traceback))) or "unknown exception"
    message = str(record.get("exception_message"))
    return message if _SCRUBBED.fullmatch(message) else "unknown exception"


def _traceback_classes(traceback: str) -> list[str]:
    """The class of each exception in a formatted chain, root cause first."""
    names = []
    in_frames = False
    for line in traceback.splitlines():
        if line.startswith("Traceback (most recent call last):"):
            in_frames = True
        elif in_frames and line and not line[0].isspace():
            # The first unindented line after the frames is "module.Class: message".
            head = line.split(":", 1)[0]
            if _EXCEPTION_NAME.fullmatch(head):
                names.append(head.rsplit(".", 1)[-1])
            in_frames = False
    return names


def _context() -> Any:
    """A fresh in-memory GX context: no stores, docs sites or progress bars on disk or screen."""
    gx = load_gx()
    from great_expectations.data_context.types.base import (
        DataContextConfig,
        InMemoryStoreBackendDefaults,
        ProgressBarsConfig,
    )

    config = DataContextConfig(
        # GX's ephemeral default points a docs site at a temporary directory; this has none.
        store_backend_defaults=InMemoryStoreBackendDefaults(init_temp_docs_sites=False),
        analytics_enabled=False,
        progress_bars=ProgressBarsConfig(globally=False),
    )
    return gx.get_context(mode="ephemeral", project_config=config)


def load_gx() -> ModuleType:
    """Import Great Expectations with analytics switched off before it loads."""
    os.environ["GX_ANALYTICS_ENABLED"] = "false"
    import great_expectations as gx

    return gx
