"""Writes of cadre records. Every change goes through here and is audited by the caller's service."""
from __future__ import annotations

from collections.abc import Iterable

from luanchuyen.cadres.models import Cadre, Position
from luanchuyen.organization.models import Post


def cadre_refresh_current(cadre_ids: Iterable[str] | None = None, *, batch_size: int = 2000) -> int:
    """Recompute the derived `current_post` / `current_unit` from the work history.

    The current post is the primary (non-concurrent) position with no end; if there are several,
    the latest start wins. Cadres without one get none. Returns the number of cadres updated.
    """
    qs = Position.objects.filter(end__isnull=True, concurrent=False)
    cadres = Cadre.objects.all()
    if cadre_ids is not None:
        ids = list(cadre_ids)
        qs = qs.filter(cadre_id__in=ids)
        cadres = cadres.filter(pk__in=ids)
    current: dict[str, tuple] = {}
    for cadre_id, post_id, start in qs.values_list("cadre_id", "post_id", "start").order_by("start", "id"):
        current[cadre_id] = (post_id, start)
    post_units = dict(Post.objects.filter(pk__in={p for p, _ in current.values()}).values_list("id", "unit_id"))
    changed = []
    for cadre in cadres.only("id", "current_post", "current_unit"):
        post_id = current.get(cadre.pk, (None, None))[0]
        unit_id = post_units.get(post_id) if post_id else None
        if cadre.current_post_id != post_id or cadre.current_unit_id != unit_id:
            cadre.current_post_id, cadre.current_unit_id = post_id, unit_id
            changed.append(cadre)
    Cadre.objects.bulk_update(changed, ["current_post", "current_unit"], batch_size=batch_size)
    return len(changed)
