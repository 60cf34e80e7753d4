"""Vietnamese text helpers: numbers with thousands dots, what a search box may send."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize(("value", "shown"), [(0, "0"), (999, "999"), (95405, "95.405"), (4567240, "4.567.240"),
                                               (-1200, "-1.200")])
def test_thousands_are_separated_by_dots_as_in_vietnamese(value, shown):
    from luanchuyen.core.templatetags.vn import thousands

    assert thousands(value) == shown


def test_the_thousands_filter_leaves_what_is_not_an_integer_alone():
    from luanchuyen.core.templatetags.vn import thousands

    assert thousands("CB0001") == "CB0001" and thousands(None) is None and thousands(True) is True


@pytest.mark.parametrize(("raw", "clean"), [(None, ""), ("  so y te ", "so y te"), ("so\x00 y", "so y"),
                                            ("x" * 150, "x" * 100)])
def test_a_typed_query_is_trimmed_capped_and_free_of_nul(raw, clean):
    from luanchuyen.core.text import typed_query

    assert typed_query(raw) == clean
