"""Signatures both ways: the mock checks the SDK's HMAC, and the SDK checks the mock's RSA
signature (the LicenseSignature header over the raw body) with the key its verifier holds."""
import pytest
from Crypto.PublicKey import RSA
from licensespring.api.error import ClientError

import configure
from conftest import REFUSED

SEED = {
    "products": [{"short_code": "py", "authorization_method": "license-key"}],
    "licenses": [{"id": 1, "product": "py", "license_key": "PY-KEY-0001", "max_activations": 3}],
}
KEY = {"product": "py", "license_key": "PY-KEY-0001"}


@pytest.fixture(scope="module")
def another_key():
    """A public key the mock does not sign with."""
    return RSA.generate(2048).publickey().export_key().decode()


def test_a_wrong_shared_key_is_signature_mismatch(mock):
    # The server's own api key (from the environment), signed with a shared key that is not its.
    client = configure.api_client(mock.domain, mock.public_key, "machine-a", api_key=mock.api_key, shared_key="not-the-shared-key")
    with pytest.raises(ClientError) as error:
        client.activate_license(product="demo", license_key="DEMO-NEVER-ACTIVATED")
    assert (error.value.status, error.value.code, error.value.message) == (400, "signature_mismatch", "Signature mismatch")


def test_the_sdk_refuses_answers_signed_with_a_key_it_does_not_trust(tenant, another_key):
    client = configure.api_client(tenant.mock.domain, another_key, "machine-a", **tenant.credentials)
    with pytest.raises(ValueError, match=REFUSED):
        client.activate_license(**KEY)
    # The server did activate: only the SDK refused its answer. A check is refused the same way.
    assert [row["active"] for row in tenant.device(1, "machine-a")] == [True]
    with pytest.raises(ValueError, match=REFUSED):
        client.check_license(**KEY)
    # Deactivation answers are not signed, so the SDK takes this one.
    assert client.deactivate_license(**KEY) == '"license_deactivated"'


def test_verify_license_signature_false_accepts_answers_from_any_key(tenant, another_key):
    # The one test with verification off: the same untrusted key no longer matters, which is
    # why every other test keeps it on (a forged answer would pass just as well).
    client = configure.api_client(tenant.mock.domain, another_key, "machine-a", verify_license_signature=False, **tenant.credentials)
    assert client.activate_license(**KEY)["hardware_id"] == "machine-a"
    assert client.check_license(**KEY)["license_active"] is True
