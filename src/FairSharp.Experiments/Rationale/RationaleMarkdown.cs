using System.Globalization;
using System.Text;
using FairSharp.Training.Rationale;

namespace FairSharp.Experiments.Rationale;

/// <summary><c>rationale.md</c>: per-layer cosine and per-neuron difference tables for every model and pair of strata.</summary>
public static class RationaleMarkdown
{
    /// <summary>Renders the whole report.</summary>
    public static string Render(RationaleResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder();
        text.AppendLine("# Decision rationale alignment per layer");
        text.AppendLine();
        text.AppendLine(result.Definition + ".");
        text.AppendLine();
        text.AppendLine($"Split: {result.Split}; strata: {PartitionText(result.Partition)}; influence: {InfluenceText(result.Influence)}. "
            + "Cosine 1 = both groups rely on the same neurons in the same proportions; lower = diverging rationales. "
            + "Layers marked * have one neuron: their cosine is 1 by construction.");
        foreach (var group in result.Models.GroupBy(m => string.Join("|", m.Report.Layers.Select(l => l.Name))))
        {
            var layers = group.First().Report.Layers;
            Table(text, "Cosine of the groups' neuron influence", layers, group,
                pair => pair.Layers.Select(l => l.Cosine), pair => pair.MeanCosine);
            Table(text, "Mean per-neuron normalised difference |I_a − I_b| / (I_a + I_b)", layers, group,
                pair => pair.Layers.Select(l => l.Difference.Mean), InformativeMeanDifference);
        }

        text.AppendLine();
        text.AppendLine("## Least aligned pair and strata");
        text.AppendLine();
        text.AppendLine("| model | worst pair | mean cosine | strata (rows, mean BCE) |");
        text.AppendLine("|---|---|---:|---|");
        foreach (var model in result.Models)
        {
            var strata = string.Join("; ", model.Report.Strata.Select(s => Invariant($"{Cell(s.Name)} ({s.Rows}, {s.Loss:F4})")));
            text.AppendLine(Invariant($"| {model.Label} | {Cell(PairText(model.Report.WorstPair))} | {Number(model.Report.WorstPair.MeanCosine)} | {strata} |"));
        }

        return text.ToString();
    }

    /// <summary>Short readable name of a weight layer (<c>stages.0.linear.weight</c> → <c>0.linear</c>).</summary>
    public static string ShortName(string layer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        var name = layer.EndsWith(".weight", StringComparison.Ordinal) ? layer[..^".weight".Length] : layer;
        return name.StartsWith("stages.", StringComparison.Ordinal) ? name["stages.".Length..] : name;
    }

    /// <summary>The pair as <c>a vs b</c>.</summary>
    public static string PairText(PairParity pair)
    {
        ArgumentNullException.ThrowIfNull(pair);
        return $"{pair.First} vs {pair.Second}";
    }

    // One section: a row per (model, pair) of the group of models that share a layer layout.
    private static void Table(StringBuilder text, string title, IReadOnlyList<RationaleLayer> layers, IEnumerable<ModelRationale> models,
        Func<PairParity, IEnumerable<double>> values, Func<PairParity, double> mean)
    {
        text.AppendLine();
        text.AppendLine("## " + title);
        text.AppendLine();
        Header(text, layers, "mean (informative layers)");
        foreach (var model in models)
        {
            foreach (var pair in model.Report.Pairs)
            {
                Row(text, model, pair, values(pair), mean(pair));
            }
        }
    }

    private static double InformativeMeanDifference(PairParity pair)
    {
        var informative = pair.Layers.Where(l => !l.ConstantCosine).Select(l => l.Difference.Mean).ToArray();
        return informative.Length > 0 ? informative.Average() : double.NaN;
    }

    private static void Header(StringBuilder text, IReadOnlyList<RationaleLayer> layers, string last)
    {
        var names = layers.Select(l => ShortName(l.Name) + (l.ConstantCosine ? "*" : string.Empty));
        text.AppendLine($"| model | method | options | pair | {string.Join(" | ", names)} | {last} |");
        text.AppendLine($"|---|---|---|---|{string.Concat(layers.Select(_ => "---:|"))}---:|");
    }

    private static void Row(StringBuilder text, ModelRationale model, PairParity pair, IEnumerable<double> values, double mean)
    {
        var lambda = model.Options.Length == 0 ? "–" : model.Options;
        text.AppendLine($"| {model.Label} | {model.Method} ({model.Constraint}) | {lambda} | {Cell(PairText(pair))} | {string.Join(" | ", values.Select(Number))} | {Number(mean)} |");
    }

    // A '|' inside a table cell (cell strata are named "group|y=1") must be escaped in Markdown.
    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    private static string Number(double value) => double.IsNaN(value) ? "–" : value.ToString("F4", CultureInfo.InvariantCulture);

    private static string PartitionText(RationalePartition partition) =>
        partition == RationalePartition.ByGroup ? "by group" : "by group within each label (pairs share y)";

    private static string InfluenceText(InfluenceKind kind) => kind == InfluenceKind.WeightTaylor
        ? "weight-Taylor, Σ over each neuron's fan-in of (w · ∂L_g/∂w)², biases excluded (FAIRER §3)"
        : "activation-Taylor, (Σ z · ∂L_g/∂z)² per neuron";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
