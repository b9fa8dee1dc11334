"""Fixtures of the Python suites: LicenseSpring's official Python SDK, unmodified, against a running
licensespring-mock, configured only through examples/python/configure.py (the README's code).

`npm run test:python` starts a server and sets the environment; the defaults fit `npm start`:
  LICENSESPRING_MOCK_URL              the server's base URL (default http://127.0.0.1:4010)
  LICENSESPRING_MOCK_PUBLIC_KEY_FILE  the PEM public key it signs with (default: GET /__admin/public-key)
  LICENSESPRING_MOCK_API_KEY          the default tenant's api key (default demo-api-key)
  LICENSESPRING_MOCK_SHARED_KEY       its shared key (default demo-shared-key)

Every test gets its own tenant (POST /__admin/tenants) built from its module's SEED, so tests never
see each other's activations and the server's own data stays as it was. To cover another endpoint,
add a module test_<endpoint>.py with its SEED and tests that call tenant.client(hardware_id).<method>
(APIClient) or LicenseManager(tenant.configuration(...)); tenant.fault, tenant.state,
tenant.device, tenant.requests and tenant.portal_file reach the admin API for that tenant.
"""
import copy
import os
import uuid
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest
import requests

import configure

URL = os.environ.get("LICENSESPRING_MOCK_URL", "http://127.0.0.1:4010").rstrip("/")
DOMAIN = urlsplit(URL).netloc
ADMIN = f"{URL}/__admin"
# Generous: the machines are shared, and a test must not fail because one answer was slow.
TIMEOUT = 60
# What the SDK's verifier (pycryptodome's PKCS#1 v1.5) raises for a signature its key did not make:
# "Plaintext too large" when the signature, read as a number, is not below that key's modulus
# (about half of all keys), "Invalid signature" otherwise.
REFUSED = "^(Invalid signature|Plaintext too large)$"


def admin(method, path, **kwargs):
    """One admin API call; a non-2xx answer fails the test with the mock's own reason."""
    response = requests.request(method, f"{ADMIN}{path}", timeout=TIMEOUT, **kwargs)
    assert response.ok, f"{method} /__admin{path} answered {response.status_code}: {response.text}"
    return response.json() if response.content else None


@dataclass
class Mock:
    url: str
    domain: str
    public_key: str
    api_key: str
    shared_key: str


@pytest.fixture(scope="session")
def mock():
    try:
        requests.get(f"{ADMIN}/health", timeout=TIMEOUT).raise_for_status()
    except requests.RequestException as error:
        pytest.exit(f"no licensespring-mock answers at {URL} ({error}); start one (npm start) or run npm run test:python", 2)
    key_file = os.environ.get("LICENSESPRING_MOCK_PUBLIC_KEY_FILE")
    if key_file:
        with open(key_file, encoding="utf-8") as file:
            public_key = file.read()
    else:
        public_key = requests.get(f"{ADMIN}/public-key", params={"format": "pem"}, timeout=TIMEOUT).text
    return Mock(
        url=URL,
        domain=DOMAIN,
        public_key=public_key,
        api_key=os.environ.get("LICENSESPRING_MOCK_API_KEY", "demo-api-key"),
        shared_key=os.environ.get("LICENSESPRING_MOCK_SHARED_KEY", "demo-shared-key"),
    )


@dataclass
class Tenant:
    """An isolated data set on the server and the SDK objects that reach it."""

    mock: Mock
    id: str
    credentials: dict
    # The seed's credentials by the api_key the module wrote (the server holds them suffixed).
    named: dict = field(default_factory=dict)

    def credential(self, api_key):
        return self.named[api_key]

    def client(self, hardware_id, **settings):
        """An APIClient signing with this tenant's first credential (or settings' own)."""
        return configure.api_client(self.mock.domain, self.mock.public_key, hardware_id, **{**self.credentials, **settings})

    def configuration(self, hardware_id, product, file_path, **settings):
        """A Configuration for LicenseManager; file_path keeps the license file in the test's folder."""
        return configure.configuration(self.mock.domain, self.mock.public_key, hardware_id, product, str(file_path), **{**self.credentials, **settings})

    def fault(self, **fault):
        """An admin fault on this tenant (see the README's "Force an error")."""
        return admin("POST", "/faults", params={"tenant": self.id}, json=fault)

    def state(self):
        return admin("GET", "/state", params={"tenant": self.id})

    def requests(self, **filters):
        """The journal's entries of this tenant, oldest first (GET /__admin/requests)."""
        return list(reversed(admin("GET", "/requests", params={"tenant": self.id, **filters})["requests"]))

    def portal_file_answer(self, kind, **fields):
        """The portal's answer for an offline file of this tenant (kind: activation or refresh)."""
        return requests.post(f"{ADMIN}/offline/{kind}-file", params={"tenant": self.id}, json=fields, timeout=TIMEOUT)

    def portal_file(self, kind, **fields):
        """The portal's offline file for this tenant (kind: activation or refresh), as its text."""
        response = self.portal_file_answer(kind, **fields)
        assert response.ok, f"POST /__admin/offline/{kind}-file answered {response.status_code}: {response.text}"
        return response.text

    def device(self, license_id, hardware_id):
        """The state's rows of one device of a license, newest last."""
        license = next(entry for entry in self.state()["licenses"] if entry["id"] == license_id)
        return [device for device in license.get("devices", []) if device["hardware_id"] == hardware_id]


@pytest.fixture
def tenant(mock, request):
    """A fresh tenant from the test module's SEED (a seed in the documented field names, docs/seeds.md). Api keys and
    OAuth client ids are unique across the server, so the seed's own get a suffix;
    tenant.credential(api_key or client_id) finds them."""
    seed = copy.deepcopy(getattr(request.module, "SEED"))
    suffix = uuid.uuid4().hex[:12]
    named = {}
    for credential in seed.get("credentials", []):
        # An API key pair, an OAuth client (client_id, client_secret), or both.
        for key, secret in (("api_key", "shared_key"), ("client_id", "client_secret")):
            if key in credential:
                written = credential[key]
                credential[key] = f"{written}-{suffix}"
                named[written] = {key: credential[key], secret: credential[secret]}
    created = admin("POST", "/tenants", params={"id": f"py-{suffix}"}, json=seed)
    credentials = {name: created[name] for name in ("api_key", "shared_key") if name in created}
    yield Tenant(mock=mock, id=created["tenant"], credentials=credentials, named=named)
    admin("DELETE", f"/tenants/{created['tenant']}")


def journal_mark():
    """A mark in the server's journal; since(mark, tenant) is every request after it, oldest first,
    of that tenant and of none (GET oauth_url names no credential, so no tenant's journal holds it:
    another client asking for it meanwhile would show too)."""
    mark = uuid.uuid4().hex
    requests.get(f"{URL}/api/v4/oauth_url", params={"login_type": "client_credentials", "journal_mark": mark}, timeout=TIMEOUT).raise_for_status()
    return mark


def since(mark, tenant):
    entries = admin("GET", "/requests", params={"limit": 500})["requests"]
    at = next(index for index, entry in enumerate(entries) if entry["path"] == "/api/v4/oauth_url" and entry["body"].get("journal_mark") == mark)
    return [entry for entry in reversed(entries[:at]) if entry.get("tenant") in (tenant.id, None)]
