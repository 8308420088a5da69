using FairSharp.Data;
using FairSharp.Training.Methods;
using FairSharp.Training.Models;
using FairSharp.Training.Penalties;
using TorchSharp;
using static TorchSharp.torch;

namespace FairSharp.Training.Objectives;

/// <summary>
/// <c>diffmcdp</c> (Jin, Li and Feng, ICML 2024, "On the maximal local disparity of fairness-aware classifiers"; code
/// <c>mitao-cat/icml24_mcdp</c>): a bi-level objective on the maximal local disparity MCDP(0) = max_t |F_0(t) − F_1(t)|
/// of the groups' score CDFs. The CDFs are smoothed, F_g(t) = mean_{i∈g} σ(T·(t − p_i)) with p = sigmoid(logit), and
/// D(t) = max_g F_g(t) − min_g F_g(t) (= |F_0 − F_1| for two groups). Per batch, the inner problem finds the worst
/// threshold t* = argmax_t D(t) on the detached scores (<see cref="ThresholdSearch"/>); the outer step minimises
/// <c>BCE + λ·D(t*)</c>, whose gradient flows through the scores only (t* is held fixed).
/// eo and eopp (an extension: the paper has dp) take D within each label (y = 0 and y = 1; y = 1 for eopp), each with
/// its own worst threshold, and add them. Diagnostics: <c>task_loss</c>, <c>mcdp</c> (Σ D(t*)), <c>threshold</c>
/// (t* of the last label).
/// </summary>
public sealed class DiffMcdpObjective : ObjectiveBase
{
    /// <summary>Name of the disparity diagnostic.</summary>
    public const string DisparityKey = "mcdp";

    /// <summary>Name of the threshold diagnostic.</summary>
    public const string ThresholdKey = "threshold";

    private const double Beta1 = 0.9;
    private const double Beta2 = 0.999;
    private const double Epsilon = 1e-8;

    private readonly FairnessConstraint constraint;
    private readonly int groupCount;
    private readonly DiffMcdpOptions options;
    private readonly Dictionary<int, AdamThreshold> released = [];
    private double? positiveRate;

    /// <summary>Creates the objective.</summary>
    /// <param name="constraint">dp (whole batch), eo (within each label) or eopp (within y = 1).</param>
    /// <param name="groupCount">Number of groups G.</param>
    /// <param name="options">λ, temperature and the threshold search (validated when built).</param>
    public DiffMcdpObjective(FairnessConstraint constraint, int groupCount, DiffMcdpOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.constraint = constraint;
        this.groupCount = groupCount;
        this.options = options;
    }

    /// <inheritdoc />
    public override string Name => "diffmcdp";

    /// <summary>The worst threshold of the last step (of its last label under eo).</summary>
    public double Threshold { get; private set; } = double.NaN;

    /// <inheritdoc />
    public override void CheckTrainingData(DataSplit train, IReadOnlyList<string> groupNames)
    {
        ArgumentNullException.ThrowIfNull(train);
        TrainingDataChecks.RequireLabelsPerGroup(Name, train, groupNames, TrainingDataChecks.LabelsNeeded(constraint));
        // The released search starts at the training split's positive rate (their posratio).
        positiveRate = train.Count == 0 ? null : train.Labels.Average();
    }

    /// <inheritdoc />
    public override ObjectiveStep Step(FairNetwork model, BatchContext batch, int epoch, Generator generator)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(batch);
        var logits = model.forward(batch.X);
        var task = TaskLoss.Bce(logits, batch.Y);
        var scores = sigmoid(logits);
        var host = scores.detach().cpu().to_type(ScalarType.Float64).data<double>().ToArray();
        Tensor? disparity = null;
        foreach (var label in Labels())
        {
            var byGroup = ScoresByGroup(host, batch, label);
            if (byGroup.Count(g => g.Length > 0) < 2)
            {
                continue;
            }

            var t = options.Search == ThresholdSearch.Exact
                ? MaximiseDisparity(byGroup, options.Temperature, options.Probes, options.InnerSteps, options.InnerLearningRate)
                : ReleasedSearch(label, byGroup, batch);
            Threshold = t;
            var mask = label is { } y ? batch.Y.Eq(y) : null;
            var term = SmoothedDisparity(scores, batch.Group, groupCount, mask, options.Temperature, t);
            disparity = disparity is null ? term : disparity.Plus(term);
        }

        disparity ??= zeros_like(task);
        var loss = task.Plus(disparity.Times(options.Lambda));
        var diagnostics = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["task_loss"] = task.ToDouble(),
            [DisparityKey] = disparity.ToDouble(),
            [ThresholdKey] = Threshold,
        };
        return new ObjectiveStep(loss, diagnostics);
    }

    /// <summary>D(t) on tensors, differentiable in <paramref name="scores"/>: the group-mean gap of σ(T·(t − p)) over
    /// the rows of <paramref name="mask"/> (all when null).</summary>
    internal static Tensor SmoothedDisparity(Tensor scores, Tensor groups, int groupCount, Tensor? mask, double temperature, double threshold) =>
        GroupGap.Compute(sigmoid(scores.SubtractedFrom(threshold).Times(temperature)), groups, groupCount, mask);

    /// <summary>The smoothed local disparity D(t) = max_g F_g(t) − min_g F_g(t), F_g(t) = mean σ(T·(t − p)) over the
    /// non-empty groups.</summary>
    public static double Disparity(IReadOnlyList<double[]> scoresByGroup, double temperature, double threshold) =>
        Evaluate(scoresByGroup, temperature, threshold).Value;

    /// <summary>The worst threshold in [0, 1] (the paper's inner maximisation): the best of <paramref name="probes"/>
    /// evenly spaced thresholds, refined by <paramref name="steps"/> projected Adam ascent steps of rate
    /// <paramref name="learningRate"/>; the best threshold seen is returned.</summary>
    public static double MaximiseDisparity(IReadOnlyList<double[]> scoresByGroup, double temperature, int probes, int steps, double learningRate)
    {
        ArgumentNullException.ThrowIfNull(scoresByGroup);
        var best = 0.0;
        var bestValue = double.NegativeInfinity;
        for (var k = 0; k < probes; k++)
        {
            var t = (double)k / (probes - 1);
            var value = Disparity(scoresByGroup, temperature, t);
            if (value > bestValue)
            {
                (best, bestValue) = (t, value);
            }
        }

        var adam = new AdamThreshold(best);
        for (var k = 0; k < steps; k++)
        {
            var (_, slope) = Evaluate(scoresByGroup, temperature, adam.Value);
            adam.Ascend(slope, learningRate);
            adam.Value = Math.Clamp(adam.Value, 0, 1);
            var value = Disparity(scoresByGroup, temperature, adam.Value);
            if (value > bestValue)
            {
                (best, bestValue) = (adam.Value, value);
            }
        }

        return best;
    }

    // The released MaxDiffSolver: Adam on −D(t), StepLR(10, 0.1) stepped after every inner step and never reset,
    // maxdiff_steps + 1 inner steps per batch, no projection onto [0, 1].
    private double ReleasedSearch(int? label, IReadOnlyList<double[]> byGroup, BatchContext batch)
    {
        var key = label ?? -1;
        if (!released.TryGetValue(key, out var adam))
        {
            adam = new AdamThreshold(positiveRate ?? batch.Labels.Average());
            released[key] = adam;
        }

        for (var k = 0; k <= options.InnerSteps; k++)
        {
            var rate = options.InnerLearningRate * Math.Pow(0.1, adam.Steps / 10);
            var (_, slope) = Evaluate(byGroup, options.Temperature, adam.Value);
            adam.Ascend(slope, rate);
        }

        return adam.Value;
    }

    private static (double Value, double Slope) Evaluate(IReadOnlyList<double[]> scoresByGroup, double temperature, double threshold)
    {
        var high = double.NegativeInfinity;
        var low = double.PositiveInfinity;
        var highSlope = 0.0;
        var lowSlope = 0.0;
        foreach (var scores in scoresByGroup)
        {
            if (scores.Length == 0)
            {
                continue;
            }

            double cdf = 0, density = 0;
            foreach (var p in scores)
            {
                var s = 1 / (1 + Math.Exp(-temperature * (threshold - p)));
                cdf += s;
                density += temperature * s * (1 - s);
            }

            cdf /= scores.Length;
            density /= scores.Length;
            if (cdf > high)
            {
                (high, highSlope) = (cdf, density);
            }

            if (cdf < low)
            {
                (low, lowSlope) = (cdf, density);
            }
        }

        return double.IsFinite(high) ? (high - low, highSlope - lowSlope) : (0, 0);
    }

    private IEnumerable<int?> Labels() => constraint switch
    {
        FairnessConstraint.EqualizedOdds => [0, 1],
        FairnessConstraint.EqualOpportunity => [1],
        _ => [null],
    };

    private double[][] ScoresByGroup(double[] scores, BatchContext batch, int? label)
    {
        var byGroup = Enumerable.Range(0, groupCount).Select(_ => new List<double>()).ToArray();
        for (var i = 0; i < scores.Length; i++)
        {
            if (label is null || batch.Labels[i] == label)
            {
                byGroup[batch.Groups[i]].Add(scores[i]);
            }
        }

        return byGroup.Select(g => g.ToArray()).ToArray();
    }

    // torch.optim.Adam on one scalar (β = 0.9, 0.999; ε = 1e−8), ascending: it steps along +slope.
    private sealed class AdamThreshold(double start)
    {
        private double m;
        private double v;

        public double Value { get; set; } = start;

        public int Steps { get; private set; }

        public void Ascend(double slope, double rate)
        {
            var gradient = -slope;
            Steps++;
            m = (Beta1 * m) + ((1 - Beta1) * gradient);
            v = (Beta2 * v) + ((1 - Beta2) * gradient * gradient);
            var mHat = m / (1 - Math.Pow(Beta1, Steps));
            var vHat = v / (1 - Math.Pow(Beta2, Steps));
            Value -= rate * mHat / (Math.Sqrt(vHat) + Epsilon);
        }
    }
}
