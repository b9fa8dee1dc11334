"""Offline (air-gapped) activation through the SDK, with HMAC keys and with an OAuth client:

- the SDK's request file (create_offline_activation_file) posted to activate_offline, whose answer
  the SDK verifies (license_signature_v2 in the body);
- the portal's .lic for that request (POST /__admin/offline/activation-file) activated with
  activate_license_offline and the guard file on;
- a refresh file (POST /__admin/offline/refresh-file) applied with update_offline, which verifies it;
- the SDK's deactivation file (License.deactivate_offline) posted to deactivate_offline.
"""
import base64
import json
from pathlib import Path

import pytest
from Crypto.PublicKey import RSA
from licensespring.api.error import ClientError
from licensespring.licensefile.error import LicenseActivationException
from licensespring.licensefile.license_manager import LicenseID, LicenseManager

import configure
from conftest import REFUSED

SEED = {
    "credentials": [
        {"api_key": "py-key", "shared_key": "py-shared-key"},
        {"client_id": "py-client", "client_secret": "py-client-secret", "token_lifetime": 300},
    ],
    "products": [
        {"short_code": "py", "authorization_method": "license-key"},
        {"short_code": "py-user", "authorization_method": "user"},
    ],
    "licenses": [
        {"id": 1, "product": "py", "license_key": "PY-OFFLINE", "license_type": "consumption", "max_consumptions": 100, "max_activations": 10},
        {"id": 2, "product": "py", "license_key": "PY-CLOUD", "is_floating_cloud": True, "floating_users": 1, "max_activations": 5},
        {"id": 3, "product": "py-user", "max_activations": 5, "users": [{"email": "dev@example.com", "password": "secret", "max_activations": 5}]},
    ],
}
KEY = LicenseID.from_key("PY-OFFLINE")
AUTHS = ["hmac", "oauth"]


def credentials(tenant, auth):
    return tenant.credential("py-key") if auth == "hmac" else tenant.credential("py-client")


def manager(tenant, folder, hardware_id, auth="hmac", product="py", **settings):
    return LicenseManager(configure.configuration(tenant.mock.domain, tenant.mock.public_key, hardware_id, product, str(folder), grace_period_conf=0, **settings, **credentials(tenant, auth)))


def read(path):
    return Path(path).read_text(encoding="utf-8")


def decoded(text):
    return json.loads(base64.b64decode(text))


def active(tenant, license_id, hardware_id):
    return [row["active"] for row in tenant.device(license_id, hardware_id)]


@pytest.mark.parametrize("auth", AUTHS)
def test_the_sdks_request_file_activates_on_activate_offline(tenant, tmp_path, auth):
    lm = manager(tenant, tmp_path, f"offline-{auth}", auth)
    path = lm.create_offline_activation_file(KEY, str(tmp_path / "out"))
    text = read(path)
    assert text.endswith("\n")  # print() writes it; the mock reads past the newline
    request = decoded(text)["request"]
    assert ("api_key" in request, "client_id" in request) == ((True, False) if auth == "hmac" else (False, True))

    # The SDK verifies license_signature_v2 over the answer without the two license signatures.
    answer = lm.api_client.activate_offline(text)
    assert (answer["license_key"], answer["hardware_id"], answer["request_id"]) == ("PY-OFFLINE", f"offline-{auth}", request["request_id"])
    assert {"license_signature", "license_signature_v2", "offline_signature", "date"} <= answer.keys()
    assert active(tenant, 1, f"offline-{auth}") == [True]
    [entry] = tenant.requests(code="license_activated_offline")
    assert (entry["path"], entry["status"]) == ("/api/v4/activate_offline", 200)


def test_the_sdk_refuses_an_offline_answer_it_cannot_verify(tenant, tmp_path):
    untrusted = RSA.generate(2048).publickey().export_key().decode()
    lm = LicenseManager(configure.configuration(tenant.mock.domain, untrusted, "offline-untrusted", "py", str(tmp_path), **tenant.credential("py-key")))
    text = read(lm.create_offline_activation_file(KEY, str(tmp_path / "out")))
    with pytest.raises(ValueError, match=REFUSED):
        lm.api_client.activate_offline(text)


def test_a_user_based_request_file_carries_username_and_password(tenant, tmp_path):
    lm = manager(tenant, tmp_path, "offline-user", product="py-user")
    text = read(lm.create_offline_activation_file(LicenseID.from_user("dev@example.com", "secret"), str(tmp_path / "out")))
    answer = lm.api_client.activate_offline(text)
    assert (answer["id"], answer["user"]["email"], answer["hardware_id"]) == (3, "dev@example.com", "offline-user")

    wrong = manager(tenant, tmp_path / "wrong", "offline-user-2", product="py-user")
    text = read(wrong.create_offline_activation_file(LicenseID.from_user("dev@example.com", "not-it"), str(tmp_path / "out2")))
    with pytest.raises(ClientError) as refused:
        wrong.api_client.activate_offline(text)
    assert (refused.value.status, refused.value.code) == (400, "license_not_found")


@pytest.mark.parametrize("auth", AUTHS)
def test_a_forged_request_file_is_signature_mismatch(tenant, tmp_path, auth):
    lm = manager(tenant, tmp_path, "offline-forger", auth)
    text = read(lm.create_offline_activation_file(KEY, str(tmp_path / "out")))
    file = decoded(text)
    file["request"]["hardware_id"] = "someone-else"  # the signature no longer covers the request
    forged = base64.b64encode(json.dumps(file).encode()).decode()
    with pytest.raises(ClientError) as refused:
        lm.api_client.activate_offline(forged)
    assert (refused.value.status, refused.value.code, refused.value.message) == (400, "signature_mismatch", "Signature mismatch")
    assert tenant.device(1, "someone-else") == [] and tenant.device(1, "offline-forger") == []


def test_a_floating_cloud_license_cannot_be_activated_offline(tenant, tmp_path):
    lm = manager(tenant, tmp_path, "offline-cloud")
    text = read(lm.create_offline_activation_file(LicenseID.from_key("PY-CLOUD"), str(tmp_path / "out")))
    with pytest.raises(ClientError) as refused:
        lm.api_client.activate_offline(text)
    assert (refused.value.code, refused.value.message) == ("offline_floating_cloud_not_supported", " Floating cloud licenses cannot be activated offline.")


@pytest.mark.parametrize("auth", AUTHS)
def test_air_gapped_request_lic_refresh_deactivation(tenant, tmp_path, auth):
    hardware_id = f"air-gapped-{auth}"
    lm = manager(tenant, tmp_path, hardware_id, auth)
    request_file = lm.create_offline_activation_file(KEY, str(tmp_path / "out"), device_variables={"site": "plant-3"})
    assert (tmp_path / "OfflineActivation.guard").is_file()

    # The customer brings the request file to the portal and gets the .lic back.
    lic = tenant.portal_file("activation", request=read(request_file))
    assert decoded(lic)["request_id"] == decoded(read(request_file))["request"]["request_id"]
    # The SDK's own check of a .lic, the activation answer's (activate_license_offline checks none).
    assert lm.api_client.activate_offline_load(lic)["hardware_id"] == hardware_id
    assert active(tenant, 1, hardware_id) == [True]
    lic_path = tmp_path / "ls_activation.lic"
    lic_path.write_text(lic, encoding="utf-8")

    license = lm.activate_license_offline(str(lic_path))  # the guard file on (the default)
    license.local_check()
    assert (license.key(), license.license_active(), license.licensefile_handler._cache.is_offline_activated) == ("PY-OFFLINE", True, True)
    # A successful activation removes the .lic and the guard.
    assert not lic_path.exists() and not (tmp_path / "OfflineActivation.guard").exists()
    [device] = next(entry for entry in tenant.state()["licenses"] if entry["id"] == 1)["devices"]
    assert device["variables"] == {"site": "plant-3"}

    # Consumptions counted online since reach the device in a refresh file, which the SDK verifies.
    tenant.client(hardware_id).add_consumption(product="py", license_key="PY-OFFLINE", consumptions=7)
    refresh = tmp_path / "refresh.lic"
    refresh.write_text(tenant.portal_file("refresh", product="py", hardware_id=hardware_id, license_key="PY-OFFLINE"), encoding="utf-8")
    assert license.update_offline(str(refresh), False) is True
    assert manager(tenant, tmp_path, hardware_id, auth).load_license().total_consumptions() == 7

    deactivation = license.deactivate_offline(str(tmp_path / "out"))
    file = decoded(read(deactivation))
    assert (file["request"]["request"], file["request"]["license_id"]) == ("deactivation", 1)
    assert lm.api_client.deactivate_offline(read(deactivation)) == '"license_deactivated"'
    assert active(tenant, 1, hardware_id) == [False]
    # The SDK marks the license inactive in memory only: its file still says active.
    assert license.license_active() is False
    assert manager(tenant, tmp_path, hardware_id, auth).load_license().license_active() is True


def test_a_tampered_refresh_file_is_refused_by_the_sdk(tenant, tmp_path):
    lm = manager(tenant, tmp_path, "air-gapped")
    request_file = lm.create_offline_activation_file(KEY, str(tmp_path / "out"))
    lic = tmp_path / "ls_activation.lic"
    lic.write_text(tenant.portal_file("activation", request=read(request_file)), encoding="utf-8")
    license = lm.activate_license_offline(str(lic))

    content = decoded(tenant.portal_file("refresh", product="py", hardware_id="air-gapped", license_key="PY-OFFLINE"))
    content["max_consumptions"] = 1000
    tampered = tmp_path / "tampered.lic"
    tampered.write_text(base64.b64encode(json.dumps(content).encode()).decode(), encoding="utf-8")
    with pytest.raises(ValueError, match=REFUSED):
        license.update_offline(str(tampered), False)
    assert license.max_consumptions() == 100


def test_the_guard_refuses_a_lic_for_another_request(tenant, tmp_path):
    lm = manager(tenant, tmp_path, "air-gapped")
    first = read(lm.create_offline_activation_file(KEY, str(tmp_path / "first")))
    lm.create_offline_activation_file(KEY, str(tmp_path / "second"))  # a new guard replaces the first's
    lic = tmp_path / "ls_activation.lic"
    lic.write_text(tenant.portal_file("activation", request=first), encoding="utf-8")
    with pytest.raises(LicenseActivationException, match="Response file ID mismatch"):
        lm.activate_license_offline(str(lic))
    assert not (tmp_path / "License.key").exists()


def test_the_guard_refuses_a_lic_on_another_device(tenant, tmp_path):
    request_file = manager(tenant, tmp_path, "air-gapped").create_offline_activation_file(KEY, str(tmp_path / "out"))
    lic = tmp_path / "ls_activation.lic"
    lic.write_text(tenant.portal_file("activation", request=read(request_file)), encoding="utf-8")
    with pytest.raises(LicenseActivationException, match="License does not belong to this device"):
        manager(tenant, tmp_path, "another-machine").activate_license_offline(str(lic))


def test_a_lic_made_for_a_license_and_machine_needs_a_request_id(tenant, tmp_path):
    # Without a request file the portal route takes the fields; the SDK reads request_id from every
    # .lic (even with the guard off), so give one.
    bare = tmp_path / "bare.lic"
    bare.write_text(tenant.portal_file("activation", product="py", hardware_id="no-request-id", license_key="PY-OFFLINE"), encoding="utf-8")
    with pytest.raises(KeyError, match="request_id"):
        manager(tenant, tmp_path / "bare", "no-request-id", is_guard_file_enabled=False).activate_license_offline(str(bare))

    fields = {"product": "py", "hardware_id": "no-request-file", "license_key": "PY-OFFLINE", "request_id": "portal-1"}
    lic = tmp_path / "ls_activation.lic"
    lic.write_text(tenant.portal_file("activation", **fields), encoding="utf-8")
    license = manager(tenant, tmp_path, "no-request-file", is_guard_file_enabled=False).activate_license_offline(str(lic))
    assert (license.key(), license.license_active()) == ("PY-OFFLINE", True)
    assert active(tenant, 1, "no-request-file") == [True]


def test_non_ascii_hardware_ids_survive_both_files(tenant, tmp_path):
    # The activation file escapes them (json.dumps' default), the deactivation file does not.
    hardware_id = "gerät-ñ-☃"
    lm = manager(tenant, tmp_path, hardware_id)
    answer = lm.api_client.activate_offline(read(lm.create_offline_activation_file(KEY, str(tmp_path / "out"))))
    assert answer["hardware_id"] == hardware_id
    lic = tmp_path / "ls_activation.lic"
    lic.write_text(base64.b64encode(json.dumps(answer).encode()).decode(), encoding="utf-8")
    license = lm.activate_license_offline(str(lic))
    deactivation = read(license.deactivate_offline(str(tmp_path / "out")))
    assert lm.api_client.deactivate_offline(deactivation) == '"license_deactivated"'
    assert active(tenant, 1, hardware_id) == [False]


def test_a_deactivation_file_for_a_device_that_is_not_active_is_device_not_found(tenant):
    tenant.client("machine-a").activate_license(product="py", license_key="PY-OFFLINE")
    client = tenant.client("never-here")
    text = client.deactivate_offline_dump(product="py", license_key="PY-OFFLINE", os_ver="x", hostname="x", ip="127.0.0.1", mac_address="02:00:00:00:00:01")
    with pytest.raises(ClientError) as refused:
        client.deactivate_offline(text)
    assert (refused.value.status, refused.value.code) == (400, "device_not_found")
    assert active(tenant, 1, "machine-a") == [True]
