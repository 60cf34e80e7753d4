"""The verdict of one rule: outcome, Vietnamese reason, citations, parameters used."""
from __future__ import annotations

from typing import Any, Callable

from .fast import frozen_dataclass
from .params import ParamValue

PASS = "pass"
FAIL = "fail"
WARN = "warn"
NOT_APPLICABLE = "not_applicable"
NEEDS_REVIEW = "needs_review"
OUTCOMES = (PASS, FAIL, WARN, NOT_APPLICABLE, NEEDS_REVIEW)
OUTCOME_TEXT = {
    PASS: "Đạt",
    FAIL: "Không đạt",
    WARN: "Lưu ý",
    NOT_APPLICABLE: "Không áp dụng",
    NEEDS_REVIEW: "Cần xem xét",
}


@frozen_dataclass
class Verdict:
    """``rule_id`` is the public catalogue id (ROT-01 …); ``reason`` names the numbers used.

    ``special`` marks a ``needs_review`` that only a competent level's decision ("trường hợp
    đặc biệt") can settle: an approved exception for the rule turns it into ``pass`` like a
    ``fail``. ``exception`` is the exception that was applied, if any.
    """

    rule_id: str
    outcome: str
    reason: str
    params_used: tuple[ParamValue, ...] = ()
    special: bool = False
    exception: Any = None
    extra_citations: tuple[str, ...] = ()

    @property
    def citations(self) -> tuple[str, ...]:
        params = self.params_used
        if len(params) == 1 and not self.extra_citations:
            return params[0].citation_texts
        seen: dict[str, None] = {}
        for param in params:
            for text in param.citation_texts:
                seen[text] = None
        for text in self.extra_citations:
            seen[text] = None
        return tuple(seen)

    @property
    def citation(self) -> str:
        params = self.params_used
        if not params and not self.extra_citations:
            return ""
        return "; ".join(self.citations)

    @property
    def confidence(self) -> str:
        """Confidence labels of the parameters used, e.g. "P, V" (empty when none)."""
        labels = []
        for param in self.params_used:
            label = param.citation.confidence
            if label and label not in labels:
                labels.append(label)
        return ", ".join(labels)

    def as_dict(self) -> dict:
        """The §10.2 shape: rule, outcome, reason, citation."""
        return {"rule": self.rule_id, "outcome": self.outcome, "reason": self.reason,
                "citation": self.citation}

    def as_detailed_dict(self) -> dict:
        data = self.as_dict()
        data["confidence"] = self.confidence
        data["params"] = [p.as_dict() for p in self.params_used]
        if self.exception is not None:
            data["exception"] = self.exception.as_dict()
        return data


class VerdictFactory:
    """Builds the verdicts of one rule id: ``V = VerdictFactory("ROT-04"); V.failed(reason, p)``."""

    __slots__ = ("rule_id", "_memo")

    def __init__(self, rule_id: str) -> None:
        self.rule_id = rule_id
        self._memo: dict = {}

    def not_applicable_once(self, key: object, reason: Callable[[], str], *used: ParamValue) -> Verdict:
        """A ``not_applicable`` verdict that depends only on ``key`` (e.g. the purpose): built once, reused."""
        verdict = self._memo.get(key)
        if verdict is None:
            verdict = self._memo[key] = Verdict(self.rule_id, NOT_APPLICABLE, reason(), used)
        return verdict

    def passed(self, reason: str, *used: ParamValue) -> Verdict:
        return Verdict(self.rule_id, PASS, reason, used)

    def failed(self, reason: str, *used: ParamValue) -> Verdict:
        return Verdict(self.rule_id, FAIL, reason, used)

    def warn(self, reason: str, *used: ParamValue) -> Verdict:
        return Verdict(self.rule_id, WARN, reason, used)

    def not_applicable(self, reason: str, *used: ParamValue) -> Verdict:
        return Verdict(self.rule_id, NOT_APPLICABLE, reason, used)

    def needs_review(self, reason: str, *used: ParamValue) -> Verdict:
        return Verdict(self.rule_id, NEEDS_REVIEW, reason, used)

    def special_case(self, reason: str, *used: ParamValue) -> Verdict:
        """``needs_review`` that an approved exception ("trường hợp đặc biệt") settles."""
        return Verdict(self.rule_id, NEEDS_REVIEW, reason, used, True)
