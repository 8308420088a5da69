using TorchSharp;

namespace FairSharp.Training.Tests.Hygiene;

/// <summary>FairSharp's torch code creates no TorchSharp <c>Scalar</c> that it does not dispose and calls no TorchSharp
/// method that creates one itself, so that a background GC cannot finalize a Scalar while a native call still reads it
/// (docs/torchsharp-notes.md, section 2). Read from the IL of the FairSharp assembly and of TorchSharp.dll: deterministic,
/// and it follows TorchSharp upgrades without a hand-kept list.</summary>
public sealed class ScalarHygieneTests
{
    [Theory]
    [InlineData("FairSharp.Training")]
    [InlineData("FairSharp.Data")]
    public void Code_creates_scalars_only_in_ScalarMath_and_calls_no_torchsharp_method_that_creates_one(string assembly)
    {
        var path = Path.Combine(AppContext.BaseDirectory, assembly + ".dll");
        var offences = ScalarHygiene.Offences(path, typeof(torch).Assembly.Location);
        offences.ShouldBeEmpty(string.Join("\n", offences));
    }

    [Fact]
    public void The_rule_finds_tensor_operators_and_torchsharp_optimisers()
    {
        var offences = ScalarHygiene.Offences(typeof(ScalarHygieneTests).Assembly.Location, typeof(torch).Assembly.Location);
        offences.ShouldContain(o => o.Contains(nameof(Offender.AddsTensors), StringComparison.Ordinal) && o.Contains("op_Addition", StringComparison.Ordinal));
        offences.ShouldContain(o => o.Contains(nameof(Offender.ScalesByNumber), StringComparison.Ordinal) && o.Contains("op_Multiply", StringComparison.Ordinal));
        offences.ShouldContain(o => o.Contains(nameof(Offender.ConvertsNumber), StringComparison.Ordinal) && o.Contains("converts a number", StringComparison.Ordinal));
        offences.ShouldContain(o => o.Contains(nameof(Offender.UsesTorchSharpAdam), StringComparison.Ordinal) && o.Contains("Adam.step", StringComparison.Ordinal));
        offences.ShouldNotContain(o => o.Contains(nameof(Offender.SubtractsTensors), StringComparison.Ordinal));
    }
}
