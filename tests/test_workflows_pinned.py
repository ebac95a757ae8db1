"""Every action used by the GitHub workflows is pinned to a full commit SHA with its version.

The accepted form is ``uses: owner/repo@<40 hex> # vX.Y.Z`` (``owner/repo/path@…`` for an
action in a subfolder, e.g. ``actions/cache/restore``). Local actions (``./…``) and
``docker://`` images are exempt. Dependabot (.github/dependabot.yml) updates the SHA and the
comment together, so both must be there for it to keep them in step.
"""
from __future__ import annotations

import re

import yaml

from .conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.y*ml"))
USES_LINE = re.compile(r"^\s*(?:-\s+)?uses:\s*(?P<rest>.*)$")
PINNED = re.compile(
    r"^(?P<action>[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+(?:/[^@\s]+)?)"
    r"@(?P<sha>[0-9a-f]{40}) # (?P<version>v\d+\.\d+\.\d+)$")


def _exempt(ref: str) -> bool:
    return ref.startswith(("./", "docker://"))


def _unpinned(text: str) -> list[str]:
    """The ``uses:`` lines of a workflow that are not in the pinned form (line: text)."""
    bad = []
    for number, line in enumerate(text.splitlines(), 1):
        match = USES_LINE.match(line)
        if not match:
            continue
        rest = match["rest"].strip()
        if _exempt(rest.strip("'\"")):
            continue
        if not PINNED.match(rest):
            bad.append(f"{number}: {line.strip()}")
    return bad


def _uses_values(node: object) -> list[str]:
    """Every ``uses`` value in a parsed workflow (steps and reusable-workflow jobs)."""
    found: list[str] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "uses" and isinstance(value, str):
                found.append(value)
            else:
                found.extend(_uses_values(value))
    elif isinstance(node, list):
        for item in node:
            found.extend(_uses_values(item))
    return found


def test_there_are_workflows_to_check() -> None:
    assert WORKFLOWS


def test_every_action_is_pinned_to_a_sha_with_its_version() -> None:
    bad = {path.name: _unpinned(path.read_text("utf-8")) for path in WORKFLOWS}
    assert {name: lines for name, lines in bad.items() if lines} == {}


def test_the_line_check_sees_every_uses_of_the_parsed_workflows() -> None:
    # A `uses:` written in a form the line check does not see (flow style, quoted key) would
    # slip past it: the parsed workflow must hold exactly the references the lines hold.
    for path in WORKFLOWS:
        text = path.read_text("utf-8")
        parsed = [v for v in _uses_values(yaml.safe_load(text)) if not _exempt(v)]
        lines = [m["rest"].split(" #")[0].strip() for m in map(USES_LINE.match, text.splitlines())
                 if m and not _exempt(m["rest"].strip().strip("'\""))]
        assert sorted(parsed) == sorted(lines), path.name


def test_one_sha_and_one_version_per_action() -> None:
    seen: dict[str, set[tuple[str, str]]] = {}
    for path in WORKFLOWS:
        for line in path.read_text("utf-8").splitlines():
            use = USES_LINE.match(line)
            pin = PINNED.match(use["rest"].strip()) if use else None
            if pin:
                seen.setdefault(pin["action"], set()).add((pin["sha"], pin["version"]))
    assert seen
    assert {action: pins for action, pins in seen.items() if len(pins) > 1} == {}


def test_the_check_rejects_what_it_must() -> None:
    sha = "0123456789abcdef0123456789abcdef01234567"
    text = "\n".join([
        f"      - uses: actions/checkout@{sha} # v7.0.1",        # ok
        f"        uses: actions/cache/restore@{sha} # v5.0.5",   # ok (subfolder action)
        "      - uses: ./.github/actions/local",                  # exempt
        "      - uses: docker://alpine:3.20",                      # exempt
        "      - uses: actions/checkout@v5",                       # 5: major tag
        f"      - uses: actions/checkout@{sha}",                   # 6: no version comment
        f"      - uses: actions/checkout@{sha[:7]} # v7.0.1",      # 7: short SHA
        f"      - uses: actions/checkout@{sha} # v7",              # 8: not vX.Y.Z
        f"      - uses: actions/checkout@{sha.upper()} # v7.0.1",  # 9: not lower-case hex
        f"      - uses: \"actions/checkout@{sha}\" # v7.0.1",      # 10: quoted
    ])
    assert [line.split(":")[0] for line in _unpinned(text)] == ["5", "6", "7", "8", "9", "10"]
