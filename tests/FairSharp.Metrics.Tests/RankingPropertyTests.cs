using FsCheck.Xunit;

namespace FairSharp.Metrics.Tests;

/// <summary>AP and ROC AUC against brute-force forms of sklearn's definitions, on data with many ties.</summary>
public sealed class RankingPropertyTests
{
    private const string Replay = "20261123,4243";

    private static (int[] Y, double[] S) Draw(int seed)
    {
        var random = new Random(seed);
        var n = random.Next(2, 60);
        var y = new int[n];
        var s = new double[n];
        for (var i = 0; i < n; i++)
        {
            y[i] = random.Next(2);
            s[i] = Math.Round(random.NextDouble() * (0.5 + 0.5 * y[i]), 1);
        }

        return (y, s);
    }

    [Property(Replay = Replay, MaxTest = 100)]
    public void Roc_auc_is_the_pair_count_with_ties_as_half(int seed)
    {
        var (y, s) = Draw(seed);
        double wins = 0, pairs = 0;
        for (var i = 0; i < y.Length; i++)
        {
            for (var j = 0; j < y.Length; j++)
            {
                if (y[i] == 1 && y[j] == 0)
                {
                    pairs++;
                    wins += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
                }
            }
        }

        var auc = RankingMetrics.RocAuc(y, s);
        if (pairs == 0)
        {
            double.IsNaN(auc).ShouldBeTrue();
        }
        else
        {
            auc.ShouldBe(wins / pairs, 1e-12);
        }
    }

    [Property(Replay = Replay, MaxTest = 100)]
    public void Average_precision_is_the_step_sum_over_distinct_thresholds(int seed)
    {
        var (y, s) = Draw(seed);
        var positives = y.Sum();
        var ap = RankingMetrics.AveragePrecision(y, s);
        if (positives == 0)
        {
            double.IsNaN(ap).ShouldBeTrue();
            return;
        }

        var expected = 0.0;
        var previousRecall = 0.0;
        foreach (var t in s.Distinct().OrderByDescending(v => v))
        {
            var selected = Enumerable.Range(0, y.Length).Where(i => s[i] >= t).ToArray();
            var tp = selected.Count(i => y[i] == 1);
            var recall = (double)tp / positives;
            expected += (recall - previousRecall) * tp / selected.Length;
            previousRecall = recall;
        }

        ap.ShouldBe(expected, 1e-12);
    }
}
