namespace FairSharp.Experiments.Sweeps;

/// <summary>
/// Estimates the time left in a sweep from the mean wall time of each curve's finished trials (a fairer trial costs
/// about twice an ERM trial, so one mean over all trials is wrong by the mix still to come). A curve with no finished
/// trial yet is assumed to cost the mean of the curves that have one. Remaining work = the mean of every trial not
/// started + what is left of each running trial's mean; it is shared by the workers.
/// </summary>
public sealed class SweepClock
{
    private readonly Dictionary<string, (double Sum, int Count)> _byCurve = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _waiting = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Curve, TimeSpan Started)> _running = new(StringComparer.Ordinal);
    private readonly int _jobs;

    /// <summary>A clock for <paramref name="pending"/> trials run <paramref name="jobs"/> at a time.</summary>
    public SweepClock(IEnumerable<TrialConfig> pending, int jobs)
    {
        ArgumentNullException.ThrowIfNull(pending);
        _jobs = Math.Max(1, jobs);
        foreach (var trial in pending)
        {
            _waiting[trial.Curve] = _waiting.GetValueOrDefault(trial.Curve) + 1;
        }
    }

    /// <summary>Records that <paramref name="trial"/> started at <paramref name="now"/> (time since the sweep started).</summary>
    public void Started(TrialConfig trial, TimeSpan now)
    {
        ArgumentNullException.ThrowIfNull(trial);
        _waiting[trial.Curve] = _waiting.GetValueOrDefault(trial.Curve) - 1;
        _running[trial.Id] = (trial.Curve, now);
    }

    /// <summary>Records that <paramref name="trial"/> finished at <paramref name="now"/>.</summary>
    public void Finished(TrialConfig trial, TimeSpan now)
    {
        ArgumentNullException.ThrowIfNull(trial);
        if (_running.Remove(trial.Id, out var run))
        {
            var (sum, count) = _byCurve.GetValueOrDefault(run.Curve);
            _byCurve[run.Curve] = (sum + (now - run.Started).TotalSeconds, count + 1);
        }
    }

    /// <summary>Mean wall time of a finished trial, by curve (only curves with a finished trial).</summary>
    public IReadOnlyDictionary<string, TimeSpan> MeanByCurve =>
        _byCurve.ToDictionary(kv => kv.Key, kv => TimeSpan.FromSeconds(kv.Value.Sum / kv.Value.Count), StringComparer.Ordinal);

    /// <summary>Estimated time to finish at <paramref name="now"/>; null until a trial has finished.</summary>
    public TimeSpan? Remaining(TimeSpan now)
    {
        if (_byCurve.Count == 0)
        {
            return null;
        }

        var fallback = _byCurve.Values.Average(v => v.Sum / v.Count);
        double Mean(string curve) => _byCurve.TryGetValue(curve, out var v) ? v.Sum / v.Count : fallback;
        var work = _waiting.Sum(kv => kv.Value * Mean(kv.Key));
        var longestRunning = 0.0;
        foreach (var (curve, started) in _running.Values)
        {
            var left = Math.Max(0, Mean(curve) - (now - started).TotalSeconds);
            work += left;
            longestRunning = Math.Max(longestRunning, left);
        }

        return TimeSpan.FromSeconds(Math.Max(work / _jobs, longestRunning));
    }
}
