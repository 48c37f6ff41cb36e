"""The intake call of a case file: the call it was opened from, read in full by whoever may see the case."""

from __future__ import annotations

import pytest

from hotline.core.models import Child
from hotline.store import cases as store
from hotline.store import users
from hotline.store.access import COMMAND_LINE
from hotline.store.calls import save_call
from hotline.store.db import StoreError

SUMMARY = "Hàng xóm báo trẻ bị cha dượng đánh, có vết bầm ở tay."


def test_the_intake_call_is_what_the_caller_reported(db, make_call, lead_id, operator_id):
    """A counselor and a shift lead read the intake call's summary, categories, risk and operator; an operator,
    who may not see the case, is refused."""
    counselor = users.add_user(db, "canbo1", "Counselor One", ["counselor"], "test-password-1", by=COMMAND_LINE).id
    report = {"risk": "high", "flagged": True, "service_level": "intervention"}
    call = save_call(db, make_call(categories=["abuse.violence", "abuse.neglect"], summary=SUMMARY,
                                   children=[Child(name="Bé An")], **report))  # fmt: skip
    later = save_call(db, make_call(30, categories=["abuse.violence"], summary="Gọi lại.",
                                    children=[Child(name="Bé An")], **report))  # fmt: skip
    (case,) = store.open_cases(db, call.id, [call.children[0].id], by_user_id=counselor, assigned_to=counselor)
    store.link_call(db, case.id, later.id, by_user_id=counselor)
    for viewer in (counselor, lead_id):
        intake = store.intake_call(db, case.id, viewer_id=viewer)
        assert (intake.id, intake.summary, intake.risk, intake.operator_id) == (call.id, SUMMARY, "high", operator_id)
        assert sorted(intake.categories) == ["abuse.neglect", "abuse.violence"]
    with pytest.raises(StoreError):
        store.intake_call(db, case.id, viewer_id=operator_id)
