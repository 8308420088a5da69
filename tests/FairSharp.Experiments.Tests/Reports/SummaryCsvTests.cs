using FairSharp.Experiments.Analysis;
using FairSharp.Experiments.Reports;

namespace FairSharp.Experiments.Tests.Reports;

public sealed class SummaryCsvTests
{
    [Fact]
    public void One_row_per_point_with_fractions_utility_and_gap_first()
    {
        var analysis = SweepAnalyzer.Analyze(HandMadeSweep.Plan().Trials, HandMadeSweep.Records(), new AnalysisOptions());
        var lines = SummaryCsv.Render(analysis).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(1 + 5);
        lines[0].ShouldStartWith("curve,method,lambda,seeds,failed,non_finite,on_front,chosen,accuracy_mean,accuracy_std,accuracy_ci_low,accuracy_ci_high,demographic_parity_difference_mean,");
        var gapreg = lines[2].Split(',');
        gapreg[..8].ShouldBe(["gapreg", "gapreg", "0.1", "3", "0", "0", "true", "true"]);
        double.Parse(gapreg[8], System.Globalization.CultureInfo.InvariantCulture).ShouldBe(0.84, 1e-12);
        lines[5].Split(',')[..6].ShouldBe(["fairmixup", "fairmixup", "1", "2", "1", "0"]);
    }
}
