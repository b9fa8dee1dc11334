"""schemathesis hooks for the License API: every generated request is signed as an SDK signs it,
so it reaches the rules behind authorization, and two checks say what the API documents where
schemathesis' generic expectations differ from it (schemathesis.toml says which and why).

Environment (npm run test:python sets it): LICENSESPRING_MOCK_API_KEY, LICENSESPRING_MOCK_SHARED_KEY
(default: the demo seed's demo-api-key / demo-shared-key).
"""
import base64
import hashlib
import hmac
import os
from email.utils import formatdate

import schemathesis
from schemathesis.core.parameters import ParameterLocation
from schemathesis.generation.meta import CoveragePhaseData, CoverageScenario, negated_parameters

API_KEY = os.environ.get("LICENSESPRING_MOCK_API_KEY", "demo-api-key")
SHARED_KEY = os.environ.get("LICENSESPRING_MOCK_SHARED_KEY", "demo-shared-key")
AUTH_HEADERS = ("date", "authorization")

# Codes that mean the request itself was refused: its headers, its signature, its JSON, or a field
# the schema describes. A request the schema accepts, signed right, must never get one of them.
REFUSED_REQUEST = {
    "missing_headers",
    "authorization_invalid_headers",
    "authorization_missing_params",
    "hmac_required",
    "invalid_api_key",
    "revoked_api_key",
    "date_header_diff",
    "signature_mismatch",
    "read_only_api_key",
    "invalid_json",
    "validation_error",
}
# Fields every operation's schema requires; missing_parameters may name only the others (the
# identity a product's authorization method needs, which the schema cannot know).
SCHEMA_REQUIRED = ("hardware_id", "product")


def generated_header(case, name):
    return next((value for key, value in (case.headers or {}).items() if key.lower() == name), None)


def removed_or_broken(case):
    """The auth headers schemathesis meant to leave out or break in this case."""
    names = {name.lower() for name, location in negated_parameters(case.meta) if location == ParameterLocation.HEADER} if case.meta else set()
    data = case.meta.phase.data if case.meta else None
    if isinstance(data, CoveragePhaseData) and data.parameter_location == ParameterLocation.HEADER and data.parameter:
        names.add(data.parameter.lower())
    return names & set(AUTH_HEADERS)


@schemathesis.auth(refresh_interval=None)
class LicenseSpringHmac:
    """Date + Authorization per request, as the README's curl example signs."""

    def get(self, case, context):
        return API_KEY

    def set(self, case, api_key, context):
        if removed_or_broken(case):
            return  # a case about a missing or malformed auth header keeps it as generated
        date = formatdate(usegmt=True)
        digest = hmac.new(SHARED_KEY.encode(), f"licenseSpring\ndate: {date}".encode(), hashlib.sha256).digest()
        headers = {key: value for key, value in (case.headers or {}).items() if key.lower() not in AUTH_HEADERS}
        headers["Date"] = date
        headers["Authorization"] = f'algorithm="hmac-sha256",headers="date",signature="{base64.b64encode(digest).decode()}",apikey="{api_key}"'
        case.headers = headers


@schemathesis.check
def valid_requests_reach_the_rules(ctx, response, case):
    """A 400 to a request the schema accepts is a rule of the license's state (unknown_product,
    license_not_found, device_not_found, …), never a refusal of the request itself."""
    if case.meta is None or not case.meta.generation.mode.is_positive or response.status_code != 400:
        return None
    if generated_header(case, "prefer") or removed_or_broken(case):
        return None  # Prefer asks for a documented error on purpose; broken auth is the case's point
    body = response.json()
    if body["code"] in REFUSED_REQUEST or (body["code"] == "missing_parameters" and any(field in body["message"] for field in SCHEMA_REQUIRED)):
        raise AssertionError(f"A request the schema accepts was refused as malformed: {body['code']}: {body['message']}")
    return None


@schemathesis.check
def missing_auth_header_is_missing_headers(ctx, response, case):
    """Without Date or Authorization the License API answers 400 missing_headers (its documented
    code; schemathesis' own missing_required_header check expects a 401 for Authorization)."""
    data = case.meta.phase.data if case.meta else None
    if not isinstance(data, CoveragePhaseData) or data.scenario != CoverageScenario.MISSING_PARAMETER:
        return None
    if data.parameter_location != ParameterLocation.HEADER or (data.parameter or "").lower() not in AUTH_HEADERS:
        return None
    body = response.json() if response.status_code == 400 else None
    if body is None or body.get("code") != "missing_headers":
        raise AssertionError(f"Without the {data.parameter} header: expected 400 missing_headers, got {response.status_code} {response.text[:200]}")
    return None
