using FairSharp.Experiments.Sweeps;
using FairSharp.Training;
using FairSharp.Training.Objectives;
using FairSharp.Training.Runs;

namespace FairSharp.Experiments.Trials;

/// <summary>
/// Runs a sweep trial through the training pipeline (<see cref="TrainingRun"/>): the trial's configuration becomes a
/// <see cref="TrainRequest"/>, the test metrics and per-group metrics of the chosen epoch become the record. Methods
/// come from the training <see cref="MethodRegistry"/>, so a method registered later (FAIRER) is sweepable at once.
/// </summary>
public sealed class TrainingTrialRunner : ITrialRunner
{
    /// <summary>Error text: stitch options for the training pipeline (format: the trial's curve).</summary>
    public const string StitchNotSupported = "{0}: stitch options need a stitch method run on a backbone, which the training pipeline of this build does not take from a sweep";

    /// <summary>Registered methods that have no fairness weight: swept once per seed.</summary>
    public static IReadOnlySet<string> MethodsWithoutLambda { get; } = new HashSet<string>(StringComparer.Ordinal) { "erm" };

    /// <summary>Registered methods trained through a stitching layer: multiplied by the stitch options.</summary>
    public static IReadOnlySet<string> StitchMethods { get; } = new HashSet<string>(StringComparer.Ordinal) { "tfs", "fdr" };

    /// <inheritdoc />
    public IMethodCatalog Catalog => new MethodCatalog(MethodRegistry.Names.Select(name =>
        new MethodInfo(name, !MethodsWithoutLambda.Contains(name), StitchMethods.Contains(name))));

    /// <summary>The training request of a trial.</summary>
    public static TrainRequest ToRequest(TrialSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var c = spec.Config;
        if (c.StitchLayer is not null || c.StitchInit is not null)
        {
            throw new InvalidInputException(string.Format(System.Globalization.CultureInfo.InvariantCulture, StitchNotSupported, c.Curve));
        }

        var request = new TrainRequest(c.Dataset, c.Sensitive.Split(','), c.Method)
        {
            Constraint = FairnessConstraints.Parse(c.Constraint),
            Lambda = c.Lambda,
            Seed = c.Seed,
            Epochs = c.Epochs,
            Threads = spec.TorchThreads,
            DataDirectory = spec.DataDirectory,
        };
        return c.Protocol is { } protocol ? request with { Protocol = protocol } : request;
    }

    /// <summary>Validates what every trial of <paramref name="options"/> will ask the training and data layers for
    /// (dataset, attributes, protocol, epochs), so that bad input is refused before any worker starts.</summary>
    public void CheckData(SweepOptions options, string? dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(options);
        var plan = SweepPlan.Create(options, Catalog);
        foreach (var method in plan.Trials.Select(t => t.Method).Distinct(StringComparer.Ordinal))
        {
            var trial = plan.Trials.First(t => t.Method == method);
            ToRequest(new TrialSpec(trial, dataDirectory, string.Empty, 1)).Validate();
        }
    }

    /// <inheritdoc />
    public TrialOutcome Run(TrialSpec spec, CancellationToken cancellationToken)
    {
        var request = ToRequest(spec);
        var outcome = TrainingRun.Execute(request, outputDirectory: null, SilentObserver.Instance);
        if (!outcome.Succeeded)
        {
            return TrialOutcome.Unfinished(TrialStatus.Diverged, outcome.Message ?? "training diverged (NaN or infinite loss)");
        }

        return new TrialOutcome(TrialStatus.Ok, outcome.Test, outcome.TestByGroup, outcome.ChosenEpoch, null)
        {
            Degenerate = outcome.Degenerate,
        };
    }
}
