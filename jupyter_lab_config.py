"""JupyterLab settings shipped with the module: open on the start notebook.

postBuild copies this file into the environment's `etc/jupyter/` on Binder. A Binder link can
also name the page itself: `?urlpath=lab/tree/notebooks/00_start_here.ipynb`.
"""

c = get_config()  # noqa: F821 (provided by Jupyter when it loads this file)

c.LabApp.default_url = "/lab/tree/notebooks/00_start_here.ipynb"
