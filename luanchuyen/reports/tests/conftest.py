"""The demo province loaded once per test module (rolled back at the end of the module)."""

from __future__ import annotations

import pytest

from luanchuyen.demo.tests.conftest import demo_document


@pytest.fixture(scope="module")
def demo_db(django_db_setup, django_db_blocker):
    """The demo document imported inside a transaction that the module's end rolls back; each test's own
    `db` transaction nests inside it (a savepoint)."""
    from django.db import transaction

    from luanchuyen.interchange.services import import_document

    doc = demo_document()
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            import_document(doc)
            yield doc
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def demo(demo_db, db):
    return demo_db


@pytest.fixture
def users(demo):
    """One user per role; the unit leader leads the Sở Y tế."""
    from luanchuyen.accounts.models import User
    from luanchuyen.cadres.models import Cadre
    from luanchuyen.organization.models import Unit

    password = "mat-khau-thu-nghiem"
    health = Unit.objects.get(name="Sở Y tế")
    cadre = Cadre.objects.order_by("id").first()

    def make(username, role, **extra):
        return User.objects.create_user(username=username, password=password, role=role, **extra)

    return {
        "to_chuc": make("tochuc", "to_chuc"),
        "lanh_dao": make("lanhdao", "lanh_dao"),
        "kiem_tra": make("kiemtra", "kiem_tra"),
        "don_vi": make("donvi", "don_vi", unit=health),
        "can_bo": make("canbo", "can_bo", cadre=cadre),
        "quan_tri": make("quantri", "quan_tri", is_staff=True),
    }
