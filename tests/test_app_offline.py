"""`make app`: each app page says what it is, an unknown APP gets a message, and the `offline`
Voila template really removes the CDN links of the Voila version installed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "app" / "jupyter" / "voila" / "templates" / "offline" / "index.html.j2"
INSTALLED = Path(sys.prefix) / "share" / "jupyter" / "voila" / "templates" / "lab" / "index.html.j2"


def test_every_app_has_a_page_title():
    titles = {nb.stem: json.loads(nb.read_text(encoding="utf-8"))["metadata"].get("title", "")
              for nb in ROOT.glob("app/*.ipynb")}
    assert titles and all(len(title) > len(stem) for stem, title in titles.items()), titles
    assert len(set(titles.values())) == len(titles)


def test_offline_template_removes_every_cdn_link_of_voila_lab():
    installed = [line.strip() for line in INSTALLED.read_text(encoding="utf-8").splitlines()
                 if "https://" in line and "<link" in line]
    assert installed, "Voila's lab template no longer links a stylesheet: review the template"
    ours = TEMPLATE.read_text(encoding="utf-8")
    for link in installed:
        assert f"replace('{link}', '')" in ours


def test_unknown_app_gets_a_message_not_a_traceback():
    done = subprocess.run(["make", "-s", "check-app", "APP=no-such-app"], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode != 0
    assert "there is no app called 'no-such-app'. Choose one of: compare translation_traces" \
        in done.stdout
    assert subprocess.run(["make", "-s", "check-app", "APP=compare"], cwd=ROOT,
                          timeout=60).returncode == 0
