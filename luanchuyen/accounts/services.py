"""Login throttling and demo users."""
from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.utils import timezone

from luanchuyen.accounts.models import LoginFailure


def login_is_locked(*, username: str, ip: str | None) -> bool:
    since = timezone.now() - dt.timedelta(seconds=settings.LOGIN_LOCK_SECONDS)
    by_user = LoginFailure.objects.filter(at__gte=since, username__iexact=username).count()
    by_ip = LoginFailure.objects.filter(at__gte=since, ip=ip).count() if ip else 0
    return by_user >= settings.LOGIN_MAX_FAILURES or by_ip >= 4 * settings.LOGIN_MAX_FAILURES


def login_failed(*, username: str, ip: str | None) -> None:
    LoginFailure.objects.create(username=username[:150], ip=ip)


def login_succeeded(*, username: str) -> None:
    LoginFailure.objects.filter(username__iexact=username).delete()
