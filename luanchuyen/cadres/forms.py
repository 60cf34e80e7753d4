"""The cadre list's search and filters (GET parameters). Bad values are dropped, never a 500."""
from __future__ import annotations

from django import forms

from luanchuyen.cadres.selectors import AGE_BANDS, CadreFilter
from luanchuyen.core.choices import Gender, PoliticalTheory, UnitGroup

ALL = [("", "Tất cả")]


class CadreFilterForm(forms.Form):
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

    def __init__(self, data, *, unit_choices: list[tuple[str, str]]):
        super().__init__(data)
        self.fields["unit"].choices = ALL + unit_choices

    def filters(self) -> tuple[CadreFilter, list[str]]:
        """The valid filters, and one Vietnamese message per value that was dropped."""
        self.is_valid()
        problems = [f"{self.fields[name].label}: giá trị không hợp lệ, đã bỏ qua." for name in self.errors]
        value = {name: (self.cleaned_data.get(name) or "").strip() for name in self.fields}
        return CadreFilter(query=value["q"], unit=value["unit"], group=value["group"], gender=value["gender"],
                           age_band=value["age_band"], political_theory=value["political_theory"],
                           in_planning=value["in_planning"]), problems

    def describe(self) -> str:
        """The filters in force, as people read them: 'Giới tính: Nữ; Độ tuổi: 35 – 39'."""
        parts = []
        for name, field in self.fields.items():
            value = (self.cleaned_data.get(name) or "").strip() if hasattr(self, "cleaned_data") else ""
            if value:
                shown = dict(getattr(field, "choices", [])).get(value, value)
                parts.append(f"{field.label}: {shown}")
        return "; ".join(parts)
