using FairSharp.Training.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace FairSharp.Training.Tests.Rationale;

/// <summary>Small float64 MLPs with chosen weights for hand calculations and finite differences.</summary>
internal static class TinyNets
{
    // 2 inputs → 2 hidden (ReLU) → 1.
    public static readonly double[,] W1 = { { 1.0, -0.5 }, { 0.25, 2.0 } };
    public static readonly double[] B1 = [0.1, -0.2];
    public static readonly double[] W2 = [1.5, -1.0];
    public const double B2 = 0.05;

    public static FairNetwork TwoLayer()
    {
        manual_seed(0);
        var model = new ModelSpec(ModelSpec.MlpName, [2], [2], 0).Build();
        model.to(float64);
        using var noGrad = no_grad();
        var layers = model.WeightLayers;
        layers[0].Weight.copy_(tensor(new[] { W1[0, 0], W1[0, 1], W1[1, 0], W1[1, 1] }, [2, 2], float64));
        layers[0].Bias!.copy_(tensor(B1, float64));
        layers[1].Weight.copy_(tensor(W2, [1, 2], float64));
        layers[1].Bias!.copy_(tensor(new[] { B2 }, float64));
        return model;
    }

    public static FairNetwork Random(int inputs, int[] hidden, int seed)
    {
        manual_seed(seed);
        var model = new ModelSpec(ModelSpec.MlpName, [inputs], hidden, 0).Build();
        model.to(float64);
        return model;
    }
}
