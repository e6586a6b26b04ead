#!/usr/bin/python3
"""Generated bad-input corpus for the `glassland` executable (issue 16, run by CTest).

  /usr/bin/python3 tests/fuzz/fuzz_corpus.py --glassland build/bridge/glassland --work /tmp/fz [--seed 16]

Builds a deterministic corpus (same --seed and options: same cases) over every input kind: option
values of every command, LAMMPS data files, potential TOML, landscape-model and protocol TOML,
network JSON, catalogs, kMC and harvest checkpoints, plus the cases named in the issue. Each case
runs with and without its outputs already present and must be refused cleanly (see
fuzzlib/harness.py). Prints one line per failing run and a summary; exit status 1 if any failed.
"""
from __future__ import annotations

import argparse
import collections
import json
import multiprocessing
import os
import random
import re
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fuzzlib import corpus, harness  # noqa: E402


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--glassland", required=True, help="the glassland executable")
    p.add_argument("--source", default=str(Path(__file__).resolve().parents[2]), help="repository root")
    p.add_argument("--work", required=True, help="scratch folder (emptied first)")
    p.add_argument("--seed", type=int, default=16, help="seed of every random choice of the corpus")
    p.add_argument("--universal-per-option", type=int, default=2,
                   help="values no option accepts (nan, inf, 2abc, overflow...) drawn per numeric option")
    p.add_argument("--flips", type=int, default=6, help="random byte-flip mutations per binary/text seed file")
    p.add_argument("--model-values", type=int, default=24, help="TOML value mutations drawn per model/protocol file")
    p.add_argument("--cpu-seconds", type=int, default=20, help="CPU-time bound of one run (a hang fails)")
    p.add_argument("--wall-seconds", type=int, default=120, help="wall-clock bound of one run (a hang fails)")
    p.add_argument("--filter", default="", help="only cases whose name matches this regular expression")
    p.add_argument("--list", action="store_true", help="print the case names and stop")
    p.add_argument("--report", help="write every verdict as JSON here")
    p.add_argument("--jobs", type=int, default=int(os.environ.get("GLASSLAND_CORPUS_JOBS", "1")),
                   help="cases run at once, each in its own folder (default $GLASSLAND_CORPUS_JOBS or 1)")
    return p.parse_args()


class _CaseRunner:
    """Runs one case without and with its outputs present, in a folder of the worker's own."""

    def __init__(self, glassland: str, work: Path, cpu_seconds: int, wall_seconds: int):
        self.glassland, self.work = glassland, work
        self.cpu_seconds, self.wall_seconds = cpu_seconds, wall_seconds

    def __call__(self, case):
        folder = self.work / f"case-{os.getpid()}"
        return [harness.run_case(self.glassland, case, folder, existing, self.cpu_seconds, self.wall_seconds)
                for existing in (False, True)]


def main() -> int:
    args = parse_args()
    args.glassland = str(Path(args.glassland).resolve())
    work = Path(args.work)
    if work.exists():
        shutil.rmtree(work)
    started = time.monotonic()
    seeds = corpus.make_seeds(args.glassland, Path(args.source), work / "seeds")
    cases = corpus.build_corpus(seeds, random.Random(args.seed), args.universal_per_option, args.flips, args.model_values)
    names = [c.name for c in cases]
    duplicates = [n for n, k in collections.Counter(names).items() if k > 1]
    if duplicates:
        print("duplicate case names:", duplicates[:5])
        return 1
    cases = [c for c in cases if re.search(args.filter, c.name)]
    if args.list:
        print("\n".join(f"{c.kind:10s} {c.name}" for c in cases))
        return 0
    verdicts = []
    run = _CaseRunner(args.glassland, work, args.cpu_seconds, args.wall_seconds)
    # Worker processes (not threads: each run sets its CPU-time limit between fork and exec).
    with multiprocessing.Pool(max(1, args.jobs)) as pool:
        for case_verdicts in pool.imap(run, cases):
            verdicts.extend(case_verdicts)
            for v in case_verdicts:
                if v.problems:
                    print(f"FAIL [{v.case.kind}] {v.case.name} ({v.variant}, exit {v.status}, {v.seconds:.1f} s): "
                          f"{'; '.join(v.problems)} | stderr: {v.stderr.strip()[:300]!r}", flush=True)
    for folder in work.glob("case-*"):
        shutil.rmtree(folder, ignore_errors=True)
    failed_cases = {v.case.name for v in verdicts if v.problems}
    by_kind = collections.Counter(c.kind for c in cases)
    failed_by_kind = collections.Counter(c.kind for c in cases if c.name in failed_cases)
    slowest = max(verdicts, key=lambda v: v.seconds)
    print(f"corpus: {len(cases)} cases ({len(verdicts)} runs), seed {args.seed}; clean: {len(cases) - len(failed_cases)} "
          f"({100.0 * (len(cases) - len(failed_cases)) / max(1, len(cases)):.1f} %); failed: {len(failed_cases)}; "
          f"{time.monotonic() - started:.0f} s; slowest run {slowest.seconds:.1f} s ({slowest.case.name})")
    for kind in sorted(by_kind):
        print(f"  {kind:12s} {by_kind[kind]:4d} cases, {failed_by_kind[kind]:3d} failed")
    if args.report:
        Path(args.report).write_text(json.dumps([{"case": v.case.name, "kind": v.case.kind, "variant": v.variant,
                                                  "status": v.status, "seconds": round(v.seconds, 3),
                                                  "problems": v.problems, "stderr": v.stderr} for v in verdicts], indent=1))
    return 1 if failed_cases else 0


if __name__ == "__main__":
    sys.exit(main())
