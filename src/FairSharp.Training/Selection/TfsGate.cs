using System.Globalization;
using FairSharp.Metrics;

namespace FairSharp.Training.Selection;

/// <summary>
/// The selection rule of TFS, FDR and tfs-joint (tfs.md A4), one of the <see cref="SelectionRule"/> family, on VALIDATION
/// metrics of every epoch: among the epochs that pass the gate, the lowest <c>equalized_odds_difference</c>, ties broken by the higher
/// <c>balanced_accuracy</c>, then by the earlier epoch. When no epoch passes, the highest BACC − EOD (ties: earlier) and
/// the result says that the gate failed. The gate is
/// BACC &gt; <see cref="MinBalancedAccuracy"/> and AUC &gt; <see cref="MinRocAuc"/> and EOD &lt; <see cref="MaxEqualizedOdds"/>
/// for the thresholds that are set (CelebA: 0.86, 0.93, 0.12, see <see cref="CelebA"/>); without an absolute BACC
/// threshold, BACC ≥ the backbone's validation BACC − <see cref="RelativeBalancedAccuracyDrop"/> (tfs.md A5: the CelebA
/// gate is unreachable on UTKFace). NaN metrics fail the gate. The rule is online like every <see cref="SelectionRule"/>.
/// </summary>
public sealed record TfsGate : SelectionRule
{
    /// <summary>Short name of the rule.</summary>
    public const string RuleName = "tfs-gate";

    /// <summary>Error text: a threshold out of range (format: name, value).</summary>
    public const string BadThreshold = "selection threshold {0} must be in [0, 1], got {1}";

    /// <summary>Absolute gate on validation BACC (strict &gt;), or null (default).</summary>
    public double? MinBalancedAccuracy { get; init; }

    /// <summary>Absolute gate on validation ROC AUC (strict &gt;), or null (default).</summary>
    public double? MinRocAuc { get; init; }

    /// <summary>Absolute gate on validation EOD (strict &lt;), or null (default).</summary>
    public double? MaxEqualizedOdds { get; init; }

    /// <summary>Relative gate used when <see cref="MinBalancedAccuracy"/> is null: BACC ≥ backbone BACC − this
    /// (default 0.03, tfs.md A5); null = no relative gate.</summary>
    public double? RelativeBalancedAccuracyDrop { get; init; } = 0.03;

    /// <summary>The released CelebA gate: BACC &gt; 0.86, AUC &gt; 0.93, EOD &lt; 0.12.</summary>
    public static TfsGate CelebA { get; } = new() { MinBalancedAccuracy = 0.86, MinRocAuc = 0.93, MaxEqualizedOdds = 0.12 };

    /// <summary>The backbone's validation BACC the relative gate is measured from, or null (no relative gate yet).</summary>
    public double? ReferenceBalancedAccuracy { get; init; }

    /// <inheritdoc />
    public override string Name => RuleName;

    /// <inheritdoc />
    public override string Describe() => Describe(ReferenceBalancedAccuracy);

    /// <inheritdoc />
    public override int Choose(IReadOnlyList<EpochRecord> records) => Decide(records).Epoch;

    /// <summary>The choice over <paramref name="records"/> with whether the gate passed (<see cref="Choose(IReadOnlyList{EpochRecord})"/> plus the
    /// gate's outcome).</summary>
    public GateChoice Decide(IReadOnlyList<EpochRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        return Choose(records.Select(r => r.Validation).ToArray(), ReferenceBalancedAccuracy);
    }

    /// <summary>Throws <see cref="InvalidInputException"/> for a threshold outside [0, 1].</summary>
    public override void Validate()
    {
        Check("balanced accuracy", MinBalancedAccuracy);
        Check("roc auc", MinRocAuc);
        Check("equalized odds", MaxEqualizedOdds);
        Check("balanced accuracy drop", RelativeBalancedAccuracyDrop);
    }

    /// <summary>One readable line: the rule with its thresholds (the reference BACC filled in when known).</summary>
    public string Describe(double? referenceBalancedAccuracy)
    {
        var gate = new List<string>();
        if (MinBalancedAccuracy is { } b)
        {
            gate.Add(Invariant($"balanced_accuracy > {b}"));
        }
        else if (RelativeBalancedAccuracyDrop is { } drop)
        {
            gate.Add(referenceBalancedAccuracy is { } r && !double.IsNaN(r)
                ? Invariant($"balanced_accuracy >= {r - drop:0.####} (backbone {r:0.####} - {drop})")
                : Invariant($"balanced_accuracy >= backbone - {drop}"));
        }

        if (MinRocAuc is { } auc)
        {
            gate.Add(Invariant($"roc_auc > {auc}"));
        }

        if (MaxEqualizedOdds is { } eod)
        {
            gate.Add(Invariant($"equalized_odds_difference < {eod}"));
        }

        var gateText = gate.Count == 0 ? "every epoch" : string.Join(" and ", gate);
        return $"validation: min equalized_odds_difference (ties: max balanced_accuracy, then earliest) among epochs with {gateText}; if none, max balanced_accuracy - equalized_odds_difference";
    }

    /// <summary>True when one epoch's validation metrics pass the gate.</summary>
    public bool Passes(IReadOnlyDictionary<string, double> validation, double? referenceBalancedAccuracy)
    {
        ArgumentNullException.ThrowIfNull(validation);
        var bacc = Get(validation, MetricKeys.BalancedAccuracy);
        var auc = Get(validation, MetricKeys.RocAuc);
        var eod = Get(validation, MetricKeys.EqualizedOddsDifference);
        if (double.IsNaN(bacc) || double.IsNaN(eod))
        {
            return false;
        }

        if (MinBalancedAccuracy is { } b)
        {
            if (!(bacc > b))
            {
                return false;
            }
        }
        else if (RelativeBalancedAccuracyDrop is { } drop && referenceBalancedAccuracy is { } r && !double.IsNaN(r) && !(bacc >= r - drop))
        {
            return false;
        }

        return (MinRocAuc is not { } a || auc > a) && (MaxEqualizedOdds is not { } e || eod < e);
    }

    /// <summary>Applies the rule to the validation metrics of epochs 0..n−1.</summary>
    public GateChoice Choose(IReadOnlyList<IReadOnlyDictionary<string, double>> validation, double? referenceBalancedAccuracy)
    {
        ArgumentNullException.ThrowIfNull(validation);
        int best = -1, fallback = -1, passing = 0;
        double bestEod = double.PositiveInfinity, bestBacc = double.NegativeInfinity, bestMargin = double.NegativeInfinity;
        for (var i = 0; i < validation.Count; i++)
        {
            var bacc = Get(validation[i], MetricKeys.BalancedAccuracy);
            var eod = Get(validation[i], MetricKeys.EqualizedOddsDifference);
            if (Passes(validation[i], referenceBalancedAccuracy))
            {
                passing++;
                if (best < 0 || eod < bestEod || (eod == bestEod && bacc > bestBacc))
                {
                    best = i;
                    bestEod = eod;
                    bestBacc = bacc;
                }
            }

            var margin = bacc - eod;
            if (!double.IsNaN(margin) && (fallback < 0 || margin > bestMargin))
            {
                fallback = i;
                bestMargin = margin;
            }
        }

        if (best >= 0)
        {
            return new GateChoice(best, true, passing);
        }

        return new GateChoice(fallback >= 0 ? fallback : validation.Count - 1, false, 0);
    }

    private static double Get(IReadOnlyDictionary<string, double> metrics, string key) =>
        metrics.TryGetValue(key, out var v) ? v : double.NaN;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static void Check(string name, double? value)
    {
        if (value is { } v && !(v >= 0 && v <= 1))
        {
            throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, BadThreshold, name, v));
        }
    }
}
