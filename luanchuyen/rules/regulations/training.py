"""Training rules (TRN-*): seed 004, Kế hoạch đào tạo, bồi dưỡng … tỉnh Lâm Đồng 2017–2020, mục III.1.

TRN-GAP compares the cadre's levels with requirements by the level of the title held or planned;
those requirements are parameters labelled [D] (derived from the title standards, not yet checked
against their text) that a province overrides.
"""
from __future__ import annotations

import datetime as dt

from ..engine.dates import fmt_date, fmt_months
from ..engine.errors import MissingFacts
from ..engine.registry import rule
from ..engine.verdict import VerdictFactory
from ..facts import EDUCATION_LEVELS, POLITICAL_THEORY, STATE_MANAGEMENT
from . import common

ANY_TIME = dt.date(1990, 1, 1)
DISTRICTS_ABOLISHED = dt.date(2025, 7, 1)

_POLITICAL_TEXT = {"so_cap": "sơ cấp", "trung_cap": "trung cấp", "cao_cap": "cao cấp", "cu_nhan": "cử nhân"}
_EDUCATION_TEXT = {"trung_cap": "trung cấp", "cao_dang": "cao đẳng", "dai_hoc": "đại học", "thac_si": "thạc sĩ",
                   "tien_si": "tiến sĩ"}
_STATE_TEXT = {"chuyen_vien": "chuyên viên", "chuyen_vien_chinh": "chuyên viên chính",
               "chuyen_vien_cao_cap": "chuyên viên cao cấp"}

_CAO_CAP = VerdictFactory("TRN-CAO-CAP")


@rule("TRN-CAO-CAP", since=ANY_TIME)
def cao_cap_target_population(case, t, p):
    """III.1.1.a: trưởng phòng và tương đương cấp tỉnh; cấp ủy viên, PCT HĐND/UBND, trưởng phòng cấp huyện;
    cán bộ quy hoạch vào các chức danh đó (and, a fortiori, the leaders the committee manages)."""
    levels = p("training.cao_cap_target_levels")
    cadre = case.cadre
    if cadre.political_theory in ("cao_cap", "cu_nhan"):
        return _CAO_CAP.not_applicable(f"Đã có trình độ lý luận chính trị {_POLITICAL_TEXT[cadre.political_theory]}.", levels)
    position = cadre.position_at(t)
    if position is not None and position.post.unit.level in levels.value:
        return _CAO_CAP.passed(f"Chưa có cao cấp lý luận chính trị; đang giữ {common.post_name(position.post)} "
                               f"({common.level_text(position.post.unit.level)}): thuộc đối tượng đào tạo.", levels)
    for entry in cadre.planning_in_force(t):
        level = common.level_of_title(case.dataset, entry.title.id)
        if level in levels.value:
            return _CAO_CAP.passed(f"Chưa có cao cấp lý luận chính trị; trong quy hoạch {entry.title.name} nhiệm kỳ "
                                   f"{entry.term} ({common.level_text(level)}): thuộc đối tượng đào tạo.", levels)
    if position is None and not cadre.planning_in_force(t):
        raise MissingFacts(f"chức vụ đang giữ hoặc quy hoạch tại {fmt_date(t)}")
    if position is not None and position.post.unit.level == "xa" and t >= DISTRICTS_ABOLISHED:
        return _CAO_CAP.needs_review("Đang giữ chức vụ cấp xã sau khi bỏ cấp huyện (01/07/2025); kế hoạch 2017–2020 chưa "
                                     "xác định đối tượng ở cấp này.", levels)
    where = common.post_name(position.post) if position else "chức danh quy hoạch"
    return _CAO_CAP.failed(f"{where} không thuộc đối tượng đào tạo cao cấp lý luận chính trị "
                           f"(cấp {', '.join(common.level_text(lv) for lv in levels.value)}).", levels)


def _is_cao_cap(training) -> bool:
    return training.kind == "ly_luan_chinh_tri" and "cao cap" in common.ascii_fold(training.name or "")


_FULLTIME = VerdictFactory("TRN-FULLTIME")


@rule("TRN-FULLTIME", since=ANY_TIME)
def under_forty_full_time(case, t, p):
    """III.1.1.a: "Đối với cán bộ dưới 40 tuổi phải đào tạo hệ chính quy tập trung"."""
    age_limit = p("training.fulltime_age_years")
    courses = [tr for tr in case.cadre.trainings if _is_cao_cap(tr)]
    if not courses:
        return _FULLTIME.not_applicable("Hồ sơ không có khóa đào tạo cao cấp lý luận chính trị.", age_limit)
    problems, unknown, ok = [], [], []
    for course in courses:
        if course.start is None:
            raise MissingFacts(f"ngày bắt đầu khóa {course.name}")
        age = case.cadre.age_on(course.start)
        label = f"{course.name} (bắt đầu {fmt_date(course.start)}, {age} tuổi)"
        if age >= age_limit.value:
            ok.append(label)
        elif course.mode is None:
            unknown.append(label)
        elif course.mode == "chinh_quy":
            ok.append(label + " hệ chính quy")
        else:
            problems.append(label)
    if problems:
        return _FULLTIME.failed(f"Dưới {age_limit.value} tuổi phải học hệ chính quy tập trung: {common.listing(problems)}.",
                                age_limit)
    if unknown:
        return _FULLTIME.needs_review(f"Chưa ghi hình thức đào tạo: {common.listing(unknown)}.", age_limit)
    return _FULLTIME.passed(f"Phù hợp: {common.listing(ok)}.", age_limit)


_YEARS = VerdictFactory("TRN-YEARS-LEFT")


@rule("TRN-YEARS-LEFT", since=ANY_TIME)
def five_years_after_degree(case, t, p):
    """III.1.1.b: after university or intermediate training "còn ít nhất 5 năm trở lên"."""
    required = p("training.min_months_left_after_degree")
    courses = [tr for tr in case.cadre.trainings if tr.kind == "chuyen_mon" and (tr.end is None or tr.end >= t)]
    if not courses:
        return _YEARS.not_applicable(f"Không có khóa đào tạo chuyên môn đang học hoặc dự kiến tại {fmt_date(t)}.", required)
    problems, ok = [], []
    for course in courses:
        if course.end is None:
            raise MissingFacts(f"ngày kết thúc khóa {course.name or 'đào tạo chuyên môn'}")
        left = case.cadre.months_left(course.end)
        label = f"{course.name or 'đào tạo chuyên môn'} (kết thúc {fmt_date(course.end)}): còn {fmt_months(left)}"
        (ok if left >= required.value else problems).append(label)
    if problems:
        return _YEARS.failed(f"Sau khi học xong không còn đủ {required.value} tháng công tác: {common.listing(problems)}.",
                             required)
    return _YEARS.passed(f"Sau khi học xong còn đủ {required.value} tháng công tác: {common.listing(ok)}.", required)


_PRIORITY = VerdictFactory("TRN-PRIORITY")
_GROUP_TEXT = {"khoi_dang": "khối Đảng", "noi_chinh": "khối Nội chính", "nu": "cán bộ nữ", "tre": "cán bộ trẻ",
               "dan_toc_thieu_so": "người dân tộc thiểu số"}


def priority_groups(case, t: dt.date, young_age: int) -> list[str]:
    cadre = case.cadre
    position = cadre.position_at(t)
    found = []
    if position is not None and position.post.unit.block == "dang":
        found.append("khoi_dang")
    if position is not None and position.post.unit.subgroup == "noi_chinh":
        found.append("noi_chinh")
    if cadre.gender == "nu":
        found.append("nu")
    if cadre.birth is not None and cadre.age_on(t) < young_age:
        found.append("tre")
    if cadre.ethnicity and common.ascii_fold(cadre.ethnicity).strip() != "kinh":
        found.append("dan_toc_thieu_so")
    return found


@rule("TRN-PRIORITY", since=ANY_TIME)
def training_priority(case, t, p):
    """III.1.1.a: "Ưu tiên … khối Đảng, khối Nội chính, cán bộ nữ, cán bộ trẻ, cán bộ là người dân tộc thiểu số"."""
    groups, young_age = p("training.priority_groups"), p("training.young_age_years")
    found = [g for g in priority_groups(case, t, young_age.value) if g in groups.value]
    if found:
        return _PRIORITY.passed(f"Thuộc nhóm ưu tiên đào tạo: {', '.join(_GROUP_TEXT[g] for g in found)}.", groups, young_age)
    return _PRIORITY.not_applicable("Không thuộc nhóm ưu tiên đào tạo.", groups, young_age)


_GAP = VerdictFactory("TRN-GAP")


def _rank(value: str | None, order: tuple) -> int:
    return order.index(value) if value in order else -1


@rule("TRN-GAP", since=ANY_TIME)
def title_requirements_gap(case, t, p):
    """"Nợ bằng": the levels the title held (or planned) requires and the cadre lacks."""
    pol, edu, state = (p("training.required_political_theory"), p("training.required_education"),
                       p("training.required_state_management"))
    cadre = case.cadre
    targets = []
    position = cadre.position_at(t)
    if position is not None:
        targets.append((f"chức vụ {position.post.title.name}", position.post.unit.level))
    for entry in cadre.planning_in_force(t):
        targets.append((f"quy hoạch {entry.title.name}", common.level_of_title(case.dataset, entry.title.id)))
    targets = [(label, level) for label, level in targets if level]
    if not targets:
        return _GAP.not_applicable(f"Không có chức vụ hoặc quy hoạch (đã rõ cấp) tại {fmt_date(t)}.", pol, edu, state)
    best_edu = max((_rank(e.level, EDUCATION_LEVELS) for e in cadre.education), default=-1)
    gaps = []
    for label, level in targets:
        need = pol.value.get(level)
        if need and _rank(cadre.political_theory, POLITICAL_THEORY) < _rank(need, POLITICAL_THEORY):
            gaps.append(f"lý luận chính trị {_POLITICAL_TEXT[need]} (yêu cầu của {label})")
        need = edu.value.get(level)
        if need and best_edu < _rank(need, EDUCATION_LEVELS):
            gaps.append(f"trình độ {_EDUCATION_TEXT[need]} (yêu cầu của {label})")
        need = state.value.get(level)
        if need and _rank(cadre.state_management, STATE_MANAGEMENT) < _rank(need, STATE_MANAGEMENT):
            gaps.append(f"quản lý nhà nước ngạch {_STATE_TEXT[need]} (yêu cầu của {label})")
    unique = list(dict.fromkeys(gaps))
    if unique:
        return _GAP.failed(f"Còn thiếu («nợ bằng»): {common.listing(unique)}.", pol, edu, state)
    return _GAP.passed(f"Đủ trình độ theo yêu cầu của {', '.join(label for label, _lv in targets)}.", pol, edu, state)
