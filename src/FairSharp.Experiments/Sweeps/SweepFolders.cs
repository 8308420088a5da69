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
            throw new InvalidInputException(SweepErrors.NoFolders);
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
                throw new InvalidInputException(SweepOptions.Format(SweepErrors.NoPlan, directory));
            }

            var store = new TrialStore(directory);
            if (!File.Exists(store.FilePath))
            {
                throw new InvalidInputException(SweepOptions.Format(SweepErrors.NoTrials, directory));
            }

            var document = PlanFile.Read(planPath);
            if (plan is null)
            {
                plan = document;
                planFolder = directory;
            }
            else if (document.PlanId != plan.PlanId)
            {
                throw new InvalidInputException(SweepOptions.Format(SweepErrors.PlansDisagree, planFolder, directory));
            }

            var content = store.Read();
            ignored += content.IgnoredLines;
            duplicates += content.DuplicateLines;
            history.AddFolder(content);
        }

        return new SweepFolderContent(plan!, history.Current, ignored, duplicates + history.Duplicates) { Superseded = history.Superseded };
    }

    /// <summary>Writes <paramref name="content"/> as a complete sweep folder (plan.json and trials.jsonl, each
    /// atomically), so that it can be reported on or resumed like any sweep folder.</summary>
    public static void WriteMerged(string directory, SweepFolderContent content)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(content);
        Directory.CreateDirectory(directory);
        var order = content.Plan.Trials.Select((t, i) => (t.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        // Earlier attempts first, so that reading the merged file folds them into the same history.
        var lines = content.Superseded.Concat(content.Records.OrderBy(r => order.GetValueOrDefault(r.Id, int.MaxValue)))
            .Select(r => TrialStore.Serialize(r) + "\n");
        AtomicFile.WriteAllText(Path.Combine(directory, TrialStore.FileName), string.Concat(lines));
        AtomicFile.WriteAllText(Path.Combine(directory, PlanFile.FileName),
            System.Text.Json.JsonSerializer.Serialize(content.Plan, SweepJson.Indented) + "\n");
    }
}
