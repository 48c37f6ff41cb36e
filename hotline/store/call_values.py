"""What a call may hold before it is stored: texts in NFC, the phone normalized, times in whole milliseconds, and a
clear refusal (InvalidCallError) of a value SQLite cannot hold or no call can have (issue 9: hostile input)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime

from hotline.core.models import Call
from hotline.core.phones import normalize_phone
from hotline.core.timeutil import EARLIEST, LATEST, in_supported_range
from hotline.core.wording import QT_TRANSLATE_NOOP
from hotline.store.db import StoreError

TIME_FIELDS = {
    "started_at",
    "ended_at",
    "safety_due",
    "plan_due",
    "handoff_due",
    "reviewed_at",
    "created_at",
    "updated_at",
}
CHILD_FIELDS = (
    "name",
    "sex",
    "age",
    "age_band",
    "province_code",
    "ward_code",
    "address",
    "special_circumstances",
    "carer",
    "status",
    "destination",
)


class InvalidCallError(StoreError):
    """A value of a call that the database cannot hold (or that no call can have); nothing was written. ``field``
    names the value refused (a Call field), when there is one, so that a screen can point at it."""

    def __init__(self, code: str, template: str, /, field: str | None = None, **params: object):
        super().__init__(code, template, field=field, **params)
        self.field = field


#: Text a person types: stored in Unicode NFC, so "Nguyễn" typed with combining accents (as some Vietnamese
#: input methods and macOS write it) is the same text as the precomposed one, and every font draws it.
_FREE_TEXT = (
    "phone_raw",
    "caller_name",
    "summary",
    "action_taken",
    "help_before",
    "incident_place",
    "flag_override_reason",
    "review_note",
)
_CHILD_TEXT = ("name", "address", "carer")
#: An age a person can have; the form offers 0–17, imported records may hold an adult's.
MAX_AGE = 120
#: Counts and codes must fit the 32-bit integers Qt's widgets and models use.
MAX_INT = 2**31 - 1
_SURROGATE = re.compile("[\ud800-\udfff]")


def prepare_call(call: Call) -> Call:
    """Derive what the store keeps consistent itself: the normalized phone, texts in NFC, and times cut to whole
    milliseconds; refuse (InvalidCallError) a value the database cannot hold.

    The database keeps milliseconds; without the cut, the Call that save_call returns would differ from the
    stored one by its microseconds, and editing it would record safety_due and plan_due as changed.
    """
    _check_values(call)
    texts = {name: unicodedata.normalize("NFC", getattr(call, name)) for name in _FREE_TEXT}
    children = [
        replace(child, **{name: unicodedata.normalize("NFC", getattr(child, name)) for name in _CHILD_TEXT})
        for child in call.children
    ]
    info = normalize_phone(texts["phone_raw"])
    times = {name: _whole_ms(getattr(call, name)) for name in TIME_FIELDS if name not in ("created_at", "updated_at")}
    return replace(call, phone_e164=info.e164, phone_kind=info.kind, children=children, **texts, **times)


def _check_values(call: Call) -> None:
    """Refuse what SQLite cannot store or no call can carry, naming the field but never its content."""
    for position, child in enumerate(call.children, start=1):
        if child.age is not None and not 0 <= child.age <= MAX_AGE:
            raise InvalidCallError(
                "call.age_out_of_range",
                QT_TRANSLATE_NOOP("StoreError", "The age of child {position} must be between 0 and {max_age}"),
                field=f"children.{position}.age",
                position=position,
                max_age=MAX_AGE,
            )
    for name, value in _plain_values(call):
        if isinstance(value, str) and _SURROGATE.search(value):
            raise InvalidCallError(
                "call.broken_character",
                QT_TRANSLATE_NOOP(
                    "StoreError", "The field '{field}' holds a broken character (half a UTF-16 pair): retype that part"
                ),
                field=name,
            )
        if isinstance(value, int) and not isinstance(value, bool) and not 0 <= value <= MAX_INT:
            raise InvalidCallError(
                "call.number_out_of_range",
                QT_TRANSLATE_NOOP("StoreError", "The number '{field}' must be between 0 and {max_int}"),
                field=name,
                max_int=MAX_INT,
            )
    for name in TIME_FIELDS:
        moment = getattr(call, name)
        if moment is not None and not in_supported_range(moment):
            raise InvalidCallError(
                "call.time_out_of_range",
                QT_TRANSLATE_NOOP(
                    "StoreError", "The time '{field}' lies outside the years {first_year}–{last_year}: check the clock"
                ),
                field=name,
                first_year=EARLIEST.year,
                last_year=LATEST.year - 1,
            )


def _plain_values(call: Call) -> Iterator[tuple[str, object]]:
    """Every text and number of a call and its children (lists of codes and the flag's reasons included)."""
    for name in Call.__dataclass_fields__:
        if name in ("children", "handoffs", "id", "version") or name in TIME_FIELDS:
            continue
        yield from _nested(name, getattr(call, name))
    for position, child in enumerate(call.children, start=1):
        for name in CHILD_FIELDS:
            yield from _nested(f"children.{position}.{name}", getattr(child, name))


def _nested(name: str, value) -> Iterator[tuple[str, object]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _nested(name, key)
            yield from _nested(name, item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _nested(name, item)
    else:
        yield name, value


def _whole_ms(moment: datetime | None) -> datetime | None:
    return None if moment is None else moment.replace(microsecond=moment.microsecond // 1000 * 1000)
