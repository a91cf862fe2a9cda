"""The real vocabulary (the spaCy model's dictionary and the shipped lists), built once."""

from __future__ import annotations

import pytest

from qualbridge.schemas.config import DeidConfig
from qualbridge.tasks.deid.gazetteers import vocabulary
from qualbridge.tasks.deid.nlp import dictionaries
from qualbridge.tasks.deid.recasing import Vocabulary


@pytest.fixture(scope="session")
def words() -> Vocabulary:
    config = DeidConfig()
    return vocabulary(*dictionaries(config.spacy_model, config.language))
