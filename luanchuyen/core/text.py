"""Vietnamese text: accent-free search keys, name sort keys, dates as people read them."""
from __future__ import annotations

import datetime as dt
import unicodedata

# Vietnamese alphabet order (DOMAIN.md §5): a < ă < â < b < c < d < đ < e < ê < … < ư < v < x < y.
_ALPHABET = "a ă â b c d đ e ê f g h i j k l m n o ô ơ p q r s t u ư v w x y z".split()
_LETTER_INDEX = {letter: i for i, letter in enumerate(_ALPHABET)}
# Tones in dictionary order: none, huyền, hỏi, ngã, sắc, nặng.
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
_SHAPE_MARKS = {"\u0306", "\u0302", "\u031b"}  # breve, circumflex, horn: part of the letter


def strip_accents(text: str) -> str:
    """'Nguyễn Văn Đức' -> 'nguyen van duc' (lower case, no diacritics, single spaces)."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.lower().split())


def thousands(n: int) -> str:
    """20000 → '20.000', as numbers are written in Vietnamese."""
    return f"{n:,}".replace(",", ".")


def typed_query(raw: str | None, limit: int = 100) -> str:
    """Text typed in a search box, safe to query with: at most `limit` characters, no NUL (which
    PostgreSQL refuses in text), trimmed."""
    return (raw or "").replace("\x00", "")[:limit].strip()


def name_search_key(name: str) -> str:
    """A cadre's name as the search reads it: ' nguyen van duc' — no diacritics, and a space before every
    word, so that "every typed word begins a word of the name" is one pattern per word (LIKE '% duc%'),
    which a trigram index answers in one scan."""
    return " " + strip_accents(name)


def _split_letter(ch: str) -> tuple[str, int]:
    """One character -> (letter with its shape marks, tone number)."""
    decomposed = unicodedata.normalize("NFD", ch.lower())
    base = decomposed[0]
    shape = "".join(m for m in decomposed[1:] if m in _SHAPE_MARKS)
    tone = next((_TONES[m] for m in decomposed[1:] if m in _TONES), 0)
    return unicodedata.normalize("NFC", base + shape), tone


def _code(i: int) -> str:
    # two upper-case ASCII letters per letter: sorts the same under every database collation
    return chr(ord("B") + i // 24) + chr(ord("B") + i % 24)


def name_sort_key(full_name: str) -> str:
    """Sort key for a Vietnamese full name: given name first, then the rest, Vietnamese collation.

    Primary: letters in alphabet order, word by word ('AA' ends a word, so 'An' < 'Anh');
    secondary: tones. Only upper-case ASCII letters, so SQLite and PostgreSQL order it alike.
    """
    words = full_name.split()
    if not words:
        return ""
    ordered = [words[-1], *words[:-1]]
    primary: list[str] = []
    tones: list[str] = []
    for word in ordered:
        for ch in word:
            letter, tone = _split_letter(ch)
            idx = _LETTER_INDEX.get(letter)
            if idx is None:
                if not letter.isalnum():
                    continue
                idx = len(_ALPHABET) + (ord(letter) % 200)
            primary.append(_code(idx))
            tones.append(chr(ord("A") + tone))
        primary.append("AA")
    return "".join(primary) + "A" + "".join(tones)


def given_name(full_name: str) -> str:
    words = full_name.split()
    return words[-1] if words else ""


def format_date(value: dt.date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def format_partial_date(value: dt.date | None, precision: str) -> str:
    """A birth date as known: dd/mm/yyyy, mm/yyyy or yyyy."""
    if value is None:
        return ""
    if precision == "y":
        return f"{value.year}"
    if precision == "m":
        return f"{value.month:02d}/{value.year}"
    return value.strftime("%d/%m/%Y")


def parse_partial_date(text: str) -> tuple[dt.date, str]:
    """'1984' | '1984-03' | '1984-03-15' -> (date with unknown parts = 1, precision 'y'|'m'|'d').

    Raises ValueError with a Vietnamese message on anything else.
    """
    text = (text or "").strip()
    parts = text.split("-")
    try:
        if len(parts) == 1 and len(parts[0]) == 4:
            return dt.date(int(parts[0]), 1, 1), "y"
        if len(parts) == 2 and len(parts[0]) == 4:
            return dt.date(int(parts[0]), int(parts[1]), 1), "m"
        if len(parts) == 3 and len(parts[0]) == 4:
            return dt.date(int(parts[0]), int(parts[1]), int(parts[2])), "d"
    except ValueError:
        pass
    raise ValueError(f"ngày sinh '{text}' không hợp lệ (dạng YYYY, YYYY-MM hoặc YYYY-MM-DD)")


def partial_date_iso(value: dt.date, precision: str) -> str:
    if precision == "y":
        return f"{value.year:04d}"
    if precision == "m":
        return f"{value.year:04d}-{value.month:02d}"
    return value.isoformat()


def age_on(birth: dt.date, on: dt.date) -> int:
    """Completed years at `on` (the birthday counts on its day)."""
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))
