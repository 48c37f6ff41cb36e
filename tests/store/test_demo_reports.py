"""The demo's reports carry the facts of docs/law.md with realistic shares: each person's status, adults only as
trafficking victims, destinations, service levels, place and setting, help before, referrals and hand-offs."""

from __future__ import annotations

import shutil
import sqlite3
from collections import Counter
from datetime import date

import pytest

from hotline.core.models import DESTINATIONS, INCIDENT_SETTINGS, SERVICE_LEVELS, SUBSTANTIVE, age_group
from hotline.core.places import DEFAULT_PROVINCE, ward_name, ward_province
from hotline.demo import generate_calls

STATUSES = {"abused", "at_risk", "unclear"}


def rows(conn: sqlite3.Connection, sql: str) -> list[dict]:
    cur = conn.execute(sql)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur]


@pytest.fixture(scope="module")
def stored(demo_template, tmp_path_factory):
    """The demo database's calls (with their categories), people and hand-offs, read back with plain SQL."""
    path = tmp_path_factory.mktemp("demo-reports") / "demo.sqlite3"
    shutil.copyfile(demo_template, path)
    conn = sqlite3.connect(path)
    calls = {c["id"]: c for c in rows(conn, "SELECT * FROM calls")}
    for c in calls.values():
        c["categories"] = []
    for call_id, code in conn.execute("SELECT call_id, code FROM call_categories ORDER BY code"):
        calls[call_id]["categories"].append(code)
    people = rows(conn, "SELECT * FROM call_children")
    handoffs = rows(conn, "SELECT * FROM handoffs")
    conn.close()
    return calls, people, handoffs


@pytest.fixture(scope="module")
def sample():
    """The substantive calls of 30,000 generated calls: enough for shares of rare facts, without a database."""
    calls = generate_calls(30_000, seed=5, end_day=date(2026, 10, 31), operators=[1, 2], counselors=[3])
    return [call for call, _ in calls if call.outcome == SUBSTANTIVE]


def groups(categories) -> set[str]:
    return {code.split(".", 1)[0] for code in categories}


def test_demo_holds_every_status_and_group(stored):
    """The demo database holds people of every status and every group in law: child, minor (16–17), adult."""
    _, people, _ = stored
    assert {p["status"] for p in people} == STATUSES
    assert {age_group(p["age"], p["age_band"]) for p in people} == {"child", "minor", "adult"}


def test_status_follows_the_kind_of_report(sample):
    """Abuse reports name mostly abused children, rights violations mostly children at risk, counselling calls
    only children whose status is unclear or at risk (docs/law.md "Who is a child")."""

    def statuses(group: str) -> Counter:
        return Counter(p.status for c in sample if group in groups(c.categories) for p in c.children)

    abuse, rights, counselling = statuses("abuse"), statuses("rights"), statuses("counselling")
    assert abuse.most_common(1)[0][0] == "abused" and set(abuse) == STATUSES
    assert abuse["at_risk"] > abuse["unclear"] > 0
    assert rights.most_common(1)[0][0] == "at_risk"
    assert set(counselling) == {"unclear", "at_risk"} and counselling["unclear"] > counselling["at_risk"]


def test_adults_only_on_trafficking_calls(stored, sample):
    """Adults (18 or older, or the band "18+") are named only on trafficking calls, aged 18–45 when known, about
    a third of the people on trafficking calls (ND 162/2025: 111 is also the anti-trafficking line)."""
    calls, people, _ = stored
    adults = [p for p in people if age_group(p["age"], p["age_band"]) == "adult"]
    assert adults
    for person in adults:
        assert "trafficking" in groups(calls[person["call_id"]]["categories"]), person["call_id"]
        assert person["age"] is None or 18 <= person["age"] <= 45
    on_trafficking = [p for c in sample if "trafficking" in groups(c.categories) for p in c.children]
    share = sum(p.group == "adult" for p in on_trafficking) / len(on_trafficking)
    assert 0.25 < share < 0.42
    minors = [p for c in sample for p in c.children if p.group == "minor"]
    children = [p for c in sample for p in c.children if p.group == "child"]
    assert 0.05 < len(minors) / (len(minors) + len(children)) < 0.25  # under 16 mostly, some 16–17


def test_people_on_trafficking_calls_have_destinations(stored, sample):
    """Children and adults on trafficking calls get destinations, Cambodia most often (An Giang borders it), every
    destination appears, and nobody off a trafficking call has one."""
    calls, people, _ = stored
    for person in people:
        if person["destination"]:
            assert "trafficking" in groups(calls[person["call_id"]]["categories"]), person["call_id"]
    on_trafficking = [p for c in sample if "trafficking" in groups(c.categories) for p in c.children]
    found = Counter(p.destination for p in on_trafficking if p.destination)
    assert set(found) == set(DESTINATIONS)
    assert found.most_common(1)[0][0] == "cambodia"
    assert found["vietnam"] > found["laos"]
    assert {p.group for p in on_trafficking if p.destination} == {"child", "minor", "adult"}
    assert sum(bool(p.destination) for p in on_trafficking) / len(on_trafficking) > 0.8


def test_every_call_with_content_has_one_service_level(stored):
    """Every call with content has one of the three service levels, one-key calls none; information and counselling
    together are most of them, and the interventions are the flagged reports and the adult victims' referrals."""
    calls, _, _ = stored
    levels = Counter()
    for c in calls.values():
        if c["outcome"] != SUBSTANTIVE:
            assert c["service_level"] == ""
            continue
        levels[c["service_level"]] += 1
        report = bool(groups(c["categories"]) & {"abuse", "rights", "trafficking"})
        intervention = (c["flagged"] and report) or c["victim_referral"]
        assert (c["service_level"] == "intervention") == bool(intervention), c["id"]
    assert set(levels) == set(SERVICE_LEVELS)
    assert levels["information"] + levels["counselling"] > levels["intervention"]


def test_every_report_has_a_setting_that_fits(stored, sample):
    """Every report records a setting; the demo holds every setting; family leads for violence and neglect, online
    for online sexual abuse, workplace or community for exploitation (Thông tư 13/2021, indicator 0101)."""
    calls, _, _ = stored
    assert {c["incident_setting"] for c in calls.values() if c["incident_setting"]} == set(INCIDENT_SETTINGS)
    for c in sample:
        if groups(c.categories) & {"abuse", "rights", "trafficking"}:
            assert c.incident_setting in INCIDENT_SETTINGS, c.categories

    def top(code: str) -> str:
        return Counter(c.incident_setting for c in sample if c.categories[0] == code).most_common(1)[0][0]

    assert top("abuse.violence") == top("abuse.neglect") == "family"
    assert top("abuse.online_sexual") == "online"
    assert top("abuse.exploitation") in ("workplace", "community")
    assert Counter(c.incident_setting for c in sample)["school"] > 0


def test_place_of_the_incident_is_mostly_the_childs_commune(sample):
    """The commune of the incident is an An Giang commune, mostly the child's own but not always; some reports give
    only free text."""
    reports = [c for c in sample if groups(c.categories) & {"abuse", "rights", "trafficking"}]
    same = other = text_only = 0
    for c in reports:
        home = next((p.ward_code for p in c.children if p.ward_code), None)
        if c.incident_ward_code is not None:
            assert ward_province(c.incident_ward_code) == DEFAULT_PROVINCE == c.incident_province_code
            same += c.incident_ward_code == home
            other += c.incident_ward_code != home
        else:
            assert c.incident_province_code is None
            text_only += bool(c.incident_place)
    assert same > 2 * other > 0 and text_only > 0


def test_help_before_on_a_share_of_reports(sample):
    """About a third of reports tell the help given before the call (Mẫu 01); counselling and information never."""
    reports = [c for c in sample if groups(c.categories) & {"abuse", "rights", "trafficking"}]
    share = sum(bool(c.help_before) for c in reports) / len(reports)
    assert 0.2 < share < 0.45
    assert not any(c.help_before for c in sample if c not in reports)


def test_referrals_include_border_guard_and_shelters(sample):
    """Trafficking reports go to the Border Guard, some reports to an NGO or shelter, and every adult victim's call
    to the police or the Border Guard (docs/law.md "Referral destinations")."""
    found = Counter(code for c in sample for code in c.referrals)
    assert found["commune"] > found["police_113"] > 0 and found["ngo_shelter"] > 0
    trafficking_guard = sum("border_guard" in c.referrals for c in sample if "trafficking" in groups(c.categories))
    assert trafficking_guard == found["border_guard"] > 0
    for c in sample:
        if c.victim_referral:
            assert {"police_113", "border_guard"} & set(c.referrals), c.categories


def test_reports_are_handed_to_the_commune_and_adult_victims_referred(stored):
    """Most reports due to the commune have a hand-off to "UBND <commune>", most of them within the hour, never
    before it is due (Điều 26(1): at once); adult victims' calls get a victim hand-off to the police or the Border
    Guard."""
    calls, people, handoffs = stored
    due = [c for c in calls.values() if c["handoff_due"] is not None]
    by_call = Counter((h["call_id"], h["kind"]) for h in handoffs)
    assert sum(by_call[(c["id"], "commune")] for c in due) > 0.8 * len(due)
    delays = sorted(h["at"] - calls[h["call_id"]]["handoff_due"] for h in handoffs if h["kind"] == "commune")
    assert delays[len(delays) // 2] < 3_600_000
    for h in handoffs:
        call = calls[h["call_id"]]
        assert h["means"] in ("phone", "in_person", "written", "other")
        assert h["user_id"] == call["operator_id"]
        if h["kind"] == "commune":
            assert call["handoff_due"] is not None and h["at"] >= call["handoff_due"]
            homes = [p["ward_code"] for p in people if p["call_id"] == call["id"] and p["ward_code"]]
            name = ward_name(call["incident_ward_code"] or (homes[0] if homes else None))
            assert h["to_whom"] == f"UBND {name[:1].lower()}{name[1:]}" if name else h["to_whom"].startswith("UBND ")
        else:
            assert h["kind"] == "victim" and call["victim_referral"]
            assert ("Biên phòng" in h["to_whom"]) == ("border_guard" in call["referrals"])
            assert "Công an" in h["to_whom"] or "Biên phòng" in h["to_whom"]
    assert {h["kind"] for h in handoffs} == {"commune", "victim"}
