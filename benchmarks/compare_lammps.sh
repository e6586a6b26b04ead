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
# Prints atom-steps per second (wall clock of the run loop) and the ratio, for 1 and 2
# threads of glassland (OMP_NUM_THREADS) against LAMMPS on 1 process (and 2 MPI processes
# when mpirun exists, for reference). The 2-thread run is repeated with OMP_WAIT_POLICY=passive
# (sleeping instead of spinning at barriers), which matters on a loaded machine.
#
# Usage: benchmarks/compare_lammps.sh [build-dir]     (default: build)
#   STEPS_LJ=200 STEPS_WAHN=2000 STEPS_EAM=200 to change run lengths; CASES="lj wahn eam" to
#   choose cases. GLASSLAND_SIMD=avx2 (or scalar) forces a lower kernel path (docs/md-core.md).
set -euo pipefail
shopt -s inherit_errexit
root="$(cd "$(dirname "$0")/.." && pwd)"
build="$(cd "${1:-$root/build}" && pwd)"
glassland="$build/bridge/glassland"
steps_lj="${STEPS_LJ:-200}"
steps_wahn="${STEPS_WAHN:-2000}"
steps_eam="${STEPS_EAM:-200}"
cases="${CASES:-lj wahn eam}"
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
case " $cases " in *" lj "*) lmp -in make_lj.in -log none -screen none ;; esac
case " $cases " in *" wahn "*) lmp -in make_wahn.in -log none -screen none ;; esac
case " $cases " in *" eam "*) lmp -in make_eam.in -log none -screen none ;; esac
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
now() { date +%s.%N; }
run_glassland() {  # threads, natoms, steps, args... -> rate (wall clock incl. start-up)
  local threads="$1" natoms="$2" steps="$3"
  shift 3
  local t0 t1
  t0="$(now)"
  OMP_NUM_THREADS="$threads" "$glassland" md "$@" --steps "$steps" --dump "$work/dump.txt" --dump-every "$steps" --json > glassland.json
  t1="$(now)"
  awk -v n="$natoms" -v s="$steps" -v a="$t0" -v b="$t1" 'BEGIN { printf "%.6g\n", n * s / (b - a) }'
}

lj_args=(--data lj.data --potential lj.toml --ensemble nve --dt 0.005 --skin 0.3)
wahn_args=(--data wahn.data --potential wahnstrom --ensemble nvt --dt 0.005 --skin 0.3 --temperature 0.7 --tdamp 0.5)
eam_args=(--data eam.data --potential cu-zr-mendelev2007 --ensemble nve --dt 0.002 --skin 1.0)

# Which kernel path glassland runs (GLASSLAND_SIMD caps it): from eval's JSON on a 2-atom file.
printf 'x\n\n2 atoms\n1 atom types\n0 10 xlo xhi\n0 10 ylo yhi\n0 10 zlo zhi\n\nMasses\n\n1 1\n\nAtoms # atomic\n\n1 1 1 1 1\n2 1 2 1 1\n' > probe.data
simd="$("$glassland" eval --data probe.data --potential wahnstrom --json | sed -n 's/.*"simd": "\([a-z0-9]*\)".*/\1/p')"
echo "(CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'); glassland kernels: $simd)"
echo "(machine load at start: $(cut -d' ' -f1-3 /proc/loadavg); 2-thread figures mean little when it exceeds ~0.5)"
printf '%-34s %14s %14s %8s\n' "case" "glassland" "LAMMPS(opt,1)" "ratio"
for case in $cases; do
  if [ "$case" = lj ]; then natoms=32000; steps="$steps_lj"; input=run_lj.in; args=("${lj_args[@]}"); label="(a) LJ 32000 NVE"
  elif [ "$case" = wahn ]; then natoms=4000; steps="$steps_wahn"; input=run_wahn.in; args=("${wahn_args[@]}"); label="(b) Wahnstrom 4000 NH-NVT"
  else natoms=8192; steps="$steps_eam"; input=run_eam.in; args=("${eam_args[@]}"); label="(c) EAM CuZr 8192 NVE"; fi
  lmp1="$(run_lammps "$input" 1)"
  g1="$(run_glassland 1 "$natoms" "$steps" "${args[@]}")"
  g2="$(run_glassland 2 "$natoms" "$steps" "${args[@]}")"
  printf '%-34s %14s %14s %8.3f\n' "$label, 1 thread" "$g1" "$lmp1" "$(awk -v a="$g1" -v b="$lmp1" 'BEGIN{print a/b}')"
  printf '%-34s %14s %14s %8.3f\n' "$label, 2 threads" "$g2" "$lmp1" "$(awk -v a="$g2" -v b="$lmp1" 'BEGIN{print a/b}')"
  printf '%-34s %14s\n' "$label, glassland 2/1 threads" "$(awk -v a="$g2" -v b="$g1" 'BEGIN{printf "%.3f", a/b}')"
  # On a shared (oversubscribed) machine, spinning OpenMP threads wait a whole time slice at
  # every barrier; sleeping waits (passive) are then far faster. Shown as a separate line.
  g2p="$(OMP_WAIT_POLICY=passive run_glassland 2 "$natoms" "$steps" "${args[@]}")"
  printf '%-34s %14s %14s %8.3f\n' "$label, 2 thr. passive wait" "$g2p" "$lmp1" "$(awk -v a="$g2p" -v b="$lmp1" 'BEGIN{print a/b}')"
  printf '%-34s %14s\n' "$label, 2 (passive)/1 threads" "$(awk -v a="$g2p" -v b="$g1" 'BEGIN{printf "%.3f", a/b}')"
  if command -v mpirun > /dev/null; then
    printf '%-34s %14s %14s\n' "$label, LAMMPS 2 MPI procs" "" "$(run_lammps "$input" 2)"
  fi
done
echo "(machine load while measuring: $(cut -d' ' -f1-3 /proc/loadavg))"
