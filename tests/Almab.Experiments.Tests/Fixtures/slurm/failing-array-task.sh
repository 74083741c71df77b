#!/bin/bash
echo "task $SLURM_ARRAY_TASK_ID of $SLURM_ARRAY_TASK_COUNT on $(hostname) cwd $(pwd)"
[ "$SLURM_ARRAY_TASK_ID" = 3 ] && exit 3
exit 0
