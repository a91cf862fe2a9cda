"""Generalisations that lower re-identification risk: wider age bands, regions for towns."""

from __future__ import annotations

import re
from collections.abc import Callable

_NUMBER = re.compile(r"^\s*(\d{1,3})\s*$")
_BAND = re.compile(r"^\s*(\d{1,3})\s*[-–]\s*(\d{1,3})\s*$")

# Towns and cities a transcript manifest commonly names, by ITL1 region (England, the nations).
# The shipped places list has no regions; a town not listed here becomes "other".
_REGION_TOWNS = {
    "North East": "Newcastle upon Tyne, Sunderland, Durham, Middlesbrough, Gateshead, "
    "Darlington, Hartlepool, Stockton-on-Tees, South Shields",
    "North West": "Manchester, Liverpool, Preston, Bolton, Blackpool, Blackburn, Wigan, Oldham, "
    "Stockport, Salford, Warrington, Lancaster, Carlisle, Chester, Burnley, Rochdale",
    "Yorkshire and The Humber": "Leeds, Bradford, Sheffield, Hull, York, Huddersfield, Halifax, "
    "Wakefield, Doncaster, Rotherham, Barnsley, Harrogate, Keighley, Scarborough, Dewsbury",
    "East Midlands": "Nottingham, Leicester, Derby, Lincoln, Northampton, Chesterfield, "
    "Mansfield, Loughborough",
    "West Midlands": "Birmingham, Coventry, Wolverhampton, Stoke-on-Trent, Dudley, Walsall, "
    "Worcester, Hereford, Telford, Shrewsbury",
    "East of England": "Norwich, Cambridge, Ipswich, Peterborough, Luton, Colchester, "
    "Chelmsford, Southend-on-Sea",
    "London": "London, Croydon, Camden, Hackney, Islington, Lambeth, Southwark, Brixton",
    "South East": "Brighton, Southampton, Portsmouth, Oxford, Reading, Milton Keynes, "
    "Canterbury, Guildford, Slough, Maidstone",
    "South West": "Bristol, Plymouth, Exeter, Bath, Gloucester, Swindon, Bournemouth, Truro",
    "Wales": "Cardiff, Swansea, Newport, Wrexham, Bangor, Aberystwyth",
    "Scotland": "Glasgow, Edinburgh, Aberdeen, Dundee, Inverness, Stirling, Perth",
    "Northern Ireland": "Belfast, Derry, Londonderry, Lisburn, Newry, Armagh",
}
TOWN_REGIONS = {
    town.strip().casefold(): region
    for region, towns in _REGION_TOWNS.items()
    for town in towns.split(",")
}
AGE_COLUMNS = ("age", "age_band", "age_group")
PLACE_COLUMNS = ("town", "city", "place", "location", "residence", "home_town")


def age_band(value: str, width: int = 10) -> str:
    """An age as a band ('34' -> '30-39'); a band twice as wide ('45-54' -> '40-59')."""
    if match := _NUMBER.match(value):
        low = int(match[1]) // width * width
        return f"{low}-{low + width - 1}"
    if match := _BAND.match(value):
        wider = 2 * (int(match[2]) - int(match[1]) + 1)
        low = int(match[1]) // wider * wider
        return f"{low}-{low + wider - 1}"
    return value


def region(value: str) -> str:
    """The region of a known town, else 'other'."""
    return TOWN_REGIONS.get(value.strip().casefold(), "other")


def suppress(_: str) -> str:
    """Drop the attribute's value."""
    return "*"


def generalisers(column: str) -> list[tuple[str, Callable[[str], str]]]:
    """Candidate generalisations of a quasi-identifier, gentlest first; suppression always last."""
    name = column.casefold()
    found: list[tuple[str, Callable[[str], str]]] = []
    if name in AGE_COLUMNS:
        found.append((f"{column}: wider age band (10 years, or twice the band)", age_band))
    if name in PLACE_COLUMNS:
        found.append((f"{column}: region instead of town", region))
    found.append((f"{column}: suppress (drop the attribute)", suppress))
    return found
