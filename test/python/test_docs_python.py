"""docs/python.md is a script: its Python blocks run here verbatim, in order, in one namespace, on
the default tenant's demo seed as the server started it (the blocks name 127.0.0.1:4010, which is
replaced by the address of the server under test). A block marked <!-- not run: reason --> on the
line before its fence is left out, as the docs harness of npm run test:package does."""
import re
import tempfile
from pathlib import Path

from conftest import admin

DOC = Path(__file__).resolve().parents[2] / "docs" / "python.md"
FENCE = re.compile(r"^```(\w*)\s*$")
NOT_RUN = re.compile(r"^\s*<!--\s*not run:(.*?)-->\s*$")


def python_blocks(text):
    """(line of the opening fence, code) of every Python block not marked "not run"."""
    lines = text.splitlines()
    blocks, i = [], 0
    while i < len(lines):
        opened = FENCE.match(lines[i])
        if not opened:
            i += 1
            continue
        end = next(j for j in range(i + 1, len(lines)) if lines[j].startswith("```"))
        before = next((lines[j] for j in range(i - 1, -1, -1) if lines[j].strip()), "")
        if opened.group(1) == "python" and not NOT_RUN.match(before):
            blocks.append((i + 1, "\n".join(lines[i + 1 : end]) + "\n"))
        i = end + 1
    return blocks


def test_the_document_has_its_examples():
    # Setup, is_online, activation, a fault, OAuth (3), offline (2), bundles, users.
    assert len(python_blocks(DOC.read_text(encoding="utf-8"))) == 12


def test_the_python_examples_run(mock, tmp_path, monkeypatch):
    admin("POST", "/reset", params={"tenant": "default"})
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # the blocks' folders, removed with the test's
    monkeypatch.chdir(tmp_path)
    namespace = {"__name__": "docs_python"}
    try:
        for line, code in python_blocks(DOC.read_text(encoding="utf-8")):
            # Padded so that a traceback names the document's own line.
            exec(compile("\n" * line + code.replace("127.0.0.1:4010", mock.domain), "docs/python.md", "exec"), namespace)
    finally:
        admin("POST", "/reset", params={"tenant": "default"})
