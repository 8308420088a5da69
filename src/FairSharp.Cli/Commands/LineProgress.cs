using System.Globalization;
using FairSharp.Experiments.Sweeps;

namespace FairSharp.Cli.Commands;

/// <summary>Progress as plain lines (output not a terminal): one line when the run starts and one per finished trial,
/// with the trial's utility and gap.</summary>
internal sealed class LineProgress(TextWriter writer, SweepPlan plan, string utilityKey, string gapKey) : IProgress<SweepProgress>
{
    private readonly object _gate = new();
    private bool _started;

    public void Report(SweepProgress value)
    {
        lock (_gate)
        {
            if (!_started)
            {
                _started = true;
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"sweep: plan of {plan.Trials.Count} trials, {value.Total} in this slice, {value.Skipped} already done"));
            }

            if (value.Note is { } note)
            {
                writer.WriteLine(note);
            }

            if (value.Last is not { } r)
            {
                return;
            }

            var c = r.Config;
            var result = r.Status == TrialStatus.Ok
                ? string.Join(' ', new[] { utilityKey, gapKey }.Where(r.Metrics.ContainsKey)
                    .Select(k => string.Create(CultureInfo.InvariantCulture, $"{k}={r.Metrics[k]:0.0000}")))
                : $"{r.Status.ToString().ToLowerInvariant()}: {r.Error}";
            var cpu = r.Timings.CpuSeconds > 0 ? string.Create(CultureInfo.InvariantCulture, $", CPU {r.Timings.CpuSeconds:0.0} s") : string.Empty;
            var eta = value.Remaining is { } t ? Clock(t) : "?";
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"[{value.Finished}/{value.Total}] {c.Curve} λ={c.Lambda} seed={c.Seed}: {result} ({r.Timings.TotalSeconds:0.0} s{cpu}) · {value.Running} running · {Clock(value.Elapsed)} elapsed · ETA {eta}{Means(value)}"));
        }
    }

    /// <summary>" · mean s/trial erm 3.1 gapreg 3.4 …" over the curves with a finished trial, or nothing.</summary>
    public static string Means(SweepProgress value) => value.MeanByCurve.Count == 0
        ? string.Empty
        : " · mean s/trial " + string.Join(' ', value.MeanByCurve.OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Key} {kv.Value.TotalSeconds:0.0}")));

    private static string Clock(TimeSpan t) => string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalMinutes}m{t.Seconds:00}s");
}
