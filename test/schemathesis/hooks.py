"""schemathesis hooks for the License API: every generated request to a License API operation is
signed as an SDK signs it, so it reaches the rules behind authorization; the operations answered to
anyone (oauth_url, the token endpoint, the host root) go unsigned, as the SDKs send them. Explicit
examples built here reach the success answers a schema cannot describe a request for (an offline
request file the official Python SDK writes and signs, the demo OAuth client's token request), so
their answers are checked against the spec too. Two checks say what the API documents where
schemathesis' generic expectations differ from it (schemathesis.toml says which and why).

Environment (npm run test:python sets it): LICENSESPRING_MOCK_API_KEY, LICENSESPRING_MOCK_SHARED_KEY
(default: the demo seed's demo-api-key / demo-shared-key).
"""
import base64
import hashlib
import hmac
import os
import uuid
from email.utils import formatdate

import requests
import schemathesis
from licensespring.api import APIClient
from licensespring.hardware import HardwareIdProvider
from schemathesis.core.parameters import ParameterLocation
from schemathesis.generation.meta import CoveragePhaseData, CoverageScenario, negated_parameters

API_KEY = os.environ.get("LICENSESPRING_MOCK_API_KEY", "demo-api-key")
SHARED_KEY = os.environ.get("LICENSESPRING_MOCK_SHARED_KEY", "demo-shared-key")
# The demo seed's OAuth client (scenarios/seeds/demo.yaml).
CLIENT_ID = "demo-client-id"
CLIENT_SECRET = "demo-client-secret"
AUTH_HEADERS = ("date", "authorization")
# Operations answered without Date and Authorization: the SDKs send them none.
NO_AUTH = ["oauthUrl", "oauthToken", "root"]
# The offline operations, whose body is a request file (text/plain) with signatures of its own.
OFFLINE = ("activateOffline", "deactivateOffline")

# Node's HTTP parser answers a bare 431 (no body), or resets the connection while the client is
# still sending, before the mock sees a request whose request line and headers exceed 16 KiB. The
# spec's maxLengths allow longer query strings on user_licenses.
NODE_HEADER_LIMIT = 16 * 1024
# What the transport adds when it sends (Host, User-Agent, Accept, Accept-Encoding, Connection,
# schemathesis' test case id, and Date and Authorization when they are not set yet): at most this.
UNSENT_HEADERS = 512

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
# The answer to an offline request file that is not base64 of a JSON object: the file's own
# content, which the schema (any text) cannot describe, not the request's headers.
UNREADABLE_FILE = "Some parameters are missing in authorization: request ("


def operation_id(operation):
    return operation.schema.get_operation_id(operation)


def generated_header(case, name):
    return next((value for key, value in (case.headers or {}).items() if key.lower() == name), None)


def removed_or_broken(case):
    """The auth headers schemathesis meant to leave out or break in this case."""
    names = {name.lower() for name, location in negated_parameters(case.meta) if location == ParameterLocation.HEADER} if case.meta else set()
    data = case.meta.phase.data if case.meta else None
    if isinstance(data, CoveragePhaseData) and data.parameter_location == ParameterLocation.HEADER and data.parameter:
        names.add(data.parameter.lower())
    return names & set(AUTH_HEADERS)


@schemathesis.auth(refresh_interval=None).skip_for(operation_id=NO_AUTH)
class LicenseSpringHmac:
    """Date + Authorization per request, as the README's curl example signs."""

    def get(self, case, context):
        return API_KEY

    def set(self, case, api_key, context):
        if removed_or_broken(case):
            return  # a case about a missing or malformed auth header keeps it as generated
        headers = {key: value for key, value in (case.headers or {}).items() if key.lower() not in AUTH_HEADERS}
        case.headers = {**headers, **signed_headers(api_key)}


def signed_headers(api_key=API_KEY):
    date = formatdate(usegmt=True)
    digest = hmac.new(SHARED_KEY.encode(), f"licenseSpring\ndate: {date}".encode(), hashlib.sha256).digest()
    return {"Date": date, "Authorization": f'algorithm="hmac-sha256",headers="date",signature="{base64.b64encode(digest).decode()}",apikey="{api_key}"'}


class OfflineDevice(HardwareIdProvider):
    """The device of the example request files: one per run, so each run's files activate anew."""

    ID = f"schemathesis-offline-{uuid.uuid4().hex[:12]}"

    def get_id(self):
        return OfflineDevice.ID


# The bodies of the examples made here: the SDK's own files, which must never be refused as malformed.
MADE_HERE = set()


def offline_files():
    """The request files the official Python SDK writes for a device of DEMO-NEVER-ACTIVATED (demo
    seed): activation, then deactivation, signed with the shared key."""
    client = APIClient(api_key=API_KEY, shared_key=SHARED_KEY, hardware_id_provider=OfflineDevice)
    host = {"os_ver": "schemathesis", "hostname": "schemathesis", "ip": "127.0.0.1", "mac_address": "02:00:00:00:00:01"}
    activation = client.activate_offline_dump(product="demo", license_key="DEMO-NEVER-ACTIVATED", **host)
    deactivation = client.deactivate_offline_dump(product="demo", license_key="DEMO-NEVER-ACTIVATED", **host)
    return {"activateOffline": activation, "deactivateOffline": deactivation}


@schemathesis.hook
def before_add_examples(context, examples):
    """Examples no schema can generate: signed offline files (the SDK writes them with a trailing
    newline, as print() does) and the demo client's token request. The deactivation frees the
    activation's device of this run when it runs after it (device_not_found otherwise: a state rule)."""
    operation = context.operation
    if operation is None:
        return
    name = operation_id(operation)
    if name in OFFLINE:
        # Made here, not generated: signed here too (the auth provider signs generated cases).
        body = offline_files()[name] + "\n"
        MADE_HERE.add(body)
        examples.append(operation.Case(headers=signed_headers(), body=body, media_type="text/plain"))
    elif name == "oauthToken":
        form = {"grant_type": "client_credentials", "client_id": CLIENT_ID, "client_secret": CLIENT_SECRET}
        examples.append(operation.Case(body=form, media_type="application/x-www-form-urlencoded"))


def head_size(request):
    """The bytes of a request's request line and header lines, as Node's parser counts them."""
    lines = [f"{request.method} {request.path_url} HTTP/1.1"] + [f"{name}: {value}" for name, value in request.headers.items()]
    return sum(len(line.encode("utf-8", "surrogateescape")) + 2 for line in lines)


@schemathesis.hook
def filter_case(context, case):
    """Leave out the requests whose head Node refuses before the mock sees them (see
    NODE_HEADER_LIMIT): their answer, or the reset connection, says nothing about the mock. Only
    requests within UNSENT_HEADERS bytes of the limit or over it are left out."""
    kwargs = case.as_transport_kwargs(base_url="http://127.0.0.1:4010")
    request = requests.Request(method=kwargs["method"], url=kwargs["url"], headers=kwargs.get("headers"), params=kwargs.get("params")).prepare()
    return head_size(request) + UNSENT_HEADERS <= NODE_HEADER_LIMIT


@schemathesis.hook
def filter_failure(context, failure, case, response):
    """Keep every failure but Node's own 431 (no body) to a request whose head is over its 16 KiB:
    that answer comes before the mock sees the request, so it says nothing about the mock."""
    too_long = response.status_code == 431 and not response.content and head_size(response.request) > NODE_HEADER_LIMIT
    return not too_long


@schemathesis.check
def valid_requests_reach_the_rules(ctx, response, case):
    """A 400 to a request the schema accepts is a rule of the license's state (unknown_product,
    license_not_found, device_not_found, …), never a refusal of the request itself."""
    if response.status_code != 400:
        return None
    if isinstance(case.body, str) and case.body in MADE_HERE:
        body = response.json()  # a file the official SDK wrote and signed: only the license's state may refuse it
        if body["code"] in REFUSED_REQUEST or body["code"] in ("authorization_missing_params", "missing_content"):
            raise AssertionError(f"The Python SDK's own request file was refused: {body['code']}: {body['message']}")
        return None
    if case.meta is None or not case.meta.generation.mode.is_positive:
        return None
    if operation_id(case.operation) in NO_AUTH:
        return None  # the token endpoint's 400s are Keycloak's own rules, in Keycloak's body
    if generated_header(case, "prefer") or removed_or_broken(case):
        return None  # Prefer asks for a documented error on purpose; broken auth is the case's point
    body = response.json()
    if operation_id(case.operation) in OFFLINE and body["code"] == "authorization_missing_params" and body["message"].startswith(UNREADABLE_FILE):
        return None  # generated text is not a request file: the file's content, not the request, is refused
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
