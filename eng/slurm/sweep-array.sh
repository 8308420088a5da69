#!/bin/bash
#SBATCH --job-name=fairsharp-sweep
#SBATCH --array=1-4
#SBATCH --cpus-per-task=1
#SBATCH --output=logs/sweep-%A_%a.out

# One slice of the plan per array task, in its own folder. Re-submitting the same array resumes every
# unfinished slice: finished trials are skipped, interrupted ones run again.
# Torch threads per worker = cores / jobs; without cgroups .NET sees every core of the node, so tell it the task's share.
export DOTNET_PROCESSOR_COUNT="$SLURM_CPUS_PER_TASK"
# The slice count is the array's size, written out: a re-submitted subset (--array=2) must keep slice 2 of 4.
slices=4
fairsharp sweep --dataset german --sensitive sex --methods erm,gapreg,fairer --lambdas 0.3,3 --seeds 3 --epochs 3 \
  --jobs "$SLURM_CPUS_PER_TASK" \
  --shard "${SLURM_ARRAY_TASK_ID}/${slices}" \
  --out "runs/german/shard-${SLURM_ARRAY_TASK_ID}"
