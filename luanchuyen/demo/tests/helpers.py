"""Independent readings of a luanchuyen/v1 document for the tests (no generator code)."""

from __future__ import annotations

import datetime as dt

LEVELS = {"trung_cap": 1, "cao_dang": 2, "dai_hoc": 3, "thac_si": 4, "tien_si": 5}
DAY = dt.timedelta(days=1)


def d(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def birth(text: str) -> dt.date:
    parts = [int(x) for x in text.split("-")]
    return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def age(born: dt.date, on: dt.date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def in_force(row: dict, on: dt.date) -> bool:
    return (not row.get("valid_from") or d(row["valid_from"]) <= on) and (
        not row.get("valid_to") or on <= d(row["valid_to"])
    )


def holds(position: dict, on: dt.date) -> bool:
    return d(position["start"]) <= on and (position["end"] is None or on < d(position["end"]))


def body(doc: dict, on: dt.date) -> list[tuple[dict, dict, dict]]:
    """(cadre, post, unit) of every cadre holding a primary post in force of a unit in force at `on`."""
    posts = {p["id"]: p for p in doc["posts"]}
    units = {u["id"]: u for u in doc["units"]}
    out = []
    for cadre in doc["cadres"]:
        for p in cadre["positions"]:
            post = posts[p["post"]]
            unit = units[post["unit"]]
            if not p["concurrent"] and holds(p, on) and in_force(post, on) and in_force(unit, on):
                out.append((cadre, post, unit))
                break
    return out


def highest(cadre: dict, year: int) -> dict | None:
    best, key = None, None
    for i, e in enumerate(cadre["education"]):
        if e["year"] and e["year"] > year:
            continue
        k = (LEVELS[e["level"]], e["year"] or 0, i)
        if key is None or k > key:
            best, key = e, k
    return best


def primaries(cadre: dict) -> list[dict]:
    return sorted((p for p in cadre["positions"] if not p["concurrent"]), key=lambda p: p["start"])
