"""Fixtures of the screen tests (imported by the conftest of cadres and organization tests)."""
from __future__ import annotations

import pytest
from django.test import Client

from luanchuyen.cadres.tests.factories import build_world


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def world(db):
    return build_world()


@pytest.fixture
def as_role(world):
    """as_role("don_vi") -> a test client logged in as that role's user."""

    def login(role: str) -> Client:
        client = Client()
        client.force_login(world.users[role])
        return client

    return login
