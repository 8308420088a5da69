using FairSharp.Experiments.Analysis;
using FairSharp.Experiments.Sweeps;

namespace FairSharp.Experiments.Study;

/// <summary>What the records of one part say so far: its planned trials, the records found in its folders (shards
/// merged), and their analysis when at least one trial finished ok.</summary>
/// <param name="Part">The part.</param>
/// <param name="Plan">Its sweep plan, or null when the part is skipped or not a sweep.</param>
/// <param name="Records">The current record of each finished trial (any status).</param>
/// <param name="Analysis">The analysis of the records, or null when no trial finished ok.</param>
public sealed record PartResult(StudyPart Part, SweepPlan? Plan, IReadOnlyList<TrialRecord> Records, SweepAnalysis? Analysis)
{
    /// <summary>Bootstrap resamples of every interval of the study (seeded by 0, so the report is reproducible).</summary>
    public const int Resamples = 2000;

    /// <summary>The stitch points of the part's backbone when the part stitches and the report could build it; else null.</summary>
    public StitchGeometry? Geometry { get; init; }

    /// <summary>Planned trials.</summary>
    public int Planned => Plan?.Trials.Count ?? 0;

    /// <summary>Whether every planned trial has a record.</summary>
    public bool Complete => Plan is not null && Records.Count >= Planned;

    /// <summary>Trial seconds recorded (each trial's total wall time in its worker, one torch thread).</summary>
    public double Seconds => Records.Sum(r => r.Timings.TotalSeconds);

    /// <summary>The analysis options of the part (its utility and gap keys, 2000 resamples, seed 0).</summary>
    public static AnalysisOptions OptionsOf(StudyPart part)
    {
        ArgumentNullException.ThrowIfNull(part);
        return new AnalysisOptions { UtilityKey = part.UtilityKey, GapKey = part.GapKey, Resamples = Resamples };
    }

    /// <summary>Reads the part's folders under <paramref name="directory"/> and analyses what is there.</summary>
    public static PartResult Read(string directory, StudyPart part, SweepPlan? plan)
    {
        ArgumentNullException.ThrowIfNull(part);
        if (plan is null)
        {
            return new PartResult(part, null, [], null);
        }

        var folders = StudyPlan.SweepFoldersOf(directory, part.Name);
        if (folders.Count == 0)
        {
            return new PartResult(part, plan, [], null);
        }

        var content = SweepFolders.Read(folders);
        var planned = plan.Trials.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        var records = content.Records.Where(r => planned.Contains(r.Id)).ToArray();
        var analysis = records.Any(r => r.Status == TrialStatus.Ok) ? SweepAnalyzer.Analyze(plan.Trials, records, OptionsOf(part)) : null;
        return new PartResult(part, plan, records, analysis);
    }

    /// <summary>The paired hypervolume difference <paramref name="a"/> − <paramref name="b"/> (same seeds, the part's
    /// reference point) with its bootstrap interval, P(a better) and whether a's front covers b's points; null when either
    /// curve has no finished point.</summary>
    public PairedDifference? Compare(string a, string b)
    {
        if (Analysis is null || Plan is null)
        {
            return null;
        }

        var trials = Plan.Trials.Where(t => t.Curve == a || t.Curve == b).ToArray();
        var ids = trials.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        var records = Records.Where(r => ids.Contains(r.Id) && r.Status == TrialStatus.Ok).ToArray();
        if (!records.Any(r => r.Config.Curve == a) || !records.Any(r => r.Config.Curve == b))
        {
            return null;
        }

        var pair = SweepAnalyzer.Analyze(trials, records, OptionsOf(Part) with { HypervolumeReference = Analysis.Reference });
        var comparison = pair.Comparisons.FirstOrDefault(c => (c.Better == a && c.Other == b) || (c.Better == b && c.Other == a));
        if (comparison is null)
        {
            return null;
        }

        var d = comparison.Difference;
        var seeds = records.Select(r => r.Config.Seed).Distinct().Count();
        return comparison.Better == a
            ? new PairedDifference(a, b, d.Value, d.Low, d.High, comparison.ProbabilityBetter, comparison.FrontCovers, seeds)
            : new PairedDifference(a, b, -d.Value, -d.High, -d.Low, 1 - comparison.ProbabilityBetter, false, seeds);
    }
}
