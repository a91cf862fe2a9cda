"""United Kingdom: NHS and National Insurance numbers, postcodes, phone formats, passports,
driving licences and vehicle registrations."""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer
from presidio_analyzer.predefined_recognizers import (
    UkDrivingLicenceRecognizer,
    UkPassportRecognizer,
)
from stdnum.gb import nhs

from qualbridge.tasks.deid.families.base import (
    BuildContext,
    ValidatedNumberRecognizer,
    presidio_in_english,
)
from qualbridge.tasks.deid.recognizers import uk_identifier_recognizers

COUNTRIES = frozenset({"GB"})
# Ten digits, grouped 3-3-4 or not; mod 11 ranks them, the cue 'NHS' decides the type.
_NHS = r"(?<![\d-])\d{3}[- ]?\d{3}[- ]?\d{4}(?![\d-])"
# A registration plate in the DVLA's formats: since 2001 area letters, age digits, three
# letters ('AB12 CDE'); before that a prefix letter ('P123 ABC'), a suffix letter ('ABC 123D'),
# or Northern Ireland's letters with an I or a Z and up to four digits ('RXZ 8306'). In
# capitals it is one; in lower case only after a cue ('my reg is ab12cde').
_VEHICLE_REGISTRATION = (
    r"(?i)\b(?:[A-Z]{2}\d{2}[ ]?[A-Z]{3}|[A-Z]\d{1,3}[ ]?[A-Z]{3}|[A-Z]{3}[ ]?\d{1,3}[A-Z]"
    r"|[A-Z]?(?:[A-Z][IZ]|[IZ][A-Z])[ ]?\d{1,4})\b"
)
ENTITIES = (
    "UK_NHS", "UK_NINO", "UK_POSTCODE", "PHONE_NUMBER", "UK_PASSPORT", "UK_DRIVING_LICENCE",
    "UK_VEHICLE_REGISTRATION", "LOCATION",
)  # fmt: skip


def _in_capitals(value: str) -> bool:
    return value.isupper()


def build(context: BuildContext) -> list[EntityRecognizer]:
    """The project's UK recognizers plus Presidio's passport and driving licence ones."""
    return [
        *uk_identifier_recognizers(),
        ValidatedNumberRecognizer(
            "UK_NHS", "NhsCuedRecognizer", _NHS, nhs.is_valid,
            cues=("nhs", "nhs number", "health number"), scores=(0.5, 0.85, 0.2),
        ),
        ValidatedNumberRecognizer(
            "UK_VEHICLE_REGISTRATION", "UkVehicleRegistrationRecognizer", _VEHICLE_REGISTRATION,
            _in_capitals, cues=("reg", "registration", "plate", "plates", "car", "van"),
            scores=(0.6, 0.85, 0.0),
        ),
        *presidio_in_english(UkPassportRecognizer, UkDrivingLicenceRecognizer),
    ]  # fmt: skip
