#!/usr/bin/env bash
# glassland vs LAMMPS (Debian's `lmp`, fastest style of the Debian build: -sf opt) on
#   (a) the standard LJ benchmark: 32,000 atoms fcc, density 0.8442, rc 2.5, skin 0.3, NVE,
#       dt 0.005, velocities at T = 1.44 (LAMMPS bench/in.lj), and
#   (b) a 4,000-atom Wahnström (50:50) supercooled liquid under Nosé–Hoover NVT (T = 0.7,
#       Tdamp = 0.5, density 1.2, rc 2.5 sigma_ab, skin 0.3), made by LAMMPS: fcc with
#       alternating types melted at T = 2 and cooled to 0.7 (4000 steps), and
#   (c) an 8,192-atom Cu50Zr50 glass under the Mendelev 2007 EAM/FS potential
#       (CuZr_mm.eam.fs; LAMMPS eam/fs with -sf opt = eam/fs/opt), NVE, dt 2 fs, skin 1 A:
#       B2 lattice with random types melted at 2500 K and cooled to 300 K by LAMMPS.
# Both codes start from the same LAMMPS data file and use the same cutoff, skin and rebuild
# policy ("neigh_modify every 1 delay 0 check yes" = rebuild when an atom moved > skin/2).
#
# Every case runs on every vector path this CPU has, from its best down to AVX2
# (GLASSLAND_SIMD=avx512, then avx2: one AVX-512 machine measures both), with 1 and 2 OpenMP
# threads; LAMMPS runs on 1 process (LAMMPS as Debian builds it has no OpenMP here; 2 MPI
# processes are shown for reference when mpirun exists). On a shared machine each run is done
# REPEAT times (default 2), glassland and LAMMPS back to back in every round so both see the
# same load, and the best rate of each is reported. Rates are atom-steps per second over the
# wall clock of the MD step loop: LAMMPS' "Loop time", glassland's "loop_seconds" (md --json;
# file reading and set-up excluded in both). 2-thread runs use OMP_WAIT_POLICY=passive
# (sleeping waits: on an oversubscribed machine a spinning thread can hold a core a whole
# time slice at every barrier).
#
# Usage: benchmarks/compare_lammps.sh [build-dir]     (default: build)
#   STEPS_LJ=200 STEPS_WAHN=2000 STEPS_EAM=200 to change run lengths; CASES="lj wahn eam" to
#   choose cases; PATHS="avx512 avx2" to choose kernel paths (default: what the CPU has, down to
#   avx2; "scalar" is allowed); REPEAT=2; THREADS="1 2"; INPUTS=dir to keep and reuse the
#   data files made by LAMMPS.
set -euo pipefail
shopt -s inherit_errexit
root="$(cd "$(dirname "$0")/.." && pwd)"
build="$(cd "${1:-$root/build}" && pwd)"
glassland="$build/bridge/glassland"
steps_lj="${STEPS_LJ:-200}"
steps_wahn="${STEPS_WAHN:-2000}"
steps_eam="${STEPS_EAM:-200}"
cases="${CASES:-lj wahn eam}"
repeat="${REPEAT:-2}"
threads_list="${THREADS:-1 2}"
eam_file=/usr/share/lammps/potentials/CuZr_mm.eam.fs
[ -x "$glassland" ] || { echo "compare_lammps: $glassland not found (build first)" >&2; exit 1; }
command -v lmp > /dev/null || { echo "compare_lammps: lmp not found (tools/setup.sh installs lammps)" >&2; exit 1; }
"$glassland" md --help > /dev/null 2>&1 || { echo "compare_lammps: 'glassland md' is not available yet" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"

# ---------- inputs (made by LAMMPS, so both codes read identical files) ----------
cat > make_lj.in <<'LMP'
units lj
atom_style atomic
lattice fcc 0.8442
region box block 0 20 0 20 0 20
create_box 1 box
create_atoms 1 box
mass 1 1.0
velocity all create 1.44 87287 loop geom
write_data lj.data nocoeff
LMP
cat > make_wahn.in <<'LMP'
units lj
atom_style atomic
lattice fcc 1.2
region box block 0 10 0 10 0 10
create_box 2 box
create_atoms 1 box
group even id 2:4000:2
set group even type 2
mass 1 2.0
mass 2 1.0
pair_style lj/cut 2.5
pair_coeff 1 1 1.0 1.0 2.5
pair_coeff 1 2 1.0 0.91666666666666663 2.2916666666666665
pair_coeff 2 2 1.0 0.83333333333333337 2.0833333333333335
pair_modify shift yes
neighbor 0.3 bin
velocity all create 2.0 4242 mom yes rot yes
fix 1 all nvt temp 2.0 2.0 0.5
timestep 0.005
run 2000
unfix 1
fix 1 all nvt temp 2.0 0.7 0.5
run 2000
write_data wahn.data nocoeff
LMP
cat > make_eam.in <<LMP
units metal
atom_style atomic
lattice bcc 3.26
region box block 0 16 0 16 0 16
create_box 2 box
create_atoms 1 box
set type 1 type/fraction 2 0.5 8192
pair_style eam/fs
pair_coeff * * $eam_file Cu Zr
neighbor 1.0 bin
velocity all create 2500 4242 mom yes rot yes
fix 1 all nvt temp 2500 2500 0.1
timestep 0.002
run 1000
unfix 1
fix 1 all nvt temp 2500 300 0.1
run 1000
write_data eam.data nocoeff
LMP
# INPUTS=dir keeps the made data files there and reuses them (the EAM quench takes minutes).
for name in $cases; do
  if [ -n "${INPUTS:-}" ] && [ -s "$INPUTS/$name.data" ]; then
    cp "$INPUTS/$name.data" .
  else
    lmp -in "make_$name.in" -log none -screen none
    if [ -n "${INPUTS:-}" ]; then mkdir -p "$INPUTS" && cp "$name.data" "$INPUTS/"; fi
  fi
done
cat > lj.toml <<'TOML'
style = "lj"
shift = false
masses = [1.0]
[[pair]]
types = [1, 1]
epsilon = 1.0
sigma = 1.0
cutoff = 2.5
TOML

# ---------- LAMMPS ----------
cat > run_lj.in <<LMP
units lj
atom_style atomic
read_data lj.data
pair_style lj/cut 2.5
pair_coeff 1 1 1.0 1.0 2.5
neighbor 0.3 bin
neigh_modify every 1 delay 0 check yes
fix 1 all nve
timestep 0.005
thermo $steps_lj
run $steps_lj
LMP
cat > run_wahn.in <<LMP
units lj
atom_style atomic
read_data wahn.data
pair_style lj/cut 2.5
pair_coeff 1 1 1.0 1.0 2.5
pair_coeff 1 2 1.0 0.91666666666666663 2.2916666666666665
pair_coeff 2 2 1.0 0.83333333333333337 2.0833333333333335
pair_modify shift yes
neighbor 0.3 bin
neigh_modify every 1 delay 0 check yes
fix 1 all nvt temp 0.7 0.7 0.5
timestep 0.005
thermo $steps_wahn
run $steps_wahn
LMP

cat > run_eam.in <<LMP
units metal
atom_style atomic
read_data eam.data
pair_style eam/fs
pair_coeff * * $eam_file Cu Zr
neighbor 1.0 bin
neigh_modify every 1 delay 0 check yes
fix 1 all nve
timestep 0.002
thermo $steps_eam
run $steps_eam
LMP

# atom-steps/s from LAMMPS' "Loop time of T on P procs for N steps with M atoms".
lammps_rate() {
  awk '/^Loop time of/ { printf "%.6g\n", $12 * $9 / $4 }' "$1"
}
# Same per CPU second of the run loop ("Loop time" x "% CPU use"): load-independent.
lammps_cpu_rate() {
  awk '/^Loop time of/ { work = $12 * $9; t = $4 } / CPU use with/ { cpu = $1 + 0 }
       END { if (cpu > 0) printf "%.6g\n", work / (t * cpu / 100); else print "nan" }' "$1"
}
run_lammps() {  # input, procs -> rate
  local input="$1" procs="$2"
  if [ "$procs" = 1 ]; then
    lmp -sf opt -in "$input" -log none -screen lammps.out > /dev/null
  else
    mpirun --allow-run-as-root --oversubscribe -np "$procs" lmp -sf opt -in "$input" -log none -screen lammps.out > /dev/null 2>&1 || { echo nan; return; }
  fi
  lammps_rate lammps.out
}

# ---------- glassland ----------
run_glassland() {  # path, threads, natoms, steps, args... -> rate (wall clock of the step loop)
  local path="$1" threads="$2" natoms="$3" steps="$4"
  shift 4
  GLASSLAND_SIMD="$path" OMP_NUM_THREADS="$threads" OMP_WAIT_POLICY=passive \
    "$glassland" md "$@" --steps "$steps" --dump "$work/dump.txt" --dump-every "$steps" --json > glassland.json
  local ran seconds
  ran="$(sed -n 's/.*"simd": "\([a-z0-9]*\)".*/\1/p' glassland.json)"
  [ "$ran" = "$path" ] || { echo "compare_lammps: asked for kernel path $path, glassland ran '$ran'" >&2; exit 1; }
  seconds="$(sed -n 's/.*"loop_seconds": \([0-9.eE+-]*\).*/\1/p' glassland.json)"
  awk -v n="$natoms" -v s="$steps" -v t="$seconds" 'BEGIN { printf "%.6g\n", n * s / t }'
}
# CPU seconds of the busiest thread in the last glassland run's step loop (load-independent).
busiest_thread_cpu() {
  tr -d ' \n' < glassland.json | sed -n 's/.*"loop_thread_cpu_seconds":\[\([^]]*\)\].*/\1/p' |
    awk -F, '{ m = 0; for (k = 1; k <= NF; ++k) if ($k + 0 > m) m = $k + 0; print m }'
}
least() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b + 0 < a + 0) print b; else print a }'; }
best() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b + 0 > a + 0) print b; else print a }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 > 0) printf "%.2f", a / b; else print "nan" }'; }

lj_args=(--data lj.data --potential lj.toml --ensemble nve --dt 0.005 --skin 0.3)
wahn_args=(--data wahn.data --potential wahnstrom --ensemble nvt --dt 0.005 --skin 0.3 --temperature 0.7 --tdamp 0.5)
eam_args=(--data eam.data --potential cu-zr-mendelev2007 --ensemble nve --dt 0.002 --skin 1.0)

# Which kernel paths to run: the best this CPU has (eval's JSON on a 2-atom file, no cap),
# then each lower vector path down to avx2.
printf 'x\n\n2 atoms\n1 atom types\n0 10 xlo xhi\n0 10 ylo yhi\n0 10 zlo zhi\n\nMasses\n\n1 1\n\nAtoms # atomic\n\n1 1 1 1 1\n2 1 2 1 1\n' > probe.data
cpu_best="$(env -u GLASSLAND_SIMD "$glassland" eval --data probe.data --potential wahnstrom --json | sed -n 's/.*"simd": "\([a-z0-9]*\)".*/\1/p')"
case "$cpu_best" in
  avx512) default_paths="avx512 avx2" ;;
  avx2) default_paths="avx2" ;;
  *) default_paths="scalar" ;;
esac
paths="${PATHS:-$default_paths}"
echo "CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'); best vector ISA: $cpu_best; paths measured: $paths"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores); best of $repeat rounds"
echo "columns: atom-steps/s of glassland (thr threads) and LAMMPS (1 process); ratio = glassland/LAMMPS;"
echo "  N/1thr = glassland rate over its 1-thread rate (wall clock: meaningless when load > cores);"
echo "  cpu N/1 = 1-thread loop CPU time / busiest thread's loop CPU time (the speed-up the work split"
echo "  allows on an idle machine, serial parts included, waiting at barriers not; load-independent)"
echo "  cpu ratio = glassland/LAMMPS in atom-steps per CPU second of the loop, 1 thread/process"
echo "  (LAMMPS: Loop time x % CPU use; a shared machine's load mostly cancels out)"
printf '%-26s %-7s %4s %13s %13s %7s %7s %8s %9s\n' "case" "path" "thr" "glassland" "LAMMPS(opt,1)" "ratio" "N/1thr" "cpu N/1" "cpu ratio"
for case in $cases; do
  if [ "$case" = lj ]; then natoms=32000; steps="$steps_lj"; input=run_lj.in; args=("${lj_args[@]}"); label="(a) LJ 32000 NVE"
  elif [ "$case" = wahn ]; then natoms=4000; steps="$steps_wahn"; input=run_wahn.in; args=("${wahn_args[@]}"); label="(b) Wahnstrom 4000 NH-NVT"
  else natoms=8192; steps="$steps_eam"; input=run_eam.in; args=("${eam_args[@]}"); label="(c) EAM CuZr 8192 NVE"; fi
  declare -A rate=() cpu=()
  lmp1=""
  lmpcpu=""
  for ((round = 1; round <= repeat; round++)); do
    lmp1="$(best "$lmp1" "$(run_lammps "$input" 1)")"
    lmpcpu="$(best "$lmpcpu" "$(lammps_cpu_rate lammps.out)")"
    for path in $paths; do
      for threads in $threads_list; do
        rate[$path,$threads]="$(best "${rate[$path,$threads]:-}" "$(run_glassland "$path" "$threads" "$natoms" "$steps" "${args[@]}")")"
        cpu[$path,$threads]="$(least "${cpu[$path,$threads]:-}" "$(busiest_thread_cpu)")"
      done
    done
  done
  for path in $paths; do
    for threads in $threads_list; do
      g="${rate[$path,$threads]}"
      cpu_ratio="-"
      if [ "$threads" = 1 ]; then
        cpu_ratio="$(ratio "$(awk -v n="$natoms" -v s="$steps" -v t="${cpu[$path,1]}" 'BEGIN { print n * s / t }')" "$lmpcpu")"
      fi
      printf '%-26s %-7s %4s %13s %13s %7s %7s %8s %9s\n' "$label" "$path" "$threads" "$g" "$lmp1" "$(ratio "$g" "$lmp1")" \
        "$(ratio "$g" "${rate[$path,1]:-}")" "$(ratio "${cpu[$path,1]:-}" "${cpu[$path,$threads]}")" "$cpu_ratio"
    done
  done
  if command -v mpirun > /dev/null; then
    printf '%-26s %-7s %4s %13s %13s\n' "$label" "LAMMPS" "2MPI" "" "$(run_lammps "$input" 2)"
  fi
  unset rate cpu
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
