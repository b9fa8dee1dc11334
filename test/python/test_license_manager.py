"""LicenseManager and License, the SDK's high-level API: activate → local check → reload from the
license file → online check → deactivate, with grace_period_conf=0 so that errors surface instead
of starting the SDK's offline grace period (except in the test that shows that period)."""
import pytest
import requests
from Crypto.PublicKey import RSA
from licensespring.api.error import ClientError
from licensespring.licensefile.error import LicenseStateException
from licensespring.licensefile.license_manager import LicenseID, LicenseManager

import configure
from conftest import REFUSED, admin

SEED = {
    "products": [
        {"short_code": "py", "name": "Python SDK suite", "authorization_method": "license-key"},
        {"short_code": "py-user", "authorization_method": "user"},
    ],
    "licenses": [
        {"id": 1, "product": "py", "license_key": "PY-KEY-0001", "max_activations": 2},
        {"id": 2, "product": "py-user", "users": [{"email": "dev@example.com", "password": "secret", "max_activations": 2}]},
    ],
}
LICENSE = LicenseID.from_key("PY-KEY-0001")


def manager(tenant, folder, product="py", **settings):
    return LicenseManager(tenant.configuration("machine-a", product, folder, grace_period_conf=0, **settings))


def journal(tenant):
    return admin("GET", "/requests", params={"tenant": tenant.id})["requests"]


def test_activate_local_check_reload_check_deactivate(tenant, tmp_path):
    license = manager(tenant, tmp_path).activate_license(LICENSE)
    assert (license.key(), license.id(), license.license_active(), license.license_enabled()) == ("PY-KEY-0001", 1, True, True)
    assert (tmp_path / "License.key").is_file()

    asked = len(journal(tenant))
    license.local_check()  # from the file alone: no request
    assert len(journal(tenant)) == asked

    # A new process: the license comes back from the encrypted file, filed under product "py".
    reloaded = manager(tenant, tmp_path).load_license()
    reloaded.local_check()
    assert (reloaded.key(), reloaded.id(), reloaded.license_type(), reloaded.max_activations()) == ("PY-KEY-0001", 1, "perpetual", 2)

    checked = reloaded.check()
    assert (checked["license_active"], checked["id"], checked["product_details"]["short_code"]) == (True, 1, "py")
    assert [entry["code"] for entry in journal(tenant)[:1]] == ["license_checked"]

    reloaded.deactivate()
    assert reloaded.license_active() is False
    assert [row["active"] for row in tenant.device(1, "machine-a")] == [False]
    again = manager(tenant, tmp_path).load_license()
    assert again.license_active() is False
    with pytest.raises(LicenseStateException, match="The license is not active"):
        again.local_check()


def test_a_check_after_deactivation_elsewhere_raises_device_not_found(tenant, tmp_path):
    license = manager(tenant, tmp_path).activate_license(LICENSE)
    tenant.client("machine-a").deactivate_license(product="py", license_key="PY-KEY-0001")
    with pytest.raises(ClientError) as error:
        license.check()
    assert (error.value.status, error.value.code) == (400, "device_not_found")


def test_a_license_state_error_of_a_check_becomes_the_sdks_state_exception(tenant, tmp_path):
    # The SDK's check() marks the license disabled and re-checks it locally afterwards, so the
    # server's license_not_enabled reaches the caller as LicenseStateException, ClientError inside.
    license = manager(tenant, tmp_path).activate_license(LICENSE)
    tenant.fault(match={"endpoint": "check_license"}, error="license_not_enabled", times=1)
    with pytest.raises(LicenseStateException, match="The license disabled") as error:
        license.check()
    assert isinstance(error.value.__context__, ClientError) and error.value.__context__.code == "license_not_enabled"
    assert license.license_enabled() is False


def test_a_server_error_surfaces_with_grace_period_conf_0(tenant, tmp_path):
    license = manager(tenant, tmp_path).activate_license(LICENSE)
    tenant.fault(match={"endpoint": "check_license"}, error="internal_error", times=1)
    with pytest.raises(requests.RequestException, match="Grace period not allowed/passed"):
        license.check()
    assert license.check()["license_active"] is True


def test_by_default_a_server_error_starts_the_grace_period(tenant, tmp_path):
    license = LicenseManager(tenant.configuration("machine-a", "py", tmp_path)).activate_license(LICENSE)
    tenant.fault(match={"endpoint": "check_license"}, error="internal_error", times=1)
    assert license.check() is None  # no exception: the SDK trusts its file for 24 hours
    assert license.is_grace_period_started() is True


def test_user_based_license(tenant, tmp_path):
    license = manager(tenant, tmp_path, product="py-user").activate_license(LicenseID.from_user("dev@example.com", "secret"))
    assert license.license_user()["email"] == "dev@example.com"
    # Later calls name the user by the answer's user.email, so the check and the deactivation work.
    assert license.check()["user"]["total_activations"] == 1
    license.deactivate()
    assert [row["active"] for row in tenant.device(2, "machine-a")] == [False]


def test_an_untrusted_signature_stops_activation_before_the_file_is_written(tenant, tmp_path):
    untrusted = RSA.generate(2048).publickey().export_key().decode()
    configuration = configure.configuration(tenant.mock.domain, untrusted, "machine-a", "py", str(tmp_path), grace_period_conf=0, **tenant.credentials)
    with pytest.raises(ValueError, match=REFUSED):
        LicenseManager(configuration).activate_license(LICENSE)
    assert not (tmp_path / "License.key").exists()


def test_is_online(tenant, tmp_path):
    # is_online() is GET {api_protocol}://{api_domain}/ with no auth, True only on a 200.
    assert manager(tenant, tmp_path).is_online() is True
    # The root names no credential, so it is the default tenant's; its fault fires once.
    admin("POST", "/faults", json={"match": {"endpoint": "root"}, "error": "internal_error", "times": 1})
    assert manager(tenant, tmp_path).is_online() is False
    assert manager(tenant, tmp_path).is_online() is True
