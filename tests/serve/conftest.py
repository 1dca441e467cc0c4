"""The service over the store of the seed articles and the bundled examples."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from detente.serve import create_app
from detente.serve.limits import ServiceLimits

from ..reciprocity.conftest import corpus_store  # noqa: F401  (the same session store)

TOKEN = "test-token-7f3a"


@pytest.fixture(scope="session")
def app(corpus_store):  # noqa: F811
    return create_app(corpus_store.path, token=TOKEN, limits=ServiceLimits(max_request_bytes=50_000))


@pytest.fixture(scope="session")
def client(app):
    with TestClient(app) as client:  # starts the coding processes, and ends them after the last test
        yield client
