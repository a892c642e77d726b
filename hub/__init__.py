"""A local JupyterHub for a trial or a small class: settings, provisioning, spawner, launcher."""
