"""The rules engine: dated parameters, verdicts and the rule registry (pure Python)."""
from __future__ import annotations

from .errors import DatasetError, MissingFacts, NoValueInForce, ParameterError, RulesError
from .params import ParameterStore, ParamsAt, ParamValue, default_store, set_default_store
from .registry import RULES, declare, rule, rules_for, run
from .schema import Citation
from .verdict import (FAIL, NEEDS_REVIEW, NOT_APPLICABLE, OUTCOME_TEXT, OUTCOMES, PASS, WARN, Verdict,
                      VerdictFactory)

__all__ = [
    "Citation", "DatasetError", "FAIL", "MissingFacts", "NEEDS_REVIEW", "NOT_APPLICABLE", "NoValueInForce",
    "OUTCOMES", "OUTCOME_TEXT", "PASS", "ParamValue", "ParameterError", "ParameterStore", "ParamsAt",
    "RULES", "RulesError", "Verdict", "VerdictFactory", "WARN", "declare", "default_store", "rule",
    "rules_for", "run", "set_default_store",
]
