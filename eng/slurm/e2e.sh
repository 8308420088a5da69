#!/usr/bin/env bash
# End-to-end test of fairsharp sweep under a real Slurm scheduler (docs/sweeps.md, "Slurm"): starts a one-node
# cluster on loopback (Debian's slurm-wlm + munge, as root, no cgroups; recipe in ../shared/design/SLURM.md),
# submits eng/slurm/sweep-array.sh as a 4-task array, and while it runs: starts a second attempt of a running slice
# on the same folder (must refuse, exit 2), scancels one array task, SIGKILLs one worker of another. Then it
# re-submits the array, merges the slices with fairsharp report and checks the merged trials against a one-machine
# run of the same plan: same ids, bitwise same results, no trial twice, no truncated line. Every daemon it starts
# runs on its own ports, socket and state folder and is stopped by pid, so it passes twice in a row.
#
# usage: eng/slurm/e2e.sh            (needs root and a built Release CLI; FAIRSHARP=path/to/fairsharp to override)
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
fairsharp=${FAIRSHARP:-$repo/src/FairSharp.Cli/bin/Release/net10.0/fairsharp}
start=$(date +%s)
say() { echo "== slurm e2e [$(( $(date +%s) - start )) s] $*"; }
fail() { echo "slurm e2e: FAILED: $*" >&2; exit 1; }

[ "$(id -u)" -eq 0 ] || fail "must run as root (it installs and starts slurmctld, slurmd and munged)"
[ -x "$fairsharp" ] || fail "no fairsharp executable at $fairsharp (build Release first, or set FAIRSHARP)"
grep -qF -- "$(sed -n '2,$p' "$repo/eng/slurm/sweep-array.sh")" "$repo/docs/sweeps.md" \
  || fail "docs/sweeps.md does not show eng/slurm/sweep-array.sh verbatim"

if ! command -v slurmctld >/dev/null || ! command -v munged >/dev/null || ! command -v jq >/dev/null; then
  say "installing slurm-wlm, munge, jq"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=300 slurm-wlm munge jq >/dev/null
fi

work=$(mktemp -d /tmp/fairsharp-slurm-XXXXXX)
chmod 755 "$work"
started_pids=()
cleanup() {
  local rc=$?
  for pid in "${started_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${started_pids[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  done
  if [ "$rc" -ne 0 ]; then
    echo "--- slurmctld log"; tail -20 "$work/log/slurmctld.log" 2>/dev/null || true
    echo "--- slurmd log"; tail -20 "$work/log/slurmd.log" 2>/dev/null || true
    for f in "$work"/logs/*.out; do [ -f "$f" ] && { echo "--- $f"; tail -15 "$f"; }; done
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# munge: its own socket, pid and log in $work; munged refuses a socket folder it does not own or that others cannot enter.
mkdir -p "$work/munge" "$work/log" "$work/state" "$work/spool" "$work/logs"
chown munge:munge "$work/munge"
chmod 755 "$work/munge"
runuser -u munge -- /usr/sbin/munged --socket="$work/munge/munge.sock" --pid-file="$work/munge/munged.pid" \
  --log-file="$work/munge/munged.log" --seed-file="$work/munge/munged.seed"
for _ in $(seq 50); do [ -s "$work/munge/munged.pid" ] && break; sleep 0.1; done
started_pids+=("$(cat "$work/munge/munged.pid")")
munge --socket="$work/munge/munge.sock" -n | unmunge --socket="$work/munge/munge.sock" | grep -q 'STATUS: *Success' \
  || fail "munged does not answer on $work/munge/munge.sock"

host=$(hostname -s)
export SLURM_CONF="$work/slurm.conf"
cat > "$SLURM_CONF" <<CONF
ClusterName=fairsharp-e2e
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=6917
SlurmdPort=6918
AuthType=auth/munge
AuthInfo=socket=$work/munge/munge.sock
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
SlurmUser=root
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/log/slurmctld.log
SlurmdLogFile=$work/log/slurmd.log
JobAcctGatherType=jobacct_gather/none
MpiDefault=none
KillWait=5
NodeName=$host NodeAddr=127.0.0.1 CPUs=$(nproc) RealMemory=1000 State=UNKNOWN
PartitionName=main Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
slurmctld -f "$SLURM_CONF"
for _ in $(seq 100); do [ -s "$work/slurmctld.pid" ] && break; sleep 0.1; done
started_pids+=("$(cat "$work/slurmctld.pid")")
slurmd -f "$SLURM_CONF"
for _ in $(seq 100); do [ -s "$work/slurmd.pid" ] && break; sleep 0.1; done
started_pids+=("$(cat "$work/slurmd.pid")")
for _ in $(seq 300); do sinfo -h -o %T 2>/dev/null | grep -q idle && break; sleep 0.1; done
sinfo -h -o %T | grep -q idle || fail "the node never became idle: $(sinfo 2>&1)"
say "cluster up: $(sinfo -h -o '%P %D %T %c')"

export PATH="$(dirname "$fairsharp"):$PATH"
cd "$work"
cp "$repo/eng/slurm/sweep-array.sh" .
plan_args=$(sed -n 's/^fairsharp sweep \(.*\) \\$/\1/p' sweep-array.sh)
[ -n "$plan_args" ] || fail "cannot read the plan from sweep-array.sh"

say "one-machine reference run"
# shellcheck disable=SC2086
fairsharp sweep $plan_args --jobs 2 --out runs/one-machine > logs/one-machine.txt 2>&1 || { cat logs/one-machine.txt; fail "reference run"; }

# Polling helpers.
state_of() { squeue -h -r -j "$1" -o '%K %T' 2>/dev/null | awk -v t="$2" '$1 == t { print $2 }'; }
wait_until() { local what=$1; shift; for _ in $(seq 1200); do "$@" && return 0; sleep 0.1; done; fail "timed out waiting for $what"; }
running() { [ "$(state_of "$1" "$2")" = RUNNING ]; }
sweep_pid_of() { pgrep -f -- "--out runs/german/shard-$1\$" | head -1; }
worker_of() { local p; p=$(sweep_pid_of "$1") && [ -n "$p" ] && pgrep -P "$p" -f 'fairsharp worker' | head -1; }
has_worker() { [ -n "$(worker_of "$1")" ]; }
gone() { [ -z "$(squeue -h -j "$1" 2>/dev/null)" ]; }

job=$(sbatch --parsable sweep-array.sh)
say "submitted array job $job (tasks 1-4)"

wait_until "task 1 to run a trial" has_worker 1
say "second attempt of slice 1 on the same folder while task 1 runs"
set +e
SLURM_ARRAY_TASK_ID=1 SLURM_CPUS_PER_TASK=1 bash sweep-array.sh > logs/second-attempt.txt 2>&1
second=$?
set -e
[ "$second" -eq 2 ] || { cat logs/second-attempt.txt; fail "a second attempt on a busy slice exited $second, expected 2"; }
grep -q 'is in use by another running fairsharp sweep' logs/second-attempt.txt || fail "second attempt: $(cat logs/second-attempt.txt)"
say "  refused: $(tail -1 logs/second-attempt.txt)"

wait_until "task 2 to run a trial" has_worker 2
scancel "${job}_2"
say "scancelled task ${job}_2 while it was running"

wait_until "task 3 to run a trial" has_worker 3
victim=$(worker_of 3)
kill -9 "$victim"
say "SIGKILLed worker $victim of task ${job}_3 mid-trial"

wait_until "array job $job to end" gone "$job"
grep -q 'killed by signal 9); running it again' logs/sweep-"${job}"_3.out || fail "task 3 did not re-run its killed worker's trial"

job2=$(sbatch --parsable sweep-array.sh)
say "re-submitted the array as job $job2"
wait_until "array job $job2 to end" gone "$job2"
for i in 1 2 3 4; do
  grep -q "^sweep: .* slice $i/4 " logs/sweep-"${job2}"_"$i".out || fail "re-submitted task $i did not finish: $(tail -3 logs/sweep-"${job2}"_"$i".out)"
done

say "  resumed slice 2: $(grep '^sweep: plan' logs/sweep-"${job2}"_2.out)"
fairsharp report --in runs/german/shard-1 runs/german/shard-2 runs/german/shard-3 runs/german/shard-4 \
  --out runs/german/merged > logs/report.txt 2>&1 || { cat logs/report.txt; fail "report --in"; }

# Checks: complete lines only; no trial twice in any slice or across slices; merged = one machine, bitwise.
for f in runs/german/shard-*/trials.jsonl runs/german/merged/trials.jsonl; do
  [ -z "$(tail -c1 "$f")" ] || fail "$f: last line is not complete"
  while IFS= read -r line; do
    jq -e . >/dev/null 2>&1 <<<"$line" || fail "$f: truncated or invalid line: ${line:0:80}"
  done < "$f"
done
dups=$(cat runs/german/shard-*/trials.jsonl | jq -r .id | sort | uniq -d)
[ -z "$dups" ] || fail "trials recorded twice: $dups"
planned=$(jq '.trials | length' runs/one-machine/plan.json)
[ "$(wc -l < runs/german/merged/trials.jsonl)" -eq "$planned" ] || fail "merged trials: $(wc -l < runs/german/merged/trials.jsonl), planned $planned"
canon() { jq -c -S 'del(.timings)' "$1" | sort; }
diff <(canon runs/one-machine/trials.jsonl) <(canon runs/german/merged/trials.jsonl) > logs/diff.txt \
  || { head -c 2000 logs/diff.txt; fail "merged trials differ from the one-machine run"; }
[ "$(jq -r .plan_id runs/german/merged/plan.json)" = "$(jq -r .plan_id runs/one-machine/plan.json)" ] || fail "plan ids differ"
say "PASSED: $planned trials, merged = one machine (ids and results bitwise), no duplicate, no truncated line"
