using System.Globalization;
using FairSharp.Data;
using FairSharp.Training.Checkpoints;
using FairSharp.Training.Objectives;
using FairSharp.Training.Runs;

namespace FairSharp.Training.Stitching;

/// <summary>
/// Runs a stitch method as one sweep trial: trains (or reuses) the ERM backbone of the trial's data and seed in
/// <see cref="StitchTrialRequest.BackboneRoot"/>, then runs <see cref="StitchRun"/> on it without an output folder.
/// Backbones are written atomically, and one worker trains each: a second worker that needs the same backbone waits on
/// its lock file (<c>&lt;folder&gt;.lock</c>) and then reuses it.
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

        // Two workers that need the same backbone take turns: the second waits here while the first trains it, then
        // finds its manifest. (Without the lock both trained it and one copy was thrown away: a sweep's two workers
        // start on the same seed, so every backbone cost twice its CPU.)
        using var turn = TakeBackboneLock(folder);
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

    /// <summary>Suffix of the lock file beside a backbone folder (<see cref="EnsureBackbone"/>).</summary>
    internal const string LockSuffix = ".lock";

    /// <summary>True when <paramref name="e"/> says another open file holds the FileShare.None lock: .NET reports
    /// ERROR_SHARING_VIOLATION on Windows and flock's raw errno EWOULDBLOCK (11 on Linux, 35 on macOS) elsewhere.</summary>
    private static bool IsHeldElsewhere(IOException e) => OperatingSystem.IsWindows()
        ? e.HResult == unchecked((int)0x80070020)
        : e.HResult == (OperatingSystem.IsMacOS() ? 35 : 11);

    /// <summary>Waits for and takes the exclusive lock <c>&lt;folder&gt;.lock</c>; dispose it to release. The OS releases
    /// it when the holder dies, so a killed worker never blocks the next one. The file is left in place: deleting it
    /// could let a waiter lock an unlinked file while a third process creates a new one.</summary>
    private static FileStream TakeBackboneLock(string folder)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(folder))!);
        var path = folder + LockSuffix;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException e) when (IsHeldElsewhere(e))
            {
                Thread.Sleep(250);
            }
        }
    }
}
