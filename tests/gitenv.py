"""The environment of the git commands that tests run in their own temporary repositories:
no user or system config, and a made-up staff member as author and committer."""

import os

GIT_ENV = {
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_AUTHOR_NAME": "工作人员",
    "GIT_AUTHOR_EMAIL": "staff@example.org",
    "GIT_COMMITTER_NAME": "工作人员",
    "GIT_COMMITTER_EMAIL": "staff@example.org",
}
