"""APIClient's activate → check → deactivate → check (refused), key-based and user-based, with every
activation and check answer's signature verified by the SDK with the mock's public key."""
import pytest
import requests
from licensespring.api.error import ClientError

from conftest import admin

SEED = {
    "products": [
        {"short_code": "py", "name": "Python SDK suite", "authorization_method": "license-key"},
        {"short_code": "py-user", "name": "Python SDK suite, user-based", "authorization_method": "user"},
    ],
    "licenses": [
        {"id": 1, "product": "py", "license_key": "PY-KEY-0001", "max_activations": 1, "max_transfers": 3},
        {"id": 2, "product": "py", "license_key": "PY-TIMED", "license_type": "time-limited", "validity_period": "2099-06-30"},
        {"id": 3, "product": "py-user", "max_activations": 5, "users": [{"email": "dev@example.com", "password": "secret", "max_activations": 1}]},
    ],
}
KEY = {"product": "py", "license_key": "PY-KEY-0001"}
USER = {"product": "py-user", "username": "dev@example.com"}


def test_activate_check_deactivate_then_the_check_is_refused(tenant):
    client = tenant.client("machine-a")

    activated = client.activate_license(**KEY)
    assert activated["id"] == 1 and activated["license_key"] == "PY-KEY-0001"
    assert (activated["active"], activated["request"], activated["hardware_id"]) == (True, "activation", "machine-a")
    assert (activated["times_activated"], activated["transfer_count"]) == (1, 0)
    # The SDK files the license under this code: without it a reloaded license would be empty.
    assert activated["product_details"]["short_code"] == "py"

    checked = client.check_license(**KEY, license_id=activated["id"])
    assert (checked["license_active"], checked["license_enabled"], checked["is_expired"]) == (True, True, False)
    assert checked["device_id"] == activated["device_id"]

    assert client.deactivate_license(**KEY, license_id=activated["id"]) == '"license_deactivated"'
    assert [row["active"] for row in tenant.device(1, "machine-a")] == [False]

    with pytest.raises(ClientError) as refused:
        client.check_license(**KEY)
    assert (refused.value.status, refused.value.code) == (400, "device_not_found")
    assert refused.value.message == "An active device matching the hardware_id not found"
    assert str(refused.value) == refused.value.message
    # ClientError is a requests.HTTPError: code that catches RequestException catches it too.
    assert isinstance(refused.value, requests.HTTPError)


def test_the_seat_a_deactivation_frees_moves_to_another_machine(tenant):
    tenant.client("machine-a").activate_license(**KEY)
    with pytest.raises(ClientError) as full:
        tenant.client("machine-b").activate_license(**KEY)
    assert full.value.code == "license_activated_max_times"

    tenant.client("machine-a").deactivate_license(**KEY)
    moved = tenant.client("machine-b").activate_license(**KEY)
    assert (moved["hardware_id"], moved["times_activated"], moved["transfer_count"]) == ("machine-b", 1, 1)
    assert tenant.client("machine-b").check_license(**KEY)["transfer_count"] == 1


def test_the_mock_accepts_the_body_the_sdk_sends(tenant):
    tenant.client("machine-a").activate_license(**KEY)
    [entry] = admin("GET", "/requests", params={"tenant": tenant.id, "limit": 1})["requests"]
    body = entry["body"]
    # Python sends vm_info: null and its own version on every activation, and the fixed device.
    assert (body["is_vm"], body["vm_info"], body["sdk_ver"]) == (False, None, "PythonSDK 4.0.0")
    assert (body["hardware_id"], body["ip"], entry["code"]) == ("machine-a", "127.0.0.1", "license_activated")


def test_a_time_limited_license_carries_its_end_as_an_instant(tenant):
    activated = tenant.client("machine-a").activate_license(product="py", license_key="PY-TIMED")
    assert activated["license_type"] == "time-limited"
    assert activated["validity_period"] == "2099-06-30T00:00:00.000Z"


def test_user_based_activation_with_username_and_password(tenant):
    client = tenant.client("machine-a")

    activated = client.activate_license(**USER, password="secret")
    assert activated["id"] == 3 and "license_key" not in activated
    # Later SDK calls name the user by this e-mail (the SDK does not keep the username it sent).
    assert activated["user"]["email"] == "dev@example.com"
    assert (activated["user"]["total_activations"], activated["user"]["max_activations"]) == (1, 1)

    assert client.check_license(**USER)["license_active"] is True
    with pytest.raises(ClientError) as capped:
        tenant.client("machine-b").activate_license(**USER, password="secret")
    assert capped.value.code == "license_user_activated_max_times"

    assert client.deactivate_license(**USER) == '"license_deactivated"'
    with pytest.raises(ClientError) as gone:
        client.check_license(**USER)
    assert gone.value.code == "device_not_found"
    assert tenant.client("machine-b").activate_license(**USER, password="secret")["user"]["total_activations"] == 1


def test_user_based_activation_needs_the_right_password(tenant):
    client = tenant.client("machine-a")
    with pytest.raises(ClientError) as missing:
        client.activate_license(**USER)
    assert (missing.value.code, missing.value.message) == ("missing_parameters", "Missing parameters: password")
    with pytest.raises(ClientError) as wrong:
        client.activate_license(**USER, password="not-the-password")
    assert (wrong.value.code, wrong.value.message) == ("license_not_found", "License with the provided license user not found")
