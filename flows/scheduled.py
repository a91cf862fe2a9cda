"""Entry points for scheduled deployments: the flow run's final state tells the whole truth.

The CLI reads a run's outcome from its summary and sets the exit code; a deployment run has no
exit code, only a Prefect state. These flows wrap the pipeline and the hub's merge so that a run
which failed a gate or left a study, source or comparison out ends Failed (and fires whatever
automation watches for failures) instead of showing a green Completed.
"""

from __future__ import annotations

from prefect import flow
from prefect.client.schemas.objects import State
from prefect.states import Completed, Failed

from qualbridge.flows.merge import MergeSummary, merge_flow
from qualbridge.flows.pipeline import RunSummary, pipeline


def pipeline_state(summary: RunSummary) -> State:
    """Failed unless every gate passed and nothing was left out; counts only, never data."""
    where = f"run {summary.run_id}: see its report"
    if not summary.gates_passed:
        checks = len(summary.failed_checks) + len(summary.blockers)
        return Failed(name="Gate failed", message=f"{checks} failed check(s), no release; {where}")
    if summary.losses:
        lost = f"{len(summary.losses)} study/source/comparison(s) left out"
        return Failed(name="Incomplete", message=f"{lost}; {where}")
    if summary.status == "awaiting_approval":
        return Completed(name="Awaiting approval", message=f"gates passed, sign-off due; {where}")
    return Completed(message=f"{summary.status}; {where}")


def merge_state(summary: MergeSummary) -> State:
    """Failed when the hub's gates failed after the merge."""
    where = f"merge {summary.run_id}: see its report"
    if not summary.gates_passed:
        checks = len(summary.failed_checks)
        return Failed(name="Gate failed", message=f"{checks} failed check(s); {where}")
    return Completed(message=f"{len(summary.outcomes)} package(s); {where}")


@flow(name="qualbridge-scheduled-pipeline", persist_result=False)
def scheduled_pipeline(config_path: str, output_dir: str | None = None) -> State:
    """The pipeline as a deployment runs it: Failed unless the run did everything asked."""
    return pipeline_state(pipeline(config_path, output_dir))


@flow(name="qualbridge-scheduled-merge", persist_result=False)
def scheduled_merge(config_path: str, packages: list[str], output_dir: str | None = None) -> State:
    """The hub's merge as a deployment runs it: Failed when its gates failed."""
    return merge_state(merge_flow(config_path, packages, output_dir))
