"""Batch mode at scale: pages per second and memory over 10,000 pages.

Generates N pages (default 10,000) into a temporary folder: from every
fixture (``--source fixtures``, the default) or from the reference page only
(``--source reference``: the page of issue 16's "300 pages per CPU-second"),
each with its headline and first paragraph varied, one in ten gzipped, and one
bad file (a PNG named ``.html``). Then runs
``python -m mayadeen_parse --jsonl --all --no-progress DIR`` with 1 and 2
workers, sampling the resident memory (RSS) of the command and of its worker
processes every 50 ms, and reports:

- pages per CPU-second: pages / (user + system CPU time of the command and all
  its worker processes, from ``wait4``; start-up and imports included). This
  is the number to read on a loaded machine;
- pages per wall-second (what a user sees; meaningful only on an idle machine,
  and the only way to see what a second worker adds);
- RSS when 10 %, 50 % and 90 % of the output was written, and the peak. Flat
  RSS from 10 % to 90 % is what "constant memory" means here.

    python bench/batch.py [--pages 10000] [--workers 1 2] [--source reference] [--keep DIR]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MARKS = (10, 50, 90)


REFERENCE = ROOT / "tests" / "fixtures" / "article" / "blinken-2023-11-06.html"


def generate(folder: Path, count: int, source: str = "fixtures") -> Path:
    """*count* page files under *folder* (100 per subfolder); returns the bad file."""
    if source == "reference":
        fixtures = [REFERENCE.read_bytes()]
    else:
        fixtures = [p.read_bytes() for p in sorted((ROOT / "tests" / "fixtures").glob("*/*.html"))]
    for i in range(count - 1):
        data = fixtures[i % len(fixtures)]
        # Vary the text a little so that no two pages are the same bytes.
        data = data.replace(b"</h1>", f" ({i})</h1>".encode(), 1).replace(b"<p>", f"<p>[{i}] ".encode(), 1)
        sub = folder / f"{i // 100:04d}"
        sub.mkdir(exist_ok=True)
        if i % 10 == 9:
            (sub / f"page-{i:06d}.html.gz").write_bytes(gzip.compress(data, compresslevel=1))
        else:
            (sub / f"page-{i:06d}.html").write_bytes(data)
    bad = folder / f"{(count // 2) // 100:04d}" / "bad-image.html"
    bad.parent.mkdir(exist_ok=True)
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(1024))
    return bad


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as children:
            return [int(x) for x in children.read().split()]
    except OSError:
        return []


def _lines(path: Path) -> int:
    with open(path, "rb") as handle:
        return sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b""))


def run(folder: Path, count: int, workers: int, out: Path) -> dict[str, object]:
    command = [sys.executable, "-m", "mayadeen_parse", "--jsonl", "--all", "--no-progress", "--workers", str(workers)]
    samples: list[tuple[int, int, int]] = []  # (bytes written, main RSS KB, workers' RSS KB)
    start = time.monotonic()
    with open(out, "wb") as sink:
        proc = subprocess.Popen([*command, str(folder)], stdout=sink, stderr=subprocess.PIPE, cwd=ROOT)
        while True:
            # wait4, not poll: its rusage holds the CPU time of the command
            # and of every worker process it waited for.
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                proc.returncode = os.waitstatus_to_exitcode(status)
                break
            main_rss = _rss_kb(proc.pid)
            worker_rss = sum(_rss_kb(child) for child in _children(proc.pid))
            samples.append((out.stat().st_size, main_rss, worker_rss))
            time.sleep(0.05)
    elapsed = time.monotonic() - start
    cpu = usage.ru_utime + usage.ru_stime
    stderr = proc.stderr.read().decode() if proc.stderr else ""
    written = _lines(out)
    errors = []
    with open(out, encoding="utf-8") as lines:
        for line in lines:
            if line.startswith('{"path"') and '"error"' in line[:400]:
                record = json.loads(line)
                if "error" in record:
                    errors.append(record)
    # RSS when 10 %, 50 % and 90 % of the output was written (by size: the
    # lines are about the same length); at 100 % the workers have exited.
    final = max(out.stat().st_size, 1)
    marks: dict[int, tuple[int, int]] = {}
    for size, main_rss, worker_rss in samples:
        for share in MARKS:
            if size * 100 >= share * final and share not in marks:
                marks[share] = (main_rss, worker_rss)
    return {
        "workers": workers,
        "status": proc.returncode,
        "pages": written,
        "errors": errors,
        "seconds": elapsed,
        "pages_per_s": written / elapsed,
        "cpu_seconds": cpu,
        "pages_per_cpu_s": written / cpu if cpu else 0.0,
        "rss_marks_kb": marks,
        "peak_main_kb": max((s[1] for s in samples), default=0),
        "peak_workers_kb": max((s[2] for s in samples), default=0),
        "stderr": stderr[-500:],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Pages/s and RSS of the batch command line over many pages.")
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--source", choices=["fixtures", "reference"], default="fixtures", help="pages made from")
    parser.add_argument("--keep", metavar="DIR", help="generate into DIR and keep it (default: a temporary folder)")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT / "bench"))
    from bench import environment

    print(environment())
    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="mayadeen-batch-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        start = time.monotonic()
        bad = generate(folder, args.pages, args.source)
        size = sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())
        print(
            f"{args.pages:,} pages from {args.source} ({size / 1e6:.0f} MB, 1 in 10 gzipped, 1 bad: {bad.name}) "
            f"generated in {time.monotonic() - start:.1f} s; {os.cpu_count()} CPUs, "
            f"load average {os.getloadavg()[0]:.2f}"
        )
        print(
            f"{'workers':>7} {'pages':>7} {'errors':>6} {'seconds':>8} {'pages/s':>8} {'CPU s':>7} "
            f"{'pages/CPU-s':>11}  "
            f"{'RSS main+workers at 10% / 50% / 90% (MB)':<44} {'peak MB':>8}"
        )
        for workers in args.workers:
            result = run(folder, args.pages, workers, folder.parent / f"{folder.name}-{workers}.jsonl")
            marks = result["rss_marks_kb"]
            assert isinstance(marks, dict)
            shown = " / ".join(f"{(marks[k][0]) / 1024:.0f}+{marks[k][1] / 1024:.0f}" for k in MARKS if k in marks)
            errors = result["errors"]
            assert isinstance(errors, list)
            peak = (int(result["peak_main_kb"]) + int(result["peak_workers_kb"])) / 1024  # type: ignore[call-overload]
            print(
                f"{workers:>7} {result['pages']:>7,} {len(errors):>6} {result['seconds']:>8.1f} "
                f"{result['pages_per_s']:>8.0f} {result['cpu_seconds']:>7.1f} {result['pages_per_cpu_s']:>11.0f}  "
                f"{shown:<44} {peak:>8.0f}"
            )
            for error in errors:
                print(f"        error line: {error['path']}: {error['error']}: {error['message'][:80]}")
            if result["stderr"]:
                print(f"        stderr: {result['stderr']}")
            (folder.parent / f"{folder.name}-{workers}.jsonl").unlink()
        print(f"load average at the end {os.getloadavg()[0]:.2f}")
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
