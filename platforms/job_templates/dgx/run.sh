#!/usr/bin/env bash
# One evalgate job (every shard of it) on a DGX node, rendered by evalgate for `platform: dgx`
# (`evalgate run --platform dgx --dry-run` prints it). Under Slurm, `sbatch run.sh` reads the
# #SBATCH lines and runs one array task per shard; on the node itself, `bash run.sh SHARD` runs one
# shard (by default {{shard_index}}). A name in double braces is replaced by its value, shell-quoted.
#SBATCH --job-name={{job_name}}
#SBATCH --time={{timeout_minutes}}
#SBATCH --output={{log_pattern}}
#SBATCH --ntasks=1
{{{sbatch_options}}}
set -uo pipefail
shard="${SLURM_ARRAY_TASK_ID:-${1:-{{shard_index}}}}"
case "$shard" in
{{{shards}}}
  *) echo "evalgate: this job has no shard $shard" >&2; exit 2 ;;
esac
mkdir -p "$run_dir" "$EVALGATE_OUT"
# Latency is repeatable only with a fixed CPU governor and GPU clocks: record them beside the results.
{
  echo "hostname=$(hostname 2>/dev/null || echo unknown)"
  echo "cpu_governor=$(cat /sys/devices/system/cpu/cpu0/cpufreq/scaling_governor 2>/dev/null || echo unknown)"
  cpu_model="$(sed -n 's/^model name[[:space:]]*:[[:space:]]*//p' /proc/cpuinfo 2>/dev/null | head -n 1)"
  [ -n "$cpu_model" ] || cpu_model="$(lscpu 2>/dev/null | sed -n 's/^Model name:[[:space:]]*//p' | head -n 1)"
  echo "cpu_model=${cpu_model:-unknown}"
  if command -v nvidia-smi >/dev/null 2>&1; then
    nvidia-smi --query-gpu=index,name,clocks.sm,clocks.mem,clocks.max.sm,clocks.max.mem --format=csv,noheader,nounits 2>/dev/null |
      sed 's/^/gpu=/'
  fi
} > "$run_dir/host.env"
cd {{cwd}} || exit 2
/bin/sh -c "$command"
code=$?
echo "$code" > "$run_dir/exit_code.tmp" && mv "$run_dir/exit_code.tmp" "$run_dir/exit_code"
exit "$code"
