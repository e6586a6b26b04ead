"""Runs one corpus case and judges it.

A case is a glassland command line whose inputs are written into a fresh folder. It runs twice:
once with none of its outputs present ("fresh") and once with every output already there
("existing": a file holding "kept" or a folder holding kept.txt). For a case that must be
refused, each run has to
  - end by itself with an exit status 1..127 (no signal) within the CPU-time and wall bounds,
  - print exactly one line on stderr that names the culprit (a file name, TOML key, JSON field
    or the command's own option) and no C++ library text (std::, vector, bad_alloc, nlohmann),
  - leave the case folder exactly as it was (no new file or folder, none changed or removed,
    no temporary left).
A "robust" case (random byte flips whose validity nobody can predict) may succeed; if it fails
it is held to the same rules.
"""
from __future__ import annotations

import dataclasses
import hashlib
import os
import resource
import shutil
import signal
import subprocess
import time
from pathlib import Path

KEPT = b"kept\n"
# Text that only a leaked C++ or library exception would print.
LEAKED_TEXT = ("std::", "basic_string", "vector::", "bad_alloc", "[json.exception", "stoi", "stod",
               "terminate called", "Assertion", "what():", "bad_optional", "out_of_range")


@dataclasses.dataclass
class Case:
    name: str                      # unique, says what is wrong (e.g. "md --dt nan")
    kind: str                      # input kind: option, data, potential, model, protocol, network, ...
    args: list[str]                # argv after the binary; "{in}" and "{out}" are substituted
    files: dict[str, bytes]        # input files, relative to the case's in/ folder
    outputs: list[str]             # outputs relative to out/ ("name/" for a folder)
    culprits: list[str]            # stderr must contain one of these
    must_refuse: bool = True       # False: success is allowed (unpredictable mutations)
    setup_outputs: dict[str, bytes] = dataclasses.field(default_factory=dict)  # out/ files present in both runs
    expect_success: bool = False   # a run that must succeed and leave no temporary behind
    remove_after: list[str] = dataclasses.field(default_factory=list)  # out/ files a success must remove


@dataclasses.dataclass
class Verdict:
    case: Case
    variant: str
    status: int | None
    seconds: float
    problems: list[str]
    stderr: str


def snapshot(root: Path) -> dict[str, tuple]:
    """Every file and folder under root with its kind, size, content hash and mtime."""
    state = {}
    for dirpath, dirnames, filenames in os.walk(root):
        for d in dirnames:
            p = Path(dirpath) / d
            state[str(p.relative_to(root)) + "/"] = ("dir",)
        for f in filenames:
            p = Path(dirpath) / f
            st = p.lstat()
            digest = hashlib.sha1(p.read_bytes()).hexdigest() if p.is_file() else ""
            state[str(p.relative_to(root))] = ("file", st.st_size, digest, st.st_mtime_ns)
    return state


def describe_changes(before: dict, after: dict) -> list[str]:
    created = sorted(set(after) - set(before))
    removed = sorted(set(before) - set(after))
    changed = sorted(k for k in set(before) & set(after) if before[k] != after[k])
    out = []
    if created:
        out.append("created " + ", ".join(created[:4]))
    if removed:
        out.append("removed " + ", ".join(removed[:4]))
    if changed:
        out.append("changed " + ", ".join(changed[:4]))
    return out


def _limit_cpu(cpu_seconds: int):
    def apply():
        os.setsid()
        resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 1))
    return apply


def run_glassland(binary: str, args: list[str], cwd: Path, cpu_seconds: int, wall_seconds: int):
    """(status, stdout, stderr, seconds); status is -signal for a signal, None for a wall timeout."""
    env = dict(os.environ, OMP_NUM_THREADS="1", OMP_WAIT_POLICY="passive")
    start = time.monotonic()
    proc = subprocess.Popen([binary] + args, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            stdin=subprocess.DEVNULL, env=env, preexec_fn=_limit_cpu(cpu_seconds))
    try:
        out, err = proc.communicate(timeout=wall_seconds)
        status = proc.returncode
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        status = None
    return status, out, err, time.monotonic() - start


def _prepare(case: Case, folder: Path, existing: bool) -> list[str]:
    if folder.exists():
        shutil.rmtree(folder)
    (folder / "in").mkdir(parents=True)
    (folder / "out").mkdir()
    for rel, content in case.files.items():
        path = folder / "in" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if content is None:       # a folder where a file is expected
            path.mkdir(exist_ok=True)
        else:
            path.write_bytes(content)
    for rel, content in case.setup_outputs.items():
        (folder / "out" / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / "out" / rel).write_bytes(content)
    if existing:
        for rel in case.outputs:
            path = folder / "out" / rel
            if rel.endswith("/"):
                path.mkdir(parents=True, exist_ok=True)
                (path / "kept.txt").write_bytes(KEPT)
            elif not path.exists():
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(KEPT)
    return [a.replace("{in}", str(folder / "in")).replace("{out}", str(folder / "out")) for a in case.args]


def judge_refusal(case: Case, status, err: str, changes: list[str]) -> list[str]:
    problems = []
    if status is None:
        problems.append("hang (wall-clock bound)")
    elif status < 0:
        problems.append(f"killed by signal {-status}" + (" (CPU-time bound: hang)" if -status in (signal.SIGXCPU, signal.SIGKILL) else ""))
    elif status == 0:
        problems.append("accepted (exit 0)")
    elif status > 127:
        problems.append(f"exit status {status}")
    lines = err.splitlines()
    if status is not None and status > 0:
        if len(lines) != 1:
            problems.append(f"{len(lines)} stderr lines")
        if not any(c in err for c in case.culprits):
            problems.append("message names none of " + "/".join(case.culprits))
        leaked = [t for t in LEAKED_TEXT if t in err]
        if leaked:
            problems.append("library text in message: " + leaked[0])
    problems += changes
    return problems


def run_case(binary: str, case: Case, folder: Path, existing: bool, cpu_seconds: int, wall_seconds: int) -> Verdict:
    args = _prepare(case, folder, existing)
    before = snapshot(folder)
    status, _, err_bytes, seconds = run_glassland(binary, args, folder, cpu_seconds, wall_seconds)
    err = err_bytes.decode("utf-8", "replace")
    after = snapshot(folder)
    variant = "existing" if existing else "fresh"
    if case.expect_success:
        problems = [] if status == 0 else [f"exit {status}: {err.strip()[:200]}"]
        temporaries = [k for k in after if ".tmp." in k]
        problems += ["temporary left: " + t for t in temporaries]
        problems += ["not removed: " + r for r in case.remove_after if r in {k.removeprefix("out/") for k in after}]
    elif not case.must_refuse and status == 0:
        problems = [t for t in after if ".tmp." in t]
    else:
        problems = judge_refusal(case, status, err, describe_changes(before, after))
    return Verdict(case, variant, status, seconds, problems, err)
