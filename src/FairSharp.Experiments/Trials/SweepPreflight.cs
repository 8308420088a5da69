using System.Globalization;
using FairSharp.Data;
using FairSharp.Experiments.Sweeps;
using FairSharp.Training.Models;
using FairSharp.Training.Protocols;
using FairSharp.Training.Runs;

namespace FairSharp.Experiments.Trials;

/// <summary>
/// Resolves, before the first trial, everything the trials of a plan will need from the environment: every dataset
/// split they train on is loaded once (files present, checksums right, attributes known), and every stitch layer is
/// checked against the stitch points of the backbone that the protocol builds. A setting no trial can survive is then
/// one line and exit 2, instead of a folder full of failed records that a resume would skip.
/// </summary>
internal static class SweepPreflight
{
    public static void Check(SweepPlan plan, string? dataDirectory, Func<TrialSpec, TrainRequest> toRequest)
    {
        var stitchPoints = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var trial in plan.Trials.DistinctBy(t => (t.Method, t.Protocol, t.Options?.GetValueOrDefault(SweepPlan.StitchLayerKnob))))
        {
            var spec = new TrialSpec(trial, dataDirectory, Path.Combine(Path.GetTempPath(), SweepRunner.WorkFolder, trial.Id), 1);
            // A trial that starts from a backbone (a stitch method) trains on the backbone's data and protocol: the
            // request is the backbone's.
            var request = toRequest(spec);
            var key = string.Join('|', request.Dataset, string.Join(',', request.Sensitive), request.Protocol);
            if (!stitchPoints.TryGetValue(key, out var points))
            {
                using var network = Network(request);
                points = network.StitchPoints.Count;
                stitchPoints[key] = points;
            }

            if (trial.Options?.GetValueOrDefault(SweepPlan.StitchLayerKnob) is { } text
                && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var layer) && (layer < 0 || layer >= points))
            {
                throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, ExperimentErrors.BadStitchLayer, layer, request.Dataset, points - 1));
            }
        }
    }

    /// <summary>The network <paramref name="request"/> trains, freshly initialised (its data is prepared to learn the
    /// input shape): for a stitch trial's request, its backbone's architecture.</summary>
    public static FairNetwork Network(TrainRequest request)
    {
        var data = DatasetLoader.Prepare(request.ToDataRequest());
        return TrainingProtocols.Resolve(request, data).Model.Build();
    }
}
