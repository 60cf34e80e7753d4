"""Eligibility over the application's data: the rules of ``luanchuyen/rules`` run on the database.

* :func:`check_in_office` — ``luanchuyen check --from-db``: each cadre holding a main post at ``on``
  (in a unit's subtree, or among given cadres) gets the general eligibility verdicts for a purpose;
  the §10.2 JSON shape of ``check`` (``results`` and, for the whole province, ``plans``).
* :func:`check_proposals` — ``check --from-db --proposals``: the database's proposals at their
  start dates, exactly as ``check`` over an exported file.
* :func:`cadre_eligibility` — one cadre: verdicts, eligible, retirement month, months left (the
  record screen and the API).
* :func:`eligible_cadre_ids` — which cadres of a set are eligible (the list filter).

Nothing here checks who asks: callers scope cadre ids to the user first and write the audit log.
Bad input raises :class:`EligibilityInputError` with a Vietnamese message.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from luanchuyen.core.choices import Purpose
from luanchuyen.eligibility.selectors import cadre_facts, cadre_ids_in_office, proposal_facts
from luanchuyen.rules.engine.errors import MissingFacts
from luanchuyen.rules.engine.registry import RULES
from luanchuyen.rules.engine.verdict import OUTCOME_TEXT
from luanchuyen.rules.evaluate import Evaluator, eligible
from luanchuyen.rules.facts import DatasetFacts, position_left

DEFAULT_PURPOSE = Purpose.TRAINING.value
PURPOSE_TEXT: dict[str, str] = dict(Purpose.choices)


class EligibilityInputError(ValueError):
    """Bad input (date, purpose, unit): ``message`` is Vietnamese, for people."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_VN = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


def parse_date(text: str | None, *, default: dt.date | None = None, field: str = "ngày xét") -> dt.date:
    """``YYYY-MM-DD`` or ``dd/mm/yyyy`` → date; empty → ``default``; otherwise EligibilityInputError."""
    text = (text or "").strip()
    if not text:
        if default is None:
            raise EligibilityInputError(f"Thiếu {field} (YYYY-MM-DD hoặc ngày/tháng/năm).")
        return default
    try:
        if _ISO.match(text):
            return dt.date.fromisoformat(text)
        m = _VN.match(text)
        if m:
            return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    except ValueError:
        raise EligibilityInputError(f"{field.capitalize()} «{text}» không tồn tại.") from None
    raise EligibilityInputError(
        f"{field.capitalize()} «{text}» không hợp lệ: nhập theo dạng YYYY-MM-DD "
        "hoặc ngày/tháng/năm, ví dụ 2026-01-15 hoặc 15/01/2026."
    )


def parse_purpose(text: str | None) -> str:
    """A purpose id of ``Purpose`` (empty → training rotation); otherwise EligibilityInputError."""
    text = (text or "").strip() or DEFAULT_PURPOSE
    if text not in PURPOSE_TEXT:
        allowed = ", ".join(f"{k} ({v})" for k, v in PURPOSE_TEXT.items())
        raise EligibilityInputError(f"Mục đích luân chuyển «{text}» không hợp lệ; chọn một trong: {allowed}.")
    return text


def unit_scope(unit_id: str) -> set[str]:
    """The unit and the units below it; EligibilityInputError for an unknown unit."""
    from luanchuyen.organization.models import Unit
    from luanchuyen.organization.selectors import unit_subtree_ids

    if not Unit.objects.filter(pk=unit_id).exists():
        raise EligibilityInputError(f"Không có đơn vị mã «{unit_id}».")
    return unit_subtree_ids(unit_id)


def verdict_row(verdict) -> dict:
    """A verdict for people and the API: the §10.2 fields, the outcome's label and the rule's title."""
    spec = RULES.get(verdict.rule_id)
    return {
        **verdict.as_dict(),
        "outcome_text": OUTCOME_TEXT.get(verdict.outcome, verdict.outcome),
        "title": spec.title if spec else "",
        "confidence": verdict.confidence,
    }


def _retirement(cadre, on: dt.date) -> tuple[str | None, int | None]:
    try:
        return cadre.retirement_month(on).iso, cadre.months_left(on)
    except MissingFacts:
        return None, None


# -- one cadre ---------------------------------------------------------------------------------------
def cadre_eligibility(
    cadre_id: str, *, on: dt.date, purpose: str = DEFAULT_PURPOSE, facts: DatasetFacts | None = None
) -> dict:
    """The general eligibility of one cadre for ``purpose`` at ``on`` (ROT-01, 02, 03, 07, 08)."""
    purpose = parse_purpose(purpose)
    facts = facts or cadre_facts(cadre_ids=[cadre_id])
    cadre = facts.cadres[cadre_id]
    verdicts = Evaluator(facts).eligibility(cadre, on, purpose)
    month, left = _retirement(cadre, on)
    position = cadre.position_at(on)
    return {
        "cadre": cadre_id,
        "full_name": cadre.full_name,
        "on": on.isoformat(),
        "purpose": purpose,
        "purpose_text": PURPOSE_TEXT[purpose],
        "eligible": eligible(verdicts),
        "retirement_month": month,
        "retirement_month_text": f"{month[5:]}/{month[:4]}" if month else None,
        "months_left": left,
        "post": position.post.label if position else None,
        "verdicts": [verdict_row(v) for v in verdicts],
    }


def eligible_cadre_ids(cadre_ids: Iterable[str], *, on: dt.date, purpose: str = DEFAULT_PURPOSE) -> set[str]:
    """Which of ``cadre_ids`` are eligible (no ``fail``) for ``purpose`` at ``on``."""
    ids = list(cadre_ids)
    if not ids:
        return set()
    facts = cadre_facts(cadre_ids=ids)
    evaluator = Evaluator(facts)
    return {cid for cid, cadre in facts.cadres.items() if eligible(evaluator.eligibility(cadre, on, purpose))}


# -- check --from-db ---------------------------------------------------------------------------------
def check_in_office(
    *,
    on: dt.date,
    purpose: str = DEFAULT_PURPOSE,
    unit_id: str | None = None,
    cadre_ids: Iterable[str] | None = None,
    province: str | None = None,
    facts: DatasetFacts | None = None,
) -> dict:
    """Each cadre holding a main post at ``on`` — in ``unit_id``'s subtree, among ``cadre_ids`` when
    given — with the general eligibility verdicts for ``purpose`` at ``on``, in the §10.2 shape.

    ``plans`` (the plan-level rules) only for the whole province: with a unit or a set of cadres
    the plans' proposals are not all in scope. ``facts`` may be passed in (benchmarks, tests).
    """
    purpose = parse_purpose(purpose)
    unit_ids = unit_scope(unit_id) if unit_id else None
    whole = unit_ids is None and cadre_ids is None
    if facts is None:
        if whole:
            facts = cadre_facts(cadre_ids=None)
        else:
            candidates = set(cadre_ids_in_office(on=on, unit_ids=unit_ids))
            if cadre_ids is not None:
                candidates &= set(cadre_ids)
            facts = cadre_facts(cadre_ids=candidates)
    allowed = set(cadre_ids) if cadre_ids is not None else None
    evaluator = Evaluator(facts, province=province)
    results = []
    for cid in sorted(facts.cadres):
        if allowed is not None and cid not in allowed:
            continue
        cadre = facts.cadres[cid]
        position = cadre.position_at(on)
        if position is None or (unit_ids is not None and position.post.unit.id not in unit_ids):
            continue
        verdicts = evaluator.eligibility(cadre, on, purpose)
        results.append(
            {
                "proposal": None,
                "cadre": cid,
                "eligible": eligible(verdicts),
                "verdicts": [v.as_dict() for v in verdicts],
            }
        )
    out: dict = {"results": results}
    if whole and facts.plans:
        out["plans"] = _plans(evaluator, facts, on)
    return out


def _plans(evaluator: Evaluator, facts: DatasetFacts, on: dt.date | None) -> list[dict]:
    plans = []
    for plan in facts.plans.values():
        try:
            verdicts = evaluator.plan(plan, on)
        except ValueError:
            continue
        plans.append({"plan": plan.id, "verdicts": [v.as_dict() for v in verdicts]})
    return plans


def check_proposals(
    *,
    unit_id: str | None = None,
    on: dt.date | None = None,
    province: str | None = None,
    facts: DatasetFacts | None = None,
) -> dict:
    """Every proposal of the database at its start date (``check`` over an exported file).

    With ``unit_id``: the proposals whose cadre leaves a post of the unit's subtree (the proposal's
    ``from_post``, else the post held before the move, as the rules read it); no ``plans`` then.
    The rules of a proposal look across the whole province (free slots, plan subjects), so the
    facts are the whole database (``selectors.proposal_facts``).
    """
    unit_ids = unit_scope(unit_id) if unit_id else None
    facts = facts or proposal_facts()
    evaluator = Evaluator(facts, province=province)
    proposals = []
    for proposal in facts.proposals:
        if unit_ids is not None:
            post = proposal.from_post
            if post is None:
                position = position_left(facts.cadres[proposal.cadre_id], proposal, proposal.start)
                post = position.post if position else None
            if post is None or post.unit.id not in unit_ids:
                continue
        proposals.append(proposal)
    results = [
        {
            "proposal": p.id,
            "cadre": p.cadre_id,
            "eligible": eligible(verdicts),
            "verdicts": [v.as_dict() for v in verdicts],
        }
        for p, verdicts in evaluator.proposals(proposals)
    ]
    out: dict = {"results": results}
    if unit_ids is None and facts.plans:
        out["plans"] = _plans(evaluator, facts, on)
    return out


def in_office_facts(*, on: dt.date, unit_id: str | None = None) -> DatasetFacts:
    """The facts :func:`check_in_office` needs: every cadre, or the cadres in office in a unit's subtree."""
    if not unit_id:
        return cadre_facts(cadre_ids=None)
    return cadre_facts(cadre_ids=cadre_ids_in_office(on=on, unit_ids=unit_scope(unit_id)))


def check_from_db(
    *,
    on: dt.date | None,
    purpose: str | None = None,
    unit_id: str | None = None,
    proposals: bool = False,
    province: str | None = None,
) -> tuple[dict, DatasetFacts]:
    """``luanchuyen check --from-db``: (the §10.2 result, the facts it was computed from)."""
    purpose = parse_purpose(purpose)
    if proposals:
        if unit_id:
            unit_scope(unit_id)
        facts = proposal_facts()
        return check_proposals(unit_id=unit_id, on=on, province=province, facts=facts), facts
    if on is None:
        raise EligibilityInputError("Cần ngày xét (--on YYYY-MM-DD).")
    facts = in_office_facts(on=on, unit_id=unit_id)
    return check_in_office(on=on, purpose=purpose, unit_id=unit_id, province=province, facts=facts), facts


def audit_check(
    result: dict,
    *,
    on: dt.date | None,
    purpose: str | None,
    unit_id: str | None,
    proposals: bool,
    actor=None,
    request=None,
    via: str = "cli",
) -> None:
    """One audit entry for a check over the database: who, the scope, how many cadres were read."""
    from luanchuyen.audit.services import audit_record

    if actor is None:
        import getpass

        try:
            actor = f"cli:{getpass.getuser()}"
        except Exception:  # noqa: BLE001 - no account name: still audited
            actor = "cli"
    audit_record(
        actor=actor,
        action="eligibility.checked",
        request=request,
        data={
            "via": via,
            "on": on.isoformat() if on else None,
            "purpose": purpose or DEFAULT_PURPOSE,
            "unit": unit_id or "",
            "proposals": proposals,
            "cadres": len({r["cadre"] for r in result.get("results", [])}),
        },
    )
