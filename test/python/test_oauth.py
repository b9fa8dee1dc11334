"""OAuth client credentials through the SDK: a Configuration with client_id and client_secret makes
the SDK discover the token endpoint (GET oauth_url, no auth), fetch a Keycloak-shaped token there
and send it as a Bearer token with every call. The token endpoint's refusals reach the app as
InvalidClientCredentials; an expired or malformed token makes the SDK fetch a new one and retry."""
import pytest
from licensespring.api.error import ClientError, InvalidClientCredentials
from licensespring.licensefile.license_manager import LicenseID, LicenseManager

import configure
from conftest import journal_mark, since

SEED = {
    "credentials": [
        {"api_key": "py-key", "shared_key": "py-shared-key"},
        # Tokens valid long enough for the SDK to reuse them (it renews 5 s before expires_in).
        {"client_id": "py-client", "client_secret": "py-client-secret", "token_lifetime": 300},
        {"client_id": "py-short-client", "client_secret": "py-client-secret", "token_lifetime": 5},
        {"client_id": "py-revoked-client", "client_secret": "py-client-secret", "revoked": True},
    ],
    "products": [{"short_code": "py", "authorization_method": "license-key"}],
    "licenses": [{"id": 1, "product": "py", "license_key": "PY-KEY-0001", "max_activations": 3}],
}
KEY = {"product": "py", "license_key": "PY-KEY-0001"}
TOKEN = "/realms/user-portal/protocol/openid-connect/token"


def oauth_client(tenant, client="py-client", **settings):
    """An APIClient with OAuth credentials only (no api key pair)."""
    return configure.api_client(tenant.mock.domain, tenant.mock.public_key, "machine-a", **{**tenant.credential(client), **settings})


def calls(entries):
    """What each request was answered, by its code (oauth_url and token_issued for the discovery and the token)."""
    return [entry["code"] for entry in entries]


def test_license_manager_with_client_credentials(tenant, tmp_path):
    mark = journal_mark()
    configuration = configure.configuration(tenant.mock.domain, tenant.mock.public_key, "machine-a", "py", str(tmp_path), grace_period_conf=0, **tenant.credential("py-client"))
    manager = LicenseManager(configuration)
    license = manager.activate_license(LicenseID.from_key("PY-KEY-0001"))
    assert (license.key(), license.license_active()) == ("PY-KEY-0001", True)
    assert license.check()["license_active"] is True
    license.deactivate()
    assert [row["active"] for row in tenant.device(1, "machine-a")] == [False]

    entries = since(mark, tenant)
    # One discovery and one token, reused for the three calls (each answered on this tenant).
    assert calls(entries) == ["oauth_url", "token_issued", "license_activated", "license_checked", "license_deactivated"]
    token = entries[1]
    assert (token["path"], token["tenant"], token["body"]["grant_type"], token["body"]["client_id"]) == (TOKEN, tenant.id, "client_credentials", tenant.credential("py-client")["client_id"])
    assert {entry["tenant"] for entry in entries[2:]} == {tenant.id}


def test_a_token_lifetime_of_5_seconds_is_renewed_before_every_call(tenant):
    # The SDK treats a token as expired 5 s before expires_in: with 5 s it fetches one for each call.
    client = oauth_client(tenant, "py-short-client")
    mark = journal_mark()
    client.activate_license(**KEY)
    client.check_license(**KEY)
    assert calls(since(mark, tenant)) == ["oauth_url", "token_issued", "license_activated", "oauth_url", "token_issued", "license_checked"]


@pytest.mark.parametrize(
    ("client", "secret", "error", "message"),
    [
        pytest.param("py-client", "not-the-secret", "invalid_client", "Invalid client or Invalid client credentials", id="wrong-secret"),
        pytest.param("py-revoked-client", None, "unauthorized_client", "Client not enabled to retrieve service account", id="revoked-client"),
    ],
)
def test_a_refused_token_is_invalid_client_credentials(tenant, client, secret, error, message):
    settings = {} if secret is None else {"client_secret": secret}
    mark = journal_mark()
    with pytest.raises(InvalidClientCredentials) as refused:
        oauth_client(tenant, client, **settings).check_license(**KEY)
    # KeyCloakError: .code is the HTTP status, .error Keycloak's error, .message its description.
    assert (refused.value.code, refused.value.error, refused.value.message) == (401, error, message)
    # No License API call was made without a token.
    assert calls(since(mark, tenant)) == ["oauth_url", error]


@pytest.mark.parametrize("code", ["oauth_token_expired", "oauth_token_malformed"])
def test_a_refused_token_is_fetched_again_and_the_call_retried(tenant, code):
    client = oauth_client(tenant)
    client.activate_license(**KEY)
    tenant.fault(match={"client_id": tenant.credential("py-client")["client_id"]}, error=code)  # fires once by default
    mark = journal_mark()
    assert client.check_license(**KEY)["license_active"] is True
    entries = since(mark, tenant)
    assert calls(entries) == [code, "oauth_url", "token_issued", "license_checked"]
    assert (entries[0]["status"], entries[0]["path"]) == (401, "/api/v4/check_license")


def test_the_sdk_retries_as_often_as_the_token_is_refused(tenant):
    # No bound in the SDK: a fault that fires 3 times costs 3 more discoveries and tokens. A fault
    # that never stops (times: 0) would recurse until Python's RecursionError.
    client = oauth_client(tenant)
    client.activate_license(**KEY)
    tenant.fault(match={"client_id": tenant.credential("py-client")["client_id"]}, error="oauth_token_expired", times=3)
    mark = journal_mark()
    assert client.check_license(**KEY)["license_active"] is True
    assert calls(since(mark, tenant)) == ["oauth_token_expired", "oauth_url", "token_issued"] * 3 + ["license_checked"]


def test_an_api_key_client_asks_for_a_token_too_when_told_its_token_expired(tenant):
    # The SDK retries oauth_token_* without looking at how it signs: with no client it posts a form
    # with grant_type only (requests drops the None values), which names no client.
    client = tenant.client("machine-a")
    client.activate_license(**KEY)
    tenant.fault(match={"endpoint": "check_license"}, error="oauth_token_expired", times=1)
    mark = journal_mark()
    with pytest.raises(InvalidClientCredentials) as refused:
        client.check_license(**KEY)
    assert (refused.value.code, refused.value.error) == (401, "invalid_client")
    entries = since(mark, tenant)
    assert calls(entries) == ["oauth_token_expired", "oauth_url", "invalid_client"]
    assert entries[2]["body"] == {"grant_type": "client_credentials"}


def test_license_api_errors_of_an_oauth_client_are_client_errors(tenant):
    oauth_client(tenant).activate_license(**KEY)
    elsewhere = configure.api_client(tenant.mock.domain, tenant.mock.public_key, "machine-b", **tenant.credential("py-client"))
    with pytest.raises(ClientError) as refused:
        elsewhere.check_license(**KEY)
    assert (refused.value.status, refused.value.code, refused.value.message) == (400, "device_not_found", "An active device matching the hardware_id not found")


@pytest.mark.parametrize("error", ["invalid_request", "unsupported_grant_type"])
def test_another_token_endpoint_error_is_a_key_error_in_the_sdk(tenant, error):
    # The SDK recognises invalid_client and unauthorized_client only; on any other 4xx it reads
    # expires_in from Keycloak's error body.
    # A token request is faulted by endpoint (a fault's client_id names the client of a Bearer token).
    tenant.fault(match={"endpoint": "oauth_token"}, error=error, times=1)
    mark = journal_mark()
    with pytest.raises(KeyError, match="expires_in"):
        oauth_client(tenant).check_license(**KEY)
    entries = since(mark, tenant)
    assert calls(entries) == ["oauth_url", error]
    assert entries[1]["status"] == 400
