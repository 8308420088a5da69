using System.Globalization;
using FairSharp.Training.Objectives;

namespace FairSharp.Experiments.Sweeps;

/// <summary>
/// What a sweep runs: methods × λ values × seeds (× stitch options for stitch methods) on one dataset.
/// The defaults are the quick Adult sweep of the README (4 methods, 4 λ, 3 seeds).
/// </summary>
public sealed record SweepOptions
{
    /// <summary>The default method list: ERM and three fairness methods.</summary>
    public static IReadOnlyList<string> DefaultMethods { get; } = ["erm", "gapreg", "fairmixup", "fairer"];

    /// <summary>The default fairness weights: four log-spaced values.</summary>
    public static IReadOnlyList<double> DefaultLambdas { get; } = [0.1, 0.3, 1.0, 3.0];

    /// <summary>The stitch initialisations a stitch method accepts.</summary>
    public static IReadOnlyList<string> KnownStitchInits => Training.Stitching.StitchMethodDescriptor.Tfs.Knob(SweepPlan.StitchInitKnob)!.Choices;

    /// <summary>The fairness constraints.</summary>
    public static IReadOnlyList<string> KnownConstraints { get; } = Enum.GetValues<FairnessConstraint>().Select(c => c.ToName()).ToArray();

    /// <summary>Dataset name. Default <c>adult</c>.</summary>
    public string Dataset { get; init; } = "adult";

    /// <summary>A user's CSV (<c>--data</c> and its column options) in place of a catalogue dataset; then
    /// <see cref="Dataset"/> is only its label (the file name) and <see cref="DataSha256"/> is required. Its
    /// <see cref="Data.Csv.CsvDataOptions.Sensitive"/> and <see cref="Data.Csv.CsvDataOptions.Seed"/> are ignored: the
    /// sweep's <see cref="Sensitive"/> and each trial's seed apply. Default null.</summary>
    public Data.Csv.CsvDataOptions? Csv { get; init; }

    /// <summary>sha256 of <see cref="Csv"/>'s file(s) (<see cref="Data.Csv.TabularSource.DataSha256"/>), part of
    /// every trial id. Default null.</summary>
    public string? DataSha256 { get; init; }

    /// <summary>Sensitive attributes (several = intersectional groups). Default <c>sex</c>.</summary>
    public IReadOnlyList<string> Sensitive { get; init; } = ["sex"];

    /// <summary>Methods, in the order they are planned and drawn. Default <see cref="DefaultMethods"/>.</summary>
    public IReadOnlyList<string> Methods { get; init; } = DefaultMethods;

    /// <summary>Fairness constraint of every method. Default <c>dp</c>.</summary>
    public string Constraint { get; init; } = "dp";

    /// <summary>Fairness weights λ for methods that have one. Default <see cref="DefaultLambdas"/>.</summary>
    public IReadOnlyList<double> Lambdas { get; init; } = DefaultLambdas;

    /// <summary>Number of seeds (repeats) per point. Default 3.</summary>
    public int Seeds { get; init; } = 3;

    /// <summary>First seed; trial seeds are <c>Seed, Seed + 1, …, Seed + Seeds − 1</c>. Default 0.</summary>
    public int Seed { get; init; }

    /// <summary>Protocol preset, or null for the default (<c>ffb</c>, the same for every method: a trial with no
    /// protocol runs a <c>TrainRequest</c>'s default). Default null.</summary>
    public string? Protocol { get; init; }

    /// <summary>Training epochs, or null for the protocol's default. Default null.</summary>
    public int? Epochs { get; init; }

    /// <summary>Stitch layers tried by stitch methods; empty = the default (penultimate) layer only. Default empty.</summary>
    public IReadOnlyList<int> StitchLayers { get; init; } = [];

    /// <summary>Stitch initialisations tried by stitch methods; empty = the method's default only. Default empty.</summary>
    public IReadOnlyList<string> StitchInits { get; init; } = [];

    /// <summary>Let each method keep its own sampler (<c>--mixed-samplers</c>) instead of one sampler for all; the report
    /// then warns that the comparison mixes objective, sampler and rows per step. Default false.</summary>
    public bool MixedSamplers { get; init; }

    /// <summary>Record in each trial of a trained network (not the stitch methods) the per-layer rationale cosines that
    /// <c>fairsharp rationale</c> computes on the chosen model (<c>--rationale</c>; <see cref="TrialConfig.Rationale"/>).
    /// No metric changes; the trials' ids do (a record with cosines is another record). Default false.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public bool RecordRationale { get; init; }

    /// <summary>Extra axes over method knobs (<c>--grid fairer.lambda_align=0,0.01,0.1</c>). Default none.</summary>
    public IReadOnlyList<GridAxis> Grid { get; init; } = [];

    /// <summary>Throws <see cref="InvalidInputException"/> with one of the <see cref="ExperimentErrors"/> texts when an
    /// option is unusable; methods are checked against <paramref name="catalog"/>.</summary>
    public void Validate(IMethodCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (string.IsNullOrWhiteSpace(Dataset))
        {
            throw new InvalidInputException(ExperimentErrors.NoDataset);
        }

        if (Sensitive.Count == 0 || Sensitive.Any(string.IsNullOrWhiteSpace))
        {
            throw new InvalidInputException(ExperimentErrors.NoSensitive);
        }

        if (Csv is not null)
        {
            (Csv with { Sensitive = Sensitive }).Validate();
            if (string.IsNullOrEmpty(DataSha256))
            {
                throw new ArgumentException("a CSV sweep needs the data hash (TabularSource.DataSha256)", nameof(DataSha256));
            }
        }

        if (Methods.Count == 0)
        {
            throw new InvalidInputException(ExperimentErrors.NoMethods);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var method in Methods)
        {
            if (catalog.Find(method) is null)
            {
                throw new InvalidInputException(Format(ExperimentErrors.UnknownMethod, method, string.Join(", ", catalog.Methods.Select(m => m.Name))));
            }

            if (!seen.Add(method))
            {
                throw new InvalidInputException(Format(ExperimentErrors.DuplicateMethod, method));
            }
        }

        if (!KnownConstraints.Contains(Constraint))
        {
            throw new InvalidInputException(Format(FairnessConstraints.Unknown, Constraint));
        }

        if (Lambdas.Count == 0)
        {
            throw new InvalidInputException(ExperimentErrors.EmptyLambdas);
        }

        var lambdas = new HashSet<double>();
        foreach (var lambda in Lambdas)
        {
            if (!double.IsFinite(lambda) || lambda < 0)
            {
                throw new InvalidInputException(Format(ExperimentErrors.BadLambda, lambda));
            }

            if (!lambdas.Add(lambda))
            {
                throw new InvalidInputException(Format(ExperimentErrors.DuplicateLambda, lambda));
            }
        }

        if (Seeds < 1)
        {
            throw new InvalidInputException(Format(ExperimentErrors.SeedsNotPositive, Seeds));
        }

        if (Epochs is < 1)
        {
            throw new InvalidInputException(Format(ExperimentErrors.EpochsNotPositive, Epochs));
        }

        foreach (var init in StitchInits)
        {
            if (!KnownStitchInits.Contains(init))
            {
                throw new InvalidInputException(Format(ExperimentErrors.BadStitchInit, init));
            }
        }

        ValidateGrid(catalog);
    }

    private void ValidateGrid(IMethodCatalog catalog)
    {
        var axes = new HashSet<(string, string)>();
        foreach (var axis in Grid)
        {
            if (!Methods.Contains(axis.Method, StringComparer.Ordinal))
            {
                throw new InvalidInputException(Format(ExperimentErrors.GridMethodNotPlanned, axis, axis.Method));
            }

            var method = catalog.Find(axis.Method)!;
            if (axis.Knob == Training.Methods.MethodDescriptor.LambdaKnob || axis.Knob == method.Descriptor?.WeightKnob)
            {
                throw new InvalidInputException(Format(ExperimentErrors.GridLambda, axis, axis.Knob));
            }

            var knob = method.Knobs.FirstOrDefault(k => k.Name == axis.Knob)
                ?? throw new InvalidInputException(Format(ExperimentErrors.GridUnknownKnob, axis, axis.Method,
                    method.Knobs.Count == 0 ? "none" : string.Join(", ", method.Knobs.Select(k => k.Name))));
            if (!axes.Add((axis.Method, axis.Knob)))
            {
                throw new InvalidInputException(Format(ExperimentErrors.GridTwice, axis));
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var value in axis.Values)
            {
                if (!seen.Add(method.Canonical(knob, value)))
                {
                    throw new InvalidInputException(Format(ExperimentErrors.GridDuplicateValue, axis, value));
                }
            }
        }
    }

    internal static string Format(string format, params object?[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}
