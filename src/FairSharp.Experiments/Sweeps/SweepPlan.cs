using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using FairSharp.Training.Methods;
using FairSharp.Training.Objectives;
using FairSharp.Training.Runs;

namespace FairSharp.Experiments.Sweeps;

/// <summary>
/// The deterministic list of trials of a sweep: for each method (in the given order), each λ (methods without λ:
/// λ = 0 once), each combination of its knob axes (<c>--stitch-layers</c>, <c>--stitch-inits</c>, then <c>--grid</c>),
/// each seed. Its <see cref="Id"/> is a hash of the trial ids
/// in order, so two commands that plan the same trials have the same plan id.
/// </summary>
public sealed class SweepPlan
{
    private SweepPlan(SweepOptions options, IReadOnlyList<MethodInfo> methods, IReadOnlyList<TrialConfig> trials, SamplerChoice sampler)
    {
        Options = options;
        Sampler = sampler;
        Methods = methods;
        Trials = trials;
        var ids = string.Join('\n', trials.Select(t => t.Id));
        Id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ids)))[..16];
    }

    /// <summary>The options the plan was made from.</summary>
    public SweepOptions Options { get; }

    /// <summary>The sampler every (non-stitch) method trains on, and why (<see cref="SamplerRule.ForComparison"/>).</summary>
    public SamplerChoice Sampler { get; }

    /// <summary>The planned methods, in plan order, as the catalogue describes them.</summary>
    public IReadOnlyList<MethodInfo> Methods { get; }

    /// <summary>Every trial, in plan order.</summary>
    public IReadOnlyList<TrialConfig> Trials { get; }

    /// <summary>Hash of the ordered trial ids (16 hex digits).</summary>
    public string Id { get; }

    /// <summary>Validates <paramref name="options"/> against <paramref name="catalog"/> and lists the trials.</summary>
    public static SweepPlan Create(SweepOptions options, IMethodCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate(catalog);
        var sensitive = string.Join(',', options.Sensitive);
        var sampler = SamplerRule.ForComparison(options.Methods.Select(m => catalog.Find(m)!.Descriptor).OfType<NetworkMethodDescriptor>().ToArray(),
            FairnessConstraints.Parse(options.Constraint), options.MixedSamplers);
        var sampling = sampler.Sampling is { } kind ? SamplerRule.Name(kind) : null;
        var csv = options.Csv is { } data
            ? data with
            {
                Sensitive = options.Sensitive,
                Seed = 0,
                DataFile = Absolute(data.DataFile),
                TrainFile = Absolute(data.TrainFile),
                ValidationFile = Absolute(data.ValidationFile),
                TestFile = Absolute(data.TestFile),
            }
            : null;
        var trials = new List<TrialConfig>();
        foreach (var name in options.Methods)
        {
            var method = catalog.Find(name)!;
            IReadOnlyList<double> lambdas = method.UsesLambda ? options.Lambdas : [0.0];
            var axes = Axes(options, method);
            IReadOnlyList<string>? curveKnobs = axes.Count == 0 ? null : axes.Select(a => a.Knob).ToArray();
            // A method with an epochs knob (the stitch methods) takes the sweep's --epochs as that knob.
            var epochsKnob = method.Knobs.Any(k => k.Name == EpochsKnob);
            var fixedKnobs = epochsKnob && options.Epochs is { } epochs ? new GridAxis(name, EpochsKnob, [epochs.ToString(CultureInfo.InvariantCulture)]) : null;
            foreach (var lambda in lambdas)
            {
                foreach (var knobs in KnobCombinations(method, fixedKnobs is null ? axes : [fixedKnobs, .. axes]))
                {
                    for (var s = 0; s < options.Seeds; s++)
                    {
                        trials.Add(new TrialConfig(options.Dataset, sensitive, options.Protocol, name, options.Constraint, lambda, options.Seed + s,
                            epochsKnob ? null : options.Epochs)
                        {
                            Options = knobs,
                            CurveKnobs = curveKnobs,
                            Sampling = method.UsesStitch ? null : sampling,
                            Rationale = options.RecordRationale && !method.UsesStitch ? true : null,
                            Csv = csv,
                            DataSha256 = csv is null ? null : options.DataSha256,
                        });
                    }
                }
            }
        }

        return new SweepPlan(options, options.Methods.Select(m => catalog.Find(m)!).ToArray(), trials, sampler);
    }

    /// <summary>The knob the sweep's <c>--stitch-layers</c> sets.</summary>
    public const string StitchLayerKnob = "stitch_layer";

    /// <summary>The knob the sweep's <c>--stitch-inits</c> sets.</summary>
    public const string StitchInitKnob = "init";

    /// <summary>The knob the sweep's <c>--epochs</c> sets on a method that has it (the stitch methods).</summary>
    public const string EpochsKnob = "epochs";

    // The method's --grid axes, after the sugar axes --stitch-layers and --stitch-inits (each for a method that has the
    // knob; a --grid axis over the same knob replaces it).
    private static IReadOnlyList<GridAxis> Axes(SweepOptions options, MethodInfo method)
    {
        var grid = options.Grid.Where(a => a.Method == method.Name).ToArray();
        var sugar = new List<GridAxis>();
        void Add(string knob, IEnumerable<string> values)
        {
            var list = values.ToArray();
            if (list.Length > 0 && method.Knobs.Any(k => k.Name == knob) && grid.All(a => a.Knob != knob))
            {
                sugar.Add(new GridAxis(method.Name, knob, list));
            }
        }

        Add(StitchLayerKnob, options.StitchLayers.Select(l => l.ToString(CultureInfo.InvariantCulture)));
        Add(StitchInitKnob, options.StitchInits);
        return [.. sugar, .. grid];
    }

    // Every knob of the method but λ at its default, overlaid with each combination of the axes (first axis slowest),
    // in canonical text; null for a method without such knobs.
    private static IEnumerable<IReadOnlyDictionary<string, string>?> KnobCombinations(MethodInfo method, IReadOnlyList<GridAxis> axes)
    {
        if (method.Knobs.Count == 0)
        {
            yield return null;
            yield break;
        }

        var defaults = new SortedDictionary<string, string>(
            method.Knobs.ToDictionary(k => k.Name, k => k.Format(method.Descriptor!.Defaults), StringComparer.Ordinal), StringComparer.Ordinal);
        IEnumerable<SortedDictionary<string, string>> combinations = [defaults];
        foreach (var axis in axes)
        {
            var knob = method.Knobs.First(k => k.Name == axis.Knob);
            combinations = combinations.SelectMany(c => axis.Values.Select(v =>
                new SortedDictionary<string, string>(c, StringComparer.Ordinal) { [axis.Knob] = method.Canonical(knob, v) }));
        }

        foreach (var combination in combinations)
        {
            yield return combination;
        }
    }

    // Workers may start in another folder: they read the CSV by its full path.
    private static string? Absolute(string? path) => path is null ? null : Path.GetFullPath(path);

    /// <summary>The trials of one slice, in plan order.</summary>
    public IReadOnlyList<TrialConfig> Slice(ShardSpec shard)
    {
        ArgumentNullException.ThrowIfNull(shard);
        return Trials.Where((_, k) => shard.Contains(k)).ToArray();
    }
}
