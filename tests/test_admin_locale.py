"""The web form speaks Vietnamese only: quan-tri/tieng-viet.js fills what Decap's `vi` lacks."""
from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest

from .conftest import ROOT

pytestmark = pytest.mark.skipif(
    shutil.which("node") is None or not (ROOT / "node_modules" / "decap-cms-locales").is_dir(),
    reason="needs node and node_modules/decap-cms-locales (npm ci)")

# Strings that read the same in both languages (a proper noun, bare placeholders).
SAME_IN_BOTH = {"editor.editorWidgets.markdown.markdown", "ui.toast.onFailToAuth",
                "workflow.workflowCard.lastChangeNoAuthor"}
_PLACEHOLDER = re.compile(r"%\{(\w+)\}")


@pytest.fixture(scope="module")
def locales() -> dict[str, dict[str, str]]:
    done = subprocess.run(["node", str(ROOT / "tests" / "js" / "admin_locale.mjs")],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def test_every_english_string_has_a_vietnamese_one(locales: dict) -> None:
    missing = sorted(set(locales["en"]) - set(locales["merged"]))
    assert missing == []


def test_no_vietnamese_string_is_left_in_english(locales: dict) -> None:
    same = sorted(k for k, v in locales["merged"].items()
                  if locales["en"].get(k) == v and k not in SAME_IN_BOTH)
    assert same == []


def test_the_completion_names_only_strings_decap_has(locales: dict) -> None:
    """A typo in tieng-viet.js would leave the English string showing."""
    assert sorted(set(locales["completion"]) - set(locales["en"])) == []


def test_translations_keep_the_placeholders_decap_fills_in(locales: dict) -> None:
    wrong = {k: v for k, v in locales["completion"].items()
             if k != "editor.editorControlPane.widget.regexPattern"
             and set(_PLACEHOLDER.findall(v)) != set(_PLACEHOLDER.findall(locales["en"][k]))}
    assert wrong == {}
