"""The reference date (dd/mm/yyyy, or YYYY-MM-DD in links) and the window of "Sắp nghỉ hưu"."""

from __future__ import annotations

import datetime as dt

from django import forms

from luanchuyen.eligibility.selectors import MAX_MONTHS_AHEAD

DATE_WIDGET = forms.DateInput(
    attrs={"placeholder": "dd/mm/yyyy", "inputmode": "numeric", "autocomplete": "off"}, format="%d/%m/%Y"
)


class DateForm(forms.Form):
    on = forms.DateField(
        label="Tại ngày", required=False, input_formats=["%d/%m/%Y", "%Y-%m-%d"], widget=DATE_WIDGET
    )

    def values(self, today: dt.date) -> tuple[dict, list[str]]:
        """The valid values (defaults for the others) and a Vietnamese message per value refused."""
        self.is_valid()
        problems = []
        if "on" in self.errors:
            problems.append(
                f"Ngày «{self.data.get('on', '')}» không hợp lệ (nhập theo dạng ngày/tháng/năm, ví dụ "
                f"15/01/2026); đang tính tại ngày {today.strftime('%d/%m/%Y')}."
            )
        data = getattr(self, "cleaned_data", {})
        return {"on": data.get("on") or today}, problems


class RetiringForm(DateForm):
    months = forms.IntegerField(
        label="Trong số tháng tới",
        required=False,
        min_value=1,
        max_value=MAX_MONTHS_AHEAD,
        widget=forms.NumberInput(attrs={"min": 1, "max": MAX_MONTHS_AHEAD}),
    )

    def values(self, today: dt.date) -> tuple[dict, list[str]]:
        values, problems = super().values(today)
        if "months" in self.errors:
            problems.append(
                f"Số tháng «{self.data.get('months', '')}» không hợp lệ (từ 1 đến {MAX_MONTHS_AHEAD}); "
                "đang tính cho 12 tháng."
            )
        values["months"] = getattr(self, "cleaned_data", {}).get("months") or 12
        return values, problems
