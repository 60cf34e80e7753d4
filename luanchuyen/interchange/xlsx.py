"""The `luanchuyen/v1` document as an Excel workbook (openpyxl, streaming modes).

One sheet per list (schema.ListSpec.sheet); a cadre's nested lists have sheets of their own whose
first column is "Mã cán bộ". Sheet "ThongTin" carries the format marker and the province,
"HuongDan" explains every column, "DanhMuc" holds the allowed values the drop-down lists use.
Enumerations are written as their Vietnamese labels and read back from the label or the id;
booleans are "Có" / "Không"; dates are real Excel dates (read also from ISO or dd/mm/yyyy text).
"""
from __future__ import annotations

import datetime as dt
import json
import posixpath
import re
import zipfile
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass, field as dc_field
from pathlib import Path
from typing import IO, Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format
from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.utils.datetime import MAC_EPOCH, WINDOWS_EPOCH, from_excel
from openpyxl.worksheet.datavalidation import DataValidation

from luanchuyen.interchange import schema
from luanchuyen.interchange.schema import (
    ALL_LISTS, BOOL_LABELS, CADRES, CHOICES_SHEET, ENUM_NAMES, FORMAT, GUIDE_SHEET, INFO_ROWS, INFO_SHEET, LISTS,
    Field, ListSpec,
)
from luanchuyen.interchange.validate import Problem, WorkbookLocator

DATE_FORMAT = "DD/MM/YYYY"
LAST_ROW = 1048576
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
HEADER_FONT = Font(bold=True)
REQUIRED_FONT = Font(bold=True, color="C00000")
PARENT_KEY = "cadre"   # the first column of a nested list's sheet

Progress = Callable[[str, int, int], None]


# =============================================================================================
# Writing
# =============================================================================================

def _clean_text(value: str) -> str:
    return ILLEGAL_CHARACTERS_RE.sub("", value)


def _cell_writer(ws, f: Field) -> Callable[[Any], Any]:
    """Document value -> what goes into the cell."""
    kind = f.kind
    if kind == "enum":
        labels = dict(f.choices.choices)
        return lambda v: labels.get(v, v) if v is not None else None
    if kind == "bool":
        return lambda v: None if v is None else (BOOL_LABELS[0] if v else BOOL_LABELS[1])
    if kind == "date":
        def date_cell(v):
            if v is None:
                return None
            try:
                value = dt.date.fromisoformat(v)
            except (TypeError, ValueError):
                return v
            cell = WriteOnlyCell(ws, value=value)
            cell.number_format = DATE_FORMAT
            return cell
        return date_cell
    if kind == "refs":
        return lambda v: ", ".join(v) if isinstance(v, list) and v else None
    if kind == "object":
        return lambda v: json.dumps(v, ensure_ascii=False) if v else None

    def text_cell(v):
        if not isinstance(v, str):
            return v
        v = _clean_text(v)
        if v.startswith("="):  # text, never a formula
            cell = WriteOnlyCell(ws, value=v)
            cell.data_type = "s"
            return cell
        return v
    return text_cell


def _header_row(ws, headers: list[tuple[str, bool]]) -> list:
    row = []
    for text, required in headers:
        cell = WriteOnlyCell(ws, value=text)
        cell.font = REQUIRED_FONT if required else HEADER_FONT
        cell.fill = HEADER_FILL
        row.append(cell)
    return row


def _columns(spec: ListSpec) -> list[tuple[str, str, bool, Field | None]]:
    """(key, header, required, field) of a sheet's columns."""
    cols: list[tuple[str, str, bool, Field | None]] = []
    if spec.parent:
        cols.append((PARENT_KEY, spec.parent_header, True, None))
    cols.extend((f.key, f.header, f.required, f) for f in spec.sheet_fields)
    return cols


class _ChoiceColumns:
    """Where each enumeration's labels sit on the DanhMuc sheet."""

    def __init__(self) -> None:
        self.enums = schema.enumerations()
        self.column = {enum: get_column_letter(2 * i + 1) for i, enum in enumerate(self.enums)}

    def formula(self, enum) -> str:
        col = self.column[enum]
        return f"{CHOICES_SHEET}!${col}$2:${col}${len(enum.choices) + 1}"


def _add_validations(ws, spec: ListSpec, choices: _ChoiceColumns) -> None:
    for i, (key, header, required, f) in enumerate(_columns(spec), start=1):
        if f is None or f.kind not in ("enum", "bool"):
            continue
        letter = get_column_letter(i)
        formula = choices.formula(f.choices) if f.kind == "enum" else '"' + ",".join(BOOL_LABELS) + '"'
        dv = DataValidation(type="list", formula1=formula, allow_blank=True, showDropDown=False,
                            showErrorMessage=True, errorTitle="Giá trị không hợp lệ",
                            error=f"Chọn một giá trị trong danh sách ({ENUM_NAMES.get(f.choices, 'Có / Không')}; "
                                  f"xem trang tính {CHOICES_SHEET}).",
                            showInputMessage=True, promptTitle=header[:32], prompt=f.help[:255])
        dv.add(f"{letter}2:{letter}{LAST_ROW}")
        ws.data_validations.append(dv)


def _setup_sheet(wb: Workbook, spec: ListSpec, choices: _ChoiceColumns):
    ws = wb.create_sheet(spec.sheet)
    cols = _columns(spec)
    for i, (key, header, required, f) in enumerate(cols, start=1):
        width = max(len(header) + 4, 14)
        if f is not None and f.kind == "str":
            width = max(width, 24)
        ws.column_dimensions[get_column_letter(i)].width = min(width, 40)
    ws.freeze_panes = "A2"
    _add_validations(ws, spec, choices)
    ws.append(_header_row(ws, [(header, required) for _, header, required, _ in cols]))
    return ws


def write_workbook(doc: dict, target: str | Path | IO[bytes], *, progress: Progress | None = None) -> None:
    """Write a `luanchuyen/v1` document (as produced by export_document) as a workbook."""
    progress = progress or (lambda stage, done, total: None)
    wb = Workbook(write_only=True)
    choices = _ChoiceColumns()
    _write_guide(wb, choices)
    _write_info(wb, doc)
    total = sum(len(doc.get(spec.key) or []) for spec in LISTS)
    done = 0
    for spec in ALL_LISTS:
        ws = _setup_sheet(wb, spec, choices)
        cols = _columns(spec)
        if spec.parent:
            writers = [_cell_writer(ws, f) for _, _, _, f in cols[1:]]
            keys = [key for key, _, _, _ in cols[1:]]
            for cadre in doc.get("cadres") or []:
                for row in cadre.get(spec.key) or []:
                    ws.append([cadre.get("id"), *(w(row.get(k)) for w, k in zip(writers, keys))])
            continue
        writers = [_cell_writer(ws, f) for _, _, _, f in cols]
        keys = [key for key, _, _, _ in cols]
        for row in doc.get(spec.key) or []:
            ws.append([w(row.get(k)) for w, k in zip(writers, keys)])
            done += 1
            if done % 2000 == 0:
                progress("Ghi tệp Excel", done, total)
    _write_choices(wb, choices)
    progress("Ghi tệp Excel", total, total)
    wb.save(target)


def write_template(target: str | Path | IO[bytes], *, province: dict[str, str]) -> None:
    """The empty workbook to fill in: every sheet, headers, drop-down lists, the guide."""
    write_workbook(schema.empty_document(province), target)


def _write_info(wb: Workbook, doc: dict) -> None:
    ws = wb.create_sheet(INFO_SHEET)
    ws.column_dimensions["A"].width = 16
    ws.column_dimensions["B"].width = 30
    ws.column_dimensions["C"].width = 70
    ws.append(_header_row(ws, [("Mục", True), ("Giá trị", True), ("Ghi chú", False)]))
    province = doc.get("province") or {}
    values = {"format": doc.get("format", FORMAT), "province.code": province.get("code"),
              "province.name": province.get("name")}
    for key, label, note in INFO_ROWS:
        ws.append([label, values[key], note])


def _write_choices(wb: Workbook, choices: _ChoiceColumns) -> None:
    ws = wb.create_sheet(CHOICES_SHEET)
    headers: list[tuple[str, bool]] = []
    for enum in choices.enums:
        headers += [(ENUM_NAMES[enum], True), (f"{ENUM_NAMES[enum]} (mã)", False)]
    for i in range(len(headers)):
        ws.column_dimensions[get_column_letter(i + 1)].width = 26 if i % 2 == 0 else 18
    ws.append(_header_row(ws, headers))
    depth = max(len(enum.choices) for enum in choices.enums)
    for r in range(depth):
        row: list[Any] = []
        for enum in choices.enums:
            pairs = enum.choices
            row += [pairs[r][1], pairs[r][0]] if r < len(pairs) else [None, None]
        ws.append(row)


GUIDE_NOTES = (
    f"Tệp Excel theo định dạng trao đổi dữ liệu {FORMAT} của hệ thống quản lý cán bộ luanchuyen.",
    "Mỗi danh sách là một trang tính; dòng 1 là tiêu đề cột, dữ liệu bắt đầu từ dòng 2. Không đổi tên trang "
    "tính, không đổi tiêu đề cột. Cột có tiêu đề màu đỏ là bắt buộc.",
    "Mỗi dòng có một mã (cột đầu tiên) không trùng trong trang tính. Nhập lại cùng một tệp không làm thay đổi "
    "dữ liệu: dòng có mã đã có thì được cập nhật, dòng mới thì được thêm.",
    "Văn bằng, quá trình công tác, quy hoạch, bổ nhiệm, kỷ luật, điều tra – truy tố – xét xử, đánh giá, đào tạo "
    "– bồi dưỡng và trường hợp đặc biệt của cán bộ nằm ở các trang tính riêng, nối với cán bộ bằng cột Mã cán "
    "bộ. Khi nhập, danh sách của mỗi cán bộ trong các trang tính này thay thế toàn bộ danh sách cũ; bỏ hẳn một "
    "trang tính thì danh sách đó được giữ nguyên.",
    "Ngày: nhập ô ngày của Excel hoặc chữ dạng dd/mm/yyyy hoặc yyyy-mm-dd. Ngày sinh có thể chỉ có tháng và "
    "năm (mm/yyyy) hoặc năm (yyyy). Để trống ô nếu không rõ hoặc chưa kết thúc.",
    f"Cột danh mục có danh sách chọn (xem trang tính {CHOICES_SHEET}); có thể nhập nhãn tiếng Việt hoặc mã. "
    "Cột Có/Không: chọn Có hoặc Không.",
    "Mã đơn vị, chức danh, vị trí, địa bàn có thể là mã đã có trong cơ sở dữ liệu dù không có trong tệp.",
    "Tệp có lỗi thì không dữ liệu nào được ghi; hệ thống liệt kê mọi lỗi theo trang tính, dòng và cột.",
)


def _write_guide(wb: Workbook, choices: _ChoiceColumns) -> None:
    ws = wb.create_sheet(GUIDE_SHEET)
    for letter, width in zip("ABCDEFG", (20, 24, 30, 10, 60, 60, 20)):
        ws.column_dimensions[letter].width = width
    title = WriteOnlyCell(ws, value=f"HƯỚNG DẪN NHẬP DỮ LIỆU – ĐỊNH DẠNG {FORMAT}")
    title.font = Font(bold=True, size=14)
    ws.append([title])
    for note in GUIDE_NOTES:
        ws.append([note])
    ws.append([])
    ws.append(_header_row(ws, [(h, False) for h in ("Trang tính", "Danh sách", "Cột", "Bắt buộc", "Ý nghĩa",
                                                      "Giá trị cho phép", "Khóa JSON")]))
    wrap = Alignment(wrap_text=True, vertical="top")
    for key, label, note in INFO_ROWS:
        ws.append([INFO_SHEET, "Thông tin chung", label, "Có", note, "", key])
    for spec in ALL_LISTS:
        for key, header, required, f in _columns(spec):
            if f is None:
                meaning, allowed = "Mã của cán bộ (trang tính CanBo) mà dòng này thuộc về", "Mã trong trang tính CanBo"
                json_key = f"cadres[].id → cadres[].{spec.key}"
            else:
                meaning, allowed = f.help, f.allowed_text()
                json_key = f"cadres[].{spec.key}[].{f.key}" if spec.parent else f"{spec.key}[].{f.key}"
            cell = WriteOnlyCell(ws, value=meaning)
            cell.alignment = wrap
            allowed_cell = WriteOnlyCell(ws, value=allowed)
            allowed_cell.alignment = wrap
            ws.append([spec.sheet, spec.label, header, "Có" if required else "", cell, allowed_cell, json_key])


# =============================================================================================
# Reading
# =============================================================================================

@dataclass
class WorkbookContent:
    """A workbook read back as a document. `problems` are problems of the workbook's shape (missing
    sheet or column, unknown sheet or column): when there are any, the rows were not checked."""

    doc: dict
    locator: WorkbookLocator
    problems: list[Problem] = dc_field(default_factory=list)


def _norm(value: Any) -> str:
    return " ".join(str(value).split()).casefold() if value is not None else ""


_DMY = re.compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})\Z")
_MY = re.compile(r"(\d{1,2})[/.](\d{4})\Z")
_INT = re.compile(r"[+-]?\d+\Z")
_TRUE = frozenset({"có", "co", "x", "true", "đúng", "dung", "1", "yes"})
_FALSE = frozenset({"không", "khong", "false", "sai", "0", "no"})


def _as_text(v: Any) -> Any:
    if isinstance(v, str):
        v = v.strip()
        return v or None
    if isinstance(v, bool):
        return v
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        return str(int(v)) if v.is_integer() else repr(v)
    if isinstance(v, dt.datetime):
        return v.date().isoformat() if v.time() == dt.time() else v.isoformat(sep=" ")
    if isinstance(v, dt.date):
        return v.isoformat()
    return v


def _read_int(v: Any) -> Any:
    if isinstance(v, float) and v.is_integer():
        return int(v)
    if isinstance(v, str):
        s = v.strip()
        if not s:
            return None
        return int(s) if _INT.match(s) else s
    return v


def _read_bool(v: Any) -> Any:
    if isinstance(v, bool):
        return v
    if isinstance(v, (int, float)) and v in (0, 1):
        return bool(v)
    if isinstance(v, str):
        s = v.strip().casefold()
        if not s:
            return None
        if s in _TRUE:
            return True
        if s in _FALSE:
            return False
    return v


def _read_date(v: Any) -> Any:
    if isinstance(v, dt.datetime):
        return v.date().isoformat()
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, str):
        s = v.strip()
        if not s:
            return None
        m = _DMY.match(s)
        if m:
            return f"{int(m.group(3)):04d}-{int(m.group(2)):02d}-{int(m.group(1)):02d}"
        return s
    return v


def _read_birth(v: Any) -> Any:
    if isinstance(v, (dt.date, dt.datetime)):
        return _read_date(v)
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    if isinstance(v, int) and not isinstance(v, bool):
        return str(v)
    if isinstance(v, str):
        s = v.strip()
        if not s:
            return None
        m = _MY.match(s)
        if m:
            return f"{int(m.group(2)):04d}-{int(m.group(1)):02d}"
        return _read_date(s)
    return v


def _read_refs(v: Any) -> Any:
    v = _as_text(v)
    if isinstance(v, str):
        return [part.strip() for part in re.split(r"[,;\n]", v) if part.strip()]
    return v


def _read_object(v: Any) -> Any:
    if isinstance(v, str):
        s = v.strip()
        if not s:
            return None
        try:
            return json.loads(s)
        except json.JSONDecodeError:
            return s
    return v


def _cell_reader(f: Field) -> Callable[[Any], Any]:
    kind = f.kind
    if kind == "int":
        return _read_int
    if kind == "bool":
        return _read_bool
    if kind == "date":
        return _read_date
    if kind == "birth_date":
        return _read_birth
    if kind == "refs":
        return _read_refs
    if kind == "object":
        return _read_object
    if kind == "enum":
        lookup = {}
        for value, label in f.choices.choices:
            lookup[_norm(label)] = value
            lookup[_norm(value)] = value

        def read_enum(v):
            v = _as_text(v)
            return lookup.get(_norm(v), v) if isinstance(v, str) else v
        return read_enum
    return _as_text


class _Unreadable(Exception):
    pass


def read_workbook(source: str | Path | IO[bytes], *, progress: Progress | None = None) -> WorkbookContent:
    """Read a workbook back into a `luanchuyen/v1` document, remembering where each row came from.

    A file that is not a readable .xlsx raises ImportRejected.
    """
    from luanchuyen.interchange.services import NOT_A_DOCUMENT, ImportRejected

    progress = progress or (lambda stage, done, total: None)
    try:
        sheets = _load_sheets(source, progress)
    except _Unreadable:
        raise ImportRejected([Problem("", None, None, NOT_A_DOCUMENT)]) from None
    return _Reader(sheets).read()


_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_DOC_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_ROW, _CELL, _VALUE, _TEXT, _PHONETIC = _MAIN + "row", _MAIN + "c", _MAIN + "v", _MAIN + "t", _MAIN + "rPh"
_INLINE_TEXT = _MAIN + "is/" + _MAIN + "t"

SheetRows = list[tuple[int, tuple]]   # (sheet row number, cell values)

try:  # lxml (a dependency of python-docx) parses sheets about twice as fast as the standard library
    from lxml import etree as _lxml
except ImportError:  # pragma: no cover
    _lxml = None


def _row_elements(stream):
    """The <row> elements of a sheet, streamed; each is cleared after use."""
    if _lxml is not None:
        for _, element in _lxml.iterparse(stream, events=("end",), tag=_ROW, resolve_entities=False,
                                          huge_tree=True, no_network=True):
            yield element
            element.clear(keep_tail=False)
            parent = element.getparent()
            while element.getprevious() is not None:
                del parent[0]
        return
    for _, element in ET.iterparse(stream, events=("end",)):
        if element.tag == _ROW:
            yield element
            element.clear()


def _load_sheets(source, progress: Progress) -> dict[str, SheetRows]:
    """Every sheet's non-empty rows, read straight from the package's XML (streaming).

    openpyxl's read-only mode parses a sheet twice when it has no <dimension> (sheets written
    in write-only mode have none) and is slow per cell; this reader does the little the format
    needs: shared and inline strings, numbers, booleans, and dates recognised by cell style.
    """
    try:
        with zipfile.ZipFile(source) as package:
            return _read_package(package, progress)
    except Exception as e:  # not a zip, not a workbook, a damaged workbook …
        raise _Unreadable from e


def _target(base: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(base), target))


def _relationships(package: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    """Relationship id -> (type, target part) of a package part."""
    rels_path = posixpath.join(posixpath.dirname(part), "_rels", posixpath.basename(part) + ".rels")
    if rels_path not in package.namelist():
        return {}
    root = ET.fromstring(package.read(rels_path))
    return {rel.get("Id"): (rel.get("Type", ""), _target(part, rel.get("Target", "")))
            for rel in root.iter(_PKG_REL + "Relationship")}


def _read_package(package: zipfile.ZipFile, progress: Progress) -> dict[str, SheetRows]:
    root_rels = _relationships(package, "")
    workbook_part = next(target for kind, target in root_rels.values() if kind.endswith("/officeDocument"))
    workbook = ET.fromstring(package.read(workbook_part))
    rels = _relationships(package, workbook_part)
    properties = workbook.find(_MAIN + "workbookPr")
    epoch = MAC_EPOCH if properties is not None and properties.get("date1904") in ("1", "true") else WINDOWS_EPOCH
    shared: list[str] = []
    date_styles: list[bool] = []
    for kind, target in rels.values():
        if kind.endswith("/sharedStrings"):
            for item in ET.fromstring(package.read(target)).iter(_MAIN + "si"):
                shared.append("".join(t.text or "" for t in _texts(item)))
        elif kind.endswith("/styles"):
            date_styles = _date_styles(ET.fromstring(package.read(target)))
    sheets: dict[str, SheetRows] = {}
    for sheet in workbook.iter(_MAIN + "sheet"):
        name = sheet.get("name")
        part = rels[sheet.get(_DOC_REL + "id")][1]
        with package.open(part) as stream:
            sheets[name] = _read_sheet(stream, name, shared, date_styles, epoch, progress)
    return sheets


def _texts(item):
    """The <t> elements of a string item, without phonetic runs."""
    for child in item:
        if child.tag == _TEXT:
            yield child
        elif child.tag != _PHONETIC:
            yield from (t for t in child.iter(_TEXT))


def _date_styles(styles) -> list[bool]:
    formats = dict(BUILTIN_FORMATS)
    numfmts = styles.find(_MAIN + "numFmts")
    if numfmts is not None:
        for fmt in numfmts:
            formats[int(fmt.get("numFmtId"))] = fmt.get("formatCode", "")
    xfs = styles.find(_MAIN + "cellXfs")
    if xfs is None:
        return []
    out = []
    for xf in xfs:
        code = formats.get(int(xf.get("numFmtId", 0)), "General")
        out.append(bool(code) and is_date_format(code))
    return out


_COLUMN_CACHE: dict[str, int] = {}


def _column(ref: str) -> int:
    letters = ref.rstrip("0123456789")
    index = _COLUMN_CACHE.get(letters)
    if index is None:
        index = _COLUMN_CACHE[letters] = column_index_from_string(letters) - 1
    return index


def _read_sheet(stream, name: str, shared: list[str], date_styles: list[bool], epoch, progress) -> SheetRows:
    rows: SheetRows = []
    number = 0
    n_styles = len(date_styles)
    for element in _row_elements(stream):
        r = element.get("r")
        number = int(r) if r else number + 1
        values: list[Any] = []
        for cell in element:
            if cell.tag != _CELL:
                continue
            ref = cell.get("r")
            col = _column(ref) if ref else len(values)
            kind = cell.get("t")
            if kind == "inlineStr":
                value = cell.findtext(_INLINE_TEXT)
                if value is None:  # rich text: several runs
                    inline = cell.find(_MAIN + "is")
                    value = "".join(t.text or "" for t in _texts(inline)) if inline is not None else None
            else:
                raw = cell.findtext(_VALUE)
                if not raw:
                    value = None
                elif kind is None or kind == "n":
                    value = float(raw) if ("." in raw or "E" in raw or "e" in raw) else int(raw)
                    style = cell.get("s")
                    if style is not None:
                        i = int(style)
                        if i < n_styles and date_styles[i]:
                            if type(value) is int and 60 <= value < 2958466:   # a whole day, the usual case
                                value = epoch + dt.timedelta(days=value)
                            else:
                                value = from_excel(value, epoch)
                elif kind == "s":
                    value = shared[int(raw)]
                elif kind == "b":
                    value = raw == "1"
                else:  # "str" (formula text), "d" (ISO date), "e" (error)
                    value = raw
            if value is None:
                continue
            if col >= len(values):
                values.extend([None] * (col - len(values) + 1))
            values[col] = value
        if values:
            rows.append((number, tuple(values)))
        if number % 5000 == 0:
            progress(f"Đọc trang tính {name}", number, number)
    return rows


def _blank(row: tuple) -> bool:
    return all(v is None or (isinstance(v, str) and not v.strip()) for v in row)


class _Reader:
    def __init__(self, sheets: dict[str, SheetRows]):
        self.sheets = sheets
        self.loc = WorkbookLocator()
        self.loc.sheet_order = [INFO_SHEET, *(spec.sheet for spec in ALL_LISTS)]
        self.shape: list[Problem] = []      # problems of the workbook's shape
        self.rows: list[Problem] = []       # problems of rows the validator cannot see

    def problem(self, bucket: list, sheet: str, row: int | None, column: str | None, message: str) -> None:
        bucket.append(Problem(sheet, row, column, message, workbook=True))

    def read(self) -> WorkbookContent:
        known = {spec.sheet for spec in ALL_LISTS} | {INFO_SHEET, GUIDE_SHEET, CHOICES_SHEET}
        for name, rows in self.sheets.items():
            if name not in known and any(not _blank(r) for _, r in rows):
                self.problem(self.shape, name, None, None,
                             "trang tính không thuộc định dạng luanchuyen/v1 (tên các trang tính: xem HuongDan)")
        doc: dict[str, Any] = {}
        self.read_info(doc)
        columns = {spec.key: self.columns(spec) for spec in ALL_LISTS if spec.sheet in self.sheets}
        if self.shape:
            return WorkbookContent(doc, self.loc, self.shape)
        for spec in LISTS:
            if spec.key in columns:
                doc[spec.key] = self.read_rows(spec, columns[spec.key])
        cadres = doc.get("cadres") or []
        index: dict[str, int] = {}
        for i, cadre in enumerate(cadres):
            if isinstance(cadre.get("id"), str):
                index.setdefault(cadre["id"], i)
        for f in CADRES.children:
            spec = f.child
            if spec.key in columns:
                self.read_children(spec, columns[spec.key], cadres, index)
        self.loc.pending_problems = self.rows
        return WorkbookContent(doc, self.loc, [])

    def read_info(self, doc: dict) -> None:
        rows = self.sheets.get(INFO_SHEET)
        if rows is None:
            self.problem(self.shape, INFO_SHEET, None, None,
                         f"thiếu trang tính {INFO_SHEET} (định dạng {FORMAT}, mã tỉnh, tên tỉnh); "
                         "hãy dùng tệp mẫu của lệnh 'luanchuyen template'")
            return
        by_label = {_norm(label): key for key, label, _ in INFO_ROWS} | {_norm(key): key for key, _, _ in INFO_ROWS}
        values: dict[str, Any] = {}
        for n, row in rows:
            if not row or n == 1:
                continue
            key = by_label.get(_norm(row[0]))
            if key is not None:
                self.loc.info_rows[key] = n
                values[key] = _as_text(row[1] if len(row) > 1 else None)
        if "format" in values:
            doc["format"] = values["format"]
        doc["province"] = {"code": values.get("province.code"), "name": values.get("province.name")}

    def columns(self, spec: ListSpec) -> dict[str, int]:
        """Column key -> index in the sheet; problems of the header row go to `shape`."""
        rows = self.sheets[spec.sheet]
        header = next((r for n, r in rows if n == 1), ())
        by_header: dict[str, tuple[str, bool]] = {}
        for key, text, required, _ in _columns(spec):
            by_header[_norm(text)] = (key, required)
            by_header.setdefault(_norm(key), (key, required))
        found: dict[str, int] = {}
        for i, value in enumerate(header):
            if value is None or not str(value).strip():
                continue
            match = by_header.get(_norm(value))
            letter = get_column_letter(i + 1)
            if match is None:
                self.problem(self.shape, spec.sheet, 1, str(value).strip(),
                             f"cột {letter} không thuộc định dạng (các cột của trang tính: xem HuongDan)")
            elif match[0] in found:
                self.problem(self.shape, spec.sheet, 1, str(value).strip(), f"cột bị lặp lại (cột {letter})")
            else:
                found[match[0]] = i
        if any(n > 1 and not _blank(r) for n, r in rows):
            for key, text, required, _ in _columns(spec):
                if required and key not in found:
                    self.problem(self.shape, spec.sheet, 1, text, "thiếu cột bắt buộc")
        return found

    def read_rows(self, spec: ListSpec, columns: dict[str, int]) -> list[dict]:
        readers = [(key, i, _cell_reader(spec.by_key[key])) for key, i in columns.items()]
        out: list[dict] = []
        sheet_rows = self.loc.rows[spec.key]
        for n, row in self.sheets[spec.sheet]:
            if n == 1 or _blank(row):
                continue
            out.append(self.convert(row, readers))
            sheet_rows.append(n)
        return out

    @staticmethod
    def convert(row: tuple, readers: list) -> dict:
        item: dict[str, Any] = {}
        width = len(row)
        for key, i, read in readers:
            if i < width:
                value = row[i]
                if value is not None:
                    value = read(value)
                    if value is not None:
                        item[key] = value
        return item

    def read_children(self, spec: ListSpec, columns: dict[str, int], cadres: list[dict],
                      index: dict[str, int]) -> None:
        for cadre in cadres:
            cadre[spec.key] = []   # the sheet is there: each cadre's list is exactly its rows
        parent_col = columns.get(PARENT_KEY)
        readers = [(key, i, _cell_reader(spec.by_key[key])) for key, i in columns.items() if key != PARENT_KEY]
        for n, row in self.sheets[spec.sheet]:
            if n == 1 or _blank(row):
                continue
            cadre_id = _as_text(row[parent_col]) if parent_col is not None and parent_col < len(row) else None
            if cadre_id is None:
                self.problem(self.rows, spec.sheet, n, spec.parent_header, "thiếu giá trị bắt buộc")
                continue
            i = index.get(str(cadre_id))
            if i is None:
                self.problem(self.rows, spec.sheet, n, spec.parent_header,
                             f"không có cán bộ mã '{cadre_id}' trong trang tính {CADRES.sheet}")
                continue
            cadres[i][spec.key].append(self.convert(row, readers))
            self.loc.child_rows[(i, spec.key)].append(n)
