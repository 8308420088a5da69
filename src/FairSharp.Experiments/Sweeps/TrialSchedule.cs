using FairSharp.Training.Methods;
using FairSharp.Training.Objectives;

namespace FairSharp.Experiments.Sweeps;

/// <summary>
/// The order a sweep starts its pending trials in: round-robin over the curves (method and stitch options), each
/// curve's trials in plan order. Every method then finishes a trial early, so the time estimate knows what each
/// method costs before half the sweep is done, and slow methods do not all run at the end while workers idle.
/// Trial results do not depend on the order (each trial seeds everything from its own seed).
/// <para>Stitch curves (tfs, fdr, …) share one ERM backbone per seed, the costly part of their trials, and one worker
/// trains it while a second that needs it waits. So a stitch curve's trials go seed by seed (plan order within a seed),
/// and the j-th stitch curve starts at its j-th seed: workers train different backbones at once instead of one waiting
/// on the other.</para>
/// </summary>
public static class TrialSchedule
{
    /// <summary>The trials of <paramref name="pending"/> in start order.</summary>
    public static IReadOnlyList<TrialConfig> Order(IReadOnlyList<TrialConfig> pending)
    {
        ArgumentNullException.ThrowIfNull(pending);
        var stitch = 0;
        var queues = pending.GroupBy(t => t.Curve, StringComparer.Ordinal)
            .Select(g => new Queue<TrialConfig>(IsStitch(g.First().Method) ? RotateSeeds(g.ToArray(), stitch++) : g))
            .ToList();
        var order = new List<TrialConfig>(pending.Count);
        while (order.Count < pending.Count)
        {
            foreach (var queue in queues.Where(q => q.Count > 0))
            {
                order.Add(queue.Dequeue());
            }
        }

        return order;
    }

    private static bool IsStitch(string method) =>
        MethodRegistry.Contains(method) && MethodRegistry.Get(method).Kind == MethodKind.Stitch;

    /// <summary>The trials of one curve, those of its <paramref name="shift"/>-th seed (mod the curve's seed count)
    /// first, then the next seeds', each seed's trials in plan order.</summary>
    private static IEnumerable<TrialConfig> RotateSeeds(TrialConfig[] curve, int shift)
    {
        var seeds = curve.Select(t => t.Seed).Distinct().Order().ToArray();
        var rank = seeds.Select((seed, i) => (seed, i)).ToDictionary(p => p.seed, p => (p.i - (shift % seeds.Length) + seeds.Length) % seeds.Length);
        return curve.Select((t, i) => (t, i)).OrderBy(p => rank[p.t.Seed]).ThenBy(p => p.i).Select(p => p.t);
    }
}
