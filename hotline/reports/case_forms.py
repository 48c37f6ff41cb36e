"""Forms filled from a case file and its call (store → reports): Mẫu số 01 today."""

from __future__ import annotations

import sqlite_utils

from hotline.core.models import Child
from hotline.reports.form01 import Form01Data
from hotline.store import cases as case_store
from hotline.store import categories


def form01_data(db: sqlite_utils.Database, case_id: int, centre_name: str, *, viewer_id: int) -> Form01Data:
    """Mẫu số 01 of the case's child, for a viewer who may export it (store.cases.form01_sources). The informant
    is named only if the counselor recorded their consent: "may be called back", asked during the call, is not
    consent to be named in a report."""
    case, call, operator_name = case_store.form01_sources(db, case_id, viewer_id=viewer_id)
    taxonomy = categories.load_taxonomy(db)  # the names the centre uses now (an administrator may rename one)
    return Form01Data(
        centre_name=centre_name, case_number=case.number, received_at=call.started_at, channel=call.channel,
        line=call.line, child=case.child or Child(), categories=tuple(call.categories), summary=call.summary,
        action_taken=call.action_taken, referrals=tuple(call.referrals),
        informant_consent=case.details.get("informant_consent") == "yes", informant_name=call.caller_name,
        informant_phone=call.phone_raw, informant_relation=call.caller_relation,
        informant_address=case.details.get("informant_address", ""), officer_name=operator_name,
        details=dict(case.details), category_labels={code: taxonomy.label(code, "vi") for code in call.categories},
    )  # fmt: skip
