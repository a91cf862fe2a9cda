"""Write tasks/deid/data/world_first_names.txt: first names common in some country of the world.

The names-dataset package (MIT licence; first names by country from a public dataset of 730,000
names) ranks each name in each country where it is used. A name ranked in the top RANK of at
least one country, in Latin script, letters only and three or more long, is kept unless it is an
everyday English word. A word the default spaCy model's dictionary lists is everyday ('table',
'told') unless English writes it with a capital most of the time ('martin', 'caroline': the
dictionary lists some names) or hardly uses it at all ('florin', 'amelia'), by the casing
counts of the truecase package (MIT licence; counted over the English corpora of NLTK).
Months, days, nationalities and faiths are no first names here.

Run `pip install names-dataset==3.3.1 truecase==0.0.14` first; qualbridge itself only reads the
text file, and drops chat and stop words from it when it loads (`gazetteers.world_first_names`).
The dictionary check is done here, not at load, because 45,000 lookups through the lemmatizer's
rules would cost every start-up.
"""

from __future__ import annotations

import pickle
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from qualbridge.schemas.config import DeidConfig
from qualbridge.tasks.deid.families.groups import lexicon as nrp_lexicon
from qualbridge.tasks.deid.nlp import dictionaries
from qualbridge.tasks.deid.recasing import MONTHS_AND_DAYS

OUT = Path(__file__).resolve().parents[1] / "tasks" / "deid" / "data" / "world_first_names.txt"
RANK = 1000
# A dictionary word is a name when written capitalised this often, over this many uses; under
# RARE uses it is no everyday word.
CAPITAL_SHARE = 0.8
RARE = 3
HEADER = (
    f"# First names ranked in the top {RANK} of at least one country, from the names-dataset\n"
    "# package (MIT licence), minus everyday dictionary words (by the truecase package's casing\n"
    "# counts, MIT licence). Lower case, Latin script. Regenerate with\n"
    "# scripts/build_world_first_names.py.\n"
)

Casing = dict[str, tuple[int, int]]


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


def english_casing() -> Casing:
    """For each lower-case word, how often English writes it capitalised and in lower case."""
    import truecase

    path = Path(truecase.__file__).parent / "data" / "english.dist"
    with path.open("rb") as handle:
        counts = pickle.load(handle)
    casing: Casing = {}
    for word, forms in counts["word_casing_lookup"].items():
        capital = sum(counts["uni_dist"][f] for f in forms if f[:1].isupper() and not f.isupper())
        lower = sum(counts["uni_dist"][f] for f in forms if f.islower())
        casing[word] = (capital, lower)
    return casing


def is_everyday_word(name: str, listed: bool, casing: Casing) -> bool:
    """A dictionary word English uses often and mostly in lower case ('rose', 'table')."""
    if name in MONTHS_AND_DAYS or name in nrp_lexicon():
        return True
    if not listed:
        return False
    capital, lower = casing.get(name, (0, 0))
    if capital + lower < RARE:
        return False
    return capital / (capital + lower) < CAPITAL_SHARE


def without_everyday_words(names: Iterable[str], casing: Casing) -> list[str]:
    """The names that are no everyday word, by the default model's dictionary and casing."""
    dictionary = dictionaries(DeidConfig().spacy_model)[0]
    return [name for name in names if not is_everyday_word(name, name in dictionary, casing)]


if __name__ == "__main__":
    found = without_everyday_words(world_first_names(), english_casing())
    OUT.write_text(HEADER + "\n".join(found) + "\n", encoding="utf-8")
    print(f"wrote {len(found)} first names to {OUT}")
