"""Import and export of `luanchuyen/v1` documents (docs/interchange.md).

Import is all-or-nothing: every problem is listed first (`ImportRejected`), then the rows are
upserted by id in one transaction. Unchanged rows are not written; a cadre's nested lists are
replaced as a whole only when they differ. One audit entry per import and per export.
"""
from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field as dc_field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import DatabaseError, connection, models, transaction

from luanchuyen.audit.services import audit_record
from luanchuyen.cadres.models import Cadre
from luanchuyen.cadres.services import cadre_refresh_current
from luanchuyen.core import text
from luanchuyen.core.exceptions import ApplicationError
from luanchuyen.interchange import schema
from luanchuyen.interchange.schema import CADRE_CHILDREN, CADRES, FORMAT, LISTS, PROPOSALS, ListSpec
from luanchuyen.interchange.validate import CleanDocument, Problem, check_document
from luanchuyen.organization.models import Locality, Post
from luanchuyen.rotation.models import Proposal

Progress = Callable[[str, int, int], None]
"""progress(stage, done, total): a Vietnamese stage name and how far it got."""

BATCH = 5000          # objects per bulk_create / bulk_update call (Django splits further as needed)
QUERY_CHUNK = 2000    # ids per `IN (…)` query
REFRESH_CHUNK = 5000  # cadres per cadre_refresh_current call

NOT_A_DOCUMENT = "Tệp không phải JSON hoặc Excel (.xlsx) hợp lệ"


class ImportRejected(ApplicationError):
    """The document has problems; nothing was written. `problems` lists every one of them."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        self.header = f"Không nhập được dữ liệu: có {len(self.problems)} lỗi, chưa ghi gì vào cơ sở dữ liệu."
        super().__init__(
            self.header + "".join(f"\n- {p}" for p in self.problems),
            extra={"problems": [p.as_dict() for p in self.problems]},
        )


@dataclass
class Counts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged


@dataclass
class ImportSummary:
    """Rows created / updated / unchanged per top-level list (a cadre counts as updated when its
    record or any of its nested lists changed)."""

    counts: dict[str, Counts] = dc_field(default_factory=lambda: {spec.key: Counts() for spec in LISTS})
    file_name: str = ""
    dry_run: bool = False

    def as_dict(self) -> dict[str, dict[str, int]]:
        return {key: {"created": c.created, "updated": c.updated, "unchanged": c.unchanged}
                for key, c in self.counts.items()}

    @property
    def changed(self) -> bool:
        return any(c.created or c.updated for c in self.counts.values())

    def lines(self) -> list[str]:
        out = []
        for spec in LISTS:
            c = self.counts[spec.key]
            if c.total:
                out.append(f"{spec.label}: {c.created} thêm mới, {c.updated} cập nhật, {c.unchanged} không đổi")
        return out or ["Tệp không có dòng dữ liệu nào."]


def _chunks(items: list, size: int) -> Iterable[list]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _no_progress(stage: str, done: int, total: int) -> None:
    pass


def _insert(model, rows: list[dict]) -> None:
    """Insert plain rows (model attribute -> value) fast: COPY on PostgreSQL, one prepared
    executemany on SQLite; bulk_create elsewhere. Defaults fill the missing columns; database
    constraints and triggers apply as usual. Not for models with JSON fields."""
    if not rows:
        return
    vendor = connection.vendor
    if vendor not in ("sqlite", "postgresql"):
        model.objects.bulk_create([model(**r) for r in rows], batch_size=1000)
        return
    fields = [f for f in model._meta.concrete_fields if not (f.primary_key and f.attname not in rows[0])]
    defaults = {f.attname: f.get_default() for f in fields}
    columns = [f.attname for f in fields]
    if vendor == "sqlite":
        # sqlite3 stores dates as ISO text, as Django does
        adapters = [(lambda v: v.isoformat() if v is not None else None) if isinstance(f, models.DateField)
                    else None for f in fields]
    data = []
    for r in rows:
        values = [r[c] if c in r else defaults[c] for c in columns]
        if vendor == "sqlite":
            values = [a(v) if a is not None else v for a, v in zip(adapters, values)]
        data.append(values)
    table = connection.ops.quote_name(model._meta.db_table)
    names = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    with connection.cursor() as cursor:
        if vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for values in data:
                    copy.write_row(values)
        else:
            placeholders = ", ".join(["%s"] * len(fields))
            cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({placeholders})", data)


# =============================================================================================
# Import
# =============================================================================================

def import_document(doc: dict, *, actor=None, progress: Progress | None = None, file_name: str = "",
                    dry_run: bool = False, locator=None) -> ImportSummary:
    """Import a `luanchuyen/v1` document: all or nothing, upsert by id, audited once.

    Raises `ImportRejected` listing every problem (nothing written). With `dry_run` the work is
    done and counted, then rolled back.
    """
    progress = progress or _no_progress
    try:
        with transaction.atomic():
            progress("Kiểm tra dữ liệu", 0, 1)
            problems, clean = check_document(doc, locator)
            if problems:
                raise ImportRejected(problems)
            progress("Kiểm tra dữ liệu", 1, 1)
            summary = ImportSummary(file_name=file_name, dry_run=dry_run)
            _Writer(clean, summary, progress).run()
            audit_record(actor=actor, action="data.imported",
                         data={"file": file_name, "counts": summary.as_dict(), "dry_run": dry_run})
            if dry_run:
                transaction.set_rollback(True)
            return summary
    except DatabaseError as e:  # a guard of the database the checks did not foresee
        message = f"Cơ sở dữ liệu từ chối ghi: {e}".strip()
        raise ImportRejected([Problem("", None, None, message)]) from e


def import_file(path: str | Path, *, actor=None, progress: Progress | None = None,
                dry_run: bool = False) -> ImportSummary:
    """Import a JSON document or an Excel workbook (.xlsx), recognised by its content."""
    path = Path(path)
    try:
        with open(path, "rb") as fh:
            head = fh.read(4)
    except FileNotFoundError:
        raise ImportRejected([Problem("", None, None, f"Không tìm thấy tệp '{path}'")]) from None
    except OSError as e:
        raise ImportRejected([Problem("", None, None, f"Không đọc được tệp '{path}': {e.strerror}")]) from None
    if head == b"PK\x03\x04":
        from luanchuyen.interchange.xlsx import read_workbook

        book = read_workbook(path, progress=progress)
        if book.problems:
            raise ImportRejected(book.problems)
        return import_document(book.doc, actor=actor, progress=progress, file_name=str(path), dry_run=dry_run,
                               locator=book.locator)
    return import_document(read_json(path), actor=actor, progress=progress, file_name=str(path), dry_run=dry_run)


def read_json(path: Path) -> Any:
    data = path.read_bytes()
    try:
        return json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ImportRejected([Problem("", None, None, NOT_A_DOCUMENT)]) from None
    except json.JSONDecodeError as e:
        detail = ""
        if data.lstrip()[:1] in (b"{", b"["):
            detail = f" (lỗi cú pháp JSON ở dòng {e.lineno}, cột {e.colno})"
        raise ImportRejected([Problem("", None, None, NOT_A_DOCUMENT + detail)]) from None


class _Writer:
    def __init__(self, clean: CleanDocument, summary: ImportSummary, progress: Progress):
        self.clean = clean
        self.summary = summary
        self.progress = progress
        self.changed_cadres: set[str] = set()
        self.changed_posts: set[str] = set()
        self.current: dict[str, tuple] = {}

    def run(self) -> None:
        for spec in schema.WRITE_ORDER:
            if spec is CADRES:
                self.write_cadres()
            elif spec is PROPOSALS:
                self.write_proposals()
            else:
                created, updated = self.upsert(spec, self.clean.rows.get(spec.key, []))
                if spec is schema.POSTS:
                    self.changed_posts.update(updated)
        self.refresh_current()

    # -- rows of one list ----------------------------------------------------------------------

    def upsert(self, spec: ListSpec, rows: list[dict]) -> tuple[set[str], set[str]]:
        """Create the new rows, update the changed ones, skip the rest. Returns (created, updated) ids."""
        counts = self.summary.counts[spec.key]
        if not rows:
            return set(), set()
        attrs = spec.attrs
        existing: dict[str, tuple] = {}
        for chunk in _chunks([r["id"] for r in rows], QUERY_CHUNK):
            for values in spec.model.objects.filter(pk__in=chunk).values_list(*attrs):
                existing[values[0]] = values
        to_create, to_update = [], []
        for r in rows:
            old = existing.get(r["id"])
            if old is None:
                to_create.append(r)
            elif old != tuple(r[a] for a in attrs):
                to_update.append(r)
            else:
                counts.unchanged += 1
        label = f"Ghi {spec.label.lower()}"
        total = len(to_create) + len(to_update)
        done = 0
        update_fields = [a for a in attrs if a != "id"]
        if spec is CADRES:
            update_fields += ["name_search", "name_sort"]
        elif spec is schema.UNITS:
            update_fields += ["name_search"]
        plain = not any(isinstance(f, models.JSONField) for f in spec.model._meta.concrete_fields)
        for batch in _chunks(to_create, BATCH):
            if plain:
                _insert(spec.model, [self.creation_row(spec, r) for r in batch])
            else:
                spec.model.objects.bulk_create([self.instance(spec, r) for r in batch])
            done += len(batch)
            self.progress(label, done, total)
        for batch in _chunks(to_update, BATCH):
            spec.model.objects.bulk_update([self.instance(spec, r) for r in batch], update_fields, batch_size=500)
            done += len(batch)
            self.progress(label, done, total)
        counts.created += len(to_create)
        counts.updated += len(to_update)
        return {r["id"] for r in to_create}, {r["id"] for r in to_update}

    @staticmethod
    def instance(spec: ListSpec, attrs: dict):
        obj = spec.model(**attrs)
        if spec is CADRES:
            obj.refresh_name_keys()
        elif spec is schema.UNITS:
            obj.name_search = text.strip_accents(attrs["name"])
        return obj

    def creation_row(self, spec: ListSpec, attrs: dict) -> dict:
        if spec is schema.UNITS:
            return {**attrs, "name_search": text.strip_accents(attrs["name"])}
        if spec is not CADRES:
            return attrs
        row = dict(attrs)
        row["name_search"] = text.name_search_key(attrs["full_name"])
        row["name_sort"] = text.name_sort_key(attrs["full_name"])
        # Derived as cadre_refresh_current derives it, so that its later pass finds nothing to write.
        row["current_post_id"], row["current_unit_id"] = self.current.get(attrs["id"], (None, None))
        return row

    def compute_current(self) -> None:
        """The current post of each cadre of the document: its open primary position."""
        post_units = {r["id"]: r["unit_id"] for r in self.clean.rows.get("posts", [])}
        current: dict[str, str] = {}
        for cadre_id, positions in self.clean.children.get("positions", {}).items():
            best = None
            for i, p in enumerate(positions):
                if p["end"] is None and not p["concurrent"] and (best is None or (p["start"], i) >= best[:2]):
                    best = (p["start"], i, p["post_id"])
            if best is not None:
                current[cadre_id] = best[2]
        missing = sorted({post for post in current.values() if post not in post_units})
        for chunk in _chunks(missing, QUERY_CHUNK):
            post_units.update(Post.objects.filter(pk__in=chunk).values_list("pk", "unit_id"))
        self.current = {cid: (post, post_units.get(post)) for cid, post in current.items()}

    # -- cadres and their nested lists ---------------------------------------------------------

    def write_cadres(self) -> None:
        rows = self.clean.rows.get("cadres", [])
        if not rows:
            return
        self.compute_current()
        created, updated = self.upsert(CADRES, rows)
        counts = self.summary.counts["cadres"]
        existing_ids = [r["id"] for r in rows if r["id"] not in created]
        replaced: dict[str, set[str]] = {}      # child list -> existing cadres whose list is replaced
        for spec in CADRE_CHILDREN:
            incoming = self.clean.children.get(spec.key, {})
            if not incoming:
                continue
            attrs = spec.attrs
            old: dict[str, Counter] = defaultdict(Counter)
            wanted = [cid for cid in existing_ids if cid in incoming]
            for chunk in _chunks(wanted, QUERY_CHUNK):
                for values in spec.model.objects.filter(cadre_id__in=chunk).values_list("cadre_id", *attrs):
                    old[values[0]][values[1:]] += 1
            replaced[spec.key] = {
                cid for cid in wanted
                if Counter(tuple(r[a] for a in attrs) for r in incoming[cid]) != old.get(cid, Counter())
            }
        newly_updated = set().union(*replaced.values()) - updated if replaced else set()
        counts.updated += len(newly_updated)
        counts.unchanged -= len(newly_updated)
        self.changed_cadres = created | updated | newly_updated

        # Remove the lists being replaced first (positions: no overlap with the old ones).
        for spec in CADRE_CHILDREN:
            ids = sorted(replaced.get(spec.key, ()))
            for chunk in _chunks(ids, QUERY_CHUNK):
                spec.model.objects.filter(cadre_id__in=chunk).delete()
        for spec in CADRE_CHILDREN:
            incoming = self.clean.children.get(spec.key, {})
            targets = replaced.get(spec.key, set()) | created
            new_rows = [{"cadre_id": cid, **attrs} for cid, rows in incoming.items() if cid in targets
                        for attrs in rows]
            label = f"Ghi {spec.label.lower()}"
            for i, batch in enumerate(_chunks(new_rows, 4 * BATCH)):
                _insert(spec.model, batch)
                self.progress(label, min((i + 1) * 4 * BATCH, len(new_rows)), len(new_rows))

    def refresh_current(self) -> None:
        ids = set(self.changed_cadres)
        for chunk in _chunks(sorted(self.changed_posts), QUERY_CHUNK):
            ids.update(Cadre.objects.filter(current_post_id__in=chunk).values_list("pk", flat=True))
        ordered = sorted(ids)
        for i, chunk in enumerate(_chunks(ordered, REFRESH_CHUNK)):
            cadre_refresh_current(chunk)
            self.progress("Cập nhật vị trí hiện tại", min((i + 1) * REFRESH_CHUNK, len(ordered)), len(ordered))

    # -- proposals and their target posts ------------------------------------------------------

    def write_proposals(self) -> None:
        rows = self.clean.rows.get("proposals", [])
        if not rows:
            return
        created, updated = self.upsert(PROPOSALS, rows)
        through = Proposal.to_posts.through
        existing: dict[str, list[str]] = defaultdict(list)
        old_ids = [r["id"] for r in rows if r["id"] not in created]
        for chunk in _chunks(old_ids, QUERY_CHUNK):
            for pid, post_id in through.objects.filter(proposal_id__in=chunk).order_by("pk").values_list(
                    "proposal_id", "post_id"):
                existing[pid].append(post_id)
        replace = [pid for pid in old_ids if existing.get(pid, []) != self.clean.to_posts.get(pid, [])]
        for chunk in _chunks(replace, QUERY_CHUNK):
            through.objects.filter(proposal_id__in=chunk).delete()
        links = [{"proposal_id": pid, "post_id": post_id} for pid in sorted([*created, *replace])
                 for post_id in self.clean.to_posts.get(pid, [])]
        _insert(through, links)
        newly = set(replace) - updated
        counts = self.summary.counts["proposals"]
        counts.updated += len(newly)
        counts.unchanged -= len(newly)


# =============================================================================================
# Export
# =============================================================================================

def province() -> dict[str, str]:
    """The province this installation serves: PROVINCE_CODE and the name of that locality."""
    code = settings.PROVINCE_CODE
    name = Locality.objects.filter(pk=code).values_list("name", flat=True).first()
    if name is None:
        roots = list(Locality.objects.filter(level="tinh", parent__isnull=True).values_list("name", flat=True)[:2])
        name = roots[0] if len(roots) == 1 else code
    return {"code": code, "name": name}


def _to_json(f: schema.Field) -> Callable[[Any], Any]:
    kind = f.kind
    if kind in ("id", "str", "enum"):
        if f.required:
            return lambda v: v
        return lambda v: v if v != "" else None
    if kind == "date":
        return lambda v: v.isoformat() if v is not None else None
    return lambda v: v


def _exporter(spec: ListSpec) -> Callable[[tuple], dict]:
    """A function turning a values_list row (spec.attrs order) into the document's dict (scalars only)."""
    plan: list[tuple[str, int, Callable]] = []
    position = 0
    for f in spec.scalar_fields:
        if f.kind == "birth_date":
            plan.append((f.key, position, None))
            position += 2
        else:
            plan.append((f.key, position, _to_json(f)))
            position += 1

    def convert(values: tuple) -> dict:
        out = {}
        for key, i, fn in plan:
            if fn is None:
                out[key] = text.partial_date_iso(values[i], values[i + 1])
            else:
                out[key] = fn(values[i])
        return out

    return convert


def _sort_key(values: tuple, positions: list[int]) -> tuple:
    key = []
    for i in positions:
        v = values[i]
        key.append((v is None, v if v is not None else 0))
    return tuple(key)


def export_document(*, actor=None, cadre_ids: Iterable[str] | None = None, audit: bool = True,
                    file_name: str = "", progress: Progress | None = None) -> dict:
    """The database as a `luanchuyen/v1` document: lists sorted by id, keys in the documented order.

    With `cadre_ids` only those cadres (and their proposals) are exported, with the whole
    organization (localities, units, titles, posts) and every rotation plan so references resolve.
    """
    progress = progress or _no_progress
    ids = sorted(set(cadre_ids)) if cadre_ids is not None else None
    doc: dict[str, Any] = {"format": FORMAT, "province": province()}
    for n, spec in enumerate(LISTS):
        progress("Đọc dữ liệu", n, len(LISTS))
        if spec is CADRES:
            doc[spec.key] = _export_cadres(ids)
        elif spec is PROPOSALS:
            doc[spec.key] = _export_proposals(ids)
        else:
            convert = _exporter(spec)
            doc[spec.key] = sorted((convert(v) for v in spec.model.objects.values_list(*spec.attrs).iterator(5000)),
                                   key=lambda r: r["id"])
    progress("Đọc dữ liệu", len(LISTS), len(LISTS))
    if audit:
        audit_record(actor=actor, action="data.exported",
                     data={"file": file_name, "cadres": len(doc["cadres"]),
                           "counts": {spec.key: len(doc[spec.key]) for spec in LISTS},
                           "selection": "all" if ids is None else "cadres"})
    return doc


def _rows_for(model, attrs: tuple[str, ...], ids: list[str] | None, key: str) -> Iterable[tuple]:
    if ids is None:
        yield from model.objects.values_list(*attrs).iterator(10000)
        return
    for chunk in _chunks(ids, QUERY_CHUNK):
        yield from model.objects.filter(**{f"{key}__in": chunk}).values_list(*attrs)


def _export_cadres(ids: list[str] | None) -> list[dict]:
    convert = _exporter(CADRES)
    cadres = {values[0]: convert(values) for values in _rows_for(Cadre, CADRES.attrs, ids, "pk")}
    nested: dict[str, dict[str, list[dict]]] = {}
    for spec in CADRE_CHILDREN:
        attrs = ("cadre_id", "pk", *spec.attrs)
        convert_child = _exporter(spec)
        sort_positions = [2 + spec.attrs.index(a) for a in spec.sort] + [1]
        grouped: dict[str, list[tuple]] = defaultdict(list)
        for values in _rows_for(spec.model, attrs, ids, "cadre_id"):
            grouped[values[0]].append(values)
        out: dict[str, list[dict]] = {}
        for cadre_id, rows in grouped.items():
            rows.sort(key=lambda v: _sort_key(v, sort_positions))
            out[cadre_id] = [convert_child(v[2:]) for v in rows]
        nested[spec.key] = out
    result = []
    for cadre_id in sorted(cadres):
        flat = cadres[cadre_id]
        row = {}
        for f in CADRES.fields:
            row[f.key] = nested[f.key].get(cadre_id, []) if f.kind == "children" else flat[f.key]
        result.append(row)
    return result


def _export_proposals(ids: list[str] | None) -> list[dict]:
    convert = _exporter(PROPOSALS)
    rows = {values[0]: convert(values) for values in _rows_for(Proposal, PROPOSALS.attrs, ids, "cadre_id")}
    targets: dict[str, list[str]] = defaultdict(list)
    through = Proposal.to_posts.through
    for chunk in _chunks(sorted(rows), QUERY_CHUNK):
        for pid, post_id in through.objects.filter(proposal_id__in=chunk).order_by("pk").values_list(
                "proposal_id", "post_id"):
            targets[pid].append(post_id)
    result = []
    for pid in sorted(rows):
        flat = rows[pid]
        result.append({f.key: (targets.get(pid, []) if f.kind == "refs" else flat[f.key]) for f in PROPOSALS.fields})
    return result
