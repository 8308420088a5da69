namespace FairSharp.Training.Rationale;

/// <summary>Parity scores from measured influences (plain .NET numbers, no tensors).</summary>
public static class ParityScore
{
    /// <summary>cos(a, b) = Σ a_k b_k / (max(‖a‖, eps) · max(‖b‖, eps)), eps = 1e-8 (libtorch's cosine_similarity);
    /// exactly 1 for two 1-element vectors with positive entries.</summary>
    public static double Cosine(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        CheckLengths(a, b);
        double dot = 0, na = 0, nb = 0;
        for (var k = 0; k < a.Count; k++)
        {
            dot += a[k] * b[k];
            na += a[k] * a[k];
            nb += b[k] * b[k];
        }

        return dot / (Math.Max(Math.Sqrt(na), NeuronInfluence.CosineEps) * Math.Max(Math.Sqrt(nb), NeuronInfluence.CosineEps));
    }

    /// <summary>Statistics of d_k = |a_k − b_k| / (a_k + b_k) (0 when both are 0) over the neurons.</summary>
    public static NeuronDifference Difference(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        CheckLengths(a, b);
        var d = new double[a.Count];
        double absolute = 0;
        for (var k = 0; k < a.Count; k++)
        {
            var diff = Math.Abs(a[k] - b[k]);
            var total = a[k] + b[k];
            d[k] = total > 0 ? diff / total : 0;
            absolute += diff;
        }

        if (d.Length == 0)
        {
            return new NeuronDifference(double.NaN, double.NaN, double.NaN, double.NaN);
        }

        var sorted = d.Order().ToArray();
        var mid = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        return new NeuronDifference(d.Average(), median, sorted[^1], absolute / d.Length);
    }

    /// <summary>Parity of one layer; a one-neuron layer's cosine is reported as exactly 1 and marked constant.</summary>
    public static LayerParity Layer(RationaleLayer layer, IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        ArgumentNullException.ThrowIfNull(layer);
        var cosine = layer.ConstantCosine ? 1.0 : Cosine(a, b);
        return new LayerParity(layer.Name, layer.Neurons, layer.ConstantCosine, cosine, Difference(a, b));
    }

    /// <summary>Parity of every layer between two strata.</summary>
    public static PairParity Pair(IReadOnlyList<RationaleLayer> layers, StratumInfluence first, StratumInfluence second)
    {
        ArgumentNullException.ThrowIfNull(layers);
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        var parity = layers.Select((layer, l) => Layer(layer, first.Influence[l], second.Influence[l])).ToArray();
        var informative = parity.Where(p => !p.ConstantCosine).Select(p => p.Cosine).ToArray();
        var label = first.Label == second.Label ? first.Label : null;
        return new PairParity(first.Name, second.Name, label, parity, parity.Sum(p => p.Cosine),
            informative.Length > 0 ? informative.Average() : double.NaN);
    }

    /// <summary>Compares every pair of strata of <paramref name="measurement"/> (groups; or groups within the same label
    /// for the by-label partition) and finds the least aligned pair.</summary>
    public static ParityReport Compare(RationaleMeasurement measurement)
    {
        ArgumentNullException.ThrowIfNull(measurement);
        var strata = measurement.Strata;
        var pairs = new List<PairParity>();
        for (var i = 0; i < strata.Count; i++)
        {
            for (var j = i + 1; j < strata.Count; j++)
            {
                if (strata[i].Label == strata[j].Label && strata[i].Group != strata[j].Group)
                {
                    pairs.Add(Pair(measurement.Layers, strata[i], strata[j]));
                }
            }
        }

        if (pairs.Count == 0)
        {
            throw new ArgumentException("the measurement has no pair of strata to compare", nameof(measurement));
        }

        var worst = pairs[0];
        foreach (var pair in pairs.Skip(1))
        {
            if (pair.MeanCosine < worst.MeanCosine)
            {
                worst = pair;
            }
        }

        var summaries = strata.Select(s => new StratumSummary(s.Name, s.Group, s.Label, s.Rows, s.Loss)).ToArray();
        return new ParityReport(measurement.Kind, measurement.Partition, measurement.Layers, summaries, pairs, worst);
    }

    private static void CheckLengths(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        if (a.Count != b.Count)
        {
            throw new ArgumentException($"influence vectors differ in length ({a.Count} vs {b.Count})", nameof(b));
        }
    }
}
