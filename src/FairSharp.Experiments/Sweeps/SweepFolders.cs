namespace FairSharp.Experiments.Sweeps;

/// <summary>Reads one or more sweep output folders of the same plan (shards) as one set of trials.</summary>
public static class SweepFolders
{
    /// <summary>The plan and the records of <paramref name="directories"/>: one record per trial id (the first met,
    /// folders in the order given). Throws <see cref="InvalidInputException"/> when a folder is not a sweep folder or
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
        var records = new List<TrialRecord>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
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
            foreach (var record in content.Records)
            {
                if (ids.Add(record.Id))
                {
                    records.Add(record);
                }
                else
                {
                    duplicates++;
                }
            }
        }

        return new SweepFolderContent(plan!, records, ignored, duplicates);
    }

    /// <summary>Writes <paramref name="content"/> as a complete sweep folder (plan.json and trials.jsonl, each
    /// atomically), so that it can be reported on or resumed like any sweep folder.</summary>
    public static void WriteMerged(string directory, SweepFolderContent content)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(content);
        Directory.CreateDirectory(directory);
        var order = content.Plan.Trials.Select((t, i) => (t.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var lines = content.Records.OrderBy(r => order.GetValueOrDefault(r.Id, int.MaxValue)).Select(r => TrialStore.Serialize(r) + "\n");
        AtomicFile.WriteAllText(Path.Combine(directory, TrialStore.FileName), string.Concat(lines));
        AtomicFile.WriteAllText(Path.Combine(directory, PlanFile.FileName),
            System.Text.Json.JsonSerializer.Serialize(content.Plan, SweepJson.Indented) + "\n");
    }
}
