"""The service over the store of the seed articles and the bundled examples."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from detente.serve import create_app

from ..reciprocity.conftest import corpus_store  # noqa: F401  (the same session store)

TOKEN = "test-token-7f3a"


@pytest.fixture(scope="session")
def app(corpus_store):  # noqa: F811
    return create_app(corpus_store.path, token=TOKEN, max_request_bytes=50_000)


@pytest.fixture(scope="session")
def client(app):
    return TestClient(app)
