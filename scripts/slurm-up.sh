#!/usr/bin/env bash
# slurm-up.sh [--dbd] [--dir DIR] [--ports CTLD,SLURMD[,DBD,DB]] [--cluster NAME]
#
# A private single-node Slurm 22.05 (Debian 12) "instance", as root, without systemd: its own munged
# (own socket), slurmctld and slurmd (and with --dbd its own MariaDB + slurmdbd, so plain `sacct` works),
# all with their config, state, logs and pid files under DIR. Nothing machine-global is touched:
# /etc/slurm/slurm.conf and the system munged stay as they are, and several instances (one per test
# file) can run side by side on different ports. Clients find an instance through SLURM_CONF:
#
#   sudo scripts/slurm-up.sh                     # DIR=/run/evalgate-slurm/default, ports 6817,6818[,6819,6820]
#   export SLURM_CONF=/run/evalgate-slurm/default/slurm.conf
#   sbatch --parsable --wrap 'echo hi'; squeue; scontrol show job -o; sacct -c
#   sudo scripts/slurm-down.sh                   # stops it (--purge also deletes DIR)
#
# Recipe: /work/shared/local-services.md §3.1, changed to private paths and ports (munge socket through
# AuthInfo=socket=… and AccountingStoragePass=…), MinJobAge=600, SchedulerParameters=sched_interval=1.
# Idempotent: when the instance in DIR is already up it only prints its SLURM_CONF. A partial or dead
# instance in DIR is stopped first. On failure everything it started is stopped again, the log tails are
# printed and the exit status is 1 (3 when a port was taken, so a caller can retry with other ports).
# Installs the Debian packages when missing (serialised through a lock, apt-get update when needed).
set -Eeuo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
DBD=0
DIR=/run/evalgate-slurm/default
PORTS=""
CLUSTER=evalgate
while [ $# -gt 0 ]; do
  case "$1" in
    --dbd) DBD=1 ;;
    --dir) DIR="${2:?--dir needs a directory}"; shift ;;
    --ports) PORTS="${2:?--ports needs CTLD,SLURMD[,DBD,DB]}"; shift ;;
    --cluster) CLUSTER="${2:?--cluster needs a name}"; shift ;;
    -h | --help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "slurm-up: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

if [ "$(id -u)" -ne 0 ]; then
  echo "slurm-up: must run as root (slurmd runs jobs as their users, munged runs as user munge): sudo $0" >&2
  exit 1
fi
case "$DIR" in /*) ;; *) echo "slurm-up: --dir must be absolute: $DIR" >&2; exit 2 ;; esac
IFS=, read -r CTLD_PORT SLURMD_PORT DBD_PORT DB_PORT <<<"${PORTS:-6817,6818,6819,6820}"
DBD_PORT="${DBD_PORT:-6819}"
DB_PORT="${DB_PORT:-6820}"

now_ms() { echo $(($(date +%s%N) / 1000000)); }
T0=$(now_ms)
# waitfor SECONDS PIDFILE... -- CMD...: retry CMD (quietly, 5 s at most per try) every 50 ms until it
# succeeds; 1 after SECONDS, or as soon as a daemon named by a PIDFILE that exists has exited.
waitfor() {
  local end=$(($(now_ms) + $1 * 1000)) pidfiles=() f
  shift
  while [ "$1" != -- ]; do pidfiles+=("$1"); shift; done
  shift
  while :; do
    for f in "${pidfiles[@]}"; do
      if [ -s "$f" ] && ! kill -0 "$(cat "$f")" 2>/dev/null; then
        echo "slurm-up: $(basename "$f" .pid) exited" >&2
        return 1
      fi
    done
    timeout 5 "$@" >/dev/null 2>&1 && return 0
    [ "$(now_ms)" -lt "$end" ] || return 1
    sleep 0.05
  done
}

# --- packages ---------------------------------------------------------------------------------------
need=(/usr/sbin/munged /usr/bin/munge /usr/sbin/slurmctld /usr/sbin/slurmd /usr/bin/sbatch)
pkgs=(munge slurmctld slurmd slurm-client)
if [ $DBD = 1 ]; then
  need+=(/usr/sbin/slurmdbd /usr/sbin/mariadbd /usr/bin/mariadb-install-db /usr/bin/mariadb)
  pkgs+=(slurmdbd mariadb-server)
fi
missing=0
for f in "${need[@]}"; do [ -x "$f" ] || missing=1; done
if [ $missing = 1 ]; then
  echo "slurm-up: installing ${pkgs[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt_install() { apt-get install -y -q --no-install-recommends -o DPkg::Lock::Timeout=300 "${pkgs[@]}"; }
  # One apt at a time across parallel test files (the same lock as __tests__/fakes/sshd.ts).
  exec 8>/tmp/evalgate-apt.lock
  flock 8
  if ! apt_install >&2; then
    apt-get update -q >&2 || { echo "slurm-up: apt-get update failed" >&2; exit 1; }
    apt_install >&2 || { echo "slurm-up: apt-get install ${pkgs[*]} failed" >&2; exit 1; }
  fi
  flock -u 8
  for f in "${need[@]}"; do [ -x "$f" ] || { echo "slurm-up: $f is still missing after installing ${pkgs[*]}" >&2; exit 1; }; done
fi
if [ ! -s /etc/munge/munge.key ]; then
  mungekey --create --keyfile=/etc/munge/munge.key
  chown munge:munge /etc/munge/munge.key
  chmod 600 /etc/munge/munge.key
fi

# --- already up? ------------------------------------------------------------------------------------
alive() { [ -s "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }
export SLURM_CONF="$DIR/slurm.conf"
if [ -e "$DIR/up" ] && alive "$DIR/slurmctld.pid" && alive "$DIR/slurmd.pid" && alive "$DIR/munge/munged.pid" &&
  { [ $DBD = 0 ] || alive "$DIR/slurmdbd.pid"; } && timeout 10 sinfo -h >/dev/null 2>&1; then
  echo "slurm-up: already up in $DIR" >&2
  echo "SLURM_CONF=$SLURM_CONF"
  exit 0
fi
if [ -e "$DIR" ]; then
  # A dead or partial instance: stop what is left of it and start from a clean state (job ids from 1).
  # DIR itself stays (a caller may keep its own files there, e.g. __tests__/fakes/slurm.ts its owner.pid).
  bash "$here/slurm-down.sh" --dir "$DIR" >&2
  rm -rf "$DIR/state" "$DIR/spool" "$DIR/log" "$DIR/db" "$DIR/munge" "$DIR"/*.pid "$DIR/slurm.conf" "$DIR/slurmdbd.conf"
fi

# --- failure: stop what was started, show the logs ---------------------------------------------------
on_error() {
  local rc=$?
  trap - ERR EXIT
  echo "slurm-up: FAILED (exit $rc) after $(($(now_ms) - T0)) ms; logs in $DIR:" >&2
  for f in "$DIR"/log/*.log "$DIR"/munge/munged.log; do
    [ -s "$f" ] && { echo "--- $f (tail)" >&2; tail -n 15 "$f" >&2; }
  done
  local status=1
  if grep -qsiE 'address already in use|unable to bind|bind\(\) failed|Do you already have another mysqld' "$DIR"/log/*.log; then
    status=3
  fi
  bash "$here/slurm-down.sh" --dir "$DIR" >&2 || true
  exit $status
}
trap on_error ERR
fail() {
  echo "slurm-up: $*" >&2
  false
}

install -d -m 755 "$DIR" "$DIR/log" "$DIR/state" "$DIR/spool"
install -d -o munge -g munge -m 755 "$DIR/munge"
SOCK="$DIR/munge/munge.socket"

# --- munged (private socket; the key is the machine's) -----------------------------------------------
runuser -u munge -- /usr/sbin/munged --socket="$SOCK" --pid-file="$DIR/munge/munged.pid" \
  --seed-file="$DIR/munge/munged.seed" --log-file="$DIR/munge/munged.log" --num-threads=4
waitfor 10 "$DIR/munge/munged.pid" -- bash -c "munge -S '$SOCK' -n | unmunge -S '$SOCK'" || fail "munged did not answer on $SOCK"

# --- slurm.conf --------------------------------------------------------------------------------------
if [ $DBD = 1 ]; then
  ACCT="AccountingStorageType=accounting_storage/slurmdbd
AccountingStorageHost=localhost
AccountingStoragePort=$DBD_PORT
# the munge socket for slurmdbd connections (AuthInfo only covers slurmctld/slurmd)
AccountingStoragePass=$SOCK
JobAcctGatherType=jobacct_gather/linux"
else
  ACCT="AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none"
fi
cat >"$DIR/slurm.conf" <<CONF
# written by scripts/slurm-up.sh
ClusterName=$CLUSTER
SlurmctldHost=localhost(127.0.0.1)
SlurmctldPort=$CTLD_PORT
SlurmdPort=$SLURMD_PORT
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$SOCK
MpiDefault=none
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
MailProg=/bin/true
$ACCT
JobCompType=jobcomp/filetxt
JobCompLoc=$DIR/log/jobcomp.log
SchedulerType=sched/backfill
SchedulerParameters=sched_interval=1
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
MinJobAge=600
KillWait=5
SlurmctldPidFile=$DIR/slurmctld.pid
SlurmdPidFile=$DIR/slurmd.pid
SlurmdSpoolDir=$DIR/spool
StateSaveLocation=$DIR/state
SlurmctldLogFile=$DIR/log/slurmctld.log
SlurmdLogFile=$DIR/log/slurmd.log
NodeName=localhost NodeAddr=127.0.0.1 CPUs=$(nproc) RealMemory=1000 State=UNKNOWN
PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF

# --- accounting: a private MariaDB + slurmdbd ---------------------------------------------------------
if [ $DBD = 1 ]; then
  install -d -o mysql -g mysql -m 750 "$DIR/db"
  DBOPTS=(--no-defaults --user=mysql --datadir="$DIR/db/data" --innodb-log-file-size=4M --innodb-buffer-pool-size=32M)
  mariadb-install-db "${DBOPTS[@]}" --auth-root-authentication-method=socket --skip-test-db >"$DIR/log/mariadb-install.log" 2>&1 ||
    fail "mariadb-install-db failed (see $DIR/log/mariadb-install.log)"
  /usr/sbin/mariadbd "${DBOPTS[@]}" --bind-address=127.0.0.1 --port="$DB_PORT" --socket="$DIR/db/mysqld.sock" \
    --pid-file="$DIR/db/mysqld.pid" --skip-name-resolve --log-error="$DIR/log/mariadb.log" </dev/null >/dev/null 2>&1 &
  echo $! >"$DIR/db/mariadbd.pid"
  waitfor 30 "$DIR/db/mariadbd.pid" -- mariadb -S "$DIR/db/mysqld.sock" -e 'select 1' || fail "mariadbd did not start on port $DB_PORT"
  mariadb -S "$DIR/db/mysqld.sock" -e "CREATE USER 'slurm'@'127.0.0.1' IDENTIFIED BY 'slurm'; GRANT ALL ON slurm_acct_db.* TO 'slurm'@'127.0.0.1';"
  # slurmdbd reads slurmdbd.conf from the directory of $SLURM_CONF.
  cat >"$DIR/slurmdbd.conf" <<CONF
AuthType=auth/munge
AuthInfo=socket=$SOCK
DbdHost=localhost
DbdAddr=127.0.0.1
DbdPort=$DBD_PORT
SlurmUser=root
LogFile=$DIR/log/slurmdbd.log
PidFile=$DIR/slurmdbd.pid
StorageType=accounting_storage/mysql
StorageHost=127.0.0.1
StoragePort=$DB_PORT
StorageUser=slurm
StoragePass=slurm
StorageLoc=slurm_acct_db
CONF
  chmod 600 "$DIR/slurmdbd.conf"
  slurmdbd
  waitfor 30 "$DIR/slurmdbd.pid" -- sacctmgr -n -P show cluster || fail "slurmdbd did not answer on port $DBD_PORT"
  sacctmgr -i add cluster "$CLUSTER" >/dev/null
fi

# --- slurmctld + slurmd ------------------------------------------------------------------------------
slurmctld
slurmd -N localhost
waitfor 30 "$DIR/slurmctld.pid" "$DIR/slurmd.pid" -- bash -c '[ "$(sinfo -h -o %T)" = idle ]' ||
  fail "the node did not become idle: $(timeout 3 sinfo 2>&1 || true)"

touch "$DIR/up"
trap - ERR
echo "slurm-up: up in $DIR after $(($(now_ms) - T0)) ms (accounting: $([ $DBD = 1 ] && echo slurmdbd || echo none))" >&2
echo "SLURM_CONF=$SLURM_CONF"
