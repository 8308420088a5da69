namespace FairSharp.Experiments.Sweeps;

/// <summary>
/// The order a sweep starts its pending trials in: round-robin over the curves (method and stitch options), each
/// curve's trials in plan order. Every method then finishes a trial early, so the time estimate knows what each
/// method costs before half the sweep is done, and slow methods do not all run at the end while workers idle.
/// Trial results do not depend on the order (each trial seeds everything from its own seed).
/// </summary>
public static class TrialSchedule
{
    /// <summary>The trials of <paramref name="pending"/> in start order.</summary>
    public static IReadOnlyList<TrialConfig> Order(IReadOnlyList<TrialConfig> pending)
    {
        ArgumentNullException.ThrowIfNull(pending);
        var queues = pending.GroupBy(t => t.Curve, StringComparer.Ordinal).Select(g => new Queue<TrialConfig>(g)).ToList();
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
}
