"""Every error of activate_license, check_license and deactivate_license that the SDK can cause
reaches it as a ClientError whose .status, .code and .message are the mock's error envelope.

Not reachable through the SDK, so not here: missing_headers, authorization_invalid_headers,
authorization_missing_params, hmac_required and invalid_json (it always sends well-formed headers
and JSON), date_header_diff (it signs with the machine's clock), invalid_prefer_header (it sends no
Prefer header), method_not_allowed (it uses the documented methods), and license_not_consumption /
license_not_enough_consumptions (its deactivate_license sends no consumptions).
"""
import pytest
import requests
from licensespring.api.error import ClientError

SEED = {
    "credentials": [
        {"api_key": "py-key", "shared_key": "py-shared-key"},
        {"api_key": "py-revoked", "shared_key": "py-shared-key", "revoked": True},
        {"api_key": "py-read-only", "shared_key": "py-shared-key", "read_only": True},
        {"api_key": "py-restricted", "shared_key": "py-shared-key", "products": ["py-other"]},
    ],
    "products": [
        {"short_code": "py", "authorization_method": "license-key"},
        {"short_code": "py-other", "authorization_method": "license-key"},
        {"short_code": "py-user", "authorization_method": "user"},
    ],
    "licenses": [
        {"id": 1, "product": "py", "license_key": "PY-ACTIVE", "max_activations": 5, "devices": [{"hardware_id": "machine-a"}]},
        {"id": 2, "product": "py", "license_key": "PY-DISABLED", "enabled": False, "devices": [{"hardware_id": "machine-a"}]},
        {"id": 3, "product": "py", "license_key": "PY-BLACKLISTED", "devices": [{"hardware_id": "banned", "blacklisted": True}]},
        {"id": 4, "product": "py", "license_key": "PY-PREVENT-VM", "prevent_vm": True},
        {"id": 5, "product": "py", "license_key": "PY-NOT-STARTED", "start_date": "2099-01-01"},
        {"id": 6, "product": "py", "license_key": "PY-EXPIRED", "license_type": "time-limited", "validity_period": "2020-01-31",
         "devices": [{"hardware_id": "machine-a"}]},
        {"id": 7, "product": "py", "license_key": "PY-NEVER-ACTIVATED"},
        {"id": 8, "product": "py", "license_key": "PY-FULL", "max_activations": 1, "devices": [{"hardware_id": "machine-a"}]},
        # The one seat was freed on another machine: taking it is a transfer, which is prevented.
        {"id": 9, "product": "py", "license_key": "PY-NO-TRANSFERS", "prevent_transfers": True, "max_activations": 1,
         "devices": [{"hardware_id": "old-machine", "active": False, "time_deactivated": "2024-01-01T00:00:00Z"}]},
        {"id": 10, "product": "py", "license_key": "PY-BOUND", "max_transfers": 2, "transfer_count": 2, "devices": [{"hardware_id": "machine-a"}]},
        {"id": 11, "product": "py-user", "max_activations": 5, "users": [{"email": "limited@example.com", "password": "secret", "max_activations": 1}],
         "devices": [{"hardware_id": "machine-b", "user": "limited@example.com"}]},
        # Sticky faults: the seed codes real servers raise in states the mock does not model.
        {"id": 12, "product": "py", "license_key": "PY-FLOATING-CLOUD", "is_floating_cloud": True, "floating_users": 2,
         "fault": "offline_floating_cloud_not_supported"},
        {"id": 13, "product": "py", "license_key": "PY-DEVICE-FAULT", "devices": [{"hardware_id": "machine-a", "fault": "license_device_exists"}]},
    ],
}


def activate(license_key, hardware_id="machine-new", **fields):
    return lambda tenant: tenant.client(hardware_id).activate_license(product="py", license_key=license_key, **fields)


def check(license_key, hardware_id="machine-a", **fields):
    return lambda tenant: tenant.client(hardware_id).check_license(product="py", license_key=license_key, **fields)


def deactivate(license_key, hardware_id="machine-a", **fields):
    return lambda tenant: tenant.client(hardware_id).deactivate_license(product="py", license_key=license_key, **fields)


def signed_with(api_key, shared_key=None):
    def call(tenant):
        credential = tenant.credential(api_key) if shared_key is None else {"api_key": api_key, "shared_key": shared_key}
        return tenant.client("machine-new", **credential).activate_license(product="py", license_key="PY-ACTIVE")

    return call


CASES = [
    # rows 6, 9, 14: the api key
    pytest.param(signed_with("no-such-key", "py-shared-key"), 400, "invalid_api_key", "Provided api key is not valid", id="invalid_api_key"),
    pytest.param(signed_with("py-revoked"), 400, "revoked_api_key", "Provided api key is revoked", id="revoked_api_key"),
    pytest.param(signed_with("py-read-only"), 400, "read_only_api_key", "Provided api key is read only", id="read_only_api_key"),
    pytest.param(signed_with("py-restricted"), 400, "api_key_product_not_allowed", "Provided api key does not allow access to this product",
                 id="api_key_product_not_allowed"),
    # rows 11-13: the request
    pytest.param(lambda tenant: tenant.client("machine-a").activate_license(product="py"), 400, "missing_parameters",
                 "Missing parameters: license_key", id="missing_parameters"),
    pytest.param(activate("PY-ACTIVE", license_id="1"), 400, "validation_error", "Invalid parameter license_id: must be integer",
                 id="validation_error"),
    pytest.param(lambda tenant: tenant.client("machine-a").activate_license(product="no-such-product", license_key="PY-ACTIVE"), 400,
                 "unknown_product", "Provided product was not found", id="unknown_product"),
    # rows 15-22: the license and the device, on each endpoint
    pytest.param(activate("NO-SUCH-KEY"), 400, "license_not_found", "License with the provided license user not found", id="activate-license_not_found"),
    pytest.param(check("NO-SUCH-KEY"), 400, "license_not_found", "License with the provided license user not found", id="check-license_not_found"),
    pytest.param(activate("PY-ACTIVE", license_id=99), 400, "license_not_found", "License with the provided license user not found",
                 id="activate-license_not_found-license_id"),
    pytest.param(activate("PY-DISABLED"), 400, "license_not_enabled", "The license is not enabled", id="activate-license_not_enabled"),
    pytest.param(check("PY-DISABLED"), 400, "license_not_enabled", "The license is not enabled", id="check-license_not_enabled"),
    pytest.param(deactivate("PY-DISABLED"), 400, "license_not_enabled", "The license is not enabled", id="deactivate-license_not_enabled"),
    pytest.param(activate("PY-BLACKLISTED", "banned"), 400, "blacklisted", "This device is blacklisted", id="activate-blacklisted"),
    pytest.param(check("PY-BLACKLISTED", "banned"), 400, "blacklisted", "This device is blacklisted", id="check-blacklisted"),
    pytest.param(activate("PY-PREVENT-VM", is_vm=True), 400, "vm_not_allowed", "Virtual machine not allowed", id="activate-vm_not_allowed"),
    pytest.param(activate("PY-NOT-STARTED"), 400, "license_start_date_error", "This license cannot be activated before start date: 2099-01-01",
                 id="activate-license_start_date_error"),
    pytest.param(activate("PY-EXPIRED"), 400, "license_expired", "License validity period has expired.", id="activate-license_expired"),
    pytest.param(check("PY-EXPIRED"), 400, "license_expired", "License validity period has expired.", id="check-license_expired"),
    pytest.param(check("PY-NEVER-ACTIVATED"), 400, "license_not_active", "The license is not active", id="check-license_not_active"),
    pytest.param(deactivate("PY-NEVER-ACTIVATED"), 400, "license_not_active", "The license is not active", id="deactivate-license_not_active"),
    pytest.param(check("PY-ACTIVE", "machine-new"), 400, "device_not_found", "An active device matching the hardware_id not found",
                 id="check-device_not_found"),
    pytest.param(deactivate("PY-ACTIVE", "machine-new"), 400, "device_not_found", "An active device matching the hardware_id not found",
                 id="deactivate-device_not_found"),
    # rows 23, A1-A4: seats, users and transfers
    pytest.param(deactivate("PY-BOUND"), 400, "license_transferred_max_times", "This license has already been transferred the maximum number of times",
                 id="deactivate-license_transferred_max_times"),
    pytest.param(activate("PY-NO-TRANSFERS"), 400, "license_transferred_max_times", "This license has already been transferred the maximum number of times",
                 id="activate-license_transferred_max_times"),
    pytest.param(activate("PY-ACTIVE", "machine-a"), 400, "license_device_exists", "A device matching this hardware_id is already created on the license",
                 id="activate-license_device_exists"),
    pytest.param(activate("PY-FULL"), 400, "license_activated_max_times", "This license has already been activated the maximum number of times",
                 id="activate-license_activated_max_times"),
    pytest.param(lambda tenant: tenant.client("machine-c").activate_license(product="py-user", username="limited@example.com", password="secret"),
                 400, "license_user_activated_max_times", "License user has activated this license max times", id="activate-license_user_activated_max_times"),
    # sticky faults of the seed
    pytest.param(activate("PY-FLOATING-CLOUD"), 400, "offline_floating_cloud_not_supported", " Floating cloud licenses cannot be activated offline.",
                 id="activate-offline_floating_cloud_not_supported"),
    pytest.param(deactivate("PY-DEVICE-FAULT"), 400, "license_device_exists", "A device matching this hardware_id is already created on the license",
                 id="deactivate-license_device_exists"),
    # the mock's own limits and routes, still in the envelope the SDK needs (JSON with a code)
    pytest.param(activate("X" * (1024 * 1024 + 1)), 413, "payload_too_large", "Request body is larger than 1048576 bytes", id="payload_too_large"),
    pytest.param(lambda tenant: tenant.client("machine-a", api_version="v5").activate_license(product="py", license_key="PY-ACTIVE"), 404,
                 "not_found", "Not found: POST /api/v5/activate_license", id="not_found-api_version"),
]


@pytest.mark.parametrize(("call", "status", "code", "message"), CASES)
def test_the_error_reaches_the_sdk_as_a_client_error(tenant, call, status, code, message):
    with pytest.raises(ClientError) as error:
        call(tenant)
    # The SDK reads all three from the body (not from the HTTP status): the envelope must carry them.
    assert (error.value.status, error.value.code, error.value.message) == (status, code, message)


def test_a_refused_activation_changes_nothing(tenant):
    before = tenant.state()
    for call in (activate("PY-FULL"), activate("PY-NO-TRANSFERS"), check("PY-ACTIVE", "machine-new"), deactivate("PY-BOUND")):
        with pytest.raises(ClientError):
            call(tenant)
    assert tenant.state() == before


def test_a_server_error_is_an_http_error_not_a_client_error(tenant):
    # The SDK turns only 4xx answers into ClientError; a 5xx raises requests' own HTTPError.
    tenant.fault(match={"endpoint": "check_license"}, error="internal_error", times=1)
    with pytest.raises(requests.HTTPError) as error:
        check("PY-ACTIVE")(tenant)
    assert not isinstance(error.value, ClientError)
    assert error.value.response.status_code == 500
    assert error.value.response.json() == {"status": 500, "code": "internal_error", "message": "Internal server error"}
    assert check("PY-ACTIVE")(tenant)["license_active"] is True  # the fault fired once


def test_an_admin_fault_answers_any_code_through_the_sdk(tenant):
    tenant.fault(match={"endpoint": "activate_license", "hardware_id": "machine-new"}, error="license_expired", times=1)
    with pytest.raises(ClientError) as error:
        activate("PY-ACTIVE")(tenant)
    assert (error.value.status, error.value.code) == (400, "license_expired")
    assert activate("PY-ACTIVE")(tenant)["hardware_id"] == "machine-new"
