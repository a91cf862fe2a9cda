"""Write the international gold sets (dev and test) for qualbridge's evaluation, from scratch.

Conversational interview speech from peer support, therapy and social care at US, Irish,
Canadian, Australian, New Zealand and EU sites, with that region's identifiers. Deterministic
under --seed (stdlib random plus Faker seeded from it). Templates are split by position
(international_templates.py) so the test split uses only templates the dev split never has.

Usage: python generate_international.py [--seed S] [--outdir DIR] [--dev N] [--test N]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
from collections import Counter
from pathlib import Path

import international_slots as s
import international_templates as tpl

DEFAULT_SEED = 20260601
HERE = Path(__file__).resolve().parent
LOWERCASE_SHARE = 0.2
NEGATIVE_SHARE = 0.22

DIRECT = frozenset(
    {
        "PERSON",
        "PHONE_NUMBER",
        "EMAIL_ADDRESS",
        "URL",
        "STREET_ADDRESS",
        "ZIP_CODE",
        "CREDIT_CARD",
        "US_SSN",
        "IP_ADDRESS",
        "IBAN_CODE",
        "IE_PPS",
        "CA_SIN",
        "AU_TFN",
        "AU_MEDICARE",
    }
)
QUASI = frozenset({"LOCATION", "ORGANIZATION", "DATE_TIME", "AGE", "NRP"})

START = (
    "",
    "",
    "",
    "Um, ",
    "Yeah, ",
    "So ",
    "Like, ",
    "Okay so ",
    "I mean, ",
    "Honestly, ",
    "Look, ",
    "You know, ",
)
INNER = ("", "", "", "", "um, ", "like, ", "you know, ", "I guess, ", "kind of, ", "sort of, ")
DRUGS = (
    "sertraline",
    "Zoloft",
    "quetiapine",
    "Seroquel",
    "lamotrigine",
    "Abilify",
    "escitalopram",
    "Suboxone",
    "methadone",
    "naltrexone",
    "Wellbutrin",
    "clozapine",
)

# slot name -> (entity type or None, maker). Keyed slots (#k) are handled in render().
SIMPLE = {
    "titled": ("PERSON", s.titled),
    "doctor": ("PERSON", s.doctor),
    "phone": ("PHONE_NUMBER", s.phone),
    "email": ("EMAIL_ADDRESS", s.email),
    "url": ("URL", s.url),
    "handle": ("URL", s.handle),
    "ssn": ("US_SSN", s.us_ssn),
    "card": ("CREDIT_CARD", s.credit_card),
    "pps": ("IE_PPS", s.ie_pps),
    "sin": ("CA_SIN", s.ca_sin),
    "tfn": ("AU_TFN", s.au_tfn),
    "medicare": ("AU_MEDICARE", s.au_medicare),
    "iban": ("IBAN_CODE", s.iban),
    "ip": ("IP_ADDRESS", s.ip_address),
    "place": ("LOCATION", lambda r: r.choice(s.PLACES)),
    "street_lm": ("LOCATION", lambda r: r.choice(s.STREETS)),
    "ward": ("ORGANIZATION", s.ward),
    "hospital": ("ORGANIZATION", s.hospital),
    "group": ("ORGANIZATION", s.group),
    "employer": ("ORGANIZATION", lambda r: r.choice(s.EMPLOYERS)),
    "school": ("ORGANIZATION", s.school),
    "church": ("ORGANIZATION", s.church),
    "nrp": ("NRP", lambda r: r.choice(s.NRP)),
    "date_in": ("DATE_TIME", s.date_in),
    "date_on": ("DATE_TIME", s.date_on),
    "year": ("DATE_TIME", s.year),
    "age": ("AGE", s.age),
    "age_young": ("AGE", s.age_young),
    "age_decade": ("AGE", s.age_decade),
    "F": (None, lambda r: r.choice(START)),
    "f": (None, lambda r: r.choice(INNER)),
    "drug": (None, lambda r: r.choice(DRUGS)),
}
SLOT = re.compile(r"\{([^{}]*)\}")
PUNCT = re.compile(r"[,.?!;]")


def lower_literal(text: str) -> str:
    return PUNCT.sub("", text).lower()


def lower_value(text: str, entity_type: str) -> str:
    """A speech recogniser's rendering: lower case, no sentence punctuation in names or lists."""
    text = text.lower()
    if entity_type in ("PERSON", "LOCATION", "ORGANIZATION"):
        text = text.replace(".", "")
    if entity_type in ("STREET_ADDRESS", "DATE_TIME"):
        text = text.replace(",", "")
    if entity_type == "AGE":
        text = text.replace("-", " ")
    return " ".join(text.split())


def keyed(name: str, key: str, rng: random.Random, memory: dict) -> tuple[str | None, str]:
    """Slots that share a person or an address within one utterance."""
    if name in ("name", "first", "lcfirst"):
        p = memory.setdefault(("p", key), s.person(rng)) if key else s.person(rng)
        if name == "name":
            return "PERSON", f"{p.first} {p.last}"
        return "PERSON", p.first.lower() if name == "lcfirst" else p.first
    if name in ("street", "city", "zip"):
        a = memory.setdefault(("a", key), s.address(rng)) if key else s.address(rng)
        return {
            "street": ("STREET_ADDRESS", a.street),
            "city": ("LOCATION", a.city),
            "zip": ("ZIP_CODE", a.postcode),
        }[name]
    if name == "titled":
        return "PERSON", memory.setdefault(("t", key), s.titled(rng))
    raise KeyError(name)


def render(template: str, rng: random.Random, lowercase: bool) -> tuple[str, list[dict]]:
    if template.startswith("~"):
        template, lowercase = template[1:], True
    pieces: list[str] = []
    entities: list[dict] = []
    memory: dict = {}
    pos = 0
    for i, part in enumerate(SLOT.split(template)):
        entity_type = None
        if i % 2 == 0 or "|" in part:
            text = rng.choice(part.split("|")) if i % 2 else part
            text = lower_literal(text) if lowercase else text
        else:
            name, _, key = part.partition("#")
            if name in SIMPLE and not key:
                entity_type, make = SIMPLE[name]
                text = make(rng)
            else:
                entity_type, text = keyed(name, key, rng, memory)
            text = " ".join(str(text).split()) if entity_type else str(text)
            if lowercase:
                text = lower_value(text, entity_type) if entity_type else lower_literal(text)
        if not pieces and not lowercase and text and entity_type is None:
            text = text[:1].upper() + text[1:]
        if not text:
            continue
        if entity_type and text[:4].lower() == "the " and entity_type != "LOCATION":
            pieces.append(text[:4])  # a leading "the" is left out of the span
            pos += 4
            text = text[4:]
        if entity_type:
            entities.append(
                {
                    "start": pos,
                    "end": pos + len(text),
                    "entity_type": entity_type,
                    "class": "direct" if entity_type in DIRECT else "quasi",
                    "value": text,
                }
            )
        pieces.append(text)
        pos += len(text)
    text = "".join(pieces)
    # A filler that ends in ", " before a comma or full stop leaves ",," or ", ." behind.
    assert text == text.rstrip() and "  " not in text, text
    return text, entities


def check(record: dict) -> None:
    text, last = record["text"], 0
    for e in record["entities"]:
        assert text[e["start"] : e["end"]] == e["value"], record
        assert e["value"] == e["value"].strip() and e["value"], record
        assert e["start"] >= last, record
        assert e["class"] == ("direct" if e["entity_type"] in DIRECT else "quasi"), record
        last = e["end"]


def split_templates(split: str) -> dict[str, list[str]]:
    """Positions 0 and 3 of every 5 in each bank are dev; the rest are test."""
    keep = (lambda i: i % 5 in (0, 3)) if split == "dev" else (lambda i: i % 5 not in (0, 3))
    return {bank: [t for i, t in enumerate(ts) if keep(i)] for bank, ts in tpl.BANKS.items()}


def cycle(items: list[str], n: int, rng: random.Random) -> list[str]:
    out: list[str] = []
    while len(out) < n:
        batch = list(items)
        rng.shuffle(batch)
        out.extend(batch)
    return out[:n]


def generate(split: str, n: int, seed: int) -> list[dict]:
    rng = random.Random(f"{seed}:{split}")
    banks = split_templates(split)
    negatives = round(n * NEGATIVE_SHARE)
    positive_pool = banks["peer"] + banks["therapy"] + banks["socialcare"] + banks["mention"]
    positive_pool += banks["contact"] * 2  # each direct type needs enough cases
    plan = [(t, True) for t in cycle(positive_pool, n - negatives, rng)]
    plan += [(t, False) for t in cycle(banks["negative"], negatives, rng)]
    rng.shuffle(plan)
    prefix = "id" if split == "dev" else "it"
    out = []
    for i, (template, positive) in enumerate(plan, start=1):
        text, entities = render(template, rng, rng.random() < LOWERCASE_SHARE)
        assert bool(entities) == positive, template
        record = {"id": f"{prefix}{i:04d}", "text": text, "entities": entities}
        check(record)
        out.append(record)
    return out


def main(argv: list[str] | None = None) -> None:
    # Some Faker providers (it_IT cities) iterate over sets, whose order follows string hashing:
    # pin the hash seed so the output is byte-identical for a given --seed.
    if os.environ.get("PYTHONHASHSEED") != "0":
        os.execve(
            sys.executable, [sys.executable, *sys.argv], {**os.environ, "PYTHONHASHSEED": "0"}
        )
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--outdir", type=Path, default=HERE)
    ap.add_argument("--dev", type=int, default=240)
    ap.add_argument("--test", type=int, default=360)
    args = ap.parse_args(argv)
    for split, n in (("dev", args.dev), ("test", args.test)):
        records = generate(split, n, args.seed)
        path = args.outdir / f"international_{split}.jsonl"
        with path.open("w", encoding="utf-8", newline="\n") as fh:
            for r in records:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
        counts = Counter(e["entity_type"] for r in records for e in r["entities"])
        empty = sum(1 for r in records if not r["entities"])
        print(f"wrote {len(records)} records ({empty} without identifiers) to {path}")
        for t, c in sorted(counts.items()):
            print(f"  {t:<15} {c}")


if __name__ == "__main__":
    main()
