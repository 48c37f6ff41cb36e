"""Mẫu số 01's own report numbers ("Số: 12/BC-TTCTXH"): per Vietnamese year, gap-free, given once per case file.

A case file gets its number the first time its Mẫu 01 is made, and keeps it: a reprint shows the same number and
date. The number continues the year's counter in `report_numbers` inside the same BEGIN IMMEDIATE transaction that
writes it into `cases.report_number`, so two copies of Hotline never share or skip a number (docs/law.md, Mẫu số 01).

`cases.report_number` holds the number with the day it was given, "12/BC-TTCTXH ngày 05/03/2026", as a report is
cited: the day is printed on the form, and it keeps the column unique when each year's count starts again at 1.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

import sqlite_utils

from hotline.core import permissions
from hotline.core.models import age_group
from hotline.core.timeutil import local, utcnow
from hotline.core.wording import QT_TRANSLATE_NOOP
from hotline.store import access, audit
from hotline.store.db import NotFoundError, StoreError, write

#: The kind of document and the unit: BC (báo cáo) of the TTCTXH (Trung tâm Công tác xã hội).
SYMBOL = "BC-TTCTXH"
_STORED = re.compile(r"(\d+)/(\S+) ngày (\d{2})/(\d{2})/(\d{4})")

ADULT_REFUSED = QT_TRANSLATE_NOOP(
    "StoreError",
    "No Mẫu số 01 for a person aged 18 or more: it reports on a child; an adult trafficking victim is"
    " referred to the police or the Border Guard",
)


@dataclass(frozen=True)
class ReportNumber:
    """One Mẫu 01 number: its place in the year's count, the symbol and the day it was given (local date)."""

    sequence: int
    issued_on: date
    symbol: str = SYMBOL

    @property
    def text(self) -> str:
        """As printed after "Số:": ``12/BC-TTCTXH``."""
        return f"{self.sequence}/{self.symbol}"

    @property
    def stored(self) -> str:
        """As kept in cases.report_number: ``12/BC-TTCTXH ngày 05/03/2026``."""
        return f"{self.text} ngày {self.issued_on:%d/%m/%Y}"


def parse_report_number(stored: str) -> ReportNumber:
    """The number kept in cases.report_number; ValueError when the text is not one."""
    match = _STORED.fullmatch(stored.strip())
    if match is None:
        raise ValueError("not a Mẫu 01 report number")
    sequence, symbol, day, month, year = match.groups()
    return ReportNumber(int(sequence), date(int(year), int(month), int(day)), symbol)


def report_number(
    db: sqlite_utils.Database, case_id: int, *, viewer_id: int, now: datetime | None = None
) -> ReportNumber:
    """The Mẫu 01 number of the case, given now (next in the year of ``now``, Vietnamese calendar) if it has none.

    Whoever may make the case's Mẫu 01 may do this (permissions.case_export_actions: EXPORT_PERSONAL, or
    EXPORT_OWN_CASES for a case assigned to them). Giving the number is audited as a change of the case
    ("case.details", the column's name and the number: no personal data). A person aged 18 or more has no
    Mẫu 01 (an adult trafficking victim gets a victim referral): StoreError.
    """
    row = db.conn.execute(
        "SELECT k.assigned_to, ch.age, ch.age_band FROM cases k LEFT JOIN call_children ch ON ch.id = k.child_id"
        " WHERE k.id = ?",
        [case_id],
    ).fetchone()
    if row is None:
        raise NotFoundError(
            "case.not_found", QT_TRANSLATE_NOOP("StoreError", "Case {case_id} not found"), case_id=case_id
        )
    # checked before the transaction: a refusal's audit row must not be rolled back with it
    access.require_any(db, viewer_id, *permissions.case_export_actions(viewer_id, row[0]))
    if age_group(row[1], row[2] or "unknown") == "adult":
        raise StoreError("case.report_for_adult", ADULT_REFUSED)
    now = now or utcnow()
    if now.tzinfo is None:
        raise ValueError("naive datetime: the moment must carry a timezone")
    with write(db) as conn:
        (stored,) = conn.execute("SELECT report_number FROM cases WHERE id = ?", [case_id]).fetchone()
        if stored:
            try:
                return parse_report_number(stored)
            except ValueError:
                raise StoreError(
                    "case.report_number_malformed",
                    QT_TRANSLATE_NOOP(
                        "StoreError",
                        "The stored Mẫu 01 number of case {case_id} is not of the form «12/BC-TTCTXH ngày 05/03/2026»",
                    ),
                    case_id=case_id,
                ) from None
        today = local(now).date()
        sequence = conn.execute(
            "INSERT INTO report_numbers(year, last) VALUES (?, 1)"
            " ON CONFLICT(year) DO UPDATE SET last = last + 1 RETURNING last",
            [today.year],
        ).fetchone()[0]
        number = ReportNumber(sequence, today)
        conn.execute("UPDATE cases SET report_number = ? WHERE id = ?", [number.stored, case_id])
        audit.append(db, viewer_id, "case.details", "case", case_id, f"report_number={number.text}")
        return number
