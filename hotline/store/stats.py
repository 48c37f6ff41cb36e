"""Statistics queries over a period: the figures the centre reports (DESIGN §1, issue 7 builds on them)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

import sqlite_utils

from hotline.core import permissions
from hotline.core.timeutil import to_ms
from hotline.store import access

#: Categories that make a call an abuse or trafficking *report*; recruitment questions alone are information.
_REPORT_WHERE = (
    "(cc.code LIKE 'abuse.%' OR (cc.code LIKE 'trafficking.%' AND cc.code != 'trafficking.recruitment_info'))"
)


@dataclass
class PeriodStats:
    calls_total: int = 0
    by_line: dict[str, int] = field(default_factory=dict)
    by_outcome: dict[str, int] = field(default_factory=dict)
    substantive: int = 0
    by_category_group: dict[str, int] = field(default_factory=dict)
    by_category: dict[str, int] = field(default_factory=dict)
    flagged: int = 0
    abuse_reports: int = 0
    abuse_reports_with_case: int = 0

    def as_dict(self) -> dict:
        return {
            "calls_total": self.calls_total,
            "by_line": self.by_line,
            "by_outcome": self.by_outcome,
            "substantive": self.substantive,
            "by_category_group": self.by_category_group,
            "by_category": self.by_category,
            "flagged": self.flagged,
            "abuse_reports": self.abuse_reports,
            "abuse_reports_with_case": self.abuse_reports_with_case,
        }


def period_stats(
    db: sqlite_utils.Database,
    start: datetime,
    end: datetime,
    lines: Sequence[str] | None = None,
    *,
    viewer_id: access.Actor,
) -> PeriodStats:
    """Counts for calls that started in [start, end), optionally only on some lines (STATS_VIEW; the command
    line passes access.COMMAND_LINE).

    A call counts once per category group even when it has several categories of that group.
    """
    access.require(db, viewer_id, permissions.STATS_VIEW)
    params: list = [to_ms(start), to_ms(end)]
    line_sql = ""
    if lines:
        line_sql = f" AND c.line IN ({','.join('?' * len(lines))})"
        params += list(lines)
    conn = db.conn
    stats = PeriodStats()
    by_line: Counter[str] = Counter()
    by_outcome: Counter[str] = Counter()
    for line, outcome, count, flagged in conn.execute(
        f"SELECT c.line, c.outcome, count(*), sum(c.flagged) FROM calls c INDEXED BY calls_started"
        f" WHERE c.started_at >= ? AND c.started_at < ?{line_sql} GROUP BY c.line, c.outcome",
        params,
    ):
        by_line[line] += count
        by_outcome[outcome] += count
        stats.flagged += flagged
    stats.calls_total = sum(by_line.values())
    stats.by_line = dict(sorted(by_line.items()))
    stats.by_outcome = dict(sorted(by_outcome.items()))
    stats.substantive = by_outcome.get("substantive", 0)

    substantive = (
        f"SELECT c.id FROM calls c INDEXED BY calls_substantive WHERE c.outcome = 'substantive'"
        f" AND c.started_at >= ? AND c.started_at < ?{line_sql}"
    )
    by_category: Counter[str] = Counter()
    groups: Counter[str] = Counter()
    for call_id_codes in conn.execute(
        f"SELECT group_concat(cc.code, ' ') FROM ({substantive}) s JOIN call_categories cc ON cc.call_id = s.id"
        " GROUP BY s.id",
        params,
    ):
        codes = call_id_codes[0].split()
        by_category.update(codes)
        groups.update({code.split(".", 1)[0] for code in codes})
    stats.by_category = dict(sorted(by_category.items()))
    stats.by_category_group = dict(sorted(groups.items()))

    stats.abuse_reports, stats.abuse_reports_with_case = conn.execute(
        f"""
        SELECT count(*), coalesce(sum(EXISTS (SELECT 1 FROM cases k WHERE k.call_id = r.id)
                                   OR EXISTS (SELECT 1 FROM case_calls l WHERE l.call_id = r.id)), 0)
        FROM (SELECT DISTINCT s.id FROM ({substantive}) s JOIN call_categories cc ON cc.call_id = s.id
              WHERE {_REPORT_WHERE}) r
        """,
        params,
    ).fetchone()
    return stats
