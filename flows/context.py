"""What every stage flow needs: the config, the key, the run's folder and the warehouse."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from qualbridge.schemas.codebook import Codebook, load_codebook
from qualbridge.schemas.config import ConsortiumConfig, load_config
from qualbridge.tasks.deid import model_version
from qualbridge.tasks.shared.contract_catalog import use_speaker_roles
from qualbridge.tasks.shared.keys import key_fingerprint, load_key
from qualbridge.tasks.warehouse import connect, start_run


@dataclass(frozen=True)
class RunContext:
    """A run's configuration and where its files go; built from paths, never holds text."""

    config_path: Path
    config: ConsortiumConfig
    codebook: Codebook
    run_id: str

    @property
    def output_dir(self) -> Path:
        """The consortium's output folder."""
        return self.config.resolve(self.config.output_dir)

    @property
    def run_dir(self) -> Path:
        """Staging and outputs of this run."""
        return self.output_dir / "runs" / self.run_id

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
    return RunContext(path, config, codebook, run_id)


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
