#!/usr/bin/env bash
# slurm-down.sh [--dir DIR] [--purge]
#
# Stops the Slurm instance that scripts/slurm-up.sh started in DIR (default /run/evalgate-slurm/default):
# jobs still queued or running are cancelled first (and named on stderr), then slurmd, slurmctld,
# slurmdbd, mariadbd and munged are stopped through their pid files in DIR (SIGTERM, SIGKILL after
# 10 s), then any process left from the instance's jobs (slurmstepd and job processes, found by the
# instance's SLURM_CONF in their environment, see below). --purge also deletes DIR. Only processes of this
# instance are touched: never the system munged or another instance. Idempotent.
set -uo pipefail

DIR=/run/evalgate-slurm/default
PURGE=0
while [ $# -gt 0 ]; do
  case "$1" in
    --dir) DIR="${2:?--dir needs a directory}"; shift ;;
    --purge) PURGE=1 ;;
    -h | --help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "slurm-down: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
if [ "$(id -u)" -ne 0 ]; then
  echo "slurm-down: must run as root: sudo $0" >&2
  exit 1
fi
case "$DIR" in /*) ;; *) echo "slurm-down: --dir must be absolute: $DIR" >&2; exit 2 ;; esac
[ -d "$DIR" ] || exit 0

export SLURM_CONF="$DIR/slurm.conf"
rm -f "$DIR/up" # first: a watchdog waiting on this instance must not run us a second time

pid_of() { [ -s "$1" ] && cat "$1" 2>/dev/null; }
alive() { local p; p="$(pid_of "$1")" && [ -n "$p" ] && kill -0 "$p" 2>/dev/null; }

# Jobs left behind: cancel them while slurmctld and slurmd still run, so their processes are ended too.
if alive "$DIR/slurmctld.pid" && [ -f "$SLURM_CONF" ]; then
  jobs="$(timeout 10 squeue -h -o '%i|%T|%j' 2>/dev/null)"
  if [ -n "$jobs" ]; then
    echo "slurm-down: cancelling jobs left in $DIR: $(echo "$jobs" | tr '\n' ' ')" >&2
    # shellcheck disable=SC2046 # one word per job id
    timeout 10 scancel $(timeout 10 squeue -h -o %A 2>/dev/null | sort -u) >/dev/null 2>&1
    for _ in $(seq 1 100); do
      [ -z "$(timeout 5 squeue -h -o %i 2>/dev/null)" ] && break
      sleep 0.1
    done
  fi
fi

# stop PIDFILE...: SIGTERM all, wait up to 10 s, then SIGKILL the rest.
stop() {
  local pids=() f p
  for f in "$@"; do
    p="$(pid_of "$f")" || continue
    [ -n "$p" ] && kill -0 "$p" 2>/dev/null && kill -TERM "$p" 2>/dev/null && pids+=("$p")
  done
  [ ${#pids[@]} -gt 0 ] || return 0
  for _ in $(seq 1 200); do
    local left=0
    for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null && [ "$(awk '{print $3}' "/proc/$p/stat" 2>/dev/null)" != Z ] && left=1; done
    [ $left = 0 ] && return 0
    sleep 0.05
  done
  for p in "${pids[@]}"; do kill -KILL "$p" 2>/dev/null && echo "slurm-down: killed pid $p (did not stop on SIGTERM)" >&2; done
  return 0
}
stop "$DIR/slurmd.pid" "$DIR/slurmctld.pid"
stop "$DIR/slurmdbd.pid"
stop "$DIR/db/mysqld.pid" "$DIR/db/mariadbd.pid"
stop "$DIR/munge/munged.pid"

# Processes left from the instance's jobs: slurmstepd (it carries the instance's SLURM_CONF, inherited
# from slurmd) with everything under it, and job processes that lost their slurmstepd (a job cancelled
# while its task was starting can leave one behind): those carry SLURM_CONF from the submitter and the
# SLURM_JOB_ID slurmstepd gave them. A shell or test runner that merely has SLURM_CONF set is left alone.
descendants() {
  local c
  for c in $(ps -o pid= --ppid "$1" 2>/dev/null); do
    echo "$c"
    descendants "$c"
  done
}
# pids whose environment has the line SLURM_CONF=<this instance's conf> (and, given a pattern, a line matching it)
with_conf() {
  local f
  for f in $(grep -lzxF "SLURM_CONF=$SLURM_CONF" /proc/[0-9]*/environ 2>/dev/null); do
    [ -z "${1:-}" ] || grep -qz "$1" "$f" 2>/dev/null || continue
    f="${f#/proc/}"
    echo "${f%/environ}"
  done
}
victims=""
for p in $(with_conf); do
  [ "$(cat "/proc/$p/comm" 2>/dev/null)" = slurmstepd ] && victims="$victims $p $(descendants "$p" | tr '\n' ' ')"
done
victims="$victims $(with_conf '^SLURM_JOB_ID=' | tr '\n' ' ')"
victims="$(echo $victims | tr ' ' '\n' | grep -vx "$$" | sort -u | tr '\n' ' ')"
if [ -n "${victims// /}" ]; then
  echo "slurm-down: killing leftover job processes of $DIR: $victims" >&2
  # shellcheck disable=SC2086 # one word per pid
  kill -KILL $victims 2>/dev/null
fi

# (the parent, e.g. /run/evalgate-slurm, stays: a parallel caller may be creating its instance there)
[ $PURGE = 1 ] && rm -rf "$DIR"
exit 0
