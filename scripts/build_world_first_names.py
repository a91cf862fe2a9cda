"""Write tasks/deid/data/world_first_names.txt: first names common in some country of the world.

The names-dataset package (MIT licence; first names by country from a public dataset of 730,000
names) ranks each name in each country where it is used. A name ranked in the top RANK of at
least one country, in Latin script, letters only and three or more long, and not a word the
default spaCy model's dictionary lists ('table', 'told'), is kept. Run `pip install
names-dataset==3.3.1` first; qualbridge itself only reads the text file, and drops chat and stop
words from it when it loads (`gazetteers.world_first_names`). The dictionary check is done here,
not at load, because 45,000 lookups through the lemmatizer's rules would cost every start-up.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from qualbridge.schemas.config import DeidConfig
from qualbridge.tasks.deid.nlp import dictionaries

OUT = Path(__file__).resolve().parents[1] / "tasks" / "deid" / "data" / "world_first_names.txt"
RANK = 1000
HEADER = (
    f"# First names ranked in the top {RANK} of at least one country, from the names-dataset\n"
    "# package (MIT licence), minus dictionary words. Lower case, Latin script. Regenerate with\n"
    "# scripts/build_world_first_names.py.\n"
)


def _latin_word(name: str) -> bool:
    return name.isalpha() and all(unicodedata.name(ch, "").startswith("LATIN") for ch in name)


def world_first_names(rank: int = RANK) -> list[str]:
    """Sorted lower-case first names ranked within `rank` in at least one country."""
    from names_dataset import NameDataset

    names = NameDataset(load_last_names=False).first_names
    return sorted(
        {
            name.casefold()
            for name, data in names.items()
            if len(name) >= 3
            and _latin_word(name)
            and data.get("rank")
            and min(data["rank"].values()) <= rank
        }
    )


def without_dictionary_words(names: list[str]) -> list[str]:
    """The names the default model's dictionary does not list, inflected forms included."""
    dictionary = dictionaries(DeidConfig().spacy_model)[0]
    return [name for name in names if name not in dictionary]


if __name__ == "__main__":
    found = without_dictionary_words(world_first_names())
    OUT.write_text(HEADER + "\n".join(found) + "\n", encoding="utf-8")
    print(f"wrote {len(found)} first names to {OUT}")
