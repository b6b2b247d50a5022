"""The `ctt` program's entry point. Ctrl-C while Python is still importing ctt (the first tenth of a
second) exits 130 with "Đã dừng." like a Ctrl-C later on, never with a traceback; once the command
has finished, a Ctrl-C no longer changes its exit code."""

from __future__ import annotations

import gc
import os
import signal
import sys


def _early_interrupt(signum: int, frame: object) -> None:
    sys.stderr.write("Đã dừng.\n")
    sys.stderr.flush()
    os._exit(130)  # nothing has been written yet: nothing to clean up


# Python's cyclic garbage collector runs every 700 new container objects; a cold `ctt validate`
# allocates enough (imports, YAML nodes, findings) for ~70 collections, 3-4 ms of its ~160, and
# nearly all it visits is alive (modules, classes, the ward). Collections every GC_EVERY objects:
# none on a single ward; a city run still collects (bench/README.md, "Issue 18: the last milliseconds").
GC_EVERY = 100_000


def main() -> None:
    signal.signal(signal.SIGINT, _early_interrupt)  # ctt_cli/__init__ set it already for `ctt`
    gc.set_threshold(GC_EVERY, *gc.get_threshold()[1:])
    from ctt_cli.app import main as run

    signal.signal(signal.SIGINT, signal.default_int_handler)  # from here on: KeyboardInterrupt, app.main
    try:
        run()
    except KeyboardInterrupt:  # Ctrl-C just as the command was finishing, after app.main's own handler
        sys.exit(130)
    finally:
        # the command has finished (its output written, its exit code chosen): a Ctrl-C while Python
        # shuts down must not turn that exit into a death by SIGINT
        signal.signal(signal.SIGINT, signal.SIG_IGN)
