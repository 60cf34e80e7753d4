"""Structure indicators (STR-*) over a body of cadres: seed 001 (Đề án 01-ĐA/TU Quảng Bình),
Chỉ thị 45-CT/TW (đại hội 2025–2030), QĐ 65 / KL 201 (không phải người địa phương).

Each takes a :class:`~luanchuyen.rules.facts.BodyCase` (a unit, a committee or the whole body)
and a reference time, and names the counts it used. Targets written as "phấn đấu / khoảng" give
``warn`` when missed; requirements ("phải") give ``fail``.
"""
from __future__ import annotations

import datetime as dt

from ..engine.dates import add_months, fmt_date, full_months_between
from ..engine.errors import MissingFacts
from ..engine.registry import rule
from ..engine.verdict import VerdictFactory
from . import common

ANY_TIME = dt.date(1990, 1, 1)


def _leaders_by_unit(body, t: dt.date) -> dict[str, list]:
    """unit id → [(cadre, position)] held at ``t`` (heads and deputies)."""
    out: dict[str, list] = {}
    for cadre in body.cadres:
        for position in cadre.positions:
            if position.held_on(t) and position.post.title.role in ("head", "deputy"):
                out.setdefault(position.post.unit.id, []).append((cadre, position))
    return out


_WOMEN = VerdictFactory("STR-WOMEN")


@rule("STR-WOMEN", since=ANY_TIME)
def women_share(body, t, p):
    target = p("structure.women_min_percent")
    known = [c for c in body.cadres if c.gender is not None]
    if not known:
        return _WOMEN.not_applicable(f"{body.label}: không có cán bộ có ghi giới tính.", target)
    women = sum(1 for c in known if c.gender == "nu")
    value = common.pct(women, len(known))
    text = f"{body.label}: nữ {women}/{len(known)} = {common.num(value)}% tại {fmt_date(t)}, yêu cầu ≥ {common.num(target.value)}%"
    return (_WOMEN.passed if value >= target.value else _WOMEN.failed)(text + ".", target)


_YOUNG = VerdictFactory("STR-YOUNG")


@rule("STR-YOUNG", since=ANY_TIME)
def young_share(body, t, p):
    target, age = p("structure.young_min_percent"), p("structure.young_age_years")
    known = [c for c in body.cadres if c.birth is not None]
    if not known:
        return _YOUNG.not_applicable(f"{body.label}: không có cán bộ có ghi ngày sinh.", target)
    young = sum(1 for c in known if c.age_on(t) < age.value)
    value = common.pct(young, len(known))
    text = (f"{body.label}: cán bộ trẻ (dưới {age.value} tuổi) {young}/{len(known)} = {common.num(value)}% tại {fmt_date(t)}, "
            f"yêu cầu ≥ {common.num(target.value)}%")
    return (_YOUNG.passed if value >= target.value else _YOUNG.failed)(text + ".", target, age)


def _appointments_this_year(body, t: dt.date) -> list:
    if not any(c.appointments for c in body.cadres):
        raise MissingFacts("danh sách bổ nhiệm (appointments) của cán bộ")
    first = dt.date(t.year, 1, 1)
    return [(c, a) for c in body.cadres for a in c.appointments
            if a.decided is not None and first <= a.decided <= t]


_APPT_W = VerdictFactory("STR-APPT-WOMEN")


@rule("STR-APPT-WOMEN", since=ANY_TIME)
def women_among_appointments(body, t, p):
    target = p("structure.appointment_women_percent")
    appointed = _appointments_this_year(body, t)
    if not appointed:
        return _APPT_W.not_applicable(f"Chưa có bổ nhiệm nào trong năm {t.year} đến {fmt_date(t)}.", target)
    women = sum(1 for c, _a in appointed if c.gender == "nu")
    value = common.pct(women, len(appointed))
    text = (f"Năm {t.year} (đến {fmt_date(t)}): {women}/{len(appointed)} lượt bổ nhiệm là nữ = {common.num(value)}%, "
            f"phấn đấu khoảng {common.num(target.value)}%")
    return (_APPT_W.passed if value >= target.value else _APPT_W.warn)(text + ".", target)


_APPT_Y = VerdictFactory("STR-APPT-YOUNG")


@rule("STR-APPT-YOUNG", since=ANY_TIME)
def young_among_appointments(body, t, p):
    target, age = p("structure.appointment_young_percent"), p("structure.young_age_years")
    appointed = _appointments_this_year(body, t)
    if not appointed:
        return _APPT_Y.not_applicable(f"Chưa có bổ nhiệm nào trong năm {t.year} đến {fmt_date(t)}.", target)
    young = sum(1 for c, a in appointed if c.birth is not None and c.age_on(a.decided) < age.value)
    value = common.pct(young, len(appointed))
    text = (f"Năm {t.year} (đến {fmt_date(t)}): {young}/{len(appointed)} lượt bổ nhiệm là cán bộ trẻ (dưới {age.value} tuổi) "
            f"= {common.num(value)}%, phấn đấu khoảng {common.num(target.value)}%")
    return (_APPT_Y.passed if value >= target.value else _APPT_Y.warn)(text + ".", target, age)


_FEMALE_UNIT = VerdictFactory("STR-FEMALE-UNIT")


@rule("STR-FEMALE-UNIT", since=ANY_TIME)
def female_leader_where_staff_mostly_female(body, t, p):
    threshold = p("structure.female_unit_threshold_percent")
    leaders = _leaders_by_unit(body, t)
    considered, missing, no_data = 0, [], 0
    for unit in body.dataset.units.values():
        if not unit.valid_on(t):
            continue
        if not unit.staff_total or unit.staff_female is None:
            no_data += 1
            continue
        share = common.pct(unit.staff_female, unit.staff_total)
        if share <= threshold.value:
            continue
        considered += 1
        if not any(c.gender == "nu" for c, _pos in leaders.get(unit.id, ())):
            missing.append(f"{unit.name} ({common.num(share)}% nữ)")
    if not considered:
        return _FEMALE_UNIT.not_applicable(f"Không có đơn vị nào có trên {common.num(threshold.value)}% nữ "
                                           f"(hoặc thiếu số liệu biên chế: {no_data} đơn vị).", threshold)
    if missing:
        return _FEMALE_UNIT.failed(f"{len(missing)}/{considered} đơn vị có trên {common.num(threshold.value)}% nữ chưa có cán bộ "
                                   f"nữ lãnh đạo: {common.listing(missing)}.", threshold)
    return _FEMALE_UNIT.passed(f"{considered} đơn vị có trên {common.num(threshold.value)}% nữ đều có cán bộ nữ lãnh đạo.",
                               threshold)


_BANDS = VerdictFactory("STR-AGE-BANDS")


def has_three_bands(ages: list[int], gap: int) -> bool:
    ages = sorted(ages)
    if not ages:
        return False
    band, count = ages[0], 1
    for age in ages[1:]:
        if age - band >= gap:
            band, count = age, count + 1
            if count == 3:
                return True
    return False


@rule("STR-AGE-BANDS", since=ANY_TIME)
def three_age_bands(body, t, p):
    gap = p("structure.age_band_gap_years")
    leaders = _leaders_by_unit(body, t)
    failing, checked = [], 0
    for unit_id, members in sorted(leaders.items()):
        ages = [c.age_on(t) for c, _pos in members if c.birth is not None]
        checked += 1
        if not has_three_bands(ages, gap.value):
            failing.append(f"{body.dataset.units[unit_id].name} (tuổi: {', '.join(map(str, sorted(ages))) or 'chưa rõ'})")
    if not checked:
        return _BANDS.not_applicable(f"Không có đơn vị nào có lãnh đạo tại {fmt_date(t)}.", gap)
    if failing:
        return _BANDS.failed(f"{len(failing)}/{checked} đơn vị chưa có đủ 3 độ tuổi cách nhau {gap.value} năm: "
                             f"{common.listing(failing)}.", gap)
    return _BANDS.passed(f"{checked} đơn vị đều có 3 độ tuổi cách nhau {gap.value} năm.", gap)


def _first_time(body, t: dt.date, role: str, window_months: int) -> list[tuple]:
    since = add_months(t, -window_months)
    out = []
    for cadre in body.cadres:
        firsts = [pos for pos in cadre.positions if not pos.concurrent and pos.post.title.role == role and pos.start]
        if firsts:
            first = min(firsts, key=lambda pos: pos.start)
            if since <= first.start <= t:
                out.append((cadre, first))
    return out


def _first_time_share(V: VerdictFactory, body, t, p, role: str, months_param: str, share_param: str, noun: str):
    months, share, window = p(months_param), p(share_param), p("structure.first_appointment_window_months")
    firsts = _first_time(body, t, role, window.value)
    if not firsts:
        return V.not_applicable(f"Không có ai giữ chức vụ {noun} lần đầu trong {window.value} tháng đến {fmt_date(t)}.",
                                months, share, window)
    known = [(c, pos) for c, pos in firsts if c.retirement_index is not None]
    enough = sum(1 for c, pos in known if c.months_left(pos.start) >= months.value)
    value = common.pct(enough, len(known)) if known else 0.0
    text = (f"{enough}/{len(known)} cán bộ giữ chức vụ {noun} lần đầu trong {window.value} tháng đến {fmt_date(t)} còn từ "
            f"{months.value} tháng công tác trở lên ({common.num(value)}%), phấn đấu {common.num(share.value)}%")
    if len(known) < len(firsts):
        text += f"; {len(firsts) - len(known)} người thiếu giới tính/ngày sinh"
    return (V.passed if value >= share.value else V.warn)(text + ".", months, share, window)


@rule("STR-HEAD-2TERMS", since=ANY_TIME)
def first_heads_two_terms(body, t, p):
    return _first_time_share(VerdictFactory("STR-HEAD-2TERMS"), body, t, p, "head", "structure.first_head_min_months_left",
                             "structure.first_head_share_percent", "cấp trưởng")


@rule("STR-DEPUTY-3TERMS", since=ANY_TIME)
def first_deputies_three_terms(body, t, p):
    return _first_time_share(VerdictFactory("STR-DEPUTY-3TERMS"), body, t, p, "deputy",
                             "structure.first_deputy_min_months_left", "structure.first_deputy_share_percent", "cấp phó")


_DEPUTIES = VerdictFactory("STR-DEPUTY-COUNT")


@rule("STR-DEPUTY-COUNT", since=ANY_TIME)
def deputies_per_department(body, t, p):
    bounds, groups, ceilings = (p("structure.deputies_per_department"), p("structure.department_groups"),
                                p("structure.deputy_ceiling_by_group"))
    leaders = _leaders_by_unit(body, t)
    low, high = bounds.value["min"], bounds.value["max"]
    outside, per_group, checked = [], {}, 0
    for unit in body.dataset.units.values():
        if not unit.valid_on(t) or unit.group is None:
            continue
        deputies = sum(1 for _c, pos in leaders.get(unit.id, ()) if pos.post.title.role == "deputy")
        per_group[unit.group] = per_group.get(unit.group, 0) + deputies
        if unit.group in groups.value:
            checked += 1
            if not low <= deputies <= high:
                outside.append(f"{unit.name}: {deputies}")
    over = [f"{group}: {n}/{ceilings.value[group]}" for group, n in sorted(per_group.items())
            if group in ceilings.value and n > ceilings.value[group]]
    if not checked and not over:
        return _DEPUTIES.not_applicable("Không có sở, ban, ngành nào trong dữ liệu.", bounds, groups, ceilings)
    problems = []
    if outside:
        problems.append(f"{len(outside)} cơ quan ngoài khoảng {low}–{high} cấp phó ({common.listing(outside)})")
    if over:
        problems.append(f"vượt khung cấp phó của nhóm ({common.listing(over)})")
    if problems:
        text = "; ".join(problems)
        return _DEPUTIES.failed(text[0].upper() + text[1:] + ".", bounds, groups, ceilings)
    return _DEPUTIES.passed(f"{checked} cơ quan đều có {low}–{high} cấp phó; các nhóm không vượt khung.",
                            bounds, groups, ceilings)


_SECTOR = VerdictFactory("STR-SECTOR")


@rule("STR-SECTOR", since=ANY_TIME)
def specialised_sector_heads(body, t, p):
    mapping = p("structure.sector_fields")
    leaders = _leaders_by_unit(body, t)
    matched, review = [], []
    for unit_id, members in sorted(leaders.items()):
        for cadre, position in members:
            sector = position.post.title.sector
            if position.post.title.role != "head" or sector is None:
                continue
            fields = set(mapping.value.get(sector, "").split(","))
            have = {e.field for e in cadre.education if e.field}
            label = f"{position.post.unit.name} – {cadre.full_name}"
            if have & fields:
                matched.append(label)
            else:
                review.append(f"{label} (lĩnh vực đào tạo: {', '.join(sorted(have)) or 'chưa ghi'})")
    if not matched and not review:
        return _SECTOR.not_applicable("Không có ngành chuyên môn sâu (chức danh có sector) có người đứng đầu tại "
                                      f"{fmt_date(t)}.", mapping)
    if review:
        return _SECTOR.needs_review(f"Cần xem xét chuyên môn phù hợp hoặc gần với ngành: {common.listing(review)}.", mapping)
    return _SECTOR.passed(f"{len(matched)} ngành chuyên môn sâu do người có lĩnh vực đào tạo phù hợp đứng đầu.", mapping)


_NON_LOCAL = VerdictFactory("STR-NON-LOCAL")


@rule("STR-NON-LOCAL", since=ANY_TIME)
def key_titles_non_local(body, t, p):
    policy, work = p("rotation.non_local_policy"), p("rotation.local_by_work_years")
    locals_, unknown, fine = [], [], 0
    for cadre in body.cadres:
        for position in cadre.positions:
            post = position.post
            if not position.held_on(t) or not post.title.non_local_required:
                continue
            label = f"{post.title.name} – {post.unit.name}: {cadre.full_name}"
            if post.locality is None:
                unknown.append(f"{label} (vị trí chưa có địa bàn)")
                continue
            try:
                local, why = common.is_local(body.dataset, cadre, post.locality, t, work.value)
            except MissingFacts as e:
                unknown.append(f"{label} (thiếu {e.what})")
                continue
            if local:
                locals_.append(f"{label} ({why})")
            elif local is None:
                unknown.append(f"{label} ({why})")
            else:
                fine += 1
    if not (locals_ or unknown or fine):
        return _NON_LOCAL.not_applicable(f"Không có chức danh phải bố trí không phải người địa phương đang có người giữ tại "
                                         f"{fmt_date(t)}.", policy, work)
    if locals_:
        return _NON_LOCAL.failed(f"{len(locals_)} chức danh do người địa phương giữ: {common.listing(locals_)}.", policy, work)
    if unknown:
        return _NON_LOCAL.needs_review(f"Chưa xác định được: {common.listing(unknown)}.", policy, work)
    return _NON_LOCAL.passed(f"{fine} chức danh đều do người không phải người địa phương giữ.", policy, work)


_TWO_TERMS = VerdictFactory("STR-TWO-TERMS")


@rule("STR-TWO-TERMS", since=ANY_TIME)
def heads_over_two_terms(body, t, p):
    threshold = p("rotation.two_terms_months")
    flagged, heads = [], 0
    for cadre in body.cadres:
        try:
            run = common.head_run(cadre, t)
        except MissingFacts:
            continue
        if run is None:
            continue
        heads += 1
        months = full_months_between(run[1], t)
        if months >= threshold.value:
            flagged.append(f"{cadre.full_name} – {run[0].post.title.name}, {run[0].post.unit.name} ({months} tháng)")
    if not heads:
        return _TWO_TERMS.not_applicable(f"Không có cán bộ giữ chức vụ cấp trưởng tại {fmt_date(t)}.", threshold)
    if flagged:
        return _TWO_TERMS.warn(f"{len(flagged)}/{heads} cấp trưởng giữ chức vụ từ {threshold.value} tháng trở lên tại một "
                               f"đơn vị (thuộc diện luân chuyển): {common.listing(flagged)}.", threshold)
    return _TWO_TERMS.passed(f"{heads} cấp trưởng đều giữ chức vụ dưới {threshold.value} tháng tại một đơn vị.", threshold)
