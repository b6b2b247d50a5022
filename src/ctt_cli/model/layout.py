"""Where each file of a ward lives (light: no model classes imported, so the cache path stays fast)."""

from __future__ import annotations

import re

REQUIRED = ("plan", "units", "documents", "tasks")  # <kind>.yaml in the ward folder
YEARLY = ("progress", "scores", "reports")  # <kind>/YYYY.yaml
YEAR_FILE = re.compile(r"^(\d{4})\.ya?ml$")
