"""Property-based requests generated from the OpenAPI description (schemathesis + hypothesis): no request
makes the service fail (5xx), and every error has the one JSON shape."""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, given, settings

EXAMPLES = 30


def test_no_request_makes_the_service_fail(app):
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 10
    calls = [_check(operation) for operation in operations]
    assert sum(calls) >= 5 * len(operations), dict(zip((o.label for o in operations), calls, strict=True))


def _check(operation) -> int:
    """Run the generated cases of one operation; the number of requests made."""
    calls = 0

    @given(operation.as_strategy())
    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    def check(case):
        nonlocal calls
        calls += 1
        response = case.call()
        assert response.status_code < 500, (operation.label, case.path_parameters, case.query,
                                            str(case.body)[:200], response.text[:300])
        if response.status_code >= 400:
            body = response.json()
            assert set(body) == {"error"} and body["error"]["status"] == response.status_code, operation.label

    check()
    return calls
