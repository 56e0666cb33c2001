"""`make bench`: every benchmark, one table, and bench/RESULTS.md.

Each figure is the median of RUNS timed runs after one warm-up run; the two sides of a
comparison are timed alternately in the same run, so that a busy moment of the machine hits
both. Timings come from real processes (the CLI as users run it, `mkdocs build`, a drill in a
pseudo-terminal, Lighthouse against a local server), never from unit tests.

    python bench/run.py [--runs N] [--only NAME ...]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench import plain_site, synthetic  # noqa: E402
from quizgen.export import FORMATS  # noqa: E402

BIN = Path(sys.executable).parent
QUIZGEN = str(BIN / "quizgen")
MKDOCS = str(BIN / "mkdocs")
LIGHTHOUSE_DIR = REPO / "bench" / "lighthouse"
CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROMIUM_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)
LIGHTHOUSE_PAGES = {
    "home": "",
    "a comparison page": "comparisons/medical-vs-relaxation/",
    "practice page": "practice/",
}
LIGHTHOUSE_GOALS = {"performance": 95, "accessibility": 100, "best-practices": 95, "seo": 90}


@dataclass(frozen=True)
class Row:
    benchmark: str
    measured: str
    figure: str
    goal: str
    met: bool | None  # None: reported, no goal

    @property
    def verdict(self) -> str:
        return "-" if self.met is None else ("met" if self.met else "MISSED")


# -- timing -------------------------------------------------------------------------------


def run(args: list[str], env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        args, capture_output=True, text=True, env={**os.environ, **(env or {})}, check=False
    )
    if done.returncode != 0:
        raise SystemExit(f"bench: {' '.join(args)} failed:\n{done.stderr[-2000:]}")
    return done.stdout


def seconds(args: list[str], env: dict[str, str] | None = None) -> Callable[[], float]:
    def timed() -> float:
        start = time.perf_counter()
        run(args, env)
        return time.perf_counter() - start

    return timed


def medians(runs: int, *measures: Callable[[], float]) -> list[float]:
    """One warm-up of each, then `runs` rounds taking each in turn; the median of each."""
    for measure in measures:
        measure()
    samples: list[list[float]] = [[] for _ in measures]
    for _ in range(runs):
        for taken, measure in zip(samples, measures, strict=True):
            taken.append(measure())
    return [statistics.median(s) for s in samples]


def cold(cache: Path, measure: Callable[[], float]) -> Callable[[], float]:
    """The measure with the catalog cache emptied first: as after any edit to the data."""

    def emptied() -> float:
        shutil.rmtree(cache, ignore_errors=True)
        return measure()

    return emptied


def ratio_row(
    name: str, label: str, took: float, base_label: str, base: float, limit: float | None
) -> Row:
    ratio = took / base
    return Row(
        name,
        f"{label} {took:.3f} s; {base_label} {base:.3f} s",
        f"{ratio:.2f}x",
        f"<= {limit:g}x" if limit is not None else "-",
        ratio <= limit if limit is not None else None,
    )


# -- the benchmarks -----------------------------------------------------------------------


def site_overhead(work: Path, runs: int) -> list[Row]:
    plain = plain_site.export(REPO / "mkdocs.yml", work / "plain")
    cache = work / "site-cache"
    env = {"QUIZGEN_CACHE_DIR": str(cache)}
    project = seconds(
        [MKDOCS, "build", "-q", "-f", str(REPO / "mkdocs.yml"), "-d", str(work / "a")], env
    )
    plain_build = seconds([MKDOCS, "build", "-q", "-f", str(plain), "-d", str(work / "b")], env)
    warm, base = medians(runs, project, plain_build)
    first, base_again = medians(runs, cold(cache, project), plain_build)
    return [
        ratio_row(
            "1. Site build vs plain MkDocs (unchanged data, cached)",
            "project",
            warm,
            "plain",
            base,
            1.15,
        ),
        ratio_row(
            "1. Site build vs plain MkDocs (first build of new data)",
            "project",
            first,
            "plain",
            base_again,
            1.15,
        ),
    ]


# Items per quiz in the benchmarks: a quiz repeats no fact, stem or option, and the shipped
# bank holds 63 such items with four options (`quizgen generate --count 1000` says so).
QUIZ_ITEMS = 60


def cli_startup(work: Path, runs: int) -> list[Row]:
    cache = work / "cli-cache"
    env = {"QUIZGEN_CACHE_DIR": str(cache)}
    baseline = seconds([sys.executable, "-c", "import click, yaml"])
    helped = seconds([QUIZGEN, "--help"], env)
    generate = [
        QUIZGEN,
        "generate",
        "--count",
        str(QUIZ_ITEMS),
        "--format",
        "json",
        "-o",
        str(work / "q.json"),
    ]
    base, help_time, generated = medians(runs, baseline, helped, seconds(generate, env))
    (first,) = medians(runs, cold(cache, seconds(generate, env)))
    imports = 'python -c "import click, yaml"'
    return [
        ratio_row("2. quizgen --help", "--help", help_time, imports, base, 1.5),
        ratio_row(
            f"2. generate --count {QUIZ_ITEMS} --format json",
            "generate",
            generated,
            imports,
            base,
            3.0,
        ),
        ratio_row(
            "2. the same, first run after a data edit", "generate", first, imports, base, None
        ),
    ]


def class_workload(work: Path, runs: int) -> list[Row]:
    env = {"QUIZGEN_CACHE_DIR": str(work / "class-cache")}
    commands = [
        seconds(
            [
                QUIZGEN,
                "generate",
                "--count",
                str(QUIZ_ITEMS),
                "--variants",
                "30",
                "--seed",
                "30",
                "--format",
                fmt,
                "-o",
                str(work / f"class.{fmt}"),
            ],
            env,
        )
        for fmt in FORMATS
    ]
    (total,) = medians(runs, lambda: sum(command() for command in commands))
    return [
        Row(
            f"3. 30 variants x {QUIZ_ITEMS} items, all {len(FORMATS)} formats",
            f"{len(FORMATS)} generate commands, {total:.2f} s in all",
            f"{total:.2f} s",
            "< 3 s",
            total < 3.0,
        )
    ]


def pipeline(data: Path) -> Callable[[], float]:
    """Load + bank + generate (QUIZ_ITEMS items, JSON) in a fresh process, timed inside it: what
    grows with the data, without the interpreter's start-up, and without the cache."""
    script = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "start = time.perf_counter()\n"
        "from quizgen.data.loader import load_data\n"
        "from quizgen.bank.catalog import Catalog\n"
        "from quizgen.quiz import assemble\n"
        "from quizgen.export import exporter\n"
        "catalog = Catalog.of(load_data(Path(sys.argv[1])))\n"
        f"exporter('json')(assemble(catalog, count={QUIZ_ITEMS}, seed=1))\n"
        "print(time.perf_counter() - start)\n"
    )
    return lambda: float(run([sys.executable, "-c", script, str(data)]))


def site_build(data: Path, work: Path, name: str) -> Callable[[], float]:
    config = plain_site.with_data(REPO / "mkdocs.yml", data, work / f"{name}.yml")
    cache = work / f"{name}-cache"
    return cold(
        cache,
        seconds(
            [MKDOCS, "build", "-q", "-f", str(config), "-d", str(work / name)],
            {"QUIZGEN_CACHE_DIR": str(cache)},
        ),
    )


def scale(work: Path, runs: int) -> list[Row]:
    shipped = REPO / "data"
    ten = synthetic.make(10, work / "data-10x")
    hundred = synthetic.make(100, work / "data-100x")
    one, at_ten, at_hundred = medians(runs, pipeline(shipped), pipeline(ten), pipeline(hundred))
    site_one, site_ten = medians(
        runs, site_build(shipped, work, "site-1x"), site_build(ten, work, "site-10x")
    )
    return [
        ratio_row("4. load + bank + generate, 10x data", "10x", at_ten, "1x", one, None),
        ratio_row("4. load + bank + generate, 100x data", "100x", at_hundred, "1x", one, 120),
        ratio_row("4. site build, 10x data", "10x", site_ten, "1x", site_one, 12),
    ]


def _history(folder: Path, reviews: int) -> None:
    """A progress database of `reviews` drill answers over the past months."""
    from quizgen.bank.catalog import load_catalog
    from quizgen.progress.schedule import Schedule
    from quizgen.progress.store import Store

    items = load_catalog(None).bank.usable(4)
    store = Store(folder)
    schedule = Schedule(store)
    start = datetime.now(UTC) - timedelta(days=120)
    for n in range(reviews):
        item = items[n % len(items)]
        when = start + timedelta(days=120 * n / reviews)
        schedule.answer(item, n % 5 != 0, None if n % 3 else True, item.key, when)
    assert sum(1 for _ in store.reviews()) == reviews
    store.close()


def drill_latency(work: Path, runs: int) -> list[Row]:
    import pexpect

    folder = work / "progress"
    _history(folder, 10_000)
    answers = max(runs, 20)
    child = pexpect.spawn(
        QUIZGEN,
        ["drill", "--progress-dir", str(folder), "--new", "100", "--limit", str(answers + 1)],
        env={**os.environ, "NO_COLOR": "1", "QUIZGEN_CACHE_DIR": str(work / "drill-cache")},
        encoding="utf-8",
        timeout=60,
    )
    child.delaybeforesend = None  # pexpect waits 50 ms before each send unless told not to
    latencies = []
    for n in range(answers + 1):  # the first answer is the warm-up
        child.expect("a-d: answer")  # the full-screen card's key line
        start = time.perf_counter()
        child.send("a")
        child.expect("Enter or Space: next")  # drawn with the feedback, in the same frame
        if n:
            latencies.append(time.perf_counter() - start)
        time.sleep(0.4)  # the feedback ignores an Enter or Space in its first 0.3 s
        child.send(" ")
    child.send("q")  # items still in learning come back after the limit
    child.expect(pexpect.EOF)
    median = statistics.median(latencies) * 1000
    return [
        Row(
            "5. drill: answer to feedback, 10,000 reviews",
            f"median of {len(latencies)} answers in a pseudo-terminal: {median:.1f} ms",
            f"{median:.1f} ms",
            "<= 20 ms",
            median <= 20,
        )
    ]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def served(site: Path) -> Iterator[str]:
    """The built site on localhost, gzip-compressed as any static host serves it."""
    port = _free_port()
    server = subprocess.Popen(
        [
            "node",
            str(LIGHTHOUSE_DIR / "node_modules" / "serve" / "build" / "main.js"),
            "--no-port-switching",
            "--no-clipboard",
            "-l",
            f"tcp://127.0.0.1:{port}",
            str(site),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
                break
            except OSError:
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.terminate()
        server.wait()


def _lighthouse(url: str, out: Path) -> dict[str, int]:
    run(
        [
            "node",
            str(LIGHTHOUSE_DIR / "node_modules" / "lighthouse" / "cli" / "index.js"),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={out}",
            f"--chrome-flags={CHROMIUM_FLAGS}",
            "--only-categories=" + ",".join(LIGHTHOUSE_GOALS),
        ],
        {"CHROME_PATH": CHROMIUM},
    )
    report = json.loads(out.read_text(encoding="utf-8"))
    return {k: round(v["score"] * 100) for k, v in report["categories"].items()}


def lighthouse(work: Path, runs: int) -> list[Row]:
    if not Path(CHROMIUM).exists():
        raise SystemExit(
            f"bench: Lighthouse needs Chromium at {CHROMIUM} (apt-get install chromium)"
        )
    site = work / "lighthouse-site"
    run([MKDOCS, "build", "-q", "-d", str(site)], {"QUIZGEN_CACHE_DIR": str(work / "lh-cache")})
    rows = []
    with served(site) as root:
        for page, path in LIGHTHOUSE_PAGES.items():
            _lighthouse(root + path, work / "lighthouse.json")  # warm-up
            scores = [_lighthouse(root + path, work / "lighthouse.json") for _ in range(runs)]
            median = {k: statistics.median(s[k] for s in scores) for k in LIGHTHOUSE_GOALS}
            rows.append(
                Row(
                    f"6. Lighthouse: {page}",
                    "perf / a11y / best practices / SEO, median of " + str(runs),
                    " / ".join(f"{median[k]:g}" for k in LIGHTHOUSE_GOALS),
                    ">= 95 / 100 / 95 / 90",
                    all(median[k] >= goal for k, goal in LIGHTHOUSE_GOALS.items()),
                )
            )
    return rows


BENCHMARKS: dict[str, Callable[[Path, int], list[Row]]] = {
    "site": site_overhead,
    "startup": cli_startup,
    "class": class_workload,
    "scale": scale,
    "drill": drill_latency,
    "lighthouse": lighthouse,
}


# -- reporting ----------------------------------------------------------------------------


def table(rows: list[Row]) -> str:
    header = ("Benchmark", "Figure", "Goal", "Verdict", "Measured")
    cells = [header] + [(r.benchmark, r.figure, r.goal, r.verdict, r.measured) for r in rows]
    widths = [max(len(c[i]) for c in cells) for i in range(len(header))]
    lines = [
        "| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |"
        for row in cells
    ]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


def machine() -> str:
    cpu = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        found = re.search(r"model name\s*:\s*(.+)", cpuinfo.read_text())
        cpu = found.group(1).strip() if found else cpu
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        found = re.search(r"MemTotal:\s*(\d+) kB", meminfo.read_text())
        memory = f", {int(found.group(1)) / 2**20:.0f} GiB RAM" if found else ""
    versions = [f"Python {platform.python_version()}"]
    for tool in (["node", "--version"], [CHROMIUM, "--version"]):
        with suppress(OSError):
            versions.append(subprocess.run(tool, capture_output=True, text=True).stdout.strip())
    return (
        f"{cpu}, {os.cpu_count()} cores{memory}; {platform.system()} {platform.release()}; "
        + ", ".join(v for v in versions if v)
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="timed runs per figure (>= 5)")
    parser.add_argument("--only", nargs="*", choices=list(BENCHMARKS), help="a subset")
    parser.add_argument("--results", type=Path, default=REPO / "bench" / "RESULTS.md")
    options = parser.parse_args()
    if options.runs < 5:
        parser.error("--runs: at least 5")
    rows: list[Row] = []
    started = datetime.now(UTC)
    with tempfile.TemporaryDirectory(prefix="quizgen-bench-") as tmp:
        for name in options.only or BENCHMARKS:
            print(f"running {name} ...", file=sys.stderr, flush=True)
            work = Path(tmp) / name
            work.mkdir()
            rows += BENCHMARKS[name](work, options.runs)
    print(table(rows))
    if options.only:
        return  # a partial run is not the record
    missed = [r.benchmark for r in rows if r.met is False]
    options.results.write_text(
        "# Benchmark results\n\n"
        f"Run on {started:%Y-%m-%d %H:%M} UTC, {options.runs} timed runs per figure after a "
        f"warm-up (`make bench`).\n\nMachine: {machine()}.\n\n"
        + table(rows)
        + "\n\n"
        + (f"Goals missed: {'; '.join(missed)}.\n" if missed else "Every goal was met.\n"),
        encoding="utf-8",
    )
    print(f"\nwritten to {options.results.relative_to(REPO)}", file=sys.stderr)


if __name__ == "__main__":
    main()
