from story_desk_nlp.offsets import to_utf16, utf16_offset_table


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def test_plain_french_text_needs_no_table():
    assert utf16_offset_table("Élysée, Noël : « déjà » — ça va") is None
    assert to_utf16(None, 7) == 7


def test_characters_beyond_the_basic_plane_count_twice():
    text = "a😀b𝔘c"
    table = utf16_offset_table(text)
    assert table == [0, 1, 3, 4, 6, 7]
    assert all(to_utf16(table, i) == utf16_length(text[:i]) for i in range(len(text) + 1))
