"""
Python indexes strings by code point, JavaScript by UTF-16 code unit. The service speaks JavaScript's units,
so that the bot can slice a quote out of the text it sent with the offsets it gets back.
"""
from itertools import accumulate


def utf16_offset_table(text: str) -> list[int] | None:
    """
    The UTF-16 offset of every code-point offset 0..len(text), or None when the two agree (no character
    beyond the Basic Multilingual Plane), which is nearly always for French news and costs nothing then.
    """
    if text.isascii() or max(map(ord, text)) <= 0xFFFF:
        return None
    return [0, *accumulate(2 if ord(char) > 0xFFFF else 1 for char in text)]


def to_utf16(table: list[int] | None, offset: int) -> int:
    return offset if table is None else table[offset]
