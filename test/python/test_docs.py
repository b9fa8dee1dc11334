"""The README's Python configuration is the code these suites run: examples/python/configure.py,
quoted whole in "Use it from your SDK"."""
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_readme_quotes_the_configuration_the_tests_use():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Use it from your SDK") : readme.index("## Activation, check and signed answers")]
    code = (ROOT / "examples" / "python" / "configure.py").read_text(encoding="utf-8")
    assert f"```python\n{code}```\n" in section
