"""The official Python SDK (licensespring 4.0.0) pointed at licensespring-mock through its own
documented settings: api_protocol, api_domain, a signature verifier holding the mock's public key
and a fixed hardware id. The project's Python tests build every SDK object with these functions."""
from licensespring.api import APIClient
from licensespring.api.signature import SignatureVerifier
from licensespring.hardware import HardwareIdProvider
from licensespring.licensefile.config import Configuration


def trusting(public_key_pem):
    """A SignatureVerifier that checks answers with the mock's key (GET /__admin/public-key?format=pem)."""
    # The SDK makes the instance itself, so the key is a class attribute; it must begin with -----BEGIN.
    return type("MockSignatureVerifier", (SignatureVerifier,), {"PUBLIC_KEY": public_key_pem.strip()})


def fixed_device(hardware_id):
    """A HardwareIdProvider that always names the same device."""

    class FixedDevice(HardwareIdProvider):
        # The SDK also calls get_id with another object as self, so it must not read self.
        def get_id(self):
            return hardware_id

        # The default resolves the host name, which fails on machines whose name does not resolve.
        def get_ip(self):
            return "127.0.0.1"

    return FixedDevice


def api_client(domain, public_key_pem, hardware_id, **credentials):
    """An APIClient; domain is the mock's host:port, credentials are api_key and shared_key."""
    return APIClient(
        api_protocol="http",  # the mock speaks plain HTTP; the SDK builds http://{domain}/api/v4
        api_domain=domain,
        signature_verifier=trusting(public_key_pem),
        hardware_id_provider=fixed_device(hardware_id),
        **credentials,
    )


def configuration(domain, public_key_pem, hardware_id, product, file_path, **settings):
    """A Configuration for LicenseManager; settings are the credentials and any other option."""
    return Configuration(
        product=product,
        api_protocol="http",
        api_domain=domain,
        signature_verifier=trusting(public_key_pem),
        hardware_id_provider=fixed_device(hardware_id),
        file_path=file_path,  # the local license file's folder (default: under the home folder)
        **settings,
    )


if __name__ == "__main__":
    # python configure.py [BASE_URL]: deactivate demo-device-1 on the demo seed (npm start).
    import sys
    import urllib.request
    from urllib.parse import urlsplit

    from licensespring.api.error import ClientError

    base = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:4010"
    with urllib.request.urlopen(f"{base}/__admin/public-key?format=pem") as answer:
        public_key_pem = answer.read().decode()
    client = api_client(urlsplit(base).netloc, public_key_pem, "demo-device-1", api_key="demo-api-key", shared_key="demo-shared-key")
    try:
        print(client.deactivate_license(product="demo", license_key="DEMO-OK-0001"))  # "license_deactivated"
    except ClientError as error:  # the mock's error envelope: status, code, message
        sys.exit(f"{error.status} {error.code}: {error.message}")  # run twice: 400 device_not_found
