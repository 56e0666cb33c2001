"""The `quizgen` program. Ctrl-C at any moment, even while it is still loading, ends it
quietly: no traceback, exit status 130, and every answer given so far is already saved."""

import sys


def run() -> None:
    try:
        from quizgen.cli import main

        main()
    except KeyboardInterrupt:
        sys.stderr.write("\nStopped.\n")
        sys.exit(130)
