"""The facade stays light: a pure text import loads no pandas, matplotlib or ipywidgets."""

import subprocess
import sys

import helpers


def test_text_layer_imports_no_heavy_packages():
    probe = (
        "import sys, helpers.text.sentences, helpers.text.diffing, helpers.text.quotations;"
        "print(sorted(m for m in ('pandas', 'matplotlib', 'ipywidgets') if m in sys.modules))"
    )
    shown = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                           check=True)  # fmt: skip
    assert shown.stdout.strip() == "[]"


def test_importing_helpers_loads_no_module_until_a_name_is_used():
    probe = "import sys, helpers; print('helpers.corpus' in sys.modules)"
    shown = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                           check=True)  # fmt: skip
    assert shown.stdout.strip() == "False"


def test_every_exported_name_resolves():
    for name in helpers.__all__:
        assert getattr(helpers, name) is not None, name
