"""`cmake --install` gives a glassland that works without the source tree.

Installs the build into a fresh prefix, moves the prefix elsewhere (a relocated copy must still
find its files), then checks that the installed binary takes its plot scripts and example inputs
from <prefix>/share/glassland and not from the source tree, and that a command which needs both
(landscape-model with a shipped protocol, then its plot) runs and writes its plot.
Usage: install_check.py BUILD_DIR WORK_DIR
"""
import json
import os
import shutil
import subprocess
import sys


def fail(message):
    print("install_check: " + message)
    sys.exit(1)


def main():
    build, work = sys.argv[1], sys.argv[2]
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    staged, moved = os.path.join(work, "staged"), os.path.join(work, "moved")
    subprocess.run(["cmake", "--install", build, "--prefix", staged], check=True, stdout=subprocess.DEVNULL)
    os.rename(staged, moved)
    binary = os.path.join(moved, "bin", "glassland")
    env = {k: v for k, v in os.environ.items() if k != "GLASSLAND_DATA_DIR"}
    info = json.loads(subprocess.run([binary, "info", "--json"], check=True, capture_output=True, text=True, env=env).stdout)
    share = os.path.join(moved, "share", "glassland")
    if os.path.realpath(info["data_directory"]) != os.path.realpath(share):
        fail(f"installed binary reads its data from {info['data_directory']}, expected {share}")
    out = os.path.join(work, "model")
    run = subprocess.run([binary, "landscape-model", "--model", os.path.join(share, "examples/model/la_glass.toml"),
                          "--protocol", os.path.join(share, "examples/model/dsc_cool_reheat.toml"), "--out", out],
                         capture_output=True, text=True, env=env)
    if run.returncode != 0:
        fail("landscape-model from the installed copy failed: " + run.stderr.strip())
    if "warning" in run.stderr:
        fail("installed copy warned: " + run.stderr.strip())
    pngs = [f for f in os.listdir(out) if f.endswith(".png")]
    if not pngs:
        fail("no plot written by the installed copy (plot script not found?)")
    # A data directory named by the user wins over the installed one.
    env["GLASSLAND_DATA_DIR"] = work
    info = json.loads(subprocess.run([binary, "info", "--json"], check=True, capture_output=True, text=True, env=env).stdout)
    if info["data_search_path"][0] != work:
        fail("GLASSLAND_DATA_DIR is not searched first: " + str(info["data_search_path"]))
    print(f"install_check: installed copy in {moved} uses {share}; {len(pngs)} plot(s) written")


if __name__ == "__main__":
    main()
