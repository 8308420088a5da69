using System.Globalization;
using FairSharp.Experiments.Sweeps;
using FairSharp.Experiments.Trials;
using FairSharp.Training.Models;

namespace FairSharp.Experiments.Study;

/// <summary>The stitch points of a stitch part's backbone (name and shape of each), and which of the part's stitch
/// layers are the penultimate stitch in another form (<see cref="FairNetwork.StitchesAsPenultimate"/>), so that the
/// report does not read a difference of rounding as a difference between layers.</summary>
/// <param name="Points">Every stitch point of the backbone, input → output.</param>
/// <param name="AsPenultimate">The part's stitch layers, other than the penultimate one, at which a stitch computes
/// what the penultimate stitch computes.</param>
public sealed record StitchGeometry(IReadOnlyList<StitchPoint> Points, IReadOnlyList<int> AsPenultimate)
{
    /// <summary>The geometry of <paramref name="plan"/>'s backbone, built as the sweep's preflight builds it (the data
    /// is prepared to learn the input shape); null when the plan has no stitch trial.</summary>
    public static StitchGeometry? Of(SweepPlan plan, string? dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var trial = plan.Trials.FirstOrDefault(t => t.Options?.ContainsKey(SweepPlan.StitchLayerKnob) == true);
        if (trial is null)
        {
            return null;
        }

        // The knob is an integer, or "penultimate" (which is the penultimate stitch itself).
        var layers = plan.Trials.Select(t => t.Options?.GetValueOrDefault(SweepPlan.StitchLayerKnob))
            .Select(v => int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var layer) ? layer : (int?)null)
            .OfType<int>()
            .Distinct()
            .Order()
            .ToArray();
        var spec = new TrialSpec(trial, dataDirectory, Path.Combine(Path.GetTempPath(), SweepRunner.WorkFolder, trial.Id), 1);
        using var network = SweepPreflight.Network(TrainingTrialRunner.ToRequest(spec));
        var same = layers.Where(l => l < network.PenultimateCut && network.StitchesAsPenultimate(l)).ToArray();
        return new StitchGeometry(network.StitchPoints.ToArray(), same);
    }

    /// <summary>"layer4 [512, 1, 1]": the point's name and shape.</summary>
    public string Describe(int layer) => $"{Points[layer].Name} [{string.Join(", ", Points[layer].Shape)}]";

    /// <summary>Why a stitch at <paramref name="layer"/> (one of <see cref="AsPenultimate"/>) is the penultimate stitch
    /// in another form, in words, for the report and the claim-5 verdict.</summary>
    public string WhySame(int layer) =>
        $"the earlier stitch point, {Describe(layer)}, is the penultimate stitch in another form: a 1×1 conv on a 1×1 map, then the mean of that one position, computes what a linear stitch after the pool computes, from the same initial draws";
}
