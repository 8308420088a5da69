namespace FairSharp.Experiments.Sweeps;

/// <summary>Reads one or more sweep output folders of the same plan (shards) as one set of trials.</summary>
public static class SweepFolders
{
    /// <summary>The plan and the records of <paramref name="directories"/>: one current record per trial id (the first
    /// ok record met, folders in the order given; a retry replaces a failed attempt, which is kept as history). Throws <see cref="InvalidInputException"/> when a folder is not a sweep folder or
    /// the folders hold different plans.</summary>
    public static SweepFolderContent Read(IReadOnlyList<string> directories)
    {
        ArgumentNullException.ThrowIfNull(directories);
        if (directories.Count == 0)
        {
            throw new InvalidInputException(ExperimentErrors.NoFolders);
        }

        PlanDocument? plan = null;
        string? planFolder = null;
        var history = new TrialHistory();
        int ignored = 0, duplicates = 0;
        foreach (var directory in directories)
        {
            var planPath = Path.Combine(directory, PlanFile.FileName);
            if (!File.Exists(planPath))
            {
                throw new InvalidInputException(SweepOptions.Format(ExperimentErrors.NoPlan, directory));
            }

            var store = new TrialStore(directory);
            if (!File.Exists(store.FilePath))
            {
                throw new InvalidInputException(SweepOptions.Format(ExperimentErrors.NoTrials, directory));
            }

            var document = PlanFile.Read(planPath);
            if (plan is null)
            {
                plan = document;
                planFolder = directory;
            }
            else if (document.PlanId != plan.PlanId)
            {
                throw new InvalidInputException(SweepOptions.Format(ExperimentErrors.PlansDisagree, planFolder, directory));
            }

            var content = store.Read();
            ignored += content.IgnoredLines;
            duplicates += content.DuplicateLines;
            history.AddFolder(content);
        }

        return new SweepFolderContent(plan!, history.Current, ignored, duplicates + history.Duplicates) { Superseded = history.Superseded };
    }

    /// <summary>Writes <paramref name="content"/> into <paramref name="directory"/> as a complete sweep folder
    /// (plan.json and trials.jsonl, each atomically), so that it can be reported on or resumed like any sweep folder.
    /// A folder that already holds trials is merged into, never overwritten: it must hold the same plan (a shard of it,
    /// or an earlier merge), its records are kept, and its lock is held while it is rewritten.</summary>
    /// <returns>What the folder holds now: <paramref name="content"/>'s records and the ones it already had.</returns>
    /// <exception cref="InvalidInputException">The folder holds another plan, or a sweep is running in it.</exception>
    public static SweepFolderContent WriteMerged(string directory, SweepFolderContent content)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(content);
        var planPath = Path.Combine(directory, PlanFile.FileName);
        var store = new TrialStore(directory);
        if (!File.Exists(planPath) && File.Exists(store.FilePath))
        {
            throw new InvalidInputException(SweepOptions.Format(ExperimentErrors.NoPlan, directory));
        }

        if (File.Exists(planPath) && PlanFile.Read(planPath).PlanId != content.Plan.PlanId)
        {
            throw new InvalidInputException(SweepOptions.Format(ExperimentErrors.MergeIntoOtherPlan, directory));
        }

        Directory.CreateDirectory(directory);
        using var folderLock = SweepFolderLock.Take(directory);
        var history = new TrialHistory();
        history.AddFolder(new TrialStoreContent(content.Records, 0, 0) { Superseded = content.Superseded });
        history.AddFolder(store.Read());
        var order = content.Plan.Trials.Select((t, i) => (t.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        // Earlier attempts first, so that reading the merged file folds them into the same history.
        var lines = history.Superseded.DistinctBy(TrialStore.Serialize).Concat(history.Current.OrderBy(r => order.GetValueOrDefault(r.Id, int.MaxValue)))
            .Select(r => TrialStore.Serialize(r) + "\n");
        AtomicFile.WriteAllText(store.FilePath, string.Concat(lines));
        AtomicFile.WriteAllText(planPath, System.Text.Json.JsonSerializer.Serialize(content.Plan, SweepJson.Indented) + "\n");
        return content with { Records = history.Current, Superseded = history.Superseded };
    }
}
