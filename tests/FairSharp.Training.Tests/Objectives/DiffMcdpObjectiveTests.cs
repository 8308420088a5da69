using FairSharp.Data;
using FairSharp.Training.Methods;
using FairSharp.Training.Models;
using FairSharp.Training.Objectives;
using TorchSharp;
using static TorchSharp.torch;

namespace FairSharp.Training.Tests.Objectives;

public sealed class DiffMcdpObjectiveTests
{
    private const double Temperature = 10;

    // Group 0 scores spread over [0.05, 0.45], group 1 over [0.35, 0.95]: the smoothed CDFs differ most near 0.4, far
    // from a start at the usual positive rate (~0.25).
    private static readonly double[][] HandMade =
    [
        Enumerable.Range(0, 50).Select(i => 0.05 + (0.4 * i / 49)).ToArray(),
        Enumerable.Range(0, 50).Select(i => 0.35 + (0.6 * i / 49)).ToArray(),
    ];

    private static (double Threshold, double Disparity) BruteForce(IReadOnlyList<double[]> scores)
    {
        var best = (Threshold: 0.0, Disparity: double.NegativeInfinity);
        for (var k = 0; k <= 100_000; k++)
        {
            var t = k / 100_000.0;
            var d = DiffMcdpObjective.Disparity(scores, Temperature, t);
            if (d > best.Disparity)
            {
                best = (t, d);
            }
        }

        return best;
    }

    [Fact]
    public void The_exact_search_finds_the_worst_threshold_of_a_hand_made_score_distribution()
    {
        var (worst, largest) = BruteForce(HandMade);
        worst.ShouldBeInRange(0.3, 0.5);
        var found = DiffMcdpObjective.MaximiseDisparity(HandMade, Temperature, probes: 101, steps: 30, learningRate: 1e-3);
        found.ShouldBe(worst, 2e-3);
        DiffMcdpObjective.Disparity(HandMade, Temperature, found).ShouldBe(largest, 1e-6);
        // a coarse grid alone is not enough: the refinement is what reaches the maximum
        var gridOnly = DiffMcdpObjective.MaximiseDisparity(HandMade, Temperature, probes: 5, steps: 0, learningRate: 1e-3);
        DiffMcdpObjective.Disparity(HandMade, Temperature, gridOnly).ShouldBeLessThan(largest - 1e-3);
    }

    [Fact]
    public void The_released_search_barely_moves_while_the_exact_one_reaches_the_worst_threshold()
    {
        var labelled = Synthetic.Split("train", 200, 4, seed: 7);
        var features = new float[labelled.Count * 4];
        var byGroup = new[] { new List<double>(), new List<double>() };
        for (var i = 0; i < labelled.Count; i++)
        {
            var p = labelled.Groups[i] == 0 ? HandMade[0][i % 50] : HandMade[1][i % 50];
            byGroup[labelled.Groups[i]].Add(p);
            features[i * 4] = (float)(Math.Log(p / (1 - p)) + 10);
        }

        var split = new DataSplit("train", features, [4], labelled.Labels, labelled.Groups);
        var groups = byGroup.Select(g => g.ToArray()).ToArray();
        var (worst, largest) = BruteForce(groups);
        var start = split.Labels.Average();
        using var released = new DiffMcdpObjective(FairnessConstraint.DemographicParity, 2, new DiffMcdpOptions(Search: ThresholdSearch.Released));
        using var exact = new DiffMcdpObjective(FairnessConstraint.DemographicParity, 2, new DiffMcdpOptions());
        released.CheckTrainingData(split, ["a", "b"]);
        exact.CheckTrainingData(split, ["a", "b"]);
        using var model = ScoresOfFeatureZero();
        using var all = TensorConversion.ToTensors(split);
        using var generator = new Generator(1);
        for (var step = 0; step < 20; step++)
        {
            using var scope = NewDisposeScope();
            var batch = BatchContext.FromRows(all, split, Enumerable.Range(0, split.Count).ToArray(), 2);
            released.Step(model, batch, 0, generator);
            exact.Step(model, batch, 0, generator);
        }

        // Adam moves about one rate per step: 10 steps at 1e-3, 10 at 1e-4, ... — never more than ~0.0112 in total.
        Math.Abs(released.Threshold - start).ShouldBeLessThan(0.0112);
        Math.Abs(worst - start).ShouldBeGreaterThan(0.05);
        exact.Threshold.ShouldBe(worst, 2e-3);
        DiffMcdpObjective.Disparity(groups, Temperature, released.Threshold).ShouldBeLessThan(largest - 0.02);
    }

    [Fact]
    public void The_penalty_gradient_matches_central_differences_in_float64()
    {
        using var scope = NewDisposeScope();
        var values = new[] { 0.12, 0.31, 0.47, 0.52, 0.66, 0.2, 0.81, 0.4, 0.58, 0.93 };
        var groupValues = new long[] { 0, 0, 0, 0, 0, 1, 1, 1, 1, 1 };
        var labels = new[] { 0.0, 1, 0, 1, 1, 0, 1, 1, 0, 1 };
        var groups = tensor(groupValues);
        var scores = tensor(values, float64).requires_grad_(true);
        var mask = tensor(labels, float64).eq(1);
        foreach (var rows in new Tensor?[] { null, mask })
        {
            const double threshold = 0.45;
            var value = DiffMcdpObjective.SmoothedDisparity(scores, groups, 2, rows, Temperature, threshold);
            var gradient = autograd.grad([value], [scores])[0].data<double>().ToArray();
            for (var i = 0; i < values.Length; i++)
            {
                const double h = 1e-6;
                var plus = (double[])values.Clone();
                var minus = (double[])values.Clone();
                plus[i] += h;
                minus[i] -= h;
                var fPlus = DiffMcdpObjective.SmoothedDisparity(tensor(plus, float64), groups, 2, rows, Temperature, threshold).item<double>();
                var fMinus = DiffMcdpObjective.SmoothedDisparity(tensor(minus, float64), groups, 2, rows, Temperature, threshold).item<double>();
                gradient[i].ShouldBe((fPlus - fMinus) / (2 * h), 1e-7, $"score {i}");
            }

            if (rows is null)
            {
                value.item<double>().ShouldBe(DiffMcdpObjective.Disparity([values[..5], values[5..]], Temperature, threshold), 1e-12);
                gradient.Any(g => Math.Abs(g) > 1e-3).ShouldBeTrue();
            }
        }
    }

    [Fact]
    public void Options_are_knobs_with_defaults_in_one_place_and_bad_values_are_refused()
    {
        var descriptor = MethodRegistry.Get("diffmcdp");
        descriptor.Describe(descriptor.Defaults).Keys.ShouldBe(["inner_lr", "inner_steps", "lambda", "probes", "search", "temperature"]);
        var options = (DiffMcdpOptions)descriptor.Configure([new("search", "released"), new("temperature", "20")]);
        options.ShouldBe(new DiffMcdpOptions(Temperature: 20, Search: ThresholdSearch.Released));
        Should.Throw<InvalidInputException>(() => descriptor.Configure([new("search", "grid")]))
            .Message.ShouldBe("search must be one of exact, released, got 'grid'");
        Should.Throw<InvalidInputException>(() => descriptor.Configure([new("temperature", "0")]).Validate())
            .Message.ShouldBe("temperature must be a finite number > 0, got 0");
        Should.Throw<InvalidInputException>(() => descriptor.Configure([new("probes", "1")]).Validate())
            .Message.ShouldBe("probes must be in [2, 1000000], got 1");
    }

    // An MLP 4-1-1 whose logit is x_0 − 10 (ReLU is the identity for the shifted inputs): a step then sees exactly the
    // hand-made scores encoded in feature 0.
    private static FairNetwork ScoresOfFeatureZero()
    {
        var model = new ModelSpec(ModelSpec.MlpName, [4], [1]).Build();
        using var _ = no_grad();
        foreach (var (name, parameter) in model.named_parameters())
        {
            parameter.zero_();
            if (name.EndsWith("weight", StringComparison.Ordinal))
            {
                parameter[0, 0] = tensor(1f);
            }
            else if (name.StartsWith("head", StringComparison.Ordinal))
            {
                parameter.fill_(-10f);
            }
        }

        return model;
    }
}
