namespace FairSharp.Experiments.Study;

/// <summary>One part of the reproduction study: a sweep (or, when <see cref="Sweep"/> is null, a step that is not a
/// sweep) with the claims it tests and the grid points cut to fit the machine-time budget.</summary>
/// <param name="Name">Folder name of the part inside the study folder (<c>fairer-adult-dp</c>, …).</param>
/// <param name="Section">Section of issue 19 the part belongs to (1–6).</param>
/// <param name="Title">One line saying what the part runs.</param>
/// <param name="Sweep">The sweep the part runs, or null for a part that is not (yet) a sweep.</param>
public sealed record StudyPart(string Name, int Section, string Title, Sweeps.SweepOptions? Sweep)
{
    /// <summary>Why the part is not run on this machine or build (data absent, method not built); null when it runs.</summary>
    public string? SkipReason { get; init; }

    /// <summary>Utility metric the part's report compares on (FAIRER's parts: average precision, as the authors).</summary>
    public string UtilityKey { get; init; } = Metrics.MetricKeys.Accuracy;

    /// <summary>Fairness-gap metric the part's report compares on; null = the constraint's fairlearn gap.</summary>
    public string? GapKey { get; init; }

    /// <summary>Estimated CPU seconds per trial (one torch thread), from earlier sweeps; sizes the grids.</summary>
    public double EstimatedSecondsPerTrial { get; init; }

    /// <summary>Grid points of the authors' protocol left out to fit the budget, or settings the sweep cannot run, in words.</summary>
    public IReadOnlyList<string> Cuts { get; init; } = [];

    /// <summary>Whether the part runs trials here.</summary>
    public bool Runs => Sweep is not null && SkipReason is null;
}
