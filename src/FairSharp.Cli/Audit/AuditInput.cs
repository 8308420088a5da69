using FairSharp.Metrics;

namespace FairSharp.Cli.Audit;

/// <summary>The validated columns of an audit CSV.</summary>
/// <param name="YTrue">Labels in {0, 1} (1 = the positive class).</param>
/// <param name="Scores">Scores in [0, 1], or the hard predictions 0/1 when <paramref name="HasScores"/> is false.</param>
/// <param name="Weights">Sample weights, or empty.</param>
/// <param name="Groups">Group of every row (intersectional when several sensitive columns are given).</param>
/// <param name="HasScores">True when the predictions are scores (<c>--score</c>), false for hard labels (<c>--y-pred</c>).</param>
internal sealed record AuditInput(int[] YTrue, double[] Scores, double[] Weights, GroupLabels Groups, bool HasScores);
