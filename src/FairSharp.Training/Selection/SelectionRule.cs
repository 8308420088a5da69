using System.Globalization;
using FairSharp.Metrics;

namespace FairSharp.Training.Selection;

/// <summary>
/// Picks the epoch whose model a run reports, from the VALIDATION metrics of each epoch only (never test).
/// Every rule is online: the choice over epochs 0..k is either the choice over 0..k−1 or k itself, so the trainer
/// snapshots the weights whenever the newest epoch becomes the choice.
/// </summary>
public abstract record SelectionRule
{
    /// <summary>Error text: unknown rule (format: name).</summary>
    public const string UnknownRule = "unknown selection rule '{0}' (expected last, min-gap or max-accuracy-within-gap)";

    /// <summary>Error text: unknown metric key (format: key).</summary>
    public const string UnknownKey = "unknown metric key '{0}' for model selection";

    /// <summary>Error text: bad warm-up or ε (format: value).</summary>
    public const string BadParameter = "selection parameter must be >= 0, got {0}";

    /// <summary>Short name: <c>last</c>, <c>min-gap</c>, <c>max-accuracy-within-gap</c>.</summary>
    public abstract string Name { get; }

    /// <summary>One readable line: the rule with its parameters.</summary>
    public abstract string Describe();

    /// <summary>Index of the chosen record (0-based), or −1 when none is eligible yet.</summary>
    public abstract int Choose(IReadOnlyList<EpochRecord> records);

    /// <summary>True when <see cref="Choose"/> reads the validation metrics of every period (the loop then evaluates the
    /// validation split at every period); false when it needs none before the end (the loop evaluates validation once,
    /// after the last period, unless early stopping or the curves option asks for more). Default true.</summary>
    public virtual bool ReadsEveryPeriod => true;

    /// <summary>Throws <see cref="InvalidInputException"/> for an unknown key or a negative parameter.</summary>
    public virtual void Validate()
    {
    }

    /// <summary>The rule of a name (<c>last</c>, <c>min-gap</c>, <c>max-accuracy-within-gap</c>) with the given gap
    /// key, warm-up and ε.</summary>
    public static SelectionRule Parse(string name, string gapKey, int warmup = 1, double epsilon = 0.05) => name switch
    {
        "last" => new LastEpoch(),
        "min-gap" => new MinGapAfterWarmup(gapKey, warmup),
        "max-accuracy-within-gap" => new MaxAccuracyWithinGap(gapKey, epsilon),
        _ => throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, UnknownRule, name)),
    };

    /// <summary>Throws when <paramref name="key"/> is not a metric key (or <c>loss</c>).</summary>
    protected static void CheckKey(string key)
    {
        if (key != "loss" && !MetricKeys.All.Contains(key, StringComparer.Ordinal))
        {
            throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, UnknownKey, key));
        }
    }

    /// <summary>The value, with NaN (undefined) treated as the worst possible.</summary>
    protected static double ValueOrWorst(IReadOnlyDictionary<string, double> metrics, string key, double worst) =>
        metrics.TryGetValue(key, out var v) && !double.IsNaN(v) ? v : worst;
}

/// <summary>The last epoch (FFB: no selection; report the last step).</summary>
public sealed record LastEpoch : SelectionRule
{
    /// <inheritdoc />
    public override string Name => "last";

    /// <inheritdoc />
    public override string Describe() => "last epoch";

    /// <inheritdoc />
    public override int Choose(IReadOnlyList<EpochRecord> records) => records.Count - 1;

    /// <inheritdoc />
    public override bool ReadsEveryPeriod => false;
}

/// <summary>The epoch with the smallest validation gap among epochs ≥ <see cref="Warmup"/> (Fair Mixup skips epoch 0;
/// FAIRER's CelebA code skips epochs 0–2). Ties go to the earliest epoch.</summary>
/// <param name="GapKey">Metric key of the gap (Fair Mixup: <c>dp_score_gap</c> / <c>eo_score_gap</c>).</param>
/// <param name="Warmup">Epochs skipped before selecting (default 1).</param>
public sealed record MinGapAfterWarmup(string GapKey, int Warmup = 1) : SelectionRule
{
    /// <inheritdoc />
    public override string Name => "min-gap";

    /// <inheritdoc />
    public override string Describe() => $"min validation {GapKey} over epochs >= {Warmup}";

    /// <inheritdoc />
    public override void Validate()
    {
        CheckKey(GapKey);
        if (Warmup < 0)
        {
            throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, BadParameter, Warmup));
        }
    }

    /// <inheritdoc />
    public override int Choose(IReadOnlyList<EpochRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var best = -1;
        var bestGap = double.PositiveInfinity;
        for (var i = Math.Min(Warmup, records.Count); i < records.Count; i++)
        {
            var gap = ValueOrWorst(records[i].Validation, GapKey, double.PositiveInfinity);
            if (best < 0 || gap < bestGap)
            {
                best = i;
                bestGap = gap;
            }
        }

        return best;
    }
}

/// <summary>The epoch with the highest validation accuracy (or another utility key) among epochs whose validation
/// gap is ≤ <see cref="Epsilon"/>; when no epoch meets the bound, the epoch with the smallest gap. Ties go to the
/// earliest epoch.</summary>
/// <param name="GapKey">Metric key of the gap.</param>
/// <param name="Epsilon">Largest acceptable gap.</param>
/// <param name="UtilityKey">Metric key to maximise (default <c>accuracy</c>).</param>
public sealed record MaxAccuracyWithinGap(string GapKey, double Epsilon, string UtilityKey = MetricKeys.Accuracy) : SelectionRule
{
    /// <inheritdoc />
    public override string Name => "max-accuracy-within-gap";

    /// <inheritdoc />
    public override string Describe() =>
        string.Create(CultureInfo.InvariantCulture, $"max validation {UtilityKey} s.t. {GapKey} <= {Epsilon} (else min {GapKey})");

    /// <inheritdoc />
    public override void Validate()
    {
        CheckKey(GapKey);
        CheckKey(UtilityKey);
        if (!(Epsilon >= 0))
        {
            throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, BadParameter, Epsilon));
        }
    }

    /// <summary>True when the chosen epoch meets the bound (false = the smallest-gap fallback was used).</summary>
    public bool Satisfied(IReadOnlyList<EpochRecord> records, int chosen) =>
        chosen >= 0 && ValueOrWorst(records[chosen].Validation, GapKey, double.PositiveInfinity) <= Epsilon;

    /// <inheritdoc />
    public override int Choose(IReadOnlyList<EpochRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        int best = -1, fallback = -1;
        double bestUtility = double.NegativeInfinity, bestGap = double.PositiveInfinity;
        for (var i = 0; i < records.Count; i++)
        {
            var gap = ValueOrWorst(records[i].Validation, GapKey, double.PositiveInfinity);
            if (gap <= Epsilon)
            {
                var utility = ValueOrWorst(records[i].Validation, UtilityKey, double.NegativeInfinity);
                if (best < 0 || utility > bestUtility)
                {
                    best = i;
                    bestUtility = utility;
                }
            }
            else if (fallback < 0 || gap < bestGap)
            {
                fallback = i;
                bestGap = gap;
            }
        }

        return best >= 0 ? best : fallback;
    }
}
