"""gunicorn for くにたち協働ポータル: one app server (any number may run, all the same).

    gunicorn -c deploy/gunicorn.conf.py kunitachi_kyodo.wsgi

Read from the environment like the app: GUNICORN_BIND (default 127.0.0.1:8000),
GUNICORN_WORKERS (default 2 per core + 1), GUNICORN_TIMEOUT (60 s).
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", 2 * multiprocessing.cpu_count() + 1))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 60))
graceful_timeout = 30
# Behind the balancer's keepalive pool.
keepalive = 75
# A worker is replaced after this many requests (bounded memory over weeks).
max_requests = 2000
max_requests_jitter = 200
# Only the balancer's X-Forwarded-* are believed (the app reads them itself; see
# kunitachi_kyodo/client_address.py); gunicorn itself trusts them from these addresses only.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
# Logs go to stderr: journald keeps them (journalctl -u kyodo-app@*).
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = "-"
access_log_format = '%(h)s "%(r)s" %(s)s %(B)s %(M)sms "%({x-forwarded-for}i)s"'
