"""The rules by legal instrument. Importing this package registers every rule of the catalogue."""
from __future__ import annotations

from . import catalogue  # noqa: F401  (declares the public ids, in catalogue order)
from . import (luat_cbcc_2019, luat_cbcc_2025, nd_170_2025, qd_50_2021, qd_65_2022, qd_80_2022,  # noqa: F401
               qd_98_2017, qd_377_2025, retirement, seed_plans, structure, training)
