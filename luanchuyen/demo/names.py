"""Vietnamese personal names for the demo province, with realistic frequencies. Pure data.

Family names: shares of the population (Lê Trung Hoa's and the 2009 census-based estimates commonly
cited: Nguyễn ≈ 38%, Trần ≈ 11%, Lê ≈ 9.5%, Phạm ≈ 7%, Hoàng/Huỳnh ≈ 5%, Phan ≈ 4.5%, Vũ/Võ ≈ 3.9%,
Đặng ≈ 2.1%, Bùi ≈ 2%, Đỗ ≈ 1.4%, Hồ ≈ 1.3%, Ngô ≈ 1.3%, Dương ≈ 1%, Lý ≈ 0.5%); the rest is spread over
other common names. In the central provinces Võ and Hoàng are more common than Vũ and Huỳnh.
"""

from __future__ import annotations

import random
from bisect import bisect
from itertools import accumulate

FAMILY_NAMES: list[tuple[str, float]] = [
    ("Nguyễn", 38.0),
    ("Trần", 11.0),
    ("Lê", 9.5),
    ("Phạm", 7.0),
    ("Hoàng", 3.6),
    ("Huỳnh", 1.4),
    ("Phan", 4.5),
    ("Võ", 2.6),
    ("Vũ", 1.3),
    ("Đặng", 2.1),
    ("Bùi", 2.0),
    ("Đỗ", 1.4),
    ("Hồ", 1.3),
    ("Ngô", 1.3),
    ("Dương", 1.0),
    ("Lý", 0.5),
    ("Đinh", 0.9),
    ("Trương", 0.9),
    ("Đoàn", 0.8),
    ("Lương", 0.6),
    ("Cao", 0.6),
    ("Mai", 0.5),
    ("Hà", 0.5),
    ("Lưu", 0.4),
    ("Thái", 0.4),
    ("Văn", 0.3),
    ("Tôn", 0.2),
    ("Châu", 0.3),
    ("Lâm", 0.3),
    ("Tạ", 0.3),
    ("Trịnh", 0.5),
    ("Phùng", 0.3),
    ("Hứa", 0.2),
    ("Kiều", 0.2),
    ("La", 0.1),
    ("Chu", 0.2),
]

MIDDLE_MALE: list[tuple[str, float]] = [
    ("Văn", 30),
    ("Hữu", 7),
    ("Đức", 7),
    ("Minh", 7),
    ("Quang", 6),
    ("Xuân", 5),
    ("Thanh", 5),
    ("Công", 5),
    ("Ngọc", 4),
    ("Anh", 3),
    ("Trọng", 3),
    ("Đình", 5),
    ("Quốc", 4),
    ("Tiến", 2),
    ("Hoàng", 2),
    ("Mạnh", 2),
    ("Thế", 3),
    ("Duy", 2),
    ("Hồng", 2),
    ("Viết", 2),
    ("Khắc", 2),
    ("Sỹ", 2),
    ("Trung", 2),
    ("Kim", 1),
    ("Đăng", 2),
    ("Bá", 2),
    ("Phước", 1),
    ("Chí", 2),
]
MIDDLE_FEMALE: list[tuple[str, float]] = [
    ("Thị", 55),
    ("Ngọc", 6),
    ("Thu", 5),
    ("Thanh", 5),
    ("Thúy", 3),
    ("Hồng", 4),
    ("Minh", 4),
    ("Phương", 3),
    ("Kim", 3),
    ("Bích", 2),
    ("Diệu", 2),
    ("Hoài", 2),
    ("Mỹ", 2),
    ("Quỳnh", 2),
    ("Hải", 2),
]
# second middle word after "Thị" (e.g. Nguyễn Thị Thu Hà), for a share of women
MIDDLE_FEMALE_SECOND = ["Thu", "Thanh", "Minh", "Ngọc", "Kim", "Hồng", "Mỹ", "Bích", "Phương", "Hoài", "Lệ"]

GIVEN_MALE: list[tuple[str, float]] = [
    ("Anh", 4),
    ("Bình", 3),
    ("Cường", 3),
    ("Dũng", 5),
    ("Đạt", 2),
    ("Đức", 3),
    ("Hải", 5),
    ("Hiếu", 3),
    ("Hòa", 3),
    ("Hùng", 5),
    ("Huy", 3),
    ("Khánh", 2),
    ("Lâm", 2),
    ("Long", 4),
    ("Minh", 4),
    ("Nam", 4),
    ("Phong", 3),
    ("Phúc", 2),
    ("Quang", 3),
    ("Sơn", 5),
    ("Tài", 2),
    ("Thắng", 4),
    ("Thành", 5),
    ("Thịnh", 2),
    ("Tiến", 3),
    ("Toàn", 3),
    ("Trung", 4),
    ("Tuấn", 5),
    ("Tùng", 3),
    ("Việt", 3),
    ("Vinh", 3),
    ("Hưng", 4),
    ("Lợi", 2),
    ("Thanh", 3),
    ("Hoàng", 2),
    ("Chiến", 2),
    ("Khoa", 2),
    ("Nghĩa", 3),
    ("Quý", 2),
    ("Tâm", 3),
    ("Thái", 2),
    ("Thuận", 2),
    ("Trí", 2),
    ("Kiên", 2),
    ("Hậu", 2),
    ("Định", 2),
    ("Bảo", 1),
    ("Giang", 2),
    ("Lộc", 2),
    ("Phương", 2),
    ("Quân", 2),
    ("Tín", 1),
    ("Vương", 1),
    ("Thọ", 2),
    ("Hạnh", 1),
    ("Đông", 2),
    ("Xuân", 2),
    ("Châu", 1),
    ("Diệu", 1),
    ("Lai", 1),
    ("Sáng", 1),
]
GIVEN_FEMALE: list[tuple[str, float]] = [
    ("Anh", 3),
    ("Bình", 2),
    ("Chi", 2),
    ("Dung", 3),
    ("Hà", 5),
    ("Hạnh", 3),
    ("Hằng", 4),
    ("Hiền", 4),
    ("Hoa", 4),
    ("Hồng", 3),
    ("Hương", 6),
    ("Huyền", 3),
    ("Lan", 5),
    ("Liên", 3),
    ("Linh", 4),
    ("Loan", 2),
    ("Mai", 4),
    ("Minh", 2),
    ("Nga", 4),
    ("Ngân", 2),
    ("Nguyệt", 2),
    ("Nhung", 3),
    ("Oanh", 2),
    ("Phương", 4),
    ("Quyên", 2),
    ("Quỳnh", 2),
    ("Tâm", 2),
    ("Thảo", 3),
    ("Thanh", 3),
    ("Thu", 3),
    ("Thủy", 5),
    ("Trang", 3),
    ("Tuyết", 2),
    ("Vân", 3),
    ("Yến", 3),
    ("Xuân", 2),
    ("Lý", 1),
    ("Hòa", 2),
    ("Hậu", 1),
    ("Nhàn", 1),
    ("Lê", 1),
    ("Diệp", 1),
    ("Sương", 1),
    ("Thơm", 1),
    ("Thúy", 2),
    ("Vinh", 1),
]

# Names used by the Bru–Vân Kiều and Pa Kô people of the hill districts (Hướng Hóa, Đakrông)
ETHNIC_FAMILY = ["Hồ", "Hồ", "Hồ", "Lê", "Nguyễn", "Kăn", "Pả", "Quỳnh"]


class NamePicker:
    """Weighted choices with precomputed cumulative weights (fast for 100,000 names)."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self._tables = {
            key: (list(accumulate(w for _, w in table)), [n for n, _ in table])
            for key, table in (
                ("family", FAMILY_NAMES),
                ("mid_m", MIDDLE_MALE),
                ("mid_f", MIDDLE_FEMALE),
                ("given_m", GIVEN_MALE),
                ("given_f", GIVEN_FEMALE),
            )
        }

    def _pick(self, key: str) -> str:
        cum, names = self._tables[key]
        return names[bisect(cum, self.rng.random() * cum[-1])]

    def full_name(self, gender: str, ethnicity: str = "Kinh") -> str:
        rng = self.rng
        family = rng.choice(ETHNIC_FAMILY) if ethnicity != "Kinh" else self._pick("family")
        if gender == "nu":
            middle = self._pick("mid_f")
            if middle == "Thị" and rng.random() < 0.3:
                middle = f"Thị {rng.choice(MIDDLE_FEMALE_SECOND)}"
            given = self._pick("given_f")
        else:
            middle = self._pick("mid_m")
            if middle == "Văn" and rng.random() < 0.08:
                middle = f"Văn {rng.choice(['Đức', 'Minh', 'Quang', 'Thanh'])}"
            given = self._pick("given_m")
        if middle.split()[-1] == given:
            given = self._pick("given_f" if gender == "nu" else "given_m")
        return f"{family} {middle} {given}"
