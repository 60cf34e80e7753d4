"""Evaluate the rules over facts at a reference time, and ``check_document`` (DOMAIN.md §10.2).

Public entry points (pure; the application calls them with facts built from its database):

* :func:`check_document` — a ``luanchuyen/v1`` document → the §10.2 JSON result;
* :func:`evaluate_proposal`, :func:`evaluate_general_eligibility`, :func:`evaluate_followup`,
  :func:`evaluate_cadre`, :func:`evaluate_planning`, :func:`evaluate_appointment`,
  :func:`evaluate_training`, :func:`evaluate_plan`, :func:`evaluate_planning_list`,
  :func:`evaluate_structure` — lists of :class:`Verdict`;
* :class:`Evaluator` — the same, sharing one parameter cache across many evaluations (fast path).
"""
from __future__ import annotations

import concurrent.futures
import datetime as dt
import gc
import multiprocessing
import os
import pickle
import textwrap
from typing import Any, Iterable, Mapping

from . import regulations  # noqa: F401  (registers the rules)
from .engine.dates import fmt_date
from .engine.params import ParameterStore, ParamsAt, default_store
from .engine.errors import MissingFacts, NoValueInForce
from .engine.registry import (NO_PLAN_REASON, RULES, RuleSpec, apply_exception, no_version_verdict, rules_for,
                              run_version)
from .engine.verdict import FAIL, NEEDS_REVIEW, NOT_APPLICABLE, OUTCOME_TEXT, Verdict
from .facts import (BodyCase, CadreFacts, CaseFacts, DatasetFacts, PlanCase, PlanFacts, PostFacts, ProposalFacts,
                    facts_from_document, gc_paused, position_left)
from .regulations.qd_65_2022 import _proposal_spans_to
from .regulations.qd_65_2022 import rotation_status  # noqa: F401  (re-exported)

__all__ = [
    "Evaluator", "check_dataset", "check_document", "eligible", "evaluate_appointment", "evaluate_cadre", "evaluate_followup",
    "evaluate_general_eligibility", "evaluate_plan", "evaluate_planning", "evaluate_planning_list",
    "evaluate_proposal", "evaluate_structure", "evaluate_training", "render_table", "rotation_status",
]


def eligible(verdicts: Iterable[Verdict]) -> bool:
    """Eligible exactly when no verdict fails (DOMAIN.md §10.2)."""
    return all(v.outcome != FAIL for v in verdicts)


class Evaluator:
    """Evaluates rules for one dataset and province, caching the parameters in force per date and plan."""

    def __init__(self, dataset: DatasetFacts | None = None, *, province: str | None = None,
                 store: ParameterStore | None = None) -> None:
        self.dataset = dataset
        self.province = province if province is not None else (dataset.province_code if dataset else None)
        self.store = store or default_store()
        self._params: dict[tuple[dt.date, str | None], ParamsAt] = {}
        self._specs: dict[str, list[RuleSpec]] = {}
        self._resolved: dict[tuple[str, dt.date, ParamsAt], list] = {}
        self._memo: dict[tuple, dict] = {}      # (rule id, date, id of the ParamsAt) → {key: verdict}
        self.memoise = True

    def params(self, on: dt.date, plan: PlanFacts | None = None) -> ParamsAt:
        key = (on, plan.id if plan else None)
        p = self._params.get(key)
        if p is None:
            p = ParamsAt(on, self.province, plan.overrides if plan else None, store=self.store)
            self._params[key] = p
        return p

    def specs(self, context: str) -> list[RuleSpec]:
        specs = self._specs.get(context)
        if specs is None:
            specs = self._specs[context] = rules_for(context)
        return specs

    def _resolve(self, context: str, t: dt.date, p: ParamsAt) -> list[tuple]:
        """The rules of ``context`` at ``t`` with parameters ``p``, resolved once: for each rule, its
        version in force, the verdict when it needs no facts (no version in force; a plan rule for a
        proposal outside any plan), and the table of verdicts reused by key (``RuleVersion.key``)."""
        resolved = self._resolved.get((context, t, p))
        if resolved is None:
            resolved = []
            for spec in self.specs(context):
                version = spec.version_at(t)
                if version is None:
                    resolved.append((spec, None, None, None, None, no_version_verdict(spec, t), None))
                    continue
                no_plan = Verdict(spec.id, NOT_APPLICABLE, NO_PLAN_REASON) if spec.plan_rule else None
                memo = None
                if version.key is not None:
                    memo = self._memo.setdefault((spec.id, t, id(p)), {})
                resolved.append((spec, version, version.function, version.key, memo, None, no_plan))
            self._resolved[(context, t, p)] = resolved
        return resolved

    def _run(self, context: str, case: Any, t: dt.date, p: ParamsAt, exceptions: tuple = ()) -> list[Verdict]:
        out: list[Verdict] = []
        append = out.append
        planless = getattr(case, "plan", True) is None
        memoise = self.memoise
        for spec, version, function, key, memo, fixed, no_plan in self._resolve(context, t, p):
            if fixed is not None:
                append(fixed)
                continue
            if no_plan is not None and planless:
                append(no_plan)
                continue
            part = None
            if key is not None and memoise:
                part = key(case, t)
                if part is not None:
                    verdict = memo.get(part)
                    if verdict is not None:
                        if exceptions and (verdict.outcome == FAIL or (verdict.outcome == NEEDS_REVIEW and verdict.special)):
                            verdict = apply_exception(verdict, t, exceptions, spec.exceptions_allowed)
                        append(verdict)
                        continue
            try:
                verdict = function(case, t, p)
            except (NoValueInForce, MissingFacts):
                verdict = run_version(spec, version, case, t, p, exceptions)   # builds the needs_review verdict
            else:
                if part is not None:
                    memo[part] = verdict
                if exceptions and (verdict.outcome == FAIL or (verdict.outcome == NEEDS_REVIEW and verdict.special)):
                    verdict = apply_exception(verdict, t, exceptions, spec.exceptions_allowed)
            append(verdict)
        return out

    # -- individual ---------------------------------------------------------------------------------
    def _plan(self, proposal: ProposalFacts) -> PlanFacts | None:
        if proposal.plan_id is None or self.dataset is None:
            return None
        return self.dataset.plans.get(proposal.plan_id)

    def proposal_case(self, proposal: ProposalFacts, t: dt.date) -> CaseFacts:
        dataset = self.dataset
        if dataset is None:
            raise ValueError("cần dữ liệu (DatasetFacts) để đánh giá đề xuất")
        cadre = dataset.cadres[proposal.cadre_id]
        current = proposal.from_post
        if current is None:                 # the post held before the move (not the destination from its start day)
            position = position_left(cadre, proposal, t)
            current = position.post if position is not None else None
        return CaseFacts(dataset, cadre, proposal, self._plan(proposal), proposal.purpose, current, proposal.to_posts)

    def proposal(self, proposal: ProposalFacts, on: dt.date | None = None) -> list[Verdict]:
        """Every rotation rule for ``proposal`` at ``on`` (default: its start date)."""
        t = on or proposal.start
        case = self.proposal_case(proposal, t)
        return self._run("proposal", case, t, self.params(t, case.plan), case.cadre.exceptions)

    def proposals(self, proposals: Iterable[ProposalFacts]) -> list[tuple[ProposalFacts, list[Verdict]]]:
        """Every proposal at its start date (the batch behind ``check``)."""
        with gc_paused():
            return [(proposal, self.proposal(proposal)) for proposal in proposals]

    def followup(self, proposal: ProposalFacts, on: dt.date) -> list[Verdict]:
        """ROT-09…12 for a rotation under way (or ended) at ``on``."""
        case = self.proposal_case(proposal, on)
        return self._run("followup", case, on, self.params(on, case.plan), case.cadre.exceptions)

    def eligibility(self, cadre: CadreFacts, on: dt.date, purpose: str = "dao_tao") -> list[Verdict]:
        position = cadre.position_at(on)
        case = CaseFacts(self.dataset, cadre, None, None, purpose, position.post if position else None, ())
        return self._run("eligibility", case, on, self.params(on), cadre.exceptions)

    def cadre(self, cadre: CadreFacts, on: dt.date) -> list[Verdict]:
        position = cadre.position_at(on)
        case = CaseFacts(self.dataset, cadre, None, None, None, position.post if position else None, ())
        return self._run("cadre", case, on, self.params(on), cadre.exceptions)

    def planning(self, cadre: CadreFacts, on: dt.date) -> list[Verdict]:
        position = cadre.position_at(on)
        case = CaseFacts(self.dataset, cadre, None, None, None, position.post if position else None, ())
        return self._run("planning", case, on, self.params(on), cadre.exceptions)

    def training(self, cadre: CadreFacts, on: dt.date) -> list[Verdict]:
        position = cadre.position_at(on)
        case = CaseFacts(self.dataset, cadre, None, None, None, position.post if position else None, ())
        return self._run("training", case, on, self.params(on), cadre.exceptions)

    def appointment(self, cadre: CadreFacts, to_post: PostFacts, on: dt.date) -> list[Verdict]:
        position = cadre.position_at(on)
        case = CaseFacts(self.dataset, cadre, None, None, None, position.post if position else None, (to_post,))
        return self._run("appointment", case, on, self.params(on), cadre.exceptions)

    # -- collective ---------------------------------------------------------------------------------
    def plan(self, plan: PlanFacts, on: dt.date | None = None) -> list[Verdict]:
        dataset = self.dataset
        if dataset is None:
            raise ValueError("cần dữ liệu (DatasetFacts) để đánh giá kế hoạch")
        proposals = tuple(pr for pr in dataset.proposals if pr.plan_id == plan.id)
        t = on or plan.period_start or min((pr.start for pr in proposals), default=None)
        if t is None:
            raise ValueError(f"kế hoạch {plan.id} chưa có ngày bắt đầu; cần chỉ rõ ngày xét")
        return self._run("plan", PlanCase(dataset, plan, proposals), t, self.params(t, plan))

    def planning_list(self, cadres: Iterable[CadreFacts], on: dt.date, label: str = "danh sách quy hoạch") -> list[Verdict]:
        return self._run("planning_list", BodyCase(self.dataset, tuple(cadres), label), on, self.params(on))

    def body(self, cadres: Iterable[CadreFacts], on: dt.date, label: str = "đội ngũ cán bộ") -> list[Verdict]:
        return self._run("body", BodyCase(self.dataset, tuple(cadres), label), on, self.params(on))


# -- module-level API -------------------------------------------------------------------------------
def _proposal(dataset: DatasetFacts, proposal: ProposalFacts | str) -> ProposalFacts:
    if isinstance(proposal, ProposalFacts):
        return proposal
    for item in dataset.proposals:
        if item.id == proposal:
            return item
    raise KeyError(f"không có đề xuất «{proposal}»")


def evaluate_proposal(dataset: DatasetFacts, proposal: ProposalFacts | str, *, on: dt.date | None = None,
                      province: str | None = None, store: ParameterStore | None = None) -> list[Verdict]:
    """Rotation rules for one proposal at ``on`` (default: the proposal's start date)."""
    return Evaluator(dataset, province=province, store=store).proposal(_proposal(dataset, proposal), on)


def evaluate_followup(dataset: DatasetFacts, proposal: ProposalFacts | str, on: dt.date, *,
                      province: str | None = None, store: ParameterStore | None = None) -> list[Verdict]:
    return Evaluator(dataset, province=province, store=store).followup(_proposal(dataset, proposal), on)


def evaluate_general_eligibility(cadre: CadreFacts, on: dt.date, purpose: str = "dao_tao", *,
                                 dataset: DatasetFacts | None = None, province: str | None = None,
                                 store: ParameterStore | None = None) -> list[Verdict]:
    """Conditions for a rotation of ``purpose`` that do not depend on the destination (ROT-01/02/03/07/08)."""
    return Evaluator(dataset, province=province, store=store).eligibility(cadre, on, purpose)


def evaluate_cadre(cadre: CadreFacts, on: dt.date, *, dataset: DatasetFacts | None = None,
                   province: str | None = None, store: ParameterStore | None = None) -> list[Verdict]:
    """RET-01…03 and ROT-15 for one cadre."""
    return Evaluator(dataset, province=province, store=store).cadre(cadre, on)


def evaluate_planning(cadre: CadreFacts, on: dt.date, *, dataset: DatasetFacts | None = None,
                      province: str | None = None, store: ParameterStore | None = None) -> list[Verdict]:
    """PLAN-01, PLAN-06, PLAN-07 for one cadre's planning."""
    return Evaluator(dataset, province=province, store=store).planning(cadre, on)


def evaluate_training(cadre: CadreFacts, on: dt.date, *, dataset: DatasetFacts | None = None,
                      province: str | None = None, store: ParameterStore | None = None) -> list[Verdict]:
    return Evaluator(dataset, province=province, store=store).training(cadre, on)


def evaluate_appointment(dataset: DatasetFacts, cadre: CadreFacts | str, to_post: PostFacts | str, on: dt.date, *,
                         province: str | None = None, store: ParameterStore | None = None) -> list[Verdict]:
    """APPT-01/02/04 for appointing ``cadre`` to ``to_post`` at ``on``."""
    cadre = dataset.cadres[cadre] if isinstance(cadre, str) else cadre
    to_post = dataset.posts[to_post] if isinstance(to_post, str) else to_post
    return Evaluator(dataset, province=province, store=store).appointment(cadre, to_post, on)


def evaluate_plan(dataset: DatasetFacts, plan: PlanFacts | str, on: dt.date | None = None, *,
                  province: str | None = None, store: ParameterStore | None = None) -> list[Verdict]:
    plan = dataset.plans[plan] if isinstance(plan, str) else plan
    return Evaluator(dataset, province=province, store=store).plan(plan, on)


def evaluate_planning_list(dataset: DatasetFacts, cadres: Iterable[CadreFacts], on: dt.date, *,
                           province: str | None = None, store: ParameterStore | None = None) -> list[Verdict]:
    return Evaluator(dataset, province=province, store=store).planning_list(cadres, on)


def evaluate_structure(dataset: DatasetFacts, cadres: Iterable[CadreFacts], on: dt.date, *, label: str = "đội ngũ cán bộ",
                       province: str | None = None, store: ParameterStore | None = None) -> list[Verdict]:
    return Evaluator(dataset, province=province, store=store).body(cadres, on, label)


# -- check (DOMAIN.md §10.2) --------------------------------------------------------------------------
def check_dataset(dataset: DatasetFacts, on: dt.date | None = None, province: str | None = None, *,
                  store: ParameterStore | None = None, workers: int | None = None) -> dict:
    """``check_document`` over already built facts (the application's ``--from-db`` path).

    ``workers``: processes evaluating the rules. ``None`` (default) asks :func:`check_workers`: one
    unless ``$LUANCHUYEN_RULES_WORKERS`` says otherwise. The result is
    the same whatever the number: the subjects are cut into contiguous chunks, evaluated in separate
    processes (forked, so they share the facts already built) and put back in their order.
    """
    evaluator = Evaluator(dataset, province=province, store=store)
    if dataset.proposals:
        mode, subjects = "proposals", dataset.proposals
    else:
        if on is None:
            raise ValueError("Dữ liệu không có đề xuất luân chuyển: cần --on NGÀY để xét điều kiện chung.")
        mode, subjects = "eligibility", tuple(dataset.cadres.values())
    if workers is None:
        workers = check_workers(len(subjects))
    if workers > 1 and len(subjects) > 1 and _can_fork():
        results = _check_rows_parallel(evaluator, mode, subjects, on, workers)
    else:
        results = _check_rows(evaluator, mode, subjects, on)
    out: dict = {"results": results}
    if dataset.plans:
        plans = []
        for plan in dataset.plans.values():
            try:
                verdicts = evaluator.plan(plan, on)
            except ValueError:
                continue
            plans.append({"plan": plan.id, "verdicts": [v.as_dict() for v in verdicts]})
        out["plans"] = plans
    return out


# -- check over many processes --------------------------------------------------------------------------
WORKERS_ENV = "LUANCHUYEN_RULES_WORKERS"
PARALLEL_MIN_SUBJECTS = 20_000     # below this, starting processes costs more than it saves


def check_workers(subjects: int, load: float | None = None) -> int:
    """Processes for ``check`` over ``subjects`` proposals (or cadres): ``$LUANCHUYEN_RULES_WORKERS``.

    Unset (or not a number): one, in this process. Measured on a 2-core machine, a second process makes
    ``check`` slower even when the machine is idle (100,000 proposals: 7.3 s in one process, 12.6 s in
    two, 07/12/2026): the forked process copies every page of facts it touches (3 s of system time)
    and the rows come back pickled (docs/rules.md, Performance). A number N: N processes. ``auto``:
    from 20,000 subjects on, one per idle core (at most 4), judged by the one-minute load average
    (``load``, read from the system when not given) — for a machine with more cores, where it may pay.
    """
    configured = os.environ.get(WORKERS_ENV, "").strip().lower()
    if configured.isdigit() and int(configured) > 0:
        return int(configured)
    if configured != "auto" or subjects < PARALLEL_MIN_SUBJECTS:
        return 1
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    if load is None:
        try:
            load = os.getloadavg()[0]
        except (AttributeError, OSError):
            load = float(cores)
    idle = int(cores - load + 0.5)
    return max(1, min(cores, 4, idle))


def _can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def _check_rows(evaluator: Evaluator, mode: str, subjects: Iterable, on: dt.date | None) -> list[dict]:
    """The §10.2 rows of ``subjects`` (proposals at their start date, or cadres' eligibility at ``on``)."""
    rows = []
    append = rows.append
    with gc_paused():
        if mode == "proposals":
            for proposal in subjects:
                verdicts = evaluator.proposal(proposal)
                append({"proposal": proposal.id, "cadre": proposal.cadre_id, "eligible": eligible(verdicts),
                        "verdicts": [v.as_dict() for v in verdicts]})
        else:
            for cadre in subjects:
                verdicts = evaluator.eligibility(cadre, on, "dao_tao")  # type: ignore[arg-type]
                append({"proposal": None, "cadre": cadre.id, "eligible": eligible(verdicts),
                        "verdicts": [v.as_dict() for v in verdicts]})
    return rows


# What a forked worker evaluates: set by the parent just before the processes start (they inherit it
# with the facts already built, nothing is pickled on the way in), cleared afterwards.
_SHARED: tuple | None = None


def _check_rows_in_worker(start: int, stop: int) -> bytes:
    evaluator_args, mode, subjects, on = _SHARED  # type: ignore[misc]
    dataset, province, store = evaluator_args
    rows = _check_rows(Evaluator(dataset, province=province, store=store), mode, subjects[start:stop], on)
    return pickle.dumps(rows, protocol=pickle.HIGHEST_PROTOCOL)


def _check_rows_parallel(evaluator: Evaluator, mode: str, subjects: tuple, on: dt.date | None,
                         workers: int) -> list[dict]:
    """Chunk ``subjects`` in order: this process evaluates the first chunk while ``workers − 1`` forked
    processes evaluate the others; their rows come back pickled and are joined in order."""
    global _SHARED
    dataset = evaluator.dataset
    n = len(subjects)
    # This process also unpickles the others' rows: give it a somewhat smaller share of the rules.
    own = max(1, int(n / workers * 0.85))
    rest = n - own
    bounds = [own + rest * i // (workers - 1) for i in range(workers)]
    if dataset is not None:                 # build the shared indexes once, before the processes start
        dataset.occupants("")
        dataset.proposals_to("")
        _proposal_spans_to(dataset, "")
    _SHARED = ((dataset, evaluator.province, evaluator.store), mode, subjects, on)
    # The forked processes share the facts page by page until they write to them: the cyclic garbage
    # collector, which writes to every object it visits, is paused and the existing objects are frozen
    # out of its reach, so the pages stay shared.
    was_enabled = gc.isenabled()
    gc.disable()
    gc.freeze()
    try:
        context = multiprocessing.get_context("fork")
        with concurrent.futures.ProcessPoolExecutor(max_workers=workers - 1, mp_context=context) as pool:
            futures = [pool.submit(_check_rows_in_worker, lo, hi) for lo, hi in zip(bounds, bounds[1:])]
            rows = _check_rows(evaluator, mode, subjects[:own], on)
            for future in futures:
                rows.extend(pickle.loads(future.result()))
    finally:
        _SHARED = None
        gc.unfreeze()
        if was_enabled:
            gc.enable()
    return rows


def check_document(doc: Mapping[str, Any], on: dt.date | None = None, province: str | None = None, *,
                   store: ParameterStore | None = None) -> dict:
    """§10.2: every proposal at its start date, or (no proposals) each cadre's general eligibility for a
    training rotation at ``on``. ``eligible`` is false exactly when some verdict is ``fail``.

    A dataset with rotation plans also gets ``"plans"``: the plan-level rules (PLAN-COUNT …) per plan.
    Raises :class:`~luanchuyen.rules.engine.errors.DatasetError` on a bad document and ``ValueError``
    when ``on`` is needed and missing.
    """
    dataset = facts_from_document(doc, store=store)
    return check_dataset(dataset, on, province, store=store)


# -- table ----------------------------------------------------------------------------------------------
def render_table(result: Mapping[str, Any], dataset: DatasetFacts | None = None, width: int = 110,
                 on: dt.date | None = None) -> str:
    """A plain-text table of a ``check`` result, for people."""
    lines: list[str] = []
    reason_width = max(40, width - 36)

    def block(verdicts: list[dict]) -> None:
        lines.append(f"  {'Quy tắc':<22} {'Kết quả':<14} Lý do; căn cứ")
        for v in verdicts:
            text = v["reason"] + (f" [{v['citation']}]" if v["citation"] else "")
            wrapped = textwrap.wrap(text, reason_width) or [""]
            lines.append(f"  {v['rule']:<22} {OUTCOME_TEXT.get(v['outcome'], v['outcome']):<14} {wrapped[0]}")
            lines.extend(f"  {'':<22} {'':<14} {more}" for more in wrapped[1:])

    for entry in result.get("results", []):
        cadre = entry["cadre"]
        name = ""
        when = ""
        if dataset is not None:
            facts = dataset.cadres.get(cadre)
            name = f" {facts.full_name}" if facts else ""
            if entry["proposal"]:
                proposal = next((p for p in dataset.proposals if p.id == entry["proposal"]), None)
                when = f" — ngày xét {fmt_date(proposal.start)}" if proposal else ""
        if not entry["proposal"] and on is not None:
            when = f" — ngày xét {fmt_date(on)}"
        head = f"Đề xuất {entry['proposal']} — " if entry["proposal"] else ""
        status = "ĐỦ ĐIỀU KIỆN" if entry["eligible"] else "KHÔNG ĐỦ ĐIỀU KIỆN"
        lines.append(f"{head}cán bộ {cadre}{name}{when}: {status}")
        block(entry["verdicts"])
        lines.append("")
    for entry in result.get("plans", []):
        lines.append(f"Kế hoạch {entry['plan']}:")
        block(entry["verdicts"])
        lines.append("")
    if not result.get("results"):
        lines.append("Không có kết quả.")
    return "\n".join(lines).rstrip() + "\n"


def catalogue() -> list[RuleSpec]:
    """Every rule of the catalogue, in order."""
    return list(RULES.values())
