"""The cadre list's search and filters (GET parameters). Bad values are dropped, never a 500."""
from __future__ import annotations

from collections.abc import Callable

from django import forms
from django.forms.renderers import Jinja2

from luanchuyen.cadres.selectors import AGE_BANDS, CadreFilter
from luanchuyen.core.choices import Gender, PoliticalTheory, Purpose, UnitGroup

ALL = [("", "Tất cả")]
SORT_MONTHS_LEFT = "months_left"

# The list's filters are drawn on every search page: Django's own Jinja2 widget templates give the same
# HTML in a third of the time (ten filters: 2.0 → 0.85 ms). One instance, so its engine is built once.
# Only this form: the admin's widgets have Django templates only.
FAST_WIDGETS = Jinja2()


class CadreFilterForm(forms.Form):
    default_renderer = FAST_WIDGETS
    q = forms.CharField(label="Tìm theo họ tên hoặc mã", required=False, max_length=100)
    unit = forms.ChoiceField(label="Đơn vị", required=False)
    group = forms.ChoiceField(label="Nhóm cơ quan", required=False, choices=ALL + UnitGroup.choices)
    gender = forms.ChoiceField(label="Giới tính", required=False, choices=ALL + Gender.choices)
    age_band = forms.ChoiceField(label="Độ tuổi", required=False,
                                 choices=ALL + [(key, label) for key, (label, _, _) in AGE_BANDS.items()])
    political_theory = forms.ChoiceField(label="Lý luận chính trị", required=False,
                                         choices=ALL + PoliticalTheory.choices)
    in_planning = forms.ChoiceField(label="Trong quy hoạch", required=False,
                                    choices=ALL + [("1", "Có"), ("0", "Không")])
    eligible = forms.ChoiceField(label="Đủ điều kiện luân chuyển", required=False,
                                 choices=ALL + [("1", "Có"), ("0", "Không")])
    purpose = forms.ChoiceField(label="Mục đích luân chuyển", required=False, choices=Purpose.choices,
                                widget=forms.Select(attrs={"data-default": Purpose.TRAINING.value}))
    sort = forms.ChoiceField(label="Sắp xếp", required=False,
                             choices=[("", "Theo họ tên"),
                                      (SORT_MONTHS_LEFT, "Số tháng công tác còn lại (ít nhất trước)")])

    def __init__(self, data, *, unit_choices: list[tuple[str, str]] | None,
                 unit_lookup: Callable[[str], tuple[str, str] | None] | None = None, suggest_url: str = ""):
        """`unit_choices`: the drop-down of units; None when there are too many to list, and the filter
        is then a search box whose value `unit_lookup` resolves to (id, label) within the user's scope."""
        super().__init__(data.copy() if data is not None else None)
        self.unit_lookup = None
        if unit_choices is not None:
            self.fields["unit"].choices = ALL + unit_choices
        else:
            self.unit_lookup = unit_lookup
            self.fields["unit"] = forms.CharField(
                label="Đơn vị", required=False, max_length=300,
                widget=forms.TextInput(attrs={"list": "unit-suggestions", "data-suggest": suggest_url,
                                              "placeholder": "Gõ tên đơn vị…", "autocomplete": "off"}))
        self.unit_shown = ""

    def clean_unit(self) -> str:
        value = (self.cleaned_data.get("unit") or "").strip()
        if not value or self.unit_lookup is None:
            return value
        found = self.unit_lookup(value)
        if found is None:
            raise forms.ValidationError("Không tìm thấy đơn vị này trong phạm vi được xem.")
        unit_id, self.unit_shown = found
        self.data["unit"] = self.unit_shown   # the box shows the unit's name, whatever was typed
        return unit_id

    def filters(self) -> tuple[CadreFilter, list[str]]:
        """The valid filters, and one Vietnamese message per value that was dropped."""
        self.is_valid()
        problems = [f"{self.fields[name].label}: giá trị không hợp lệ, đã bỏ qua." for name in self.errors]
        value = {name: (self.cleaned_data.get(name) or "").strip() for name in self.fields}
        return CadreFilter(query=value["q"], unit=value["unit"], group=value["group"], gender=value["gender"],
                           age_band=value["age_band"], political_theory=value["political_theory"],
                           in_planning=value["in_planning"]), problems

    def rotation_options(self) -> tuple[str, str, str]:
        """(eligible "" | "1" | "0", purpose — training rotation by default —, sort) after :meth:`filters`."""
        data = getattr(self, "cleaned_data", {})
        return ((data.get("eligible") or ""), (data.get("purpose") or Purpose.TRAINING.value),
                (data.get("sort") or ""))

    def describe(self) -> str:
        """The filters in force, as people read them: 'Giới tính: Nữ; Độ tuổi: 35 – 39'."""
        parts = []
        for name, field in self.fields.items():
            value = (self.cleaned_data.get(name) or "").strip() if hasattr(self, "cleaned_data") else ""
            if value:
                shown = self.unit_shown if name == "unit" and self.unit_shown else \
                    dict(getattr(field, "choices", [])).get(value, value)
                parts.append(f"{field.label}: {shown}")
        return "; ".join(parts)


class EligibilityForm(forms.Form):
    """The record's "Điều kiện luân chuyển": a date (dd/mm/yyyy, or YYYY-MM-DD in links) and a purpose."""

    on = forms.DateField(label="Ngày xét", required=False, input_formats=["%d/%m/%Y", "%Y-%m-%d"],
                         error_messages={"invalid": "Ngày xét không hợp lệ: nhập theo dạng ngày/tháng/năm, "
                                                    "ví dụ 15/01/2026."},
                         widget=forms.DateInput(attrs={"placeholder": "dd/mm/yyyy", "inputmode": "numeric",
                                                       "autocomplete": "off"}, format="%d/%m/%Y"))
    purpose = forms.ChoiceField(label="Mục đích luân chuyển", required=False, choices=Purpose.choices,
                                error_messages={"invalid_choice":
                                                "Mục đích luân chuyển «%(value)s» không hợp lệ."})

    def values(self, default_on) -> tuple[object, str, list[str]]:
        """(date, purpose, Vietnamese problems); date and purpose fall back to defaults when empty."""
        if self.is_valid():
            data = self.cleaned_data
            return data["on"] or default_on, data["purpose"] or Purpose.TRAINING.value, []
        problems = [message for errors in self.errors.values() for message in errors]
        return None, Purpose.TRAINING.value, problems
