"""The rest of the License API calls the SDK makes, through License and LicenseManager as an app
uses them: features (check, consumption, floating, borrow, release), consumptions, device
variables, floating cloud licenses (check, borrow, release), trials, product details, versions and
installation files. Every answer the SDK verifies is signed with the mock's key."""
import datetime

import pytest
from licensespring.api.error import ClientError
from licensespring.licensefile.error import ConsumptionError
from licensespring.licensefile.license_manager import LicenseID, LicenseManager
from licensespring.licensefile.object_parser.customer import Customer

SEED = {
    "products": [
        {
            "short_code": "py",
            "authorization_method": "license-key",
            "allow_trial": True,
            "trial_days": 14,
            "max_borrow_time": 24,
            "features": [
                {"code": "reports", "name": "Reports", "feature_type": "consumption", "max_consumption": 10},
                {"code": "export", "name": "Export"},
                {"code": "floating-module", "name": "Floating module", "is_floating_cloud": True, "floating_users": 1},
            ],
            "versions": [
                {"version": "1.0.0", "release_date": "2026-01-15", "installation_file": "https://downloads.example.com/py-1.0.0.zip", "environment": "linux", "channel": "stable"},
                {"version": "1.1.0", "release_date": "2026-06-01", "installation_file": "https://downloads.example.com/py-1.1.0.zip", "environment": "linux", "channel": "stable"},
            ],
        },
    ],
    "licenses": [
        {"id": 1, "product": "py", "license_key": "PY-FEATURES", "max_activations": 3, "features": ["reports", "export", "floating-module"]},
        {"id": 2, "product": "py", "license_key": "PY-CONSUMPTION", "license_type": "consumption", "max_consumptions": 10, "total_consumptions": 8,
         "allow_negative_consumptions": False, "max_activations": 3},
        {"id": 3, "product": "py", "license_key": "PY-CLOUD", "is_floating_cloud": True, "floating_users": 1, "max_activations": 3},
    ],
}


def manager(tenant, folder, hardware_id="machine-a"):
    return LicenseManager(tenant.configuration(hardware_id, "py", folder, grace_period_conf=0))


def license_state(tenant, license_id):
    return next(entry for entry in tenant.state()["licenses"] if entry["id"] == license_id)


def codes(tenant):
    return [entry["code"] for entry in tenant.requests()]


def an_hour_from_now():
    return (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%SZ")


def test_features(tenant, tmp_path):
    license = manager(tenant, tmp_path).activate_license(LicenseID.from_key("PY-FEATURES"))
    assert sorted(license.features()) == ["export", "floating-module", "reports"]
    license.check_feature("export")

    # A feature's consumptions are counted locally, then synced.
    license.add_local_feature_consumption("reports", 4)
    assert license.sync_feature_consumption("reports") is True
    assert {feature["code"]: feature["total_consumptions"] for feature in license_state(tenant, 1)["features"]}["reports"] == 4
    with pytest.raises(ConsumptionError):
        license.add_local_feature_consumption("reports", 7)  # 4 + 7 > max_consumption 10, refused by the SDK itself

    # The floating feature's one slot: taken by this device, refused to another, freed by a release.
    license.check_feature("floating-module")
    other = manager(tenant, tmp_path / "b", "machine-b").activate_license(LicenseID.from_key("PY-FEATURES"))
    with pytest.raises(ClientError) as refused:
        other.check_feature("floating-module")
    assert (refused.value.status, refused.value.code) == (400, "floating_not_available")
    license.release_feature("floating-module")
    other.check_feature("floating-module")
    other.borrow_feature("floating-module", an_hour_from_now())
    assert codes(tenant)[-3:] == ["feature_released", "feature_checked", "feature_borrowed"]


def test_consumptions(tenant, tmp_path):
    license = manager(tenant, tmp_path).activate_license(LicenseID.from_key("PY-CONSUMPTION"))
    license.add_local_consumption(1)
    assert license.sync_consumption() is True
    assert (license.total_consumptions(), license_state(tenant, 2)["total_consumptions"]) == (9, 9)
    with pytest.raises(ConsumptionError):
        license.add_local_consumption(2)  # 9 + 2 > 10
    with pytest.raises(ClientError) as refused:
        tenant.client("machine-a").add_consumption(product="py", license_key="PY-CONSUMPTION", consumptions=2)
    assert (refused.value.status, refused.value.code) == (400, "license_not_enough_consumptions")


def test_device_variables(tenant, tmp_path):
    license = manager(tenant, tmp_path).activate_license(LicenseID.from_key("PY-FEATURES"))
    license.set_device_variables({"theme": "dark", "seats": 3})
    assert license.send_device_variables() is True
    [device] = license_state(tenant, 1)["devices"]
    assert device["variables"] == {"theme": "dark", "seats": 3}
    reloaded = manager(tenant, tmp_path).load_license()
    assert {entry["variable"]: entry["value"] for entry in reloaded.get_device_variables(get_from_be=True)} == {"theme": "dark", "seats": 3}


def test_floating_cloud_check_borrow_release(tenant, tmp_path):
    license = manager(tenant, tmp_path).activate_license(LicenseID.from_key("PY-CLOUD"))
    license.check()  # takes the one slot (the SDK counts the license as expired until its first check)
    license.local_check()
    other = manager(tenant, tmp_path / "b", "machine-b")
    with pytest.raises(ClientError) as refused:
        other.activate_license(LicenseID.from_key("PY-CLOUD"))
    assert (refused.value.status, refused.value.code) == (400, "floating_not_available")

    until = an_hour_from_now()
    license.floating_borrow(until)
    assert license.is_borrowed() is True
    license.floating_release(throw_e=True)
    assert other.activate_license(LicenseID.from_key("PY-CLOUD")).check()["license_active"] is True  # the released slot
    assert codes(tenant) == ["license_activated", "license_checked", "floating_not_available", "floating_borrowed", "floating_released", "license_activated", "license_checked"]


def test_trial_product_details_versions(tenant, tmp_path):
    lm = manager(tenant, tmp_path, "trial-machine")
    trial = lm.get_trial_license(Customer(email="tester@example.com"))
    license = lm.activate_license(trial)
    assert (license.is_trial(), license.license_type()) == (True, "time-limited")

    details = lm.get_product_details(include_latest_version=True)
    assert (details["short_code"], details["allow_trial"], details["latest_version"]["version"]) == ("py", True, "1.1.0")

    versions = lm.get_version_list(trial)
    assert [entry["version"] for entry in versions] == ["1.0.0", "1.1.0"]
    installation = lm.get_installation_file(trial, version="1.0.0")
    assert installation["installation_file"] == "https://downloads.example.com/py-1.0.0.zip"
