using FairSharp.Training.Stitching;
using TorchSharp;
using static TorchSharp.torch;

namespace FairSharp.Training.Tests.Stitching;

public sealed class EoSurrogateTests
{
    private const double Eps = EoSurrogate.Epsilon;

    [Fact]
    public void Equals_a_hand_computation_with_group_size_denominators()
    {
        using var scope = NewDisposeScope();
        // rows: (p, y, a)
        double[] p = [0.9, 0.2, 0.6, 0.3, 0.7, 0.1];
        double[] y = [1, 0, 0, 1, 0, 1];
        double[] a = [1, 1, 1, 0, 0, 0];
        var (fpr, fnr) = EoSurrogate.Gaps(tensor(p), tensor(y), tensor(a));

        // group a=1 (3 rows): Σ p(1−y) = 0.2 + 0.6 = 0.8; Σ (1−p)y = 0.1
        // group a=0 (3 rows): Σ p(1−y) = 0.7;             Σ (1−p)y = 0.7 + 0.9 = 1.6
        var expectedFpr = Math.Abs((0.8 / (3 + Eps)) - (0.7 / (3 + Eps)));
        var expectedFnr = Math.Abs((0.1 / (3 + Eps)) - (1.6 / (3 + Eps)));
        fpr.ToDouble().ShouldBe(expectedFpr, 1e-12);
        fnr.ToDouble().ShouldBe(expectedFnr, 1e-12);
        EoSurrogate.Compute(tensor(p), tensor(y), tensor(a)).ToDouble().ShouldBe(expectedFpr + expectedFnr, 1e-12);
    }

    [Theory]
    [InlineData(0.8, 0, 1)] // FPRgap = p / (1 + ε), FNRgap = 0
    [InlineData(0.8, 1, 1)] // FNRgap = (1 − p) / (1 + ε)
    [InlineData(0.3, 0, 0)] // the other group: ε-denominator side is empty and contributes 0
    [InlineData(0.3, 1, 0)]
    public void A_batch_of_one_collapses_to_an_accuracy_term(double p, double y, double a)
    {
        using var scope = NewDisposeScope();
        var value = EoSurrogate.Compute(tensor(new[] { p }), tensor(new[] { y }), tensor(new[] { a })).ToDouble();
        var wrong = y == 1 ? 1 - p : p; // 1 − p_correct
        value.ShouldBe(wrong / (1 + Eps), 1e-12);
    }

    [Fact]
    public void Back_propagates_to_the_scores()
    {
        using var scope = NewDisposeScope();
        var p = tensor(new[] { 0.9, 0.2, 0.6, 0.3 }).requires_grad_(true);
        var value = EoSurrogate.Compute(p, tensor(new[] { 1.0, 0, 0, 1 }), tensor(new[] { 1.0, 1, 0, 0 }));
        value.backward();
        // FPR: +(1−y)a/|a=1| − (1−y)(1−a)/|a=0| times sign(+0.2−0.6 < 0) = −1; FNR: sign(0.1 − 0.7 < 0) = −1 on −y·a/…
        var g = p.grad!.data<double>().ToArray();
        g[0].ShouldBe(1 / (2 + Eps), 1e-9);   // FNR term: −(−y a)/(2+ε)
        g[1].ShouldBe(-1 / (2 + Eps), 1e-9);  // FPR term: −(1−y)a/(2+ε)
        g[2].ShouldBe(1 / (2 + Eps), 1e-9);   // FPR term: +(1−y)(1−a)/(2+ε)
        g[3].ShouldBe(-1 / (2 + Eps), 1e-9);  // FNR term: (−y(1−a))·(−1)·(−1)
    }
}
