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
    """A value of a call that the database cannot hold (or that no call can have); nothing was written."""


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
                f"Tuổi của trẻ thứ {position} phải từ 0 đến {MAX_AGE}"
                f" / The age of child {position} must be between 0 and {MAX_AGE}"
            )
    for name, value in _plain_values(call):
        if isinstance(value, str) and _SURROGATE.search(value):
            raise InvalidCallError(
                f"Ô «{name}» chứa một ký tự hỏng (nửa cặp UTF-16), hãy gõ lại đoạn đó"
                f" / The field '{name}' holds a broken character (half a UTF-16 pair): retype that part"
            )
        if isinstance(value, int) and not isinstance(value, bool) and not 0 <= value <= MAX_INT:
            raise InvalidCallError(
                f"Số «{name}» phải từ 0 đến {MAX_INT} / The number '{name}' must be between 0 and {MAX_INT}"
            )
    for name in TIME_FIELDS:
        moment = getattr(call, name)
        if moment is not None and not in_supported_range(moment):
            raise InvalidCallError(
                f"Thời điểm «{name}» nằm ngoài các năm {EARLIEST.year}–{LATEST.year - 1}, hãy xem lại đồng hồ máy"
                f" / The time '{name}' lies outside the years {EARLIEST.year}–{LATEST.year - 1}: check the clock"
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
