#!/usr/bin/env bash
# Starts a single-node Slurm cluster on this machine (Debian slurm-wlm 22.05 + munge), as root and without systemd:
# munged as the munge user, a minimal slurm.conf (this host's short name, nproc CPUs, its memory, one default partition,
# proctrack/linuxproc, task/none, no accounting), then slurmctld and slurmd; waits until sinfo shows the node idle.
# Idempotent: a cluster already up is left as it is. Installs slurm-wlm and munge with apt-get if they are missing.
# Usage: experiments/slurm/start-single-node.sh        (prints "slurm: node <host> idle (<n> CPUs)" when ready)
set -euo pipefail

if [ "$(id -u)" -ne 0 ]; then
    echo "start-single-node.sh: error: must run as root (it starts munged, slurmctld and slurmd)" >&2
    exit 2
fi

if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v munged >/dev/null || ! command -v sbatch >/dev/null; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq slurm-wlm munge >/dev/null
fi

host=$(hostname -s)
cpus=$(nproc)
mem_mb=$(( $(awk '/MemTotal/ {print $2}' /proc/meminfo) / 1024 - 512 ))

if sinfo -h -n "$host" -o '%T' 2>/dev/null | grep -qE '^(idle|mixed|allocated)'; then
    echo "slurm: node $host already up ($(sinfo -h -n "$host" -o '%T'))"
    exit 0
fi

# munge: the package made /etc/munge/munge.key; the daemon needs its runtime folders owned by munge.
install -d -o munge -g munge -m 0755 /run/munge
install -d -o munge -g munge -m 0700 /var/lib/munge /var/log/munge
if ! pgrep -x munged >/dev/null; then
    [ -s /etc/munge/munge.key ] || { echo "start-single-node.sh: error: /etc/munge/munge.key is missing (reinstall munge)" >&2; exit 1; }
    runuser -u munge -- /usr/sbin/munged
fi
for _ in $(seq 50); do munge -n >/dev/null 2>&1 && break; sleep 0.1; done
munge -n | unmunge >/dev/null || { echo "start-single-node.sh: error: munged does not answer" >&2; exit 1; }

install -d -m 0755 /etc/slurm /var/spool/slurmctld /var/spool/slurmd /var/log/slurm /run/slurm
cat > /etc/slurm/slurm.conf <<CONF
# Written by experiments/slurm/start-single-node.sh: one node, no accounting.
ClusterName=almab
SlurmctldHost=$host
SlurmUser=root
AuthType=auth/munge
MpiDefault=none
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
ReturnToService=2
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
JobCompType=jobcomp/none
StateSaveLocation=/var/spool/slurmctld
SlurmdSpoolDir=/var/spool/slurmd
SlurmctldPidFile=/run/slurm/slurmctld.pid
SlurmdPidFile=/run/slurm/slurmd.pid
SlurmctldLogFile=/var/log/slurm/slurmctld.log
SlurmdLogFile=/var/log/slurm/slurmd.log
SlurmctldTimeout=30
SlurmdTimeout=30
InactiveLimit=0
MinJobAge=300
KillWait=10
Waittime=0
NodeName=$host CPUs=$cpus RealMemory=$mem_mb State=UNKNOWN
PartitionName=main Nodes=$host Default=YES MaxTime=INFINITE State=UP OverSubscribe=NO
CONF

pgrep -x slurmctld >/dev/null || /usr/sbin/slurmctld
pgrep -x slurmd >/dev/null || /usr/sbin/slurmd

for _ in $(seq 150); do
    state=$(sinfo -h -n "$host" -o '%T' 2>/dev/null || true)
    case "$state" in
        idle|mixed|allocated) echo "slurm: node $host $state ($cpus CPUs, ${mem_mb} MB)"; exit 0 ;;
        down*|drain*) scontrol update NodeName="$host" State=RESUME 2>/dev/null || true ;;
    esac
    sleep 0.2
done
echo "start-single-node.sh: error: node $host not idle after 30 s (state '${state:-none}'); see /var/log/slurm/slurmctld.log and slurmd.log" >&2
exit 1
