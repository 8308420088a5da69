using FairSharp.Training.Stitching;
using TorchSharp;
using static TorchSharp.torch;

namespace FairSharp.Training.Tests.Stitching;

public sealed class StitchLossTests
{
    private static readonly double[] Logits = [2.0, -1.0, 0.5, -0.2, 1.5, -2.5];
    private static readonly double[] Y = [1, 0, 0, 1, 0, 1];
    private static readonly double[] A = [1, 1, 1, 0, 0, 0];

    private static double Nll(int i) => Y[i] == 1 ? Math.Log(1 + Math.Exp(-Logits[i])) : Math.Log(1 + Math.Exp(Logits[i]));

    private static double P(int i) => 1 / (1 + Math.Exp(-Logits[i]));

    [Fact]
    public void Eo_is_nll_plus_alpha_times_the_surrogate()
    {
        using var scope = NewDisposeScope();
        var value = new StitchLoss(StitchConstraint.EqualizedOdds, 20).Compute(tensor(Logits), tensor(Y), tensor(A));
        var nll = Enumerable.Range(0, 6).Average(Nll);
        var p = Enumerable.Range(0, 6).Select(P).ToArray();
        var eps = EoSurrogate.Epsilon;
        var fpr = Math.Abs(((p[1] + p[2]) / (3 + eps)) - (p[4] / (3 + eps)));
        var fnr = Math.Abs(((1 - p[0]) / (3 + eps)) - ((1 - p[3] + 1 - p[5]) / (3 + eps)));
        value.Nll.ToDouble().ShouldBe(nll, 1e-12);
        value.Fairness.ToDouble().ShouldBe(fpr + fnr, 1e-12);
        value.Loss.ToDouble().ShouldBe(nll + (20 * (fpr + fnr)), 1e-10);
    }

    [Fact]
    public void Class_weights_give_the_weighted_mean_of_pytorch_nll_loss()
    {
        using var scope = NewDisposeScope();
        var value = new StitchLoss(StitchConstraint.EqualizedOdds, 0, (2.0, 0.5)).Compute(tensor(Logits), tensor(Y), tensor(A));
        double num = 0, den = 0;
        for (var i = 0; i < 6; i++)
        {
            var w = Y[i] == 1 ? 0.5 : 2.0;
            num += w * Nll(i);
            den += w;
        }

        value.Loss.ToDouble().ShouldBe(num / den, 1e-12);
    }

    [Fact]
    public void Ae_is_the_absolute_gap_of_group_nll()
    {
        using var scope = NewDisposeScope();
        var value = new StitchLoss(StitchConstraint.AccuracyEquality, 5).Compute(tensor(Logits), tensor(Y), tensor(A));
        var gap = Math.Abs(new[] { 0, 1, 2 }.Average(Nll) - new[] { 3, 4, 5 }.Average(Nll));
        value.Fairness.ToDouble().ShouldBe(gap, 1e-12);
        value.Loss.ToDouble().ShouldBe(Enumerable.Range(0, 6).Average(Nll) + (5 * gap), 1e-10);
    }

    [Fact]
    public void Mmf_is_the_worst_cell_nll_and_an_empty_cell_counts_zero()
    {
        using var scope = NewDisposeScope();
        var value = new StitchLoss(StitchConstraint.MaxMinFairness, 20).Compute(tensor(Logits), tensor(Y), tensor(A));
        // cells: (y1,a1) {0}, (y0,a0) {4}, (y0,a1) {1,2}, (y1,a0) {3,5}
        var worst = new[] { Nll(0), Nll(4), (Nll(1) + Nll(2)) / 2, (Nll(3) + Nll(5)) / 2 }.Max();
        value.Loss.ToDouble().ShouldBe(worst, 1e-12);

        // one row: three cells are empty (0), the loss is that row's NLL
        var single = new StitchLoss(StitchConstraint.MaxMinFairness, 20).Compute(tensor(new[] { -3.0 }), tensor(new[] { 1.0 }), tensor(new[] { 0.0 }));
        single.Loss.ToDouble().ShouldBe(Math.Log(1 + Math.Exp(3)), 1e-12);
    }

    [Fact]
    public void Ae_counts_an_absent_group_as_zero_nll()
    {
        using var scope = NewDisposeScope();
        var value = new StitchLoss(StitchConstraint.AccuracyEquality, 5).Compute(tensor(new[] { 0.3 }), tensor(new[] { 1.0 }), tensor(new[] { 1.0 }));
        value.Fairness.ToDouble().ShouldBe(Math.Abs(Math.Log(1 + Math.Exp(-0.3)) - 0), 1e-12);
        double.IsFinite(value.Loss.ToDouble()).ShouldBeTrue();
    }
}
