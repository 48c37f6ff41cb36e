"""Forms filled from a case file and its call (store → reports): Mẫu số 01 today."""

from __future__ import annotations

from datetime import datetime

import sqlite_utils

from hotline.core.models import Child
from hotline.reports.form01 import Form01Data
from hotline.store import cases as case_store
from hotline.store import categories, report_numbers


def form01_data(
    db: sqlite_utils.Database, case_id: int, centre_name: str, *, viewer_id: int, now: datetime | None = None
) -> Form01Data:
    """Mẫu số 01 of the case's child, for a viewer who may export it (store.cases.form01_sources).

    The first time, the case gets the form's own number (store.report_numbers: the next of the Vietnamese year of
    ``now``, default the present); later the same number and date print again. A person aged 18 or more has no
    Mẫu 01: StoreError. The informant is named only if the counselor recorded their consent in the case file:
    "may be called back", asked during the call, is not consent to be named in a report.
    """
    case, call, operator_name = case_store.form01_sources(db, case_id, viewer_id=viewer_id)
    number = report_numbers.report_number(db, case_id, viewer_id=viewer_id, now=now)
    taxonomy = categories.load_taxonomy(db)  # the names the centre uses now (an administrator may rename one)
    # the call's own record of the child carries the status that titles the form
    child = next((c for c in call.children if c.id is not None and c.id == case.child_id), case.child or Child())
    return Form01Data(
        centre_name=centre_name, received_at=call.started_at, channel=call.channel, line=call.line, child=child,
        categories=tuple(call.categories), report_number=number.text, report_date=number.issued_on,
        case_number=case.number, help_before=call.help_before, action_taken=call.action_taken,
        referrals=tuple(call.referrals), incident_province_code=call.incident_province_code,
        incident_ward_code=call.incident_ward_code, incident_place=call.incident_place,
        informant_consent=case.details.get("informant_consent") == "yes", informant_name=call.caller_name,
        informant_phone=call.phone_raw, informant_relation=call.caller_relation,
        informant_address=case.details.get("informant_address", ""), officer_name=operator_name,
        details=dict(case.details), category_labels={code: taxonomy.label(code, "vi") for code in call.categories},
    )  # fmt: skip
