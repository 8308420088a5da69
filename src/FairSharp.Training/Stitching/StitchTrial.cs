using System.Globalization;
using FairSharp.Data;
using FairSharp.Training.Checkpoints;
using FairSharp.Training.Objectives;
using FairSharp.Training.Runs;

namespace FairSharp.Training.Stitching;

/// <summary>
/// Runs a stitch method as one sweep trial: trains (or reuses) the ERM backbone of the trial's data and seed in
/// <see cref="StitchTrialRequest.BackboneRoot"/>, then runs <see cref="StitchRun"/> on it without an output folder.
/// Backbones are written atomically; when two workers train the same backbone at once, the second reuses the first's.
/// </summary>
public static class StitchTrial
{
    /// <summary>Folder of the backbone of a trial: <c>erm-&lt;dataset&gt;-&lt;attributes&gt;-&lt;protocol&gt;-seed&lt;seed&gt;</c>.</summary>
    public static string BackboneFolder(StitchTrialRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Path.Combine(request.BackboneRoot, string.Create(CultureInfo.InvariantCulture,
            $"erm-{request.Dataset}-{string.Join("+", request.Sensitive)}-{request.Protocol}-seed{request.Seed}"));
    }

    /// <summary>The stitch request of a trial: its options (the method's defaults when it has none) with its seed and
    /// threads, validated.</summary>
    public static StitchRequest ToStitchRequest(StitchTrialRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var descriptor = MethodRegistry.Stitch(request.Method);
        var options = (request.Options ?? (StitchOptions)descriptor.Defaults) with { Seed = request.Seed, Threads = request.Threads };
        if (options.Method != descriptor.Method)
        {
            throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, Methods.MethodDescriptor.WrongOptions,
                $"{nameof(StitchOptions)} of {options.Method.ToName()}", request.Method));
        }

        options.Validate();
        return new StitchRequest(BackboneFolder(request)) { Options = options, DataDirectory = request.DataDirectory };
    }

    /// <summary>Trains or reuses the backbone, then runs the stitch method on it.</summary>
    /// <param name="request">The trial.</param>
    /// <param name="onEpoch">Called after each stitch epoch.</param>
    /// <param name="prepare">Prepares a data request (a sweep worker's cache of prepared datasets); null loads the
    /// data afresh (<see cref="DatasetLoader.Prepare"/>). The data must be what the loader would prepare.</param>
    /// <param name="observer">Told of the steps and evaluations of the backbone's training (when this trial trains it)
    /// and of the stitch training (a sweep's phase clock); null = none.</param>
    public static StitchOutcome Run(StitchTrialRequest request, Action<EpochRecord>? onEpoch = null, Func<DataRequest, PreparedDataset>? prepare = null,
        ITrainingObserver? observer = null)
    {
        var stitch = ToStitchRequest(request);
        EnsureBackbone(request, prepare, observer);
        return StitchRun.Execute(stitch, outputDirectory: null, onEpoch, prepare, observer);
    }

    /// <summary>Trains the ERM backbone of <paramref name="request"/> unless its folder already holds one.</summary>
    /// <param name="request">The trial.</param>
    /// <param name="prepare">Prepares the backbone's data request (see <see cref="Run"/>); null loads it afresh.</param>
    /// <param name="observer">Told of the backbone training's steps and evaluations; null = none.</param>
    public static string EnsureBackbone(StitchTrialRequest request, Func<DataRequest, PreparedDataset>? prepare = null, ITrainingObserver? observer = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var folder = BackboneFolder(request);
        if (File.Exists(Path.Combine(folder, ModelCheckpoint.ManifestFile)))
        {
            return folder;
        }

        var train = new TrainRequest(request.Dataset, request.Sensitive, MethodRegistry.Stitch(request.Method).Backbone!)
        {
            Csv = request.Csv,
            Protocol = request.Protocol,
            Seed = request.Seed,
            Threads = request.Threads,
            DataDirectory = request.DataDirectory,
        };
        try
        {
            TrainOutcome outcome;
            if (prepare is null)
            {
                outcome = TrainingRun.Execute(train, folder, observer);
            }
            else
            {
                train.Validate();
                outcome = TrainingRun.Execute(train, prepare(train.ToDataRequest()), folder, observer);
            }

            if (!outcome.Succeeded)
            {
                throw new InvalidOperationException($"the ERM backbone in {folder} diverged: {outcome.Message}");
            }
        }
        catch (Exception e) when (e is InvalidInputException or IOException && File.Exists(Path.Combine(folder, ModelCheckpoint.ManifestFile)))
        {
            // another worker wrote the same backbone first (refused as a non-empty output folder, or its final rename
            // met the other worker's folder: "Directory not empty"): use it
        }

        return folder;
    }
}
