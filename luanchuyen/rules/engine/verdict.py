"""The verdict of one rule: outcome, Vietnamese reason, citations, parameters used."""
from __future__ import annotations

import dataclasses
from typing import Any, Callable, Union

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


Reason = Union[str, Callable[[], str], tuple]


class Verdict:
    """``rule_id`` is the public catalogue id (ROT-01 …); ``reason`` names the numbers used.

    ``special`` marks a ``needs_review`` that only a competent level's decision ("trường hợp
    đặc biệt") can settle: an approved exception for the rule turns it into ``pass`` like a
    ``fail``. ``exception`` is the exception that was applied, if any.

    The reason may be given as a function returning the text (``lambda: f"…"``) or, cheaper to
    build, as a tuple ``(function, *arguments)``: it is then formatted on first use of
    :attr:`reason` (``as_dict``, a screen) and kept. A batch that only
    needs the outcomes (who is eligible) never formats the hundreds of thousands of Vietnamese
    sentences; everything that reads the reason sees exactly the same text. A rule passes a
    function only for text built from values it has already computed: whatever may raise
    (``MissingFacts``) is evaluated before the verdict is built. Immutable like the facts.
    """

    __slots__ = ("rule_id", "outcome", "_reason", "params_used", "special", "exception", "extra_citations",
                 "_citation")

    rule_id: str
    outcome: str
    params_used: tuple[ParamValue, ...]
    special: bool
    exception: Any
    extra_citations: tuple[str, ...]

    def __init__(self, rule_id: str, outcome: str, reason: Reason, params_used: tuple[ParamValue, ...] = (),
                 special: bool = False, exception: Any = None, extra_citations: tuple[str, ...] = ()) -> None:
        _set_rule_id(self, rule_id)
        _set_outcome(self, outcome)
        _set_reason(self, reason)
        _set_params_used(self, params_used)
        _set_special(self, special)
        _set_exception(self, exception)
        _set_extra_citations(self, extra_citations)
        _set_citation(self, None)

    def __setattr__(self, name: str, value: Any) -> None:
        raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")

    @property
    def reason(self) -> str:
        reason = self._reason
        if reason.__class__ is not str:
            reason = reason[0](*reason[1:]) if reason.__class__ is tuple else reason()
            _set_reason(self, reason)
        return reason

    def _fields(self) -> tuple:
        return (self.rule_id, self.outcome, self.reason, self.params_used, self.special, self.exception,
                self.extra_citations)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._fields() == other._fields()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        return (f"Verdict(rule_id={self.rule_id!r}, outcome={self.outcome!r}, reason={self.reason!r}, "
                f"params_used={self.params_used!r}, special={self.special!r}, exception={self.exception!r}, "
                f"extra_citations={self.extra_citations!r})")

    def __reduce__(self) -> tuple:
        return (Verdict, self._fields())

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
        text = self._citation
        if text is None:
            params = self.params_used
            if len(params) == 1 and not self.extra_citations:
                text = params[0].citation_joined
            else:
                text = "; ".join(self.citations) if params or self.extra_citations else ""
            _set_citation(self, text)
        return text

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
        reason = self._reason
        if reason.__class__ is not str:
            reason = self.reason
        citation = self._citation
        if citation is None:
            params = self.params_used
            if len(params) == 1 and not self.extra_citations:
                citation = params[0].citation_joined            # the common case, without caching it
            else:
                citation = self.citation
        return {"rule": self.rule_id, "outcome": self.outcome, "reason": reason, "citation": citation}

    def as_detailed_dict(self) -> dict:
        data = self.as_dict()
        data["confidence"] = self.confidence
        data["params"] = [p.as_dict() for p in self.params_used]
        if self.exception is not None:
            data["exception"] = self.exception.as_dict()
        return data


(_set_rule_id, _set_outcome, _set_reason, _set_params_used, _set_special, _set_exception, _set_extra_citations,
 _set_citation) = (getattr(Verdict, name).__set__ for name in Verdict.__slots__)


class VerdictFactory:
    """Builds the verdicts of one rule id: ``V = VerdictFactory("ROT-04"); V.failed(reason, p)``."""

    __slots__ = ("rule_id", "_memo")

    def __init__(self, rule_id: str) -> None:
        self.rule_id = rule_id
        self._memo: dict = {}

    def not_applicable_once(self, key: object, reason: Reason, *used: ParamValue) -> Verdict:
        """A ``not_applicable`` verdict that depends only on ``key`` (e.g. the purpose): built once, reused.

        ``reason`` is a text, a function or a tuple ``(function, *arguments)`` as for :class:`Verdict`;
        it is formatted once, when the verdict is first built."""
        verdict = self._memo.get(key)
        if verdict is None:
            verdict = self._memo[key] = Verdict(self.rule_id, NOT_APPLICABLE, reason, used)
            verdict.reason  # noqa: B018 - format now: the shared verdict outlives what the reason reads
        return verdict

    def passed(self, reason: Reason, *used: ParamValue) -> Verdict:
        return Verdict(self.rule_id, PASS, reason, used)

    def failed(self, reason: Reason, *used: ParamValue) -> Verdict:
        return Verdict(self.rule_id, FAIL, reason, used)

    def warn(self, reason: Reason, *used: ParamValue) -> Verdict:
        return Verdict(self.rule_id, WARN, reason, used)

    def not_applicable(self, reason: Reason, *used: ParamValue) -> Verdict:
        return Verdict(self.rule_id, NOT_APPLICABLE, reason, used)

    def needs_review(self, reason: Reason, *used: ParamValue) -> Verdict:
        return Verdict(self.rule_id, NEEDS_REVIEW, reason, used)

    def special_case(self, reason: Reason, *used: ParamValue) -> Verdict:
        """``needs_review`` that an approved exception ("trường hợp đặc biệt") settles."""
        return Verdict(self.rule_id, NEEDS_REVIEW, reason, used, True)
