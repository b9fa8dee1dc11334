"""Bundles through BundleManager: one key activates, checks and deactivates every license of the
bundle on a device; each becomes a License of its own product, filed in the one license file."""
from pathlib import Path

import pytest
from licensespring.api.error import ClientError
from licensespring.licensefile.bundle_manager import BundleManager
from licensespring.licensefile.license_manager import LicenseID

SEED = {
    "products": [
        {"short_code": "app", "name": "App", "authorization_method": "license-key"},
        {"short_code": "addon", "name": "Add-on", "authorization_method": "license-key"},
        {"short_code": "suite", "name": "Suite", "authorization_method": "license-key", "bundle_products": ["app", "addon"]},
    ],
    "licenses": [
        {"id": 10, "product": "suite", "license_key": "SUITE-KEY", "max_activations": 2},
        {"id": 11, "product": "app", "license_key": "SUITE-KEY", "bundle_license_id": 10, "max_activations": 2},
        {"id": 12, "product": "addon", "license_key": "SUITE-KEY", "bundle_license_id": 10, "max_activations": 2},
        {"id": 13, "product": "app", "license_key": "APP-ONLY", "max_activations": 2},
    ],
}
SUITE = LicenseID.from_key("SUITE-KEY")


def bundle_manager(tenant, folder, hardware_id="machine-a", product="suite"):
    return BundleManager(tenant.configuration(hardware_id, product, folder, grace_period_conf=0))


def actives(tenant, hardware_id="machine-a"):
    return {license_id: [row["active"] for row in tenant.device(license_id, hardware_id)] for license_id in (11, 12)}


def test_activate_check_reload_deactivate_a_bundle(tenant, tmp_path):
    licenses = bundle_manager(tenant, tmp_path).activate_bundle(SUITE)
    assert sorted(licenses) == ["addon", "app"]
    assert {code: (license.key(), license.id(), license.license_active()) for code, license in licenses.items()} == {
        "app": ("SUITE-KEY", 11, True),
        "addon": ("SUITE-KEY", 12, True),
    }
    assert actives(tenant) == {11: [True], 12: [True]}
    # Every answer is signed (the SDK verified the LicenseSignature header over the array).
    assert [entry["code"] for entry in tenant.requests()] == ["bundle_activated"]

    reloaded = bundle_manager(tenant, tmp_path).load_bundles()  # a new process, from the file
    assert sorted(reloaded) == ["addon", "app"]
    for license in reloaded.values():
        license.local_check()

    checked = bundle_manager(tenant, tmp_path).check_bundle(SUITE)
    assert {code: license.license_active() for code, license in checked.items()} == {"app": True, "addon": True}

    assert bundle_manager(tenant, tmp_path).deactivate_bundle(SUITE) is None
    assert actives(tenant) == {11: [False], 12: [False]}
    assert {code: license.license_active() for code, license in bundle_manager(tenant, tmp_path).load_bundles().items()} == {"app": False, "addon": False}
    assert [entry["code"] for entry in tenant.requests()] == ["bundle_activated", "bundle_checked", "license_deactivated"]


def test_the_bundle_seats_are_shared_by_its_licenses(tenant, tmp_path):
    bundle_manager(tenant, tmp_path / "a", "machine-a").activate_bundle(SUITE)
    bundle_manager(tenant, tmp_path / "b", "machine-b").activate_bundle(SUITE)
    with pytest.raises(ClientError) as full:
        bundle_manager(tenant, tmp_path / "c", "machine-c").activate_bundle(SUITE)
    assert (full.value.status, full.value.code) == (400, "license_activated_max_times")


@pytest.mark.parametrize(
    ("call", "code"),
    [
        pytest.param(lambda manager: manager.activate_bundle(LicenseID.from_key("NO-SUCH-KEY")), "license_not_found", id="activate-unknown-key"),
        pytest.param(lambda manager: manager.check_bundle(SUITE), "device_not_found", id="check-not-activated-here"),
        pytest.param(lambda manager: manager.deactivate_bundle(SUITE), "device_not_found", id="deactivate-not-activated-here"),
    ],
)
def test_bundle_errors_are_client_errors(tenant, tmp_path, call, code):
    bundle_manager(tenant, tmp_path / "elsewhere", "machine-b").activate_bundle(SUITE)
    with pytest.raises(ClientError) as refused:
        call(bundle_manager(tenant, tmp_path))
    assert (refused.value.status, refused.value.code) == (400, code)


def test_a_product_that_is_not_a_bundle_is_unknown_product(tenant, tmp_path):
    with pytest.raises(ClientError) as refused:
        bundle_manager(tenant, tmp_path, product="app").activate_bundle(LicenseID.from_key("APP-ONLY"))
    assert (refused.value.status, refused.value.code, refused.value.message) == (400, "unknown_product", "Provided product was not found")


def test_an_offline_bundle(tenant, tmp_path):
    """The bundle's request file, answered by the portal with every license of the bundle, loaded offline."""
    manager = bundle_manager(tenant, tmp_path, "air-gapped")
    request_file = manager.create_offline_activation_file(SUITE, str(tmp_path / "out"))
    lic = tmp_path / "bundle.lic"
    lic.write_text(tenant.portal_file("activation", request=Path(request_file).read_text(encoding="utf-8")), encoding="utf-8")
    licenses = manager.activate_bundle_offline(str(lic))
    # The bundle's own license comes first (the SDK checks its product), then each of the bundle.
    assert sorted(licenses) == ["addon", "app", "suite"]
    assert {code: (license.key(), license.id()) for code, license in licenses.items() if code != "suite"} == {"app": ("SUITE-KEY", 11), "addon": ("SUITE-KEY", 12)}
    state = tenant.state()
    for license_id in (11, 12):
        devices = next(license for license in state["licenses"] if license["id"] == license_id)["devices"]
        assert [device["hardware_id"] for device in devices if device.get("active", True)] == ["air-gapped"]


def test_an_offline_bundle_refused_as_online(tenant, tmp_path):
    """The bundle's rules apply to its file too: a machine past max_activations gets the portal's refusal."""
    for machine in ("one", "two"):
        bundle_manager(tenant, tmp_path / machine, machine).activate_bundle(SUITE)
    manager = bundle_manager(tenant, tmp_path / "third", "third")
    request_file = manager.create_offline_activation_file(SUITE, str(tmp_path / "out"))
    refused = tenant.portal_file_answer("activation", request=Path(request_file).read_text(encoding="utf-8"))
    assert (refused.status_code, refused.json()["code"]) == (400, "license_activated_max_times")
