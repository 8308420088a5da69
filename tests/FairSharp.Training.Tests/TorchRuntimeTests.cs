using TorchSharp;
using static TorchSharp.torch;

namespace FairSharp.Training.Tests;

/// <summary>libtorch must load from the project's own build output (eng/TorchSharpNativeFix.targets), with no manual step.</summary>
public sealed class TorchRuntimeTests
{
    private const string Help =
        "libtorch could not be loaded. On Debian 12 this means libLibTorchSharp.so in the output folder was not patched " +
        "(eng/TorchSharpNativeFix.targets marks its GLIBCXX_3.4.32 need weak after CopyFilesToOutputDirectory). " +
        "Rebuild (dotnet build) and check the build log for 'WeakenGlibcxxNeeds: patched'; run `ldd bin/<cfg>/net10.0/runtimes/linux-x64/native/libLibTorchSharp.so`. " +
        "Inner error: ";

    private static void EnsureTorch()
    {
        try
        {
            using var probe = torch.ones(1);
        }
        catch (Exception e) when (e is TypeInitializationException or DllNotFoundException or NotSupportedException)
        {
            throw new InvalidOperationException(Help + (e.InnerException ?? e).Message, e);
        }
    }

    [Fact]
    public void Forward_and_backward_run_on_cpu()
    {
        EnsureTorch();
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(7);
        var x = torch.tensor(new float[] { 1f, 2f, 3f, 4f, 5f, 6f }, 2, 3);
        var w = torch.tensor(new float[] { 0.5f, -1f, 2f }, 3, 1).requires_grad_();
        var b = torch.tensor(new float[] { 0.25f }).requires_grad_();
        var loss = (x.matmul(w) + b).pow(2).sum();   // outputs 4.75, 9.25 → 22.5625 + 85.5625
        loss.backward();

        loss.item<float>().ShouldBe(108.125f, 1e-4f);
        // d/dw = 2 * x^T (xw + b) = 2 * [1*4.75+4*9.25, 2*4.75+5*9.25, 3*4.75+6*9.25]
        w.grad!.data<float>().ToArray().ShouldBe([83.5f, 111.5f, 139.5f], tolerance: 1e-3f);
        b.grad!.item<float>().ShouldBe(28f, 1e-4f);
    }

    [Fact]
    public void Torch_does_not_fall_back_to_copying_unpatched_natives()
    {
        EnsureTorch();
        var fallback = Path.Combine(AppContext.BaseDirectory, "cpu", "libLibTorchSharp.so");
        File.Exists(fallback).ShouldBeFalse($"TorchSharp copied its natives to {fallback} at run time: the build-time patch did not apply.");
    }
}
