"""The release: de-identified Parquet files plus a manifest of counts and checksums."""

from __future__ import annotations

import hashlib
import json
import shutil
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb

from qualbridge.tasks.shared.keys import key_fingerprint
from qualbridge.tasks.shared.signing import sign_manifest

RELEASE_TABLES = {
    "studies": "SELECT * FROM studies ORDER BY study_id",
    "utterances": "SELECT * FROM utterances ORDER BY utterance_id",
    "transcripts": "SELECT transcript_id, study_id, participant_id, attributes, n_utterances, "
    "n_words FROM transcripts ORDER BY transcript_id",
    "detections": "SELECT * FROM detections ORDER BY utterance_id, start_offset",
    "codings": "SELECT * FROM codings ORDER BY utterance_id, theme_id, coder, start_offset",
    "themes": "SELECT * FROM themes ORDER BY theme_id",
    "crosswalks": "SELECT * FROM crosswalks ORDER BY study_id, study_code",
    "theme_coverage": "SELECT * FROM theme_coverage_results ORDER BY study_id, theme_id",
    "theme_comparison": "SELECT * FROM theme_comparison_results "
    "ORDER BY comparison, theme_id, method",
    "theme_coverage_breakdown": "SELECT * FROM theme_coverage_breakdown "
    "ORDER BY dimension, level, theme_id",
    "theme_cooccurrence": "SELECT * FROM theme_cooccurrence ORDER BY scope, theme_a, theme_b",
    "coder_agreement": "SELECT * FROM coder_agreement ORDER BY theme_id, coder_a, coder_b",
    "theme_comparison_omnibus": "SELECT * FROM theme_comparison_omnibus "
    "ORDER BY comparison, theme_id",
    "coder_agreement_overall": "SELECT * FROM coder_agreement_overall ORDER BY scope",
    "autocode_validation": "SELECT * FROM autocode_validation ORDER BY theme_id, method, coder",
    "autocode_prevalence": "SELECT * FROM autocode_prevalence ORDER BY study_id, theme_id",
}


def sha256_file(path: Path) -> str:
    """SHA-256 of a file's bytes."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def export_release(
    con: duckdb.DuckDBPyConnection,
    folder: Path,
    run_id: str,
    key: bytes,
    contracts: dict[str, str],
    extra: dict[str, Any] | None = None,
) -> Path:
    """Write the release into a fresh folder, swapping it in only when complete.

    `extra` adds manifest keys (contract versions, validation summary...); it cannot
    replace the stable ones. The manifest is signed with a subkey of the consortium key.
    """
    staging = folder.with_name(folder.name + ".partial")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    files = {}
    for name, query in RELEASE_TABLES.items():
        path = staging / f"{name}.parquet"
        df = con.sql(query).pl()
        df.write_parquet(path)
        files[path.name] = {"rows": df.height, "sha256": sha256_file(path)}
    manifest = {
        "run_id": run_id,
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "key_fingerprint": key_fingerprint(key),
        "contracts": contracts,
        "files": files,
    }
    manifest = sign_manifest({**(extra or {}), **manifest}, key)
    (staging / "release_manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
    shutil.rmtree(folder, ignore_errors=True)
    staging.rename(folder)
    return folder
