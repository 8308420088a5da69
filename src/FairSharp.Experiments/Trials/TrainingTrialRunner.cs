using System.Diagnostics;
using System.Globalization;
using FairSharp.Experiments.Rationale;
using FairSharp.Experiments.Sweeps;
using FairSharp.Training.Checkpoints;
using FairSharp.Training;
using FairSharp.Training.Methods;
using FairSharp.Training.Objectives;
using FairSharp.Training.Runs;
using FairSharp.Training.Stitching;

namespace FairSharp.Experiments.Trials;

/// <summary>
/// Runs a sweep trial through the training layer, by the kind of its method's descriptor (<see cref="MethodRegistry"/>):
/// network methods (erm, gapreg, fairmixup, fairer, …) go through <see cref="TrainingRun"/>; stitch methods (tfs, fdr,
/// tfs-joint) through <see cref="StitchTrial"/>, with the trial's λ as α and its knobs as the stitch options, on one
/// backbone per (dataset, attributes, protocol, seed) shared by the sweep's trials; <c>threshold</c> trains the seed's
/// ERM model and post-processes it (<see cref="ThresholdTrial"/>). The test metrics and per-group metrics of the chosen
/// epoch become the record. A method registered later is sweepable at once.
/// </summary>
public sealed class TrainingTrialRunner : ITrialRunner
{
    /// <summary>Folder, inside the sweep folder, where stitch methods keep their shared ERM backbones.</summary>
    public const string BackboneFolder = "backbones";

    /// <summary>Folder, inside a trial's scratch folder, of its trained model when a later step of the trial reads it
    /// (the threshold method, the rationale cosines).</summary>
    public const string ModelFolder = "model";

    /// <summary>Datasets kept across the trials of a persistent worker, or null to prepare each trial's data afresh.</summary>
    public PreparedDataCache? DataCache { get; init; }

    /// <inheritdoc />
    public IMethodCatalog Catalog => new MethodCatalog(
        MethodRegistry.Methods.Where(d => d.Kind == MethodKind.Network).Select(Info)
            .Append(new MethodInfo(ThresholdTrial.Method, UsesLambda: false, UsesStitch: false) { Descriptor = ErmOptions.Descriptor })
            .Concat(StitchMethods.Names.Select(n => Info(MethodRegistry.Stitch(n)))));

    private static MethodInfo Info(MethodDescriptor d) => new(d.Name, d.HasLambda, UsesStitch: d.Kind == MethodKind.Stitch) { Descriptor = d };

    /// <summary>The descriptor of the trial's method (a <c>threshold</c> trial's is erm's).</summary>
    private static MethodDescriptor Descriptor(TrialConfig config) =>
        MethodRegistry.Get(config.Method == ThresholdTrial.Method ? ThresholdTrial.TrainedMethod : config.Method);

    /// <summary>The trial's method options: the method's defaults with the trial's λ (as the method's weight knob, for
    /// a method that has one) and knobs applied.</summary>
    private static MethodOptions Options(TrialConfig c, MethodDescriptor descriptor)
    {
        var knobs = (c.Options ?? new Dictionary<string, string>()).ToList();
        if (descriptor.WeightKnob is { } weight)
        {
            knobs.Add(new(weight, c.Lambda.ToString("R", CultureInfo.InvariantCulture)));
        }

        return descriptor.Configure(knobs);
    }

    /// <summary>The training request of a network-method trial: the method's options are its defaults with the
    /// trial's λ (for a method that has one) and knobs applied. A <c>threshold</c> trial's request is the ERM request
    /// of the same trial (<see cref="ThresholdTrial"/>); a stitch trial's is the request of its backbone.</summary>
    public static TrainRequest ToRequest(TrialSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var descriptor = Descriptor(spec.Config);
        var c = spec.Config with { Method = descriptor.Backbone ?? descriptor.Name, Options = descriptor.Backbone is null ? spec.Config.Options : null };
        var network = MethodRegistry.Network(c.Method);
        var request = new TrainRequest(c.Dataset, c.Sensitive.Split(','), c.Method)
        {
            Csv = c.Csv,
            Constraint = FairnessConstraints.Parse(c.Constraint),
            Options = descriptor.Backbone is null ? Options(c, network) : null,
            Sampling = c.Sampling is { } sampling ? SamplerRule.Parse(sampling) : null,
            SamplingReason = c.Sampling is null ? null : "the sweep's one sampler (plan.json: sampler)",
            Seed = c.Seed,
            Epochs = descriptor.Backbone is null ? c.Epochs : null,
            Threads = spec.TorchThreads,
            DataDirectory = spec.DataDirectory,
        };
        return c.Protocol is { } protocol ? request with { Protocol = protocol } : request;
    }

    /// <summary>The stitch request of a stitch-method trial (λ is α, the knobs are its options); backbones live in
    /// <see cref="BackboneRoot"/>.</summary>
    public static StitchTrialRequest ToStitchRequest(TrialSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var c = spec.Config;
        var request = new StitchTrialRequest(c.Dataset, c.Sensitive.Split(','), c.Method, BackboneRoot(spec))
        {
            Csv = c.Csv,
            Seed = c.Seed,
            Options = (StitchOptions)Options(c, MethodRegistry.Stitch(c.Method)),
            Threads = spec.TorchThreads,
            DataDirectory = spec.DataDirectory,
        };
        return c.Protocol is { } protocol ? request with { Protocol = protocol } : request;
    }

    /// <summary>Where the stitch methods of this trial's sweep keep their backbones: <c>backbones</c> beside the
    /// sweep's scratch folder, i.e. in the sweep folder.</summary>
    public static string BackboneRoot(TrialSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var work = Path.GetDirectoryName(Path.GetFullPath(spec.WorkDirectory))!;
        return Path.Combine(Path.GetDirectoryName(work)!, BackboneFolder);
    }

    /// <summary>Validates what every method of <paramref name="options"/> will ask the training and data layers for
    /// (dataset, attributes, protocol, epochs, stitch names), then loads each dataset split once and checks every
    /// stitch layer against its backbone (<see cref="SweepPreflight"/>), so that bad input and a bad data folder are
    /// refused before any worker starts.</summary>
    public void CheckData(SweepOptions options, string? dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(options);
        var plan = SweepPlan.Create(options, Catalog);
        foreach (var trial in plan.Trials.DistinctBy(t => (t.Method, t.Lambda, t.Options is null ? string.Empty : string.Join(';', t.Options))))
        {
            var spec = new TrialSpec(trial, dataDirectory, Path.Combine(Path.GetTempPath(), SweepRunner.WorkFolder, trial.Id), 1);
            ToRequest(spec).Validate();
            switch (Descriptor(trial).Kind)
            {
                case MethodKind.Stitch:
                    StitchTrial.ToStitchRequest(ToStitchRequest(spec));
                    break;
                case MethodKind.Network when trial.Method == ThresholdTrial.Method:
                    ThresholdTrial.ToRequest(trial, spec.WorkDirectory);
                    break;
            }
        }

        SweepPreflight.Check(plan, dataDirectory, ToRequest);
    }

    /// <summary>Loads the trial's data. The sweep checked the same split before its first trial, so a failure now
    /// means the data folder changed under the sweep: the environment's failure, not the trial's. A user's CSV must
    /// still have the hash the plan recorded (<see cref="TrialConfig.DataSha256"/>).</summary>
    private static Data.PreparedDataset PrepareData(Data.DataRequest request, string? expectedSha256)
    {
        Data.PreparedDataset data;
        try
        {
            data = Data.DatasetLoader.Prepare(request);
        }
        catch (InvalidInputException e)
        {
            throw new TrialEnvironmentException($"the data changed since the sweep started: {e.Message}", e);
        }

        if (expectedSha256 is not null && data.DataSha256 != expectedSha256)
        {
            throw new TrialEnvironmentException(string.Create(CultureInfo.InvariantCulture,
                $"the data changed since the sweep started: {string.Join(", ", request.Csv!.Files)} now has sha256 {data.DataSha256}, the plan has {expectedSha256}"));
        }

        return data;
    }

    /// <summary>The prepared data of <paramref name="request"/>: from <see cref="DataCache"/> when there is one.</summary>
    private Data.PreparedDataset Prepare(Data.DataRequest request, string? expectedSha256) => DataCache is { } cache
        ? cache.GetOrPrepare(request, expectedSha256, r => PrepareData(r, expectedSha256))
        : PrepareData(request, expectedSha256);

    /// <inheritdoc />
    public TrialOutcome Run(TrialSpec spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return Descriptor(spec.Config).Kind == MethodKind.Stitch ? RunStitch(spec) : RunNetwork(spec);
    }

    private TrialOutcome RunStitch(TrialSpec spec)
    {
        // The backbone's data, prepared here so that a failure is the environment's; the backbone and the stitch
        // run take it from the worker's cache.
        var sha = spec.Config.DataSha256;
        var clock = Stopwatch.StartNew();
        Prepare(ToRequest(spec).ToDataRequest(), sha);
        var dataSeconds = clock.Elapsed.TotalSeconds;
        // Steps and evaluation of the backbone's training (when this trial trains it) and of the stitch training;
        // loading the backbone and extracting its features stay "other".
        var phases = new PhaseClock();
        var stitch = StitchTrial.Run(ToStitchRequest(spec), prepare: r => Prepare(r, sha), observer: phases);
        var outcome = !stitch.Succeeded
            ? TrialOutcome.Unfinished(TrialStatus.Diverged, stitch.Message ?? "stitch training diverged (NaN or infinite loss)")
            : new TrialOutcome(TrialStatus.Ok, stitch.Test, stitch.TestByGroup, stitch.ChosenEpoch, null) { Degenerate = stitch.Degenerate };
        return outcome with { Phases = new TrialPhases(dataSeconds, phases.Steps.TotalSeconds, phases.Evaluation.TotalSeconds) };
    }

    private TrialOutcome RunNetwork(TrialSpec spec)
    {
        var request = ToRequest(spec);
        request.Validate();
        var sha = spec.Config.DataSha256;
        var dataClock = Stopwatch.StartNew();
        var data = Prepare(request.ToDataRequest(), sha);
        var dataSeconds = dataClock.Elapsed.TotalSeconds;
        // The model is written to the trial's scratch folder only when a step after training reads it as a model folder.
        var threshold = spec.Config.Method == ThresholdTrial.Method;
        var rationale = spec.Config.Rationale == true;
        var folder = threshold || rationale ? Path.Combine(spec.WorkDirectory, ModelFolder) : null;
        var phases = new PhaseClock();
        var outcome = TrainingRun.Execute(request, data, folder, phases);

        if (!outcome.Succeeded)
        {
            return Timed(TrialOutcome.Unfinished(TrialStatus.Diverged, outcome.Message ?? "training diverged (NaN or infinite loss)"));
        }

        using var model = folder is null ? null : TrainedModel.Load(folder);
        var result = threshold
            ? ThresholdTrial.Postprocess(spec, model!, data, outcome.ChosenEpoch)
            : new TrialOutcome(TrialStatus.Ok, outcome.Test, outcome.TestByGroup, outcome.ChosenEpoch, null) { Degenerate = outcome.Degenerate };
        return Timed(result with { RationaleCosines = rationale ? RationaleCosines(model!, data, spec.DataDirectory) : null });

        // Both ends of a trained trial carry the same phase times.
        TrialOutcome Timed(TrialOutcome o) => o with { Phases = new TrialPhases(dataSeconds, phases.Steps.TotalSeconds, phases.Evaluation.TotalSeconds) };
    }

    /// <summary>Weight layer → cosine of <c>fairsharp rationale</c>'s defaults (test split, strata = groups,
    /// weight-Taylor influence; <see cref="RationaleRun.Measure"/>) for the least aligned pair of groups, over the
    /// layers with more than one neuron (a one-neuron layer's cosine is 1 by construction).</summary>
    public static IReadOnlyDictionary<string, double> RationaleCosines(TrainedModel model, Data.PreparedDataset data, string? dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(model);
        var measured = RationaleRun.Measure(model, data, new RationaleRequest([model.Folder]) { DataDirectory = dataDirectory });
        return new SortedDictionary<string, double>(
            measured.Report.WorstPair.Layers.Where(l => !l.ConstantCosine).ToDictionary(l => l.Layer, l => l.Cosine, StringComparer.Ordinal), StringComparer.Ordinal);
    }
}
