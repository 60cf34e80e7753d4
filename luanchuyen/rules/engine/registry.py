"""The rule registry: public ids (declared once, in catalogue order) and their dated versions.

A rule id is declared by :func:`declare` (``regulations/catalogue.py``). Each legal version of
it is a small pure function registered with ``@rule(id, since=…, until=…)`` in the module of
the instrument it encodes. At a reference time ``t`` the version whose period contains ``t``
applies; where the law changed, both versions stay and past decisions can be re-run exactly.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Callable, Iterable

from .dates import fmt_date
from .errors import MissingFacts, NoValueInForce, RulesError
from .params import ParamsAt
from .verdict import FAIL, NEEDS_REVIEW, NOT_APPLICABLE, PASS, Verdict

RuleFunction = Callable[[object, dt.date, ParamsAt], Verdict]

CONTEXTS = {
    "proposal": "đề xuất luân chuyển, tại ngày bắt đầu",
    "eligibility": "điều kiện chung để luân chuyển (không gắn với vị trí đến)",
    "followup": "theo dõi trong và sau luân chuyển",
    "cadre": "hồ sơ cán bộ: nghỉ hưu, diện luân chuyển",
    "planning": "quy hoạch của một cán bộ",
    "appointment": "bổ nhiệm vào chức vụ cao hơn",
    "training": "đào tạo, bồi dưỡng",
    "plan": "tổng thể một kế hoạch luân chuyển",
    "planning_list": "tổng thể danh sách quy hoạch",
    "body": "cơ cấu đội ngũ cán bộ",
}


@dataclass(frozen=True, slots=True)
class RuleVersion:
    function: RuleFunction
    since: dt.date
    until: dt.date | None          # inclusive; None = still in force
    instrument: str                # module (legal instrument) that encodes this version
    key: Callable[[object, dt.date], object] | None = None
    # ``key(facts, t)``: everything the verdict depends on besides ``t`` and the parameters. Rules are
    # pure, so an evaluator may reuse the verdict of an equal key (returns None: do not reuse).


@dataclass(slots=True)
class RuleSpec:
    id: str
    title: str                     # Vietnamese, what it checks
    contexts: tuple[str, ...]
    collective: bool
    citation: str                  # for the catalogue table
    confidence: str
    introduced: dt.date | None     # before this date the rule did not exist: not_applicable
    exceptions_allowed: bool = True  # False: the text has no "trường hợp đặc biệt" (e.g. a statutory bar)
    plan_rule: bool = False          # a seed plan rule: not applicable to a proposal outside a plan
    versions: list[RuleVersion] = field(default_factory=list)

    def version_at(self, t: dt.date) -> RuleVersion | None:
        for version in self.versions:
            if version.since <= t and (version.until is None or t <= version.until):
                return version
        return None


RULES: dict[str, RuleSpec] = {}

NO_PLAN_REASON = "Đề xuất không thuộc kế hoạch luân chuyển nào; quy tắc riêng của kế hoạch không áp dụng."


def declare(id: str, title: str, contexts: Iterable[str], *, citation: str, confidence: str,
            collective: bool = False, introduced: dt.date | None = None, exceptions_allowed: bool = True,
            plan_rule: bool = False) -> RuleSpec:
    contexts = tuple(contexts)
    for context in contexts:
        if context not in CONTEXTS:
            raise RulesError(f"Ngữ cảnh «{context}» không tồn tại")
    if id in RULES:
        raise RulesError(f"Quy tắc {id} đã được khai báo")
    spec = RuleSpec(id, title, contexts, collective, citation, confidence, introduced, exceptions_allowed, plan_rule)
    RULES[id] = spec
    return spec


def rule(id: str, *, since: dt.date, until: dt.date | None = None,
         key: Callable[[object, dt.date], object] | None = None) -> Callable[[RuleFunction], RuleFunction]:
    """Register ``function`` as the version of rule ``id`` in force from ``since`` to ``until``.

    ``key`` (optional) names what the verdict depends on (see :class:`RuleVersion`); the evaluator
    then computes the verdict once per distinct key, date and parameters.
    """

    def register(function: RuleFunction) -> RuleFunction:
        spec = RULES.get(id)
        if spec is None:
            raise RulesError(f"Quy tắc {id} chưa được khai báo trong catalogue")
        for other in spec.versions:
            if (other.until is None or since <= other.until) and (until is None or other.since <= until):
                raise RulesError(f"Quy tắc {id}: hai phiên bản chồng thời gian")
        instrument = function.__module__.rsplit(".", 1)[-1]
        spec.versions.append(RuleVersion(function, since, until, instrument, key))
        spec.versions.sort(key=lambda v: v.since)
        return function

    return register


def rules_for(context: str) -> list[RuleSpec]:
    return [spec for spec in RULES.values() if context in spec.contexts]


def run(spec: RuleSpec, facts: object, t: dt.date, p: ParamsAt, exceptions: tuple = ()) -> Verdict:
    """Evaluate one rule at ``t``: pick the version in force, turn missing values and facts into
    ``needs_review``, and apply an approved exception to a ``fail``."""
    return run_version(spec, spec.version_at(t), facts, t, p, exceptions)


def no_version_verdict(spec: RuleSpec, t: dt.date) -> Verdict:
    """The verdict when no version of ``spec`` is in force at ``t``."""
    first = spec.versions[0].since if spec.versions else None
    if spec.introduced is not None and t < spec.introduced:
        return Verdict(spec.id, NOT_APPLICABLE,
                       f"Quy tắc này chỉ có từ ngày {fmt_date(spec.introduced)}; không áp dụng tại {fmt_date(t)}.")
    when = f" (các phiên bản đã mã hóa áp dụng từ {fmt_date(first)})" if first else ""
    return Verdict(spec.id, NEEDS_REVIEW,
                   f"Chưa có quy định được mã hóa cho ngày {fmt_date(t)}{when}; cần cán bộ tổ chức xem xét.")


def run_version(spec: RuleSpec, version: RuleVersion | None, facts: object, t: dt.date, p: ParamsAt,
                exceptions: tuple = ()) -> Verdict:
    if version is None:
        return no_version_verdict(spec, t)
    try:
        verdict = version.function(facts, t, p)
    except NoValueInForce as e:
        return Verdict(spec.id, NEEDS_REVIEW, f"{e.message} Cần xem xét.")
    except MissingFacts as e:
        return Verdict(spec.id, NEEDS_REVIEW, f"Hồ sơ thiếu dữ liệu: {e.what}. Cần bổ sung hoặc xem xét.")
    if exceptions and (verdict.outcome == FAIL or (verdict.outcome == NEEDS_REVIEW and verdict.special)):
        return apply_exception(verdict, t, exceptions, spec.exceptions_allowed)
    return verdict


def apply_exception(verdict: Verdict, t: dt.date, exceptions: tuple, allowed: bool = True) -> Verdict:
    found = [e for e in exceptions if e.rule == verdict.rule_id and e.date is not None and e.date <= t]
    if not found:
        return verdict
    exc = max(found, key=lambda e: e.date)
    if not allowed:
        return Verdict(verdict.rule_id, verdict.outcome,
                       f"{verdict.reason} Quy định này không có trường hợp đặc biệt; quyết định số {exc.decision} "
                       f"ngày {fmt_date(exc.date)} không thay đổi kết luận.",
                       verdict.params_used, verdict.special, None, verdict.extra_citations)
    if not exc.decision or not exc.approved_by:
        missing = "số quyết định" if not exc.decision else "cấp phê duyệt"
        return Verdict(verdict.rule_id, NEEDS_REVIEW,
                       f"{verdict.reason} Hồ sơ có ghi trường hợp đặc biệt ngày {fmt_date(exc.date)} "
                       f"nhưng thiếu {missing}; chưa thể áp dụng.",
                       verdict.params_used, verdict.special, None, verdict.extra_citations)
    note = (f" Được chấp thuận là trường hợp đặc biệt theo quyết định số {exc.decision} "
            f"ngày {fmt_date(exc.date)} của {exc.approved_by}.")
    return Verdict(verdict.rule_id, PASS, verdict.reason + note, verdict.params_used, verdict.special, exc,
                   verdict.extra_citations + (f"Quyết định số {exc.decision} ngày {fmt_date(exc.date)} "
                                              f"({exc.approved_by})",))
