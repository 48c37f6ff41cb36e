"""Forms filled from a case file and its call (store → reports): Mẫu số 01 today."""

from __future__ import annotations

import sqlite_utils

from hotline.core.cases import Case
from hotline.core.models import Child
from hotline.reports.form01 import Form01Data
from hotline.store import calls as call_store
from hotline.store import users as user_store


def form01_data(db: sqlite_utils.Database, case: Case, centre_name: str) -> Form01Data:
    """Mẫu số 01 of the case's child. The informant is named only if the counselor recorded their consent:
    "may be called back", asked during the call, is not consent to be named in a report."""
    call = call_store.get_call(db, case.call_id)
    operator = user_store.get_user(db, call.operator_id)
    return Form01Data(
        centre_name=centre_name, case_number=case.number, received_at=call.started_at, channel=call.channel,
        line=call.line, child=case.child or Child(), categories=tuple(call.categories), summary=call.summary,
        action_taken=call.action_taken, referrals=tuple(call.referrals),
        informant_consent=case.details.get("informant_consent") == "yes", informant_name=call.caller_name,
        informant_phone=call.phone_raw, informant_relation=call.caller_relation,
        informant_address=case.details.get("informant_address", ""), officer_name=operator.display_name,
        details=dict(case.details),
    )  # fmt: skip
