"""The `quizgen` program. Ctrl-C at any moment once Python has started, even while quizgen is
still loading, ends it quietly: no traceback, and every answer given is already saved."""

import sys


def _from_ctrl_c(error: BaseException | None) -> bool:
    """Whether `error` is a Ctrl-C, or was caused by one: a KeyboardInterrupt raised while
    Python creates a class reaches us wrapped in a RuntimeError."""
    while error is not None:
        if isinstance(error, KeyboardInterrupt):
            return True
        error = error.__cause__ or error.__context__
    return False


def _stopped() -> None:
    sys.stderr.write("\nStopped.\n")


def _quiet_excepthook(kind, value, traceback):  # type: ignore[no-untyped-def]
    if _from_ctrl_c(value):
        _stopped()
    else:
        sys.__excepthook__(kind, value, traceback)


def _quiet_unraisablehook(unraisable):  # type: ignore[no-untyped-def]
    # A Ctrl-C that lands in a callback Python runs on its own (import locks, weak
    # references) is reported as "Exception ignored in ..." unless caught here.
    if not _from_ctrl_c(unraisable.exc_value):
        sys.__unraisablehook__(unraisable)


# Set before anything else loads: a Ctrl-C while the program below is still being imported
# (here, or in the line of the launcher that imported this module) reaches these hooks.
sys.excepthook = _quiet_excepthook
sys.unraisablehook = _quiet_unraisablehook


def run() -> None:
    try:
        from quizgen.cli import main

        main()
    except BaseException as error:
        if not _from_ctrl_c(error) or isinstance(error, SystemExit):
            raise
        _stopped()
        sys.exit(130)
