using FairSharp.Experiments.Sweeps;

namespace FairSharp.Experiments.Analysis;

/// <summary>The trials of one (curve, λ) point, indexed by seed, with their bootstrap samples.</summary>
internal sealed class PointInput
{
    private readonly Dictionary<string, double[]> _valuesBySeed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double[]> _samples = new(StringComparer.Ordinal);
    private readonly bool[] _okSeed;
    private readonly List<TrialRecord> _ok;

    private PointInput(double lambda, int seedCount, List<TrialRecord> ok, int failed, IReadOnlyList<int> seeds, IReadOnlyDictionary<int, int> seedIndex)
    {
        Lambda = lambda;
        _ok = ok;
        Failed = failed;
        Seeds = seeds;
        _okSeed = new bool[seedCount];
        foreach (var record in ok)
        {
            var s = seedIndex[record.Config.Seed];
            _okSeed[s] = true;
            foreach (var (key, value) in record.Metrics)
            {
                if (!_valuesBySeed.TryGetValue(key, out var values))
                {
                    values = Enumerable.Repeat(double.NaN, seedCount).ToArray();
                    _valuesBySeed[key] = values;
                }

                values[s] = value;
            }
        }
    }

    public double Lambda { get; }

    public int Failed { get; }

    public IReadOnlyList<int> Seeds { get; }

    public static PointInput From(double lambda, IReadOnlyList<(TrialConfig Config, TrialRecord? Record)> trials, IReadOnlyDictionary<int, int> seedIndex)
    {
        var ok = trials.Where(t => t.Record?.Status == TrialStatus.Ok).Select(t => t.Record!).OrderBy(r => r.Config.Seed).ToList();
        var failed = trials.Count(t => t.Record is { Status: not TrialStatus.Ok });
        return new PointInput(lambda, seedIndex.Count, ok, failed, ok.Select(r => r.Config.Seed).ToArray(), seedIndex);
    }

    /// <summary>Mean of a key over the seeds that finished ok (NaN when none has it).</summary>
    public double MeanOf(string key) => Statistics.Mean(ValuesOf(key));

    /// <summary>Bootstrap sample r of a key's mean (NaN when the resample drew none of this point's seeds).</summary>
    public double SampleOf(string key, int r) => _samples.TryGetValue(key, out var s) ? s[r] : double.NaN;

    /// <summary>Computes resample <paramref name="r"/> of every key: the mean over drawn seeds, weighted by how often
    /// each was drawn, restricted to this point's finished seeds.</summary>
    public void Resample(int r, int[] counts, int resamples)
    {
        foreach (var (key, values) in _valuesBySeed)
        {
            if (!_samples.TryGetValue(key, out var samples))
            {
                samples = new double[resamples];
                _samples[key] = samples;
            }

            double sum = 0, weight = 0;
            for (var s = 0; s < values.Length; s++)
            {
                if (counts[s] > 0 && _okSeed[s] && double.IsFinite(values[s]))
                {
                    sum += counts[s] * values[s];
                    weight += counts[s];
                }
            }

            samples[r] = weight > 0 ? sum / weight : double.NaN;
        }
    }

    public TradeoffPoint ToPoint(string curve, string method, string utilityKey, string gapKey, double confidence, bool onFront)
    {
        var metrics = _valuesBySeed.Keys.Order(StringComparer.Ordinal).ToDictionary(k => k, k => EstimateOf(k, confidence), StringComparer.Ordinal);
        var empty = new Estimate(double.NaN, double.NaN, double.NaN, double.NaN, 0);
        return new TradeoffPoint(curve, method, Lambda, metrics.GetValueOrDefault(utilityKey, empty), metrics.GetValueOrDefault(gapKey, empty),
            metrics, ByGroupMeans(), Seeds, Failed, onFront, _ok.Count(r => r.Degenerate.Count > 0))
        {
            NonFiniteSeeds = _ok.Count(r => !double.IsFinite(r.Metrics.GetValueOrDefault(utilityKey, double.NaN)) || !double.IsFinite(r.Metrics.GetValueOrDefault(gapKey, double.NaN))),
        };
    }

    private double[] ValuesOf(string key) =>
        _valuesBySeed.TryGetValue(key, out var values) ? values.Where(double.IsFinite).ToArray() : [];

    private Estimate EstimateOf(string key, double confidence)
    {
        var values = ValuesOf(key);
        var (low, high) = _samples.TryGetValue(key, out var samples)
            ? Statistics.PercentileInterval(samples, confidence)
            : (double.NaN, double.NaN);
        return new Estimate(Statistics.Mean(values), Statistics.SampleStd(values), low, high, values.Length);
    }

    private IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> ByGroupMeans()
    {
        var result = new SortedDictionary<string, IReadOnlyDictionary<string, double>>(StringComparer.Ordinal);
        foreach (var group in _ok.SelectMany(r => r.ByGroup.Keys).Distinct(StringComparer.Ordinal))
        {
            var keys = _ok.Where(r => r.ByGroup.ContainsKey(group)).SelectMany(r => r.ByGroup[group].Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
            result[group] = keys.ToDictionary(
                k => k,
                k => Statistics.Mean(_ok.Select(r => r.ByGroup.TryGetValue(group, out var m) ? m.GetValueOrDefault(k, double.NaN) : double.NaN).Where(double.IsFinite).ToArray()),
                StringComparer.Ordinal);
        }

        return result;
    }
}
