"""What every stage flow needs: the config, the key, the run's folder and the warehouse."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, model_serializer

from qualbridge.schemas.codebook import Codebook, load_codebook
from qualbridge.schemas.config import ConsortiumConfig, load_config
from qualbridge.tasks.deid import model_version
from qualbridge.tasks.shared.contract_catalog import use_speaker_roles
from qualbridge.tasks.shared.keys import key_fingerprint, load_key
from qualbridge.tasks.warehouse import connect, start_run


class RunContext(BaseModel):
    """A run's configuration and where its files go; built from paths, never holds text."""

    model_config = ConfigDict(frozen=True)

    config_path: Path
    config: ConsortiumConfig
    codebook: Codebook
    run_id: str

    @model_serializer
    def _as_parameter(self) -> dict[str, Any]:
        # Prefect stores flow parameters in its database: a stage flow's context is recorded
        # as the paths it was built from, never the config's values (allow lists hold terms).
        return {"config_path": str(self.config_path), "output_dir": str(self.output_dir),
                "run_id": self.run_id}  # fmt: skip

    @property
    def output_dir(self) -> Path:
        """The consortium's output folder."""
        return self.config.resolve(self.config.output_dir)

    @property
    def run_dir(self) -> Path:
        """Staging and outputs of this run."""
        return self.config.run_dir(self.run_id)

    @property
    def warehouse(self) -> Path:
        """The DuckDB file."""
        return self.config.warehouse_path

    @property
    def config_hash(self) -> str:
        """SHA-256 of the config file's bytes."""
        return hashlib.sha256(self.config_path.read_bytes()).hexdigest()

    def key(self) -> bytes:
        """The consortium key (read when needed, never stored on the context)."""
        return load_key(self.config.key_env, self.config.key_file)

    def key_fingerprint(self) -> str:
        """Public fingerprint of the consortium key."""
        return key_fingerprint(self.key())


def run_context(config_path: str, output_dir: str | None, run_id: str) -> RunContext:
    """Load config and codebook for a stage flow."""
    path = Path(config_path).resolve()
    config = load_config(path, Path(output_dir) if output_dir else None)
    use_speaker_roles(config.speaker_roles)
    codebook = load_codebook(config.resolve(config.codebook))
    return RunContext(config_path=path, config=config, codebook=codebook, run_id=run_id)


def record_run_start(ctx: RunContext) -> None:
    """Open the run's row in the warehouse (status running) with its config, key and model."""
    with connect(ctx.warehouse) as con:
        start_run(
            con,
            ctx.run_id,
            ctx.config.consortium,
            ctx.config_hash,
            ctx.key_fingerprint(),
            model_version(ctx.config.deid.spacy_model),
        )
