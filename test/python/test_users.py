"""What user-based apps ask beyond their own license, through LicenseManager and License: the
licenses of a user (password or SSO), the users of a customer, where an SSO account logs in, and a
password change (after which only the new password works). Every answer but the password change's
is signed, and the SDK verifies it."""
import pytest
from licensespring.api.error import ClientError
from licensespring.licensefile.license_manager import LicenseID, LicenseManager
from licensespring.licensefile.object_parser.customer import Customer

SEED = {
    "products": [
        {"short_code": "seats", "name": "Seats", "authorization_method": "user"},
        {"short_code": "other", "name": "Another product", "authorization_method": "user"},
    ],
    "licenses": [
        {
            "id": 20,
            "product": "seats",
            "max_activations": 5,
            "customer": {"email": "buyer@example.com", "first_name": "Bea", "last_name": "Buyer", "company_name": "Example Ltd"},
            "users": [
                {"email": "dev@example.com", "password": "initial-pass", "is_initial_password": True, "first_name": "Dana", "max_activations": 2},
                {"email": "ops@example.com", "password": "ops-pass", "max_activations": 2},
            ],
        },
        {"id": 21, "product": "seats", "users": [{"email": "dev@example.com", "password": "initial-pass", "max_activations": 1}]},
        {"id": 22, "product": "seats", "users": [{"email": "locked@example.com", "password": "fixed-pass", "allow_password_change": False}]},
        {"id": 30, "product": "other", "customer": {"email": "other-buyer@example.com"}, "users": [{"email": "someone@example.com"}]},
    ],
    "sso": [{"customer_account_code": "acme", "id_token": "acme-id-token", "user": "dev@example.com"}],
    "sso_accounts": [{"customer_account_code": "acme", "authorize_url": "https://login.example.com/oauth2/authorize", "issuer": "https://login.example.com"}],
}


def manager(tenant, folder, hardware_id="machine-a", product="seats"):
    return LicenseManager(tenant.configuration(hardware_id, product, folder, grace_period_conf=0))


def code_of(call):
    with pytest.raises(ClientError) as refused:
        call()
    return refused.value.status, refused.value.code


def test_user_licenses_by_password(tenant, tmp_path):
    licenses = manager(tenant, tmp_path).get_user_licenses(LicenseID.from_user("dev@example.com", "initial-pass"))
    assert sorted(entry["license"]["id"] for entry in licenses) == [20, 21]
    assert {entry["user"]["email"] for entry in licenses} == {"dev@example.com"}
    assert code_of(lambda: manager(tenant, tmp_path).get_user_licenses(LicenseID.from_user("dev@example.com", "wrong"))) == (400, "license_not_found")
    assert code_of(lambda: manager(tenant, tmp_path).get_user_licenses(LicenseID.from_user("nobody@example.com", "x"))) == (400, "license_not_found")


def test_user_licenses_by_sso_identity(tenant, tmp_path):
    licenses = manager(tenant, tmp_path).get_user_licenses(customer_account_code="acme", id_token="acme-id-token")
    assert sorted(entry["license"]["id"] for entry in licenses) == [20, 21]
    assert code_of(lambda: manager(tenant, tmp_path).get_user_licenses(customer_account_code="acme", id_token="not-a-token")) == (400, "license_not_found")


def test_customer_license_users(tenant, tmp_path):
    answer = manager(tenant, tmp_path).get_customer_license_users(Customer(email="buyer@example.com"))
    assert (answer["customer"]["email"], answer["customer"]["company_name"]) == ("buyer@example.com", "Example Ltd")
    assert [(user["email"], user["license_id"], user["is_initial_password"]) for user in answer["users"]] == [
        ("dev@example.com", 20, True),
        ("ops@example.com", 20, False),
    ]
    # No license names this customer; or none of the asked product does.
    assert code_of(lambda: manager(tenant, tmp_path).get_customer_license_users(Customer(email="stranger@example.com"))) == (400, "customer_does_not_exist")
    assert code_of(lambda: manager(tenant, tmp_path).get_customer_license_users(Customer(email="other-buyer@example.com"))) == (400, "customer_not_found")


def test_sso_url(tenant, tmp_path):
    answer = manager(tenant, tmp_path).get_sso_url("acme")  # use_auth_code=True: response_type=code
    assert answer["url"] == "https://login.example.com/oauth2/authorize?response_type=code&client_id=acme&scope=openid+email"
    assert answer["openid_configuration"]["authorization_endpoint"] == "https://login.example.com/oauth2/authorize"
    implicit = manager(tenant, tmp_path).get_sso_url("acme", use_auth_code=False)
    assert "response_type=id_token" in implicit["url"]
    assert code_of(lambda: manager(tenant, tmp_path).get_sso_url("no-such-account")) == (400, "customer_account_not_found")


def test_change_password_then_only_the_new_one_works(tenant, tmp_path):
    license = manager(tenant, tmp_path).activate_license(LicenseID.from_user("dev@example.com", "initial-pass"), unique_license_id=20)
    assert license.change_password("initial-pass", "new-pass") == '"password_changed"'

    # The user's password changed on every license they belong to.
    assert sorted(entry["license"]["id"] for entry in manager(tenant, tmp_path).get_user_licenses(LicenseID.from_user("dev@example.com", "new-pass"))) == [20, 21]
    assert code_of(lambda: manager(tenant, tmp_path).get_user_licenses(LicenseID.from_user("dev@example.com", "initial-pass"))) == (400, "license_not_found")
    assert code_of(lambda: manager(tenant, tmp_path / "b", "machine-b").activate_license(LicenseID.from_user("dev@example.com", "initial-pass"), unique_license_id=20)) == (
        400,
        "license_not_found",
    )
    assert manager(tenant, tmp_path / "b", "machine-b").activate_license(LicenseID.from_user("dev@example.com", "new-pass"), unique_license_id=20).license_active() is True
    users = manager(tenant, tmp_path).get_customer_license_users(Customer(email="buyer@example.com"))["users"]
    assert [(user["email"], user["is_initial_password"]) for user in users][0] == ("dev@example.com", False)


def test_change_password_refusals(tenant, tmp_path):
    license = manager(tenant, tmp_path).activate_license(LicenseID.from_user("dev@example.com", "initial-pass"), unique_license_id=20)
    assert code_of(lambda: license.change_password("not-the-password", "new-pass")) == (400, "change_password_not_allowed")
    locked = manager(tenant, tmp_path / "locked").activate_license(LicenseID.from_user("locked@example.com", "fixed-pass"))
    assert code_of(lambda: locked.change_password("fixed-pass", "new-pass")) == (400, "change_password_not_allowed")
    # Nothing changed: the old passwords still work.
    assert len(manager(tenant, tmp_path).get_user_licenses(LicenseID.from_user("dev@example.com", "initial-pass"))) == 2
    assert len(manager(tenant, tmp_path).get_user_licenses(LicenseID.from_user("locked@example.com", "fixed-pass"))) == 1
