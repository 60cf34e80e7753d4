from __future__ import annotations

from io import StringIO

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.core.management.base import CommandError

from luanchuyen.accounts.models import User


def test_it_creates_one_user_per_role_with_the_printed_passwords(province):
    User.objects.all().delete()
    out = StringIO()
    call_command("create-demo-users", stdout=out)
    lines = {line.split()[0]: line.split()[1] for line in out.getvalue().splitlines()[1:]}
    assert set(lines) == {"tochuc", "lanhdao", "donvi", "canbo", "kiemtra", "quantri"}
    roles = dict(User.objects.values_list("username", "role"))
    assert roles == {"tochuc": "to_chuc", "lanhdao": "lanh_dao", "donvi": "don_vi", "canbo": "can_bo",
                     "kiemtra": "kiem_tra", "quantri": "quan_tri"}
    assert authenticate(username="donvi", password=lines["donvi"]) is not None
    assert User.objects.get(username="donvi").unit_id is not None
    assert User.objects.get(username="canbo").cadre_id is not None


def test_running_it_again_resets_the_passwords_without_duplicates(province):
    call_command("create-demo-users", password="mot-mat-khau-dai", stdout=StringIO())
    call_command("create-demo-users", password="mat-khau-moi-dai", stdout=StringIO())
    assert User.objects.filter(username="tochuc").count() == 1
    assert authenticate(username="tochuc", password="mat-khau-moi-dai") is not None


def test_it_refuses_a_short_password(province):
    with pytest.raises(CommandError, match="ít nhất 10 ký tự"):
        call_command("create-demo-users", password="ngan", stdout=StringIO())


def test_it_refuses_to_run_before_there_is_data(db):
    with pytest.raises(CommandError, match="demo-data"):
        call_command("create-demo-users", stdout=StringIO())
