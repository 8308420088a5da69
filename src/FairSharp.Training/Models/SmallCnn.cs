namespace FairSharp.Training.Models;

/// <summary>A small CNN for C×H×W images: for each conv width a Conv3×3 → ReLU → MaxPool2 stage, then a fully
/// connected Linear → ReLU → dropout stage (the penultimate representation), then Linear(→ 1).</summary>
public sealed class SmallCnn : FairNetwork
{
    /// <summary>Builds the CNN described by <paramref name="spec"/> (architecture <c>small-cnn</c>): all widths but
    /// the last are conv channels, the last is the fully connected width.</summary>
    public SmallCnn(ModelSpec spec) : base("small_cnn", spec, Stages(spec), spec.Hidden[^1])
    {
    }

    private static IEnumerable<NetworkStage> Stages(ModelSpec spec)
    {
        var channels = spec.InputShape[0];
        int h = spec.InputShape[1], w = spec.InputShape[2];
        for (var i = 0; i < spec.Hidden.Count - 1; i++)
        {
            yield return new ConvStage($"conv{i + 1}", channels, spec.Hidden[i]);
            channels = spec.Hidden[i];
            h /= 2;
            w /= 2;
        }

        yield return new LinearStage("fc", channels * Math.Max(h, 1) * Math.Max(w, 1), spec.Hidden[^1], spec.Dropout);
    }
}
