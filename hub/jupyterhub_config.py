"""JupyterHub settings for a trial run or a small class on one machine (`make hub`).

Trial settings, each named with what a real deployment puts in its place:
- a shared password for every account (SharedPasswordAuthenticator): anyone who knows it can
  sign in under any name. A course uses its institution's login (an OAuthenticator, or LTI
  from the learning platform);
- one local process per student, all as the same OS user (CourseSpawner, a
  SimpleLocalProcessSpawner): a course uses DockerSpawner or KubeSpawner, which give each
  student a container with its own files, memory and CPU limits;
- plain HTTP on loopback: a course puts TLS in front (JupyterHub's ssl_key/ssl_cert, or the
  ingress of Zero to JupyterHub).
The proxy runs as its own process (started by hub/launcher.py) and the hub leaves the servers
running when it stops, so restarting the hub does not interrupt a class.
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hub.settings import COURSE_FOLDER, REPO_ROOT, HubSettings
from hub.spawner import CourseSpawner

c = get_config()  # noqa: F821 (provided by JupyterHub when it loads this file)
settings = HubSettings.from_env()
settings.state_dir.mkdir(parents=True, exist_ok=True)

# Network: students reach the proxy; the hub and every server listen on loopback only.
c.JupyterHub.ip = settings.ip
c.JupyterHub.port = settings.port
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = settings.hub_port
c.ConfigurableHTTPProxy.should_start = False  # started by hub/launcher.py, survives a hub restart
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{settings.proxy_api_port}"
c.JupyterHub.cleanup_servers = False  # a hub restart leaves the students' servers running

# State that a restart must find again.
c.JupyterHub.db_url = f"sqlite:///{settings.state_dir / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(settings.state_dir / "jupyterhub_cookie_secret")
c.JupyterHub.pid_file = str(settings.state_dir / "jupyterhub.pid")

# Trial login: one shared password, any name of lowercase letters, digits, ".", "_" or "-".
c.JupyterHub.authenticator_class = "shared-password"
c.SharedPasswordAuthenticator.user_password = settings.password
c.Authenticator.allow_all = True
c.Authenticator.username_pattern = r"^[a-z0-9][a-z0-9._-]{0,39}$"
c.JupyterHub.template_paths = [str(Path(__file__).resolve().parent / "templates")]

# One server per student, in <root>/homes/<name>, with its own copy of the notebooks.
c.JupyterHub.spawner_class = CourseSpawner
c.CourseSpawner.home_dir_template = str(settings.homes / "{username}")
c.CourseSpawner.course_source = str(REPO_ROOT)
c.Spawner.cmd = [str(Path(sys.executable).parent / "jupyterhub-singleuser")]
c.Spawner.args = ["--allow-root"] if os.geteuid() == 0 else []
c.Spawner.default_url = f"/lab/tree/{COURSE_FOLDER}/notebooks/00_start_here.ipynb"
# A whole class starting at once queues on the CPU: give each server time rather than fail it.
c.Spawner.start_timeout = 300
c.Spawner.http_timeout = 300

# The launcher's token: lists and stops servers on Ctrl-C; the load test also uses it to watch
# each server's processes. Without HUB_SERVICE_TOKEN there is no such service.
if os.environ.get("HUB_SERVICE_TOKEN"):
    c.JupyterHub.services = [
        {"name": "class-launcher", "api_token": os.environ["HUB_SERVICE_TOKEN"]}
    ]
    c.JupyterHub.load_roles = [
        {
            "name": "class-launcher",
            "scopes": ["admin:users", "admin:servers", "admin:server_state", "tokens"],
            "services": ["class-launcher"],
        }
    ]
