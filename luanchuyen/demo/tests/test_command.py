"""`luanchuyen demo-data`: loads the demo province through the importer; --if-empty leaves data alone."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

from luanchuyen.demo.tests.conftest import SCHEME_DATE

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.django_db
def test_the_command_loads_the_demo_province_with_338_cadres_on_the_scheme_date(doc):
    from django.db.models import Q

    from luanchuyen.cadres.models import Cadre, Position
    from luanchuyen.organization.models import Post, Unit
    from luanchuyen.rotation.models import Proposal, RotationPlan

    out = io.StringIO()
    call_command("demo-data", stdout=out)
    assert Cadre.objects.count() == len(doc["cadres"])
    assert Unit.objects.count() == len(doc["units"]) and Post.objects.count() == len(doc["posts"])
    assert Proposal.objects.count() == len(doc["proposals"]) and RotationPlan.objects.count() == 2
    held = (
        Position.objects.filter(concurrent=False, start__lte=SCHEME_DATE)
        .filter(Q(end__isnull=True) | Q(end__gt=SCHEME_DATE))
        .values("cadre")
        .distinct()
        .count()
    )
    assert held == 338
    assert Cadre.objects.filter(current_post__isnull=False).count() == sum(
        1 for c in doc["cadres"] if any(p["end"] is None and not p["concurrent"] for p in c["positions"])
    )
    assert "Đã nạp dữ liệu tỉnh mẫu" in out.getvalue()


@pytest.mark.django_db
def test_with_if_empty_the_command_leaves_existing_cadres_alone(province):
    from luanchuyen.cadres.models import Cadre

    before = Cadre.objects.count()
    out = io.StringIO()
    call_command("demo-data", "--if-empty", stdout=out)
    assert Cadre.objects.count() == before
    assert f"đã có {before} cán bộ" in out.getvalue()


@pytest.mark.django_db
def test_the_document_passes_the_interchange_validation(doc):
    from luanchuyen.interchange.validate import validate_document

    assert [str(p) for p in validate_document(doc)] == []


def test_the_console_command_has_a_vietnamese_help():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings"}
    out = subprocess.run(
        [sys.executable, "-m", "luanchuyen.cli", "demo-data", "--help"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0
    assert "Cách dùng: luanchuyen demo-data" in out.stdout and "--if-empty" in out.stdout
    assert "Hạt giống" in out.stdout


def test_a_bad_number_of_cadres_gives_a_vietnamese_error_and_no_traceback():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings"}
    out = subprocess.run(
        [sys.executable, "-m", "luanchuyen.cli", "demo-data", "--cadres", "0"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode != 0
    assert "không hợp lệ" in out.stderr and "Traceback" not in out.stderr


@pytest.mark.django_db
def test_exporting_the_loaded_demo_gives_the_generated_document_back(doc):
    from luanchuyen.interchange.services import export_document, import_document

    import_document(doc)
    assert export_document(audit=False) == doc
