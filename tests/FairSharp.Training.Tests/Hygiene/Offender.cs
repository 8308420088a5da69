using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FairSharp.Training.Tests.Hygiene;

/// <summary>Code that breaks the Scalar rule on purpose, for the test that shows the rule finds it (never run).</summary>
internal static class Offender
{
    public static Tensor AddsTensors(Tensor a, Tensor b) => a + b;

    public static Tensor ScalesByNumber(Tensor a) => a * 0.5;

    public static Tensor ConvertsNumber(Tensor a) => a.clamp_min(1e-8);

    public static optim.Optimizer UsesTorchSharpAdam(IEnumerable<Parameter> parameters) => optim.Adam(parameters, 1e-3);

    // tensor − tensor is THSTensor_sub without any Scalar: allowed.
    public static Tensor SubtractsTensors(Tensor a, Tensor b) => a - b;
}
