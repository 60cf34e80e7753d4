"""Command line of the rules: ``luanchuyen retirement``, ``luanchuyen check``, ``luanchuyen parameters``.

Each ``*_main(argv) -> int`` prints its result and returns the exit code; bad input gives a
Vietnamese message on stderr and exit code 2, never a traceback. ``luanchuyen/cli.py`` runs
``retirement`` directly; ``check`` and ``parameters`` go through the Django management commands of
this app, which delegate here.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from typing import Sequence

from .engine.errors import DatasetError, ParameterError, RulesError
from .engine.params import SCOPE_TEXT, ParameterStore, default_store
from .engine.schema import CONFIDENCE_TEXT
from .retirement import BirthDate, compute_retirement

EXIT_BAD_INPUT = 2


class UsageError(Exception):
    pass


class _Formatter(argparse.RawDescriptionHelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):  # noqa: ANN001
        return super().add_usage(usage, actions, groups, prefix="Cách dùng: ")


_TRANSLATIONS = (
    (re.compile(r"the following arguments are required: (.+)"), "thiếu tham số bắt buộc: {0}"),
    (re.compile(r"argument (\S+): invalid choice: '?([^']*)'? \(choose from (.+)\)"),
     "giá trị «{1}» không hợp lệ cho {0} (chọn một trong: {2})"),
    (re.compile(r"argument (\S+): expected one argument"), "tham số {0} cần một giá trị"),
    (re.compile(r"unrecognized arguments: (.+)"), "tham số không được hỗ trợ: {0}"),
    (re.compile(r"argument (\S+): (.+)"), "tham số {0}: {1}"),
)


class VietnameseArgumentParser(argparse.ArgumentParser):
    """argparse with Vietnamese help and error messages; errors raise :class:`UsageError`."""

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        kwargs.setdefault("formatter_class", _Formatter)
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)
        self._positionals.title = "Tham số"
        self._optionals.title = "Tùy chọn"
        self.add_argument("-h", "--help", action="help", help="hiện hướng dẫn này rồi thoát")

    def error(self, message: str) -> None:  # type: ignore[override]
        for pattern, template in _TRANSLATIONS:
            m = pattern.fullmatch(message)
            if m:
                message = template.format(*(g.replace("'", "") for g in m.groups()))
                break
        raise UsageError(message)


def _date_arg(text: str) -> dt.date:
    try:
        if len(text) != 10:
            raise ValueError
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"ngày «{text}» phải có dạng YYYY-MM-DD") from None


def _fail(message: str, prog: str) -> int:
    sys.stderr.write(f"Lỗi ({prog}): {message}\n")
    return EXIT_BAD_INPUT


def _print_json(data: object) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


# -- retirement -------------------------------------------------------------------------------------
def retirement_main(argv: Sequence[str] | None = None) -> int:
    parser = VietnameseArgumentParser(
        prog="luanchuyen retirement",
        description="Tính tuổi nghỉ hưu, tháng nghỉ hưu, ngày nghỉ hưu và ngày hưởng lương hưu\n"
                    "(Bộ luật Lao động 2019 Điều 169, Nghị định 135/2020/NĐ-CP, Nghị định 83/2022/NĐ-CP).",
    )
    parser.add_argument("--gender", required=True, choices=("nam", "nu"), help="giới tính: nam hoặc nu")
    parser.add_argument("--birth", required=True, metavar="YYYY[-MM[-DD]]",
                        help="ngày sinh; không rõ ngày thì lấy ngày 1, không rõ tháng thì lấy tháng 1")
    parser.add_argument("--late-retirement-eligible", action="store_true",
                        help="nữ cán bộ thuộc diện nghỉ hưu ở tuổi cao hơn (Nghị định 83/2022/NĐ-CP): 60 tuổi")
    try:
        args = parser.parse_args(argv)
        birth = BirthDate.parse(args.birth)
    except UsageError as e:
        return _fail(str(e), parser.prog)
    except ValueError as e:
        return _fail(str(e), parser.prog)
    retirement = compute_retirement(args.gender, birth, args.late_retirement_eligible)
    if args.late_retirement_eligible and args.gender == "nam":
        sys.stderr.write("Lưu ý: Nghị định 83/2022/NĐ-CP cho phép nam nghỉ hưu muộn hơn (tối đa 65 tuổi) do cấp có thẩm "
                         "quyền quyết định; kết quả dưới đây theo tuổi nghỉ hưu thông thường.\n")
    _print_json(retirement.as_dict())
    return 0


# -- check ------------------------------------------------------------------------------------------
def check_main(argv: Sequence[str] | None = None) -> int:
    from .evaluate import check_dataset, render_table
    from .facts import facts_from_document

    parser = VietnameseArgumentParser(
        prog="luanchuyen check",
        description="Kiểm tra điều kiện luân chuyển theo bộ quy tắc.\n"
                    "Mỗi đề xuất được xét tại ngày bắt đầu của nó; nếu dữ liệu không có đề xuất thì xét điều kiện\n"
                    "chung để luân chuyển đào tạo của từng cán bộ tại ngày --on. «eligible» là false khi có quy tắc\n"
                    "«fail».\n\n"
                    "Với --from-db: xét trên cơ sở dữ liệu của ứng dụng thay cho tệp. Mỗi cán bộ đang giữ vị trí\n"
                    "chính tại ngày --on (trong đơn vị --unit và các đơn vị trực thuộc, nếu có) được xét điều kiện\n"
                    "chung cho mục đích --purpose; --proposals xét các đề xuất luân chuyển trong cơ sở dữ liệu tại\n"
                    "ngày bắt đầu của từng đề xuất.",
    )
    parser.add_argument("dataset", metavar="DATASET.json", nargs="?",
                        help="tệp dữ liệu định dạng luanchuyen/v1 (JSON); bỏ trống khi dùng --from-db")
    parser.add_argument("--on", type=_date_arg, metavar="YYYY-MM-DD",
                        help="ngày xét điều kiện chung (khi dữ liệu không có đề xuất) và các quy tắc của kế hoạch")
    parser.add_argument("--format", choices=("json", "table"), default="json", help="định dạng kết quả: json (mặc định) hoặc table")
    parser.add_argument("--province", metavar="MÃ", help="mã tỉnh để áp dụng tham số riêng của tỉnh (mặc định: tỉnh trong dữ liệu)")
    parser.add_argument("--from-db", action="store_true", help="xét trên cơ sở dữ liệu của ứng dụng (không cần tệp)")
    parser.add_argument("--unit", metavar="MÃ_ĐƠN_VỊ", help="(với --from-db) chỉ xét cán bộ của đơn vị này và các đơn vị trực thuộc")
    parser.add_argument("--purpose", metavar="MỤC_ĐÍCH",
                        help="(với --from-db) mục đích luân chuyển: dao_tao (mặc định), khong_phai_nguoi_dia_phuong, hai_nhiem_ky")
    parser.add_argument("--proposals", action="store_true",
                        help="(với --from-db) xét các đề xuất luân chuyển trong cơ sở dữ liệu tại ngày bắt đầu của từng đề xuất")
    try:
        args = parser.parse_args(argv)
    except UsageError as e:
        return _fail(str(e), parser.prog)
    if args.from_db:
        if args.dataset:
            return _fail("dùng tệp DATASET.json hoặc --from-db, không dùng cả hai", parser.prog)
        return _check_from_db(args, parser.prog, render_table)
    for option, given in (("--unit", args.unit), ("--purpose", args.purpose), ("--proposals", args.proposals)):
        if given:
            return _fail(f"tùy chọn {option} chỉ dùng cùng --from-db", parser.prog)
    if not args.dataset:
        return _fail("thiếu tham số bắt buộc: DATASET.json (hoặc --from-db để xét trên cơ sở dữ liệu)", parser.prog)
    try:
        with open(args.dataset, encoding="utf-8") as fh:
            doc = json.load(fh)
    except FileNotFoundError:
        return _fail(f"không tìm thấy tệp «{args.dataset}»", parser.prog)
    except (OSError, UnicodeDecodeError) as e:
        return _fail(f"không đọc được tệp «{args.dataset}»: {e}", parser.prog)
    except json.JSONDecodeError as e:
        return _fail(f"tệp «{args.dataset}» không phải JSON hợp lệ (dòng {e.lineno}, cột {e.colno})", parser.prog)
    try:
        dataset = facts_from_document(doc)
        result = check_dataset(dataset, args.on, args.province)
    except DatasetError as e:
        return _fail(e.message, parser.prog)
    except (ParameterError, RulesError) as e:
        return _fail(e.message, parser.prog)
    except ValueError as e:
        return _fail(str(e), parser.prog)
    if args.format == "table":
        sys.stdout.write(render_table(result, dataset, on=args.on))
    else:
        _print_json(result)
    return 0


def _check_from_db(args: argparse.Namespace, prog: str, render_table) -> int:
    """``check --from-db``: the application's database (Django set up by the management command)."""
    from luanchuyen.eligibility.services import EligibilityInputError, audit_check, check_from_db

    if args.on is None and not args.proposals:
        return _fail("cần --on YYYY-MM-DD: ngày xét điều kiện chung của cán bộ đang giữ vị trí", prog)
    try:
        result, dataset = check_from_db(on=args.on, purpose=args.purpose, unit_id=args.unit,
                                        proposals=args.proposals, province=args.province)
    except EligibilityInputError as e:
        return _fail(e.message, prog)
    except DatasetError as e:
        return _fail("dữ liệu trong cơ sở dữ liệu không hợp lệ: " + e.message, prog)
    except (ParameterError, RulesError) as e:
        return _fail(e.message, prog)
    audit_check(result, on=args.on, purpose=args.purpose, unit_id=args.unit, proposals=args.proposals)
    if args.format == "table":
        sys.stdout.write(render_table(result, dataset, on=args.on))
    else:
        _print_json(result)
    return 0


# -- parameters -------------------------------------------------------------------------------------
def parameters_in_force(on: dt.date, province: str | None = None, store: ParameterStore | None = None) -> list[dict]:
    """Every parameter at ``on`` (for ``province``): value, source, confidence, or why there is none."""
    store = store or default_store()
    rows = []
    for definition, value, status in store.in_force(on, province):
        row = {"name": definition.name, "description": definition.description, "unit": definition.unit,
               "rules": list(definition.rules), "in_force": value is not None, "status": status}
        if value is not None:
            row.update(value.as_dict())
            row["scope"] = SCOPE_TEXT[value.scope]
        rows.append(row)
    return rows


UNIT_TEXT = {"thang": "tháng", "nam": "năm", "phan_tram": "%", "he_so": "lần", "ngay": "ngày", "thang_trong_nam": ""}


def _dmy(iso: str | None) -> str:
    """'2025-07-01' → '01/07/2025' (an open start: 'không giới hạn')."""
    if not iso:
        return "không giới hạn"
    year, month, day = iso.split("-")
    return f"{day}/{month}/{year}"


def value_text(value: object, unit: str | None = None) -> str:
    """A parameter's value as people read it (the command's listing and the /tham-so/ page): 36 tháng,
    có/không, lists with commas, mappings as 'khóa: giá trị; …'."""
    if isinstance(value, bool):
        return "có" if value else "không"
    if isinstance(value, (list, tuple)):
        return ", ".join(map(str, value))
    if isinstance(value, dict):
        return "; ".join(f"{k}: {v}" for k, v in value.items())
    return f"{value} {UNIT_TEXT.get(unit or '', '')}".strip()


def parameters_main(argv: Sequence[str] | None = None) -> int:
    parser = VietnameseArgumentParser(
        prog="luanchuyen parameters",
        description="Liệt kê các tham số quy định có hiệu lực tại một ngày, với giá trị và nguồn trích dẫn.",
    )
    parser.add_argument("--on", type=_date_arg, metavar="YYYY-MM-DD", help="ngày xét (mặc định: hôm nay)")
    parser.add_argument("--province", metavar="MÃ", help="mã tỉnh để áp dụng tham số riêng của tỉnh")
    parser.add_argument("--format", choices=("table", "json"), default="table", help="định dạng: table (mặc định) hoặc json")
    try:
        args = parser.parse_args(argv)
    except UsageError as e:
        return _fail(str(e), parser.prog)
    on = args.on or dt.date.today()
    try:
        rows = parameters_in_force(on, args.province)
    except ParameterError as e:
        return _fail(e.message, parser.prog)
    if args.format == "json":
        _print_json({"on": on.isoformat(), "province": args.province, "parameters": rows})
        return 0
    scope = f", tỉnh {args.province}" if args.province else ""
    out = [f"Tham số có hiệu lực tại {on.day:02d}/{on.month:02d}/{on.year}{scope}:", ""]
    for row in rows:
        out.append(f"{row['name']} — {row['description']}")
        if row["in_force"]:
            label = row["confidence"] or ""
            out.append(f"    giá trị: {value_text(row['value'], row['unit'])}"
                       f" (từ {_dmy(row['effective_from'])}, phạm vi {row['scope']})")
            out.append(f"    nguồn: {row['citation']}"
                       f"{' [' + label + ': ' + CONFIDENCE_TEXT.get(label, '') + ']' if label else ''}")
            if row["see_also"]:
                out.append(f"    xem thêm: {'; '.join(row['see_also'])}")
        else:
            out.append(f"    không có giá trị: {row['status']}")
    sys.stdout.write("\n".join(out) + "\n")
    return 0
