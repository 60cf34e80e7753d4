"""The reference date of the organization screens (?on=YYYY-MM-DD, or dd/mm/yyyy typed by hand)."""
from __future__ import annotations

import datetime as dt

from django import forms


class OnDateForm(forms.Form):
    on = forms.DateField(label="Tại ngày", required=False, input_formats=["%Y-%m-%d", "%d/%m/%Y"],
                         widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))

    def date_or(self, default: dt.date) -> tuple[dt.date, str]:
        """The chosen date (or `default`), and a Vietnamese message when the given one was unusable."""
        if self.is_valid():
            return self.cleaned_data["on"] or default, ""
        raw = self.data.get("on", "")
        return default, (f"Ngày “{raw}” không hợp lệ (dạng ngày/tháng/năm); "
                         f"đang hiển thị theo ngày {default.strftime('%d/%m/%Y')}.")
