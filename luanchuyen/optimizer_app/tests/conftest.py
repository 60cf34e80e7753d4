"""A plan in the small province whose cadres can be rotated on 01/03/2026."""
from __future__ import annotations

import datetime as dt

import pytest

ON = dt.date(2026, 3, 1)


@pytest.fixture
def ready(province):
    """The `province` fixture + a 2026 plan, planning entries of the 2025–2030 term and recent health
    certificates, so that An, Lan, Đạt and Ánh are candidates for a training rotation on 01/03/2026."""
    from luanchuyen.cadres.models import Cadre, PlanningEntry
    from luanchuyen.organization.models import Title
    from luanchuyen.rotation.models import RotationPlan

    plan = RotationPlan.objects.create(id="KH-TEST", name="Kế hoạch luân chuyển thử năm 2026",
                                       period_start=dt.date(2026, 1, 1), period_end=dt.date(2026, 12, 31),
                                       status="in_progress", targets={"total": {"min": 1, "max": 3}})
    titles = {t.id: t for t in Title.objects.all()}
    for key, title in (("an", "truong_ban_tu"), ("lan", "pho_ban_tu"), ("dat", "pho_giam_doc_so"),
                       ("anh", "pho_giam_doc_so"), ("dung", "truong_ban_tu")):
        cadre = province.cadres[key]
        PlanningEntry.objects.create(cadre=cadre, title=titles[title], term="2025-2030", approved=dt.date(2025, 9, 12))
    Cadre.objects.filter(pk__in=[c.pk for c in province.cadres.values()]).update(health_certificate=dt.date(2026, 1, 5))
    province.plan = plan
    return province
