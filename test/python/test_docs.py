"""The Python configuration the docs show is the code these suites run: examples/python/configure.py,
quoted whole in docs/sdks.md (README quotes its configuration() function, checked by
test/contract/docs.test.ts)."""
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_docs_quote_the_configuration_the_tests_use():
    sdks = (ROOT / "docs" / "sdks.md").read_text(encoding="utf-8")
    code = (ROOT / "examples" / "python" / "configure.py").read_text(encoding="utf-8")
    assert f"```python\n{code}```\n" in sdks
