"""Quy tắc: luật và quy định về luân chuyển, quy hoạch, bổ nhiệm, nghỉ hưu dưới dạng mã.

The rules component of luanchuyen (DOMAIN.md §6–§7). Everything in this package except
``apps.py`` and ``management/`` is pure Python: no Django, no database, no clock. The
application builds a ``luanchuyen/v1`` document (docs/interchange.md), turns it into plain
facts with :func:`luanchuyen.rules.facts.facts_from_document` and evaluates the rules at an
explicit reference time with :mod:`luanchuyen.rules.evaluate`. See docs/rules.md.
"""
