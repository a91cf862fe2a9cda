"""How an utterance table's columns map onto transcripts: the `mapping` of a study's table."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, model_validator


class TableMapping(BaseModel):
    """Which columns hold what: exactly one of speaker and role gives Turn.speaker."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    conversation_id: str = Field(min_length=1)
    turn: str | None = Field(default=None, min_length=1)
    speaker: str | None = Field(default=None, min_length=1)
    role: str | None = Field(default=None, min_length=1)
    text: str = Field(min_length=1)
    participant_id: str | None = Field(default=None, min_length=1)
    labels: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _check_columns(self) -> TableMapping:
        if (self.speaker is None) == (self.role is None):
            raise ValueError("map exactly one of 'speaker' and 'role'")
        columns = self.columns()
        if len(set(columns)) != len(columns):
            raise ValueError("a column is mapped more than once")
        return self

    @property
    def speaker_column(self) -> str:
        """The column whose value becomes Turn.speaker."""
        return self.speaker or self.role or ""

    def columns(self) -> list[str]:
        """Every mapped column, in a fixed order."""
        optional = [c for c in (self.turn, self.participant_id) if c]
        return [self.conversation_id, *optional, self.speaker_column, self.text, *self.labels]
