"""The environment holds exactly the pins of requirements.txt, so a stale .venv fails here, by
name, rather than as a difference in some SDK behaviour further on."""
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

REQUIREMENTS = Path(__file__).resolve().parents[2] / "requirements.txt"


def pins():
    for line in REQUIREMENTS.read_text(encoding="utf-8").splitlines():
        requirement = line.split("#", 1)[0].strip()
        if requirement:
            name, pinned = requirement.split("==")
            yield name, pinned


def installed(name):
    try:
        return version(name)
    except PackageNotFoundError:
        return None


def test_every_package_is_installed_at_its_pin():
    assert dict(pins())["licensespring"] == "4.0.0"
    wrong = {name: f"pinned {pinned}, installed {installed(name)}" for name, pinned in pins() if installed(name) != pinned}
    assert wrong == {}, "reinstall: .venv/bin/pip install -r requirements.txt"
