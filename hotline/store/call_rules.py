"""The case-file rules applied again by the store on every save (docs/law.md): a client cannot store a report
without its risk and service level, nor clear a rule's flag without a written reason, nor set its own clocks."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from typing import NamedTuple

import sqlite_utils

from hotline.core.models import (
    ABUSED_CIRCUMSTANCES,
    CALLER_AGE_BANDS,
    CALLER_RELATIONS,
    CHANNELS,
    CHILD_ABUSED,
    CHILD_AGE_BANDS,
    CHILD_STATUSES,
    DESTINATIONS,
    INCIDENT_SETTINGS,
    OUTCOMES,
    REFERRALS,
    RISK_LEVELS,
    RISK_UNSET,
    SERVICE_LEVELS,
    SEXES,
    SPECIAL_CIRCUMSTANCES,
    SUBSTANTIVE,
    Call,
)
from hotline.core.rules import FlagOverrideError, effective_flag, evaluate_case_file_need, flag_reasons
from hotline.core.wording import QT_TRANSLATE_NOOP
from hotline.store.call_values import InvalidCallError


class Calendar(NamedTuple):
    """The days the 5-working-day clock skips and the Saturdays it counts (centre settings)."""

    holidays: tuple[date, ...] = ()
    working_saturdays: tuple[date, ...] = ()


def calendar(db: sqlite_utils.Database) -> Calendar:
    """The centre's working calendar as the settings hold it."""
    from hotline.settings import Settings  # the registry imports the store: import on use

    settings = Settings.load(db)
    return Calendar(tuple(settings.holidays()), tuple(settings.working_saturdays()))


def apply_rules(
    call: Call,
    days: Calendar,
    *,
    saved_at: datetime,
    before: Call | None = None,
) -> Call:
    """The call with the rules' decision, flag, reasons and clocks as the store keeps them.

    The client's own ``case_need``, ``urgent``, clocks and reasons are ignored; only its ``flagged`` (a person's
    choice) and ``flag_override_reason`` count. Raises InvalidCallError for a report whose risk or service level
    is missing, an unknown code, or a rule's flag cleared without a reason. A report that must go to the commune
    is due from ``saved_at``; an edit (``before``: the stored call) keeps the stored call's hand-off clock while
    the call stays a report, and does not start one for a report stored before hand-offs were recorded. An edit
    may not turn a flagged report into a one-key call.
    """
    _check_codes(call)
    if before is not None and before.case_need == "required" and before.flagged and call.outcome != SUBSTANTIVE:
        # a report that needs a case file does not become a silent or prank call: that would clear the rule's flag
        # without a reason, an audit row or the shift lead's review
        raise InvalidCallError(
            "call.report_cannot_be_quick",
            QT_TRANSLATE_NOOP(
                "StoreError",
                "This call is a report that needs a case file: it cannot become a one-key call. If it was logged by"
                " mistake, clear the case-file flag with a reason first",
            ),
        )
    if call.outcome != SUBSTANTIVE:
        # a one-key outcome carries no report: no risk, no service level, no clocks
        call = replace(call, risk=call.risk or "none", service_level="")
    # children in special circumstances (i), (k), (l), (m) are abused children (Luật Trẻ em Điều 10(1))
    call = replace(call, children=[_abused_if_in_an_abused_group(child) for child in call.children])
    decision = evaluate_case_file_need(
        outcome=call.outcome,
        categories=call.categories,
        risk=call.risk,
        children=call.children,
        started_at=call.started_at,
        holidays=days.holidays,
        working_days=days.working_saturdays,
    )
    if decision.risk_missing:
        raise InvalidCallError(
            "call.risk_missing",
            QT_TRANSLATE_NOOP("StoreError", 'The risk level is not chosen: a report must have one ("None" included)'),
            field="risk",
        )
    if call.outcome == SUBSTANTIVE and call.service_level not in SERVICE_LEVELS:
        raise InvalidCallError(
            "call.service_level_missing",
            QT_TRANSLATE_NOOP(
                "StoreError", "The service level is not chosen: information, counselling or intervention"
            ),
            field="service_level",
        )
    if call.risk == RISK_UNSET:
        call = replace(call, risk="none")  # not a report: no risk to choose
    required = decision.need == "required"
    try:
        flag = effective_flag(
            decision,
            manual_flag=bool(call.flagged) and not required,
            cleared=required and not call.flagged,
            override_reason=call.flag_override_reason,
        )
    except FlagOverrideError as exc:
        raise InvalidCallError(exc.code, exc.template, field="flag_override_reason", **exc.params) from None
    handoff_due = None
    if decision.handoff:
        if before is None:
            handoff_due = saved_at
        elif before.handoff_due is not None or before.case_need != "required":
            handoff_due = before.handoff_due or saved_at
    return replace(
        call,
        case_need=decision.need,
        urgent=decision.urgent,
        flagged=flag.flagged,
        flag_source=flag.source,
        flag_reasons=[r.to_dict() for r in flag_reasons(decision, flag)],
        flag_override_reason="" if flag.flagged else call.flag_override_reason,
        safety_due=decision.safety_due,
        plan_due=decision.plan_due,
        handoff_due=handoff_due,
        victim_referral=decision.victim_referral,
    )


def _abused_if_in_an_abused_group(child):
    if child.group == "adult" or child.status == CHILD_ABUSED:
        return child
    if set(child.special_circumstances) & set(ABUSED_CIRCUMSTANCES):
        return replace(child, status=CHILD_ABUSED)
    return child


def _check_codes(call: Call) -> None:
    """Refuse codes no call can hold; the message names the field, never its content."""
    checks = [
        ("outcome", call.outcome, OUTCOMES),
        ("channel", call.channel, CHANNELS),
        ("risk", call.risk, (RISK_UNSET, *RISK_LEVELS)),
        ("service_level", call.service_level, ("", *SERVICE_LEVELS)),
        ("incident_setting", call.incident_setting, ("", *INCIDENT_SETTINGS)),
        ("caller_relation", call.caller_relation, CALLER_RELATIONS),
        ("caller_sex", call.caller_sex, SEXES),
        ("caller_age_band", call.caller_age_band, CALLER_AGE_BANDS),
    ]
    checks += [("referrals", code, REFERRALS) for code in call.referrals]
    for position, child in enumerate(call.children, start=1):
        checks.append((f"children.{position}.status", child.status, CHILD_STATUSES))
        checks.append((f"children.{position}.destination", child.destination, ("", *DESTINATIONS)))
        checks.append((f"children.{position}.sex", child.sex, SEXES))
        checks.append((f"children.{position}.age_band", child.age_band, CHILD_AGE_BANDS))
        checks += [(f"children.{position}.special_circumstances", c, SPECIAL_CIRCUMSTANCES)
                   for c in child.special_circumstances]  # fmt: skip
    for name, value, allowed in checks:
        if value not in allowed:
            raise InvalidCallError(
                "call.unknown_value", QT_TRANSLATE_NOOP("StoreError", "Unknown value in '{field}'"), field=name
            )
