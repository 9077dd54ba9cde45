#!/usr/bin/env bash
# One evalgate job on a DGX node. Rendered by `evalgate run --platform dgx --dry-run`; the
# rendered script runs under Slurm (`sbatch run.sh`, which reads the #SBATCH lines) or by hand
# on the node (`bash run.sh`). A name in double braces is replaced by its value shell-quoted.
#SBATCH --job-name={{job_name}}
#SBATCH --time={{timeout_minutes}}
#SBATCH --output={{log_path}}
#SBATCH --ntasks=1
set -euo pipefail
{{{env_exports}}}
mkdir -p {{out_dir}}
cd {{workdir}}
exec /bin/sh -c {{command}}
