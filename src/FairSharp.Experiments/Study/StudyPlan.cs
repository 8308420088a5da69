using System.Security.Cryptography;
using System.Text;
using FairSharp.Experiments.Sweeps;

namespace FairSharp.Experiments.Study;

/// <summary>The study's parts with the sweep plan of each part that runs. The same options give the same parts, the
/// same trials and the same <see cref="Id"/>.</summary>
public sealed class StudyPlan
{
    private StudyPlan(StudyOptions options, IReadOnlyList<(StudyPart Part, SweepPlan? Plan)> parts)
    {
        Options = options;
        Parts = parts;
        var ids = string.Join('\n', parts.Select(p => $"{p.Part.Name}:{p.Plan?.Id ?? "-"}"));
        Id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ids)))[..16];
    }

    /// <summary>The options the plan was made from.</summary>
    public StudyOptions Options { get; }

    /// <summary>Every part in study order, with its sweep plan (null for a part that is skipped or not a sweep).</summary>
    public IReadOnlyList<(StudyPart Part, SweepPlan? Plan)> Parts { get; }

    /// <summary>Hash of the part names and their plan ids (16 hex digits).</summary>
    public string Id { get; }

    /// <summary>Plans every part of <see cref="StudyDesign.Parts"/>.</summary>
    public static StudyPlan Create(StudyOptions options, IMethodCatalog catalog)
    {
        var parts = StudyDesign.Parts(options, catalog);
        return new StudyPlan(options, parts.Select(p => (p, p.Runs ? SweepPlan.Create(p.Sweep!, catalog) : null)).ToArray());
    }

    /// <summary>The parts named in <paramref name="names"/> (all when empty); throws <see cref="InvalidInputException"/>
    /// for a name that is not a part.</summary>
    public IReadOnlyList<(StudyPart Part, SweepPlan? Plan)> Select(IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        foreach (var name in names)
        {
            if (!Parts.Any(p => p.Part.Name == name))
            {
                throw new InvalidInputException(SweepOptions.Format(StudyErrors.UnknownPart, name, string.Join(", ", Parts.Select(p => p.Part.Name))));
            }
        }

        return names.Count == 0 ? Parts : Parts.Where(p => names.Contains(p.Part.Name, StringComparer.Ordinal)).ToArray();
    }

    /// <summary>The folder a part's slice runs in: <c>DIR/PART</c>, or <c>DIR/PART/shard-I-of-N</c> for a shard, so
    /// that shards never share a folder (each has its own lock and trials.jsonl) and the report reads them all.</summary>
    public static string PartFolder(string directory, string part, ShardSpec shard)
    {
        ArgumentNullException.ThrowIfNull(shard);
        var folder = Path.Combine(directory, part);
        return shard == ShardSpec.All ? folder : Path.Combine(folder, FormattableString.Invariant($"shard-{shard.Index}-of-{shard.Count}"));
    }

    /// <summary>Every sweep folder of a part: the part folder itself and its shard folders, those that hold a plan.</summary>
    public static IReadOnlyList<string> SweepFoldersOf(string directory, string part)
    {
        var folder = Path.Combine(directory, part);
        if (!Directory.Exists(folder))
        {
            return [];
        }

        return new[] { folder }.Concat(Directory.GetDirectories(folder, "shard-*").Order(StringComparer.Ordinal))
            .Where(f => File.Exists(Path.Combine(f, PlanFile.FileName)) && File.Exists(Path.Combine(f, TrialStore.FileName)))
            .ToArray();
    }

    /// <summary>Planned CPU seconds of the parts that run (trials × the part's estimate).</summary>
    public double EstimatedSeconds => Parts.Where(p => p.Plan is not null).Sum(p => p.Plan!.Trials.Count * p.Part.EstimatedSecondsPerTrial);
}
