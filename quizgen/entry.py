"""The `quizgen` program. Ctrl-C at any moment once Python has started, even while quizgen is
still loading, ends it quietly: no traceback, and every answer given is already saved."""

import sys


def _quiet_on_ctrl_c(kind, value, traceback):  # type: ignore[no-untyped-def]
    if issubclass(kind, KeyboardInterrupt):
        sys.stderr.write("\nStopped.\n")
    else:
        sys.__excepthook__(kind, value, traceback)


# Set before anything else loads: a Ctrl-C while the program below is still being imported
# (here, or in the line of the launcher that imported this module) reaches this hook.
sys.excepthook = _quiet_on_ctrl_c


def run() -> None:
    try:
        from quizgen.cli import main

        main()
    except KeyboardInterrupt:
        sys.stderr.write("\nStopped.\n")
        sys.exit(130)
