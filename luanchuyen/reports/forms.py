"""The reference date of the reports: typed as dd/mm/yyyy (the calendar button fills it in), or
?on=YYYY-MM-DD in links."""

from __future__ import annotations

import datetime as dt

from django import forms


class ReportDateForm(forms.Form):
    on = forms.DateField(
        label="Tại ngày",
        required=False,
        input_formats=["%d/%m/%Y", "%Y-%m-%d"],
        widget=forms.DateInput(
            attrs={"placeholder": "dd/mm/yyyy", "inputmode": "numeric", "autocomplete": "off"},
            format="%d/%m/%Y",
        ),
    )

    def date_or(self, default: dt.date) -> tuple[dt.date, str]:
        """The chosen date (or `default`), and a Vietnamese message when the given one is unusable."""
        if self.is_valid():
            return self.cleaned_data["on"] or default, ""
        raw = self.data.get("on", "")
        return default, (
            f"Ngày “{raw}” không hợp lệ (nhập theo dạng ngày/tháng/năm, ví dụ 12/03/2021); "
            f"báo cáo đang tính tại ngày {default.strftime('%d/%m/%Y')}."
        )
