"""Forms of the optimizer screen. Bad input gets a Vietnamese message and changes nothing."""
from __future__ import annotations

from django import forms

from luanchuyen.core.choices import Purpose
from luanchuyen.optimizer_app.services import MAX_DURATION_MONTHS, RunParameters

DATE_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]


class RunForm(forms.Form):
    on = forms.DateField(label="Ngày bắt đầu luân chuyển (ngày/tháng/năm)", input_formats=DATE_FORMATS,
                         error_messages={"invalid": "Ngày không hợp lệ; ghi theo dạng ngày/tháng/năm, ví dụ 01/03/2026.",
                                         "required": "Cần ghi ngày bắt đầu luân chuyển."},
                         widget=forms.TextInput(attrs={"size": 11, "placeholder": "dd/mm/yyyy"}))
    purpose = forms.ChoiceField(label="Mục đích", choices=Purpose.choices,
                                error_messages={"invalid_choice": "Mục đích luân chuyển không hợp lệ."})
    duration_months = forms.IntegerField(label="Thời gian (tháng)", min_value=1, max_value=MAX_DURATION_MONTHS,
                                         error_messages={"invalid": "Thời gian luân chuyển phải là số tháng.",
                                                         "min_value": "Thời gian luân chuyển ít nhất 1 tháng.",
                                                         "max_value": f"Thời gian luân chuyển tối đa {MAX_DURATION_MONTHS} tháng."})
    planned_only = forms.BooleanField(label="Chỉ cán bộ trong quy hoạch", required=False, initial=True)
    total_min = forms.IntegerField(label="Số cán bộ thêm: tối thiểu", required=False, min_value=0, max_value=500,
                                   error_messages={"invalid": "Số cán bộ phải là số nguyên.",
                                                   "min_value": "Số cán bộ không được âm.",
                                                   "max_value": "Số cán bộ tối đa 500."})
    total_max = forms.IntegerField(label="tối đa", required=False, min_value=0, max_value=500,
                                   error_messages={"invalid": "Số cán bộ phải là số nguyên.",
                                                   "min_value": "Số cán bộ không được âm.",
                                                   "max_value": "Số cán bộ tối đa 500."})

    def clean(self):
        data = super().clean()
        low, high = data.get("total_min"), data.get("total_max")
        if low is not None and high is not None and low > high:
            raise forms.ValidationError(f"Số cán bộ tối thiểu ({low}) lớn hơn số tối đa ({high}).")
        return data

    def parameters(self) -> RunParameters:
        d = self.cleaned_data
        return RunParameters(on=d["on"], purpose=d["purpose"], duration_months=d["duration_months"],
                             planned_only=bool(d["planned_only"]), total_min=d.get("total_min"),
                             total_max=d.get("total_max"))


class ChoiceForm(forms.Form):
    action = forms.ChoiceField(choices=[("pin", "Ghim"), ("unpin", "Bỏ ghim"), ("forbid", "Loại"),
                                        ("unforbid", "Bỏ loại")])
    candidate = forms.CharField(max_length=32)
    post = forms.CharField(max_length=32)


class PreferenceForm(forms.Form):
    side = forms.ChoiceField(label="Bên nêu", choices=[("cadre", "Nguyện vọng của cán bộ"),
                                                        ("receiving_unit", "Đề nghị của đơn vị nơi đến")])
    cadre = forms.CharField(label="Mã cán bộ", max_length=32)
    post = forms.CharField(label="Mã vị trí", max_length=32, required=False)
    unit = forms.CharField(label="Mã đơn vị", max_length=32, required=False)
    locality = forms.CharField(label="Mã địa bàn", max_length=32, required=False)
    points = forms.IntegerField(label="Điểm cộng", min_value=1, max_value=100, initial=15)
    note = forms.CharField(label="Ghi chú", max_length=255, required=False)
