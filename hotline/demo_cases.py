"""What the demo records on its case files' clocks: 12-hour outcomes, approvals, separations, cycles, hand-offs.

As docs/law.md "Clocks" describes them: most met in time, a few late, a few not yet, so every list has rows.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from hotline.core import case_clocks
from hotline.core.deadlines import separation_due
from hotline.core.models import Call, Handoff
from hotline.core.places import ward_name
from hotline.core.timeutil import local
from hotline.store import bulk

_APPLIED = (
    "Công an xã đưa trẻ về nhà bà ngoại; Chủ tịch UBND xã quyết định áp dụng biện pháp khẩn cấp",
    "Cán bộ xã cùng công an tách người gây hại khỏi trẻ, đưa trẻ đi khám tại trạm y tế xã",
    "Chủ tịch UBND xã quyết định tạm thời cách ly trẻ khỏi cha dượng, giao bà nội chăm sóc",
    "Công an xã tạm giữ người gây hại; trạm y tế sơ cứu cho trẻ",
)
_NONE_NEEDED = (
    "Cán bộ xã đã đến nhà: trẻ đang ở cùng mẹ, người gây hại không còn sống cùng nhà",
    "Trẻ đang ở trường nội trú, được giáo viên chủ nhiệm theo dõi hằng ngày",
    "Người gây hại đã bị công an tạm giữ; trẻ ở cùng gia đình, an toàn",
    "Gia đình đã đưa trẻ đến nhà người thân ở xã khác; cán bộ xã nơi đó theo dõi",
)
_PLACES = (
    "Trẻ ở nhà bà ngoại theo quyết định của Chủ tịch UBND xã",
    "Trẻ được đưa vào cơ sở trợ giúp xã hội của tỉnh",
    "Trẻ ở với gia đình người thân (cô ruột), cán bộ xã theo dõi",
)
_EXTENDED = "Chủ tịch UBND xã gia hạn tạm thời cách ly: người gây hại chưa bị xử lý xong"
_ENDED = "Trẻ về lại gia đình; mẹ cam kết bảo vệ trẻ"
_APPROVED = "Quyết định phê duyệt kế hoạch hỗ trợ, can thiệp (Mẫu 05) của Chủ tịch UBND xã"
_STILL_AT_RISK = "Rà soát: trẻ vẫn còn nguy cơ bị bạo lực, cần kế hoạch mới"


@dataclass
class CaseClocks:
    """The clock fields and events of one demo case, as bulk.CaseSpec takes them."""

    plan_due: datetime | None
    steps: tuple[tuple[str, datetime], ...]
    status: str
    emergency_done_at: datetime | None = None
    plan_approved_on: date | None = None
    separation_started_at: datetime | None = None
    separation_until: datetime | None = None
    separation_ended_at: datetime | None = None
    events: list[tuple[str, datetime, str, str | None]] = field(default_factory=list)


def case_clocks_of(
    rng: random.Random, call: Call, status: str, steps: tuple, closed: datetime | None, now: datetime
) -> CaseClocks:
    """Most 12-hour clocks met in time (either outcome), one in ten late, a few not recorded; two plans in three
    approved; a temporary separation after some emergency measures; a new plan cycle after one review in eight."""
    until = closed or now
    facts = CaseClocks(plan_due=call.plan_due, steps=tuple(steps), status=status)
    if call.safety_due is not None:
        _emergency(rng, facts, call, until)
    if status == "review" and rng.random() < 0.125:
        _new_cycle(rng, facts, now)
    plan_at = next((at for step, at in reversed(facts.steps) if step == "plan"), None)
    if plan_at is not None and rng.random() < 0.65:
        at = plan_at + timedelta(days=rng.uniform(0.5, 4))
        if at <= until:
            facts.plan_approved_on = local(at).date()
            facts.events.append(("plan_approved", at, _APPROVED, facts.plan_approved_on.isoformat()))
    return facts


def _emergency(rng: random.Random, facts: CaseClocks, call: Call, until: datetime) -> None:
    draw = rng.random()
    if draw < 0.88:  # within the 12 hours
        at = call.started_at + (call.safety_due - call.started_at) * rng.uniform(0.05, 0.95)
    elif draw < 0.98:  # late
        at = call.safety_due + timedelta(hours=rng.uniform(1, 30))
    else:  # not recorded
        return
    if at > until:
        return
    applied = rng.random() < 0.35
    text = rng.choice(_APPLIED if applied else _NONE_NEEDED)
    facts.emergency_done_at = at
    facts.events.append(("emergency", at, text, "applied" if applied else "none_needed"))
    if applied and rng.random() < 0.3:
        _separation(rng, facts, at + timedelta(minutes=rng.uniform(10, 90)), until)


def _separation(rng: random.Random, facts: CaseClocks, start: datetime, until: datetime) -> None:
    if start > until:
        return
    facts.separation_started_at, facts.separation_until = start, separation_due(start)
    facts.events.append(("separation_start", start, rng.choice(_PLACES), None))
    end = start + timedelta(days=rng.uniform(3, 14))
    if rng.random() < 0.15:  # a competent authority extends it, a few days before it runs out
        asked = start + timedelta(days=rng.uniform(11, 14))
        if asked <= until:
            last_day = local(start).date() + timedelta(days=rng.choice((25, 30)))
            facts.separation_until = case_clocks.end_of_local_day(last_day)
            facts.events.append(("separation_extend", asked, _EXTENDED, last_day.isoformat()))
            end = start + timedelta(days=rng.uniform(16, 28))
    if end <= until and rng.random() < 0.95:
        facts.separation_ended_at = end
        facts.events.append(("separation_end", end, _ENDED, None))


def _new_cycle(rng: random.Random, facts: CaseClocks, now: datetime) -> None:
    """Điều 30: the review found the child still at risk; a new plan, due 5 working days after the review."""
    review_at = facts.steps[-1][1]
    facts.events.append(("cycle", review_at, _STILL_AT_RISK, None))
    facts.plan_due = case_clocks.new_cycle_plan_due(review_at)
    facts.status = "needs"
    redone = review_at + timedelta(days=rng.uniform(1, 4))
    if redone <= now and rng.random() < 0.7:
        facts.steps += (("plan", redone),)
        facts.status = "plan"


def late_handoffs(rng: random.Random, call: Call, now: datetime) -> list[bulk.HandoffSpec]:
    """A report due to the commune and not passed on at the call (the call generator's hand-offs) is mostly
    passed on later the same day or the next; one in five is still not recorded."""
    if call.handoff_due is None or any(h.kind == "commune" for h in call.handoffs) or rng.random() < 0.2:
        return []
    at = call.handoff_due + timedelta(hours=min(60.0, rng.lognormvariate(1.6, 0.9)))
    if at > now:
        return []
    home = next((person.ward_code for person in call.children if person.ward_code), None)
    name = ward_name(call.incident_ward_code or home)
    to_whom = f"UBND {name[:1].lower()}{name[1:]}" if name else "UBND xã nơi xảy ra vụ việc"
    means = rng.choice(("phone", "phone", "phone", "written", "in_person"))
    return [bulk.HandoffSpec(call.id, Handoff("commune", to_whom, means, at, call.operator_id))]
