namespace FairSharp.Metrics;

/// <summary>
/// fairlearn's <c>MetricFrame</c> for one metric: the metric on all rows (<see cref="Overall"/>) and on each group's
/// rows (<see cref="ByGroup"/>; NaN for a group without rows), with the aggregates fairlearn defines — every aggregate
/// skips NaN groups:
/// <list type="bullet">
/// <item><c>group_min</c> = min_g m_g, <c>group_max</c> = max_g m_g;</item>
/// <item><c>difference(between_groups)</c> = max_g m_g − min_g m_g; <c>difference(to_overall)</c> = max_g |m_g − m|;</item>
/// <item><c>ratio(between_groups)</c> = min_g m_g / max_g m_g; <c>ratio(to_overall)</c> = min_g min(m_g / m, m / m_g).</item>
/// </list>
/// With <see cref="BootstrapOptions"/> it also holds seeded bootstrap samples and reports their quantiles.
/// </summary>
public sealed class MetricFrame
{
    private readonly double[] _byGroup;
    private readonly IReadOnlyList<MetricFrame>? _samples;
    private readonly IReadOnlyList<double> _quantiles;

    private MetricFrame(double overall, double[] byGroup, IReadOnlyList<string> groupNames,
        IReadOnlyList<MetricFrame>? samples, IReadOnlyList<double> quantiles)
    {
        Overall = overall;
        _byGroup = byGroup;
        GroupNames = groupNames;
        _samples = samples;
        _quantiles = quantiles;
        var map = new Dictionary<string, double>(groupNames.Count, StringComparer.Ordinal);
        for (var g = 0; g < groupNames.Count; g++)
        {
            map[groupNames[g]] = byGroup[g];
        }

        ByGroup = map;
    }

    /// <summary>The metric on all rows.</summary>
    public double Overall { get; }

    /// <summary>Group names, in the order of <see cref="ByGroupValues"/>.</summary>
    public IReadOnlyList<string> GroupNames { get; }

    /// <summary>The metric per group, indexed like <see cref="GroupNames"/>; NaN for a group without rows.</summary>
    public IReadOnlyList<double> ByGroupValues => _byGroup;

    /// <summary>The metric per group name; NaN for a group without rows.</summary>
    public IReadOnlyDictionary<string, double> ByGroup { get; }

    /// <summary>Whether bootstrap samples were drawn (the <c>*Ci</c> accessors need them).</summary>
    public bool HasBootstrap => _samples is not null;

    /// <summary>The quantiles reported by the <c>*Ci</c> accessors.</summary>
    public IReadOnlyList<double> CiQuantiles => _quantiles;

    /// <summary>
    /// Evaluates <paramref name="metric"/> on all rows and on the rows of each group (fairlearn <c>MetricFrame(metrics=…)</c>).
    /// Groups without rows get NaN and are not passed to the metric.
    /// </summary>
    /// <exception cref="InvalidInputException">Empty input, mismatched lengths, bad weights, bad bootstrap options, or the metric's own errors.</exception>
    public static MetricFrame Create<T>(MetricFunction<T> metric, ReadOnlySpan<T> yTrue, ReadOnlySpan<T> yPred,
        GroupLabels sensitiveFeatures, ReadOnlySpan<double> sampleWeight = default, BootstrapOptions? bootstrap = null)
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(sensitiveFeatures);
        if (yTrue.IsEmpty)
        {
            throw Fail.With(MetricErrors.EmptyEvaluation);
        }

        Fail.IfLengthDiffers("y_pred", yPred.Length, yTrue.Length);
        Fail.IfLengthDiffers("sensitive_features", sensitiveFeatures.Rows, yTrue.Length);
        Fail.CheckWeights(sampleWeight, yTrue.Length);
        bootstrap?.Validate();

        var (overall, byGroup) = Evaluate(metric, yTrue, yPred, sensitiveFeatures.Codes, sensitiveFeatures.Count, sampleWeight);
        IReadOnlyList<MetricFrame>? samples = null;
        if (bootstrap is not null)
        {
            samples = DrawSamples(metric, yTrue, yPred, sensitiveFeatures, sampleWeight, bootstrap);
        }

        return new MetricFrame(overall, byGroup, sensitiveFeatures.Names, samples,
            bootstrap?.EffectiveQuantiles ?? []);
    }

    /// <summary>A frame from values already computed (e.g. from confusion counts); NaN marks a group without rows.</summary>
    public static MetricFrame FromValues(double overall, IReadOnlyList<double> byGroup, IReadOnlyList<string> groupNames)
    {
        ArgumentNullException.ThrowIfNull(byGroup);
        ArgumentNullException.ThrowIfNull(groupNames);
        Fail.IfLengthDiffers("by_group", byGroup.Count, groupNames.Count);
        return new MetricFrame(overall, byGroup.ToArray(), groupNames.ToArray(), null, []);
    }

    /// <summary>min_g m_g over the groups with a value.</summary>
    public double GroupMin() => Aggregates.Min(_byGroup);

    /// <summary>max_g m_g over the groups with a value.</summary>
    public double GroupMax() => Aggregates.Max(_byGroup);

    /// <summary>between_groups: max_g m_g − min_g m_g; to_overall: max_g |m_g − overall|.</summary>
    public double Difference(AggregationMethod method = AggregationMethod.BetweenGroups) =>
        Aggregates.Difference(_byGroup, Overall, method);

    /// <summary>between_groups: min_g m_g / max_g m_g; to_overall: min_g min(m_g / overall, overall / m_g).</summary>
    public double Ratio(AggregationMethod method = AggregationMethod.BetweenGroups) =>
        Aggregates.Ratio(_byGroup, Overall, method);

    /// <summary>Bootstrap quantiles of <see cref="Overall"/>, one per <see cref="CiQuantiles"/> entry.</summary>
    public IReadOnlyList<double> OverallCi() => Ci(f => f.Overall);

    /// <summary>Bootstrap quantiles of each group's value.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<double>> ByGroupCi()
    {
        var samples = Samples();
        var result = new Dictionary<string, IReadOnlyList<double>>(GroupNames.Count, StringComparer.Ordinal);
        for (var g = 0; g < GroupNames.Count; g++)
        {
            var index = g;
            result[GroupNames[g]] = Aggregates.Quantiles(samples.Select(s => s._byGroup[index]), _quantiles);
        }

        return result;
    }

    /// <summary>Bootstrap quantiles of <see cref="GroupMin"/>.</summary>
    public IReadOnlyList<double> GroupMinCi() => Ci(f => f.GroupMin());

    /// <summary>Bootstrap quantiles of <see cref="GroupMax"/>.</summary>
    public IReadOnlyList<double> GroupMaxCi() => Ci(f => f.GroupMax());

    /// <summary>Bootstrap quantiles of <see cref="Difference"/>.</summary>
    public IReadOnlyList<double> DifferenceCi(AggregationMethod method = AggregationMethod.BetweenGroups) => Ci(f => f.Difference(method));

    /// <summary>Bootstrap quantiles of <see cref="Ratio"/>.</summary>
    public IReadOnlyList<double> RatioCi(AggregationMethod method = AggregationMethod.BetweenGroups) => Ci(f => f.Ratio(method));

    private IReadOnlyList<double> Ci(Func<MetricFrame, double> statistic) =>
        Aggregates.Quantiles(Samples().Select(statistic), _quantiles);

    private IReadOnlyList<MetricFrame> Samples() => _samples ?? throw Fail.With(MetricErrors.NoBootstrap);

    private static (double Overall, double[] ByGroup) Evaluate<T>(MetricFunction<T> metric, ReadOnlySpan<T> yTrue, ReadOnlySpan<T> yPred,
        ReadOnlySpan<int> codes, int groups, ReadOnlySpan<double> weights)
    {
        var overall = metric(yTrue, yPred, weights);

        // Counting sort of the rows by group: one contiguous slice per group.
        var starts = new int[groups + 1];
        foreach (var c in codes)
        {
            starts[c + 1]++;
        }

        for (var g = 0; g < groups; g++)
        {
            starts[g + 1] += starts[g];
        }

        var next = starts[..^1];
        var t = new T[yTrue.Length];
        var p = new T[yTrue.Length];
        var w = weights.IsEmpty ? [] : new double[yTrue.Length];
        for (var i = 0; i < codes.Length; i++)
        {
            var at = next[codes[i]]++;
            t[at] = yTrue[i];
            p[at] = yPred[i];
            if (!weights.IsEmpty)
            {
                w[at] = weights[i];
            }
        }

        var byGroup = new double[groups];
        for (var g = 0; g < groups; g++)
        {
            var length = starts[g + 1] - starts[g];
            byGroup[g] = length == 0
                ? double.NaN
                : metric(t.AsSpan(starts[g], length), p.AsSpan(starts[g], length),
                    weights.IsEmpty ? default : w.AsSpan(starts[g], length));
        }

        return (overall, byGroup);
    }

    private static MetricFrame[] DrawSamples<T>(MetricFunction<T> metric, ReadOnlySpan<T> yTrue, ReadOnlySpan<T> yPred,
        GroupLabels groups, ReadOnlySpan<double> weights, BootstrapOptions options)
    {
        var random = new Random(options.Seed);
        var n = yTrue.Length;
        var t = new T[n];
        var p = new T[n];
        var c = new int[n];
        var w = weights.IsEmpty ? [] : new double[n];
        var codes = groups.Codes;
        var samples = new MetricFrame[options.Samples];
        for (var s = 0; s < options.Samples; s++)
        {
            for (var i = 0; i < n; i++)
            {
                var row = random.Next(n);
                t[i] = yTrue[row];
                p[i] = yPred[row];
                c[i] = codes[row];
                if (!weights.IsEmpty)
                {
                    w[i] = weights[row];
                }
            }

            var (overall, byGroup) = Evaluate(metric, t, p, c, groups.Count, weights.IsEmpty ? default : w);
            samples[s] = new MetricFrame(overall, byGroup, groups.Names, null, []);
        }

        return samples;
    }
}
