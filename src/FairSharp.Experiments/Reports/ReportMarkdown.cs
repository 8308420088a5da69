using System.Globalization;
using System.Text;
using FairSharp.Data.Protocols;
using FairSharp.Experiments.Analysis;
using FairSharp.Experiments.Plots;
using FairSharp.Experiments.Sweeps;
using FairSharp.Training.Protocols;
using FairSharp.Training.Runs;

namespace FairSharp.Experiments.Reports;

/// <summary>
/// <c>report.md</c>: setup, metric definitions, the headline table, the verdict in words, a table per method, the
/// fronts, the hypervolumes, per-group metrics of each chosen point and the trials that failed. Deterministic: the
/// same trials give the same bytes (no clock, no absolute paths), so it can be compared with an approved copy.
/// </summary>
public static class ReportMarkdown
{
    /// <summary>File name inside the sweep folder.</summary>
    public const string FileName = "report.md";

    /// <summary>Renders the report.</summary>
    /// <param name="plan">The plan the trials belong to.</param>
    /// <param name="analysis">The analysis of the trials.</param>
    /// <param name="records">The finished trials (for the list of failures).</param>
    /// <param name="figures">Figure files written beside the report, by curve (<c>""</c> for the Pareto plot).</param>
    /// <param name="history">Earlier attempts of trials that were run again (<c>--retry-failed</c>); listed when any.</param>
    public static string Render(PlanDocument plan, SweepAnalysis analysis, IReadOnlyList<TrialRecord> records, IReadOnlyDictionary<string, string> figures,
        IReadOnlyList<TrialRecord>? history = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(figures);
        var md = new StringBuilder();
        var o = plan.Options;
        var usesLambda = plan.UsesLambda();
        var u = MetricText.Name(analysis.UtilityKey);
        var g = MetricText.Name(analysis.GapKey);
        var level = Pct(analysis.Options.Confidence);
        var protocol = o.Protocol ?? FfbProtocol.ProtocolName;

        md.Append("# FairSharp sweep report\n\n");
        md.Append("## Setup\n\n| setting | value |\n|---|---|\n");
        Row(md, "dataset", o.Dataset);
        Row(md, "sensitive attributes", string.Join(", ", o.Sensitive));
        Row(md, "protocol", o.Protocol ?? $"{protocol} (the default of every method)");
        Row(md, "methods", string.Join(", ", o.Methods));
        Row(md, "constraint", o.Constraint);
        Row(md, "λ values", string.Join(", ", o.Lambdas.Select(Format.Lambda)) + (plan.Methods.Any(m => !m.UsesLambda) ? $" ({string.Join(", ", plan.Methods.Where(m => !m.UsesLambda).Select(m => m.Name))}: no λ, one point)" : ""));
        Row(md, "seeds", Inv($"{o.Seeds} ({o.Seed}–{o.Seed + o.Seeds - 1})"));
        Row(md, "epochs", o.Epochs is { } e ? Inv($"{e}") : "protocol default");
        if (plan.Sampler is { } sampler)
        {
            Row(md, "sampler", (sampler.Sampling is { } kind ? Training.Runs.SamplerRule.Name(kind) : o.MixedSamplers ? "each method's own" : "the protocol's") + " — " + sampler.Reason);
            Row(md, "batch size", TrainingProtocols.Get(protocol).DescribeBatch(sampler.Sampling is not null));
        }

        if (o.StitchLayers.Count > 0 || o.StitchInits.Count > 0)
        {
            Row(md, "stitch layers", o.StitchLayers.Count > 0 ? string.Join(", ", o.StitchLayers) : "default");
            Row(md, "stitch inits", o.StitchInits.Count > 0 ? string.Join(", ", o.StitchInits) : "default");
        }

        Row(md, "trials", Inv($"{analysis.Trials} planned, {analysis.Finished} finished, {analysis.Failed} failed or diverged"));
        Row(md, "plan id", plan.PlanId);
        md.Append('\n');
        if (o.MixedSamplers)
        {
            md.Append("> **Warning: mixed samplers (`--mixed-samplers`).** The methods did not train on the same batches: "
                + "a difference between them mixes the objective with the sampler and the rows per step.\n\n");
        }

        md.Append("## Metrics\n\n");
        md.Append(Inv($"- **Utility: {u}** (`{analysis.UtilityKey}`, higher is better): {MetricText.Definition(analysis.UtilityKey) ?? "as computed by FairSharp.Metrics"}.\n"));
        md.Append(Inv($"- **Fairness gap: {g}** (`{analysis.GapKey}`, lower is better): {MetricText.Definition(analysis.GapKey) ?? "as computed by FairSharp.Metrics"}.\n"));
        md.Append("- Thresholded metrics use ŷ = [score ≥ 0.5]. Every number is on the test split, at the epoch that model selection chose on the validation split.\n");
        md.Append("- *Degenerate*: a seed whose classifier predicted one class for a whole group or overall (trials.jsonl lists the reason); its gap looks fair without being so.\n");
        md.Append("- Tables show percent (two decimals); `summary.csv` and `trials.jsonl` keep fractions in [0, 1].\n");
        md.Append(Inv($"- Mean ± std: over the seeds that finished (sample std, n − 1). {level} CI: percentile bootstrap over seeds ({analysis.Options.Resamples} resamples, bootstrap seed {analysis.Options.Seed}); each resample redraws the seeds with replacement and recomputes every point, front and hypervolume, so method differences are paired by seed. With {o.Seeds} seeds the intervals are rough.\n"));
        md.Append(Inv($"- Chosen point of a method: its lowest-gap λ whose mean {u} is at most {(analysis.Options.UtilityTolerance * 100).ToString("0.##", CultureInfo.InvariantCulture)} percentage points below {analysis.Options.ReferenceMethod}'s (its most accurate λ when none is)."));
        md.Append(analysis.Curves.Any(c => c.Method == analysis.Options.ReferenceMethod) ? "\n" : Inv($" This sweep has no {analysis.Options.ReferenceMethod}: each method's own best {u} is the anchor.\n"));
        md.Append('\n');

        md.Append("## Headline\n\n");
        md.Append(Inv($"| method | chosen λ | {u} (%) | {g} (%) | hypervolume [{level} CI] | seeds |\n|---|---|---|---|---|---|\n"));
        foreach (var h in HeadlineRow.From(analysis, usesLambda))
        {
            md.Append(Inv($"| {h.Curve} | {h.Lambda} | {h.Utility} | {h.Gap} | {h.Hypervolume} | {h.Seeds} |\n"));
        }

        md.Append("\n## Verdict\n\n");
        foreach (var sentence in analysis.Verdict)
        {
            md.Append("- ").Append(sentence).Append('\n');
        }

        if (figures.TryGetValue("", out var pareto))
        {
            md.Append(Inv($"\n![Trade-off: {u} against {g}, mean ± std over seeds, fronts as lines]({pareto})\n"));
        }

        md.Append("\n## Methods\n");
        foreach (var curve in analysis.Curves)
        {
            md.Append(Inv($"\n### {curve.Curve}\n\n"));
            md.Append(Inv($"| λ | seeds | {u} (%) | {level} CI | {g} (%) | {level} CI | front | chosen | notes |\n|---|---|---|---|---|---|---|---|---|\n"));
            foreach (var p in curve.Points)
            {
                var seeds = p.Failed > 0 ? Inv($"{p.Seeds.Count} (+{p.Failed} failed)") : Inv($"{p.Seeds.Count}");
                var lambda = usesLambda.GetValueOrDefault(curve.Method, true) ? Format.Lambda(p.Lambda) : "–";
                md.Append(Inv($"| {lambda} | {seeds} | {Format.PercentMeanStd(p.Utility.Mean, p.Utility.Std)} | {Format.PercentInterval(p.Utility.Low, p.Utility.High)} | {Format.PercentMeanStd(p.Gap.Mean, p.Gap.Std)} | {Format.PercentInterval(p.Gap.Low, p.Gap.High)} | {(p.OnFront ? "yes" : "")} | {(ReferenceEquals(p, curve.Chosen) ? "yes" : "")} | {(p.DegenerateSeeds > 0 ? Inv($"{p.DegenerateSeeds} degenerate") : "")} |\n"));
            }
        }

        md.Append("\n## Pareto fronts\n\n");
        foreach (var curve in analysis.Curves)
        {
            var steps = curve.Front.Select(p => (usesLambda.GetValueOrDefault(curve.Method, true) ? Inv($"λ = {Format.Lambda(p.Lambda)} ") : "") + Inv($"({Format.Percent(p.Utility.Mean)} %, {Format.Percent(p.Gap.Mean)} %)"));
            md.Append(Inv($"- {curve.Curve}: {(curve.Front.Count > 0 ? string.Join(" → ", steps) : "no finished point")}\n"));
        }

        md.Append("\n## Hypervolume\n\n");
        var r = analysis.Reference;
        md.Append(Inv($"Area of the ({u}, {g}) plane that a method's front of mean points dominates, inside the box bounded by the reference point ({u} {Format.Percent(r.Utility)} %, {g} {Format.Percent(r.Gap)} %)"));
        md.Append(analysis.ReferenceFromData
            ? ": the sweep's nadir, the lowest utility and the highest gap of any finished trial of any method, so every seed's point lies in the box. "
            : ", given with --hv-reference. ");
        md.Append("Units: fraction × fraction; higher is better. Compare hypervolumes only within one sweep (or sweeps given the same reference point).\n\n");
        md.Append(Inv($"| method | hypervolume | bootstrap s.e. | {level} CI | front points |\n|---|---|---|---|---|\n"));
        foreach (var curve in analysis.Curves)
        {
            var hv = curve.Hypervolume;
            md.Append(Inv($"| {curve.Curve} | {Format.Significant(hv.Value)} | {Format.Significant(hv.StdError)} | [{Format.Significant(hv.Low)}, {Format.Significant(hv.High)}] | {curve.Front.Count} |\n"));
        }

        if (analysis.Comparisons.Count > 0)
        {
            md.Append(Inv($"\n| comparison | difference | {level} CI | P(difference > 0) | front covers the other's points |\n|---|---|---|---|---|\n"));
            foreach (var c in analysis.Comparisons)
            {
                md.Append(Inv($"| {c.Better} − {c.Other} | {Format.Significant(c.Difference.Value)} | [{Format.Significant(c.Difference.Low)}, {Format.Significant(c.Difference.High)}] | {Pct(c.ProbabilityBetter)} | {(c.FrontCovers ? "yes" : "no")} |\n"));
            }
        }

        AppendGroups(md, analysis, usesLambda, figures);
        AppendFailures(md, plan, records);
        AppendHistory(md, records, history ?? []);
        AppendNonFinite(md, plan, records, analysis.UtilityKey, analysis.GapKey);
        return md.ToString();
    }

    private static void AppendGroups(StringBuilder md, SweepAnalysis analysis, IReadOnlyDictionary<string, bool> usesLambda, IReadOnlyDictionary<string, string> figures)
    {
        md.Append("\n## Groups at the chosen points\n\n");
        var keys = GroupChart.Keys;
        md.Append("| method | λ | group | " + string.Join(" | ", keys.Select(k => MetricText.Name(k) + " (%)")) + " |\n");
        md.Append("|---|---|---|" + string.Concat(keys.Select(_ => "---|")) + "\n");
        foreach (var curve in analysis.Curves.Where(c => c.Chosen is not null))
        {
            var p = curve.Chosen!;
            foreach (var (group, metrics) in p.ByGroup)
            {
                var lambda = usesLambda.GetValueOrDefault(curve.Method, true) ? Format.Lambda(p.Lambda) : "–";
                md.Append(Inv($"| {curve.Curve} | {lambda} | {group} | ") + string.Join(" | ", keys.Select(k => metrics.TryGetValue(k, out var v) ? Format.Percent(v) : "n/a")) + " |\n");
            }
        }

        foreach (var curve in analysis.Curves.Where(c => figures.ContainsKey(c.Curve)))
        {
            md.Append(Inv($"\n![{curve.Curve}: per-group metrics at the chosen point]({figures[curve.Curve]})\n"));
        }
    }

    private static void AppendFailures(StringBuilder md, PlanDocument plan, IReadOnlyList<TrialRecord> records)
    {
        var planned = plan.Trials.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        var failed = records.Where(r => r.Status != TrialStatus.Ok && planned.Contains(r.Id))
            .OrderBy(r => r.Config.Method, StringComparer.Ordinal).ThenBy(r => r.Config.Lambda).ThenBy(r => r.Config.Seed).ToArray();
        var finished = records.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var missing = plan.Trials.Count(t => !finished.Contains(t.Id));
        md.Append("\n## Failed and missing trials\n\n");
        if (failed.Length == 0 && missing == 0)
        {
            md.Append("None: every planned trial finished ok.\n");
            return;
        }

        if (failed.Length > 0)
        {
            md.Append("| trial | method | λ | seed | status | reason |\n|---|---|---|---|---|---|\n");
            foreach (var f in failed)
            {
                var reason = (f.Error ?? "").Replace("|", "\\|", StringComparison.Ordinal);
                md.Append(Inv($"| {f.Id} | {f.Config.Curve} | {Format.Lambda(f.Config.Lambda)} | {f.Config.Seed} | {f.Status.ToString().ToLowerInvariant()} | {reason} |\n"));
            }
        }

        if (missing > 0)
        {
            md.Append(Inv($"\n{missing} planned trials have no result yet (another shard, or an interrupted run: re-run the same command to resume).\n"));
        }
    }

    /// <summary>Names every finished trial whose utility or gap is NaN or ±∞: the means leave it out, which would
    /// otherwise go unseen (summary.csv counts them as non_finite).</summary>
    private static void AppendNonFinite(StringBuilder md, PlanDocument plan, IReadOnlyList<TrialRecord> records, string utilityKey, string gapKey)
    {
        var planned = plan.Trials.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        var flagged = records.Where(r => r.Status == TrialStatus.Ok && planned.Contains(r.Id))
            .Select(r => (Record: r, Keys: new[] { utilityKey, gapKey }.Where(k => !double.IsFinite(r.Metrics.GetValueOrDefault(k, double.NaN))).ToArray()))
            .Where(x => x.Keys.Length > 0)
            .OrderBy(x => x.Record.Config.Method, StringComparer.Ordinal).ThenBy(x => x.Record.Config.Lambda).ThenBy(x => x.Record.Config.Seed).ToArray();
        if (flagged.Length == 0)
        {
            return;
        }

        md.Append("\n## Trials with NaN or infinite metrics\n\n");
        md.Append("These trials finished, but the keys named are not finite numbers: they are left out of their point's mean, std and interval (summary.csv: non_finite).\n\n");
        md.Append("| trial | method | λ | seed | keys |\n|---|---|---|---|---|\n");
        foreach (var (r, keys) in flagged)
        {
            var values = string.Join(", ", keys.Select(k => Inv($"{k} = {(r.Metrics.TryGetValue(k, out var v) ? Format.Raw(v) : "missing")}")));
            md.Append(Inv($"| {r.Id} | {r.Config.Curve} | {Format.Lambda(r.Config.Lambda)} | {r.Config.Seed} | {values} |\n"));
        }
    }

    private static void AppendHistory(StringBuilder md, IReadOnlyList<TrialRecord> records, IReadOnlyList<TrialRecord> history)
    {
        if (history.Count == 0)
        {
            return;
        }

        var current = records.ToDictionary(r => r.Id, StringComparer.Ordinal);
        md.Append("\n## Retried trials\n\nEarlier attempts that `--retry-failed` ran again, oldest first; the last column is the result the report uses.\n\n");
        md.Append("| trial | method | λ | seed | earlier attempts | now |\n|---|---|---|---|---|---|\n");
        foreach (var group in history.GroupBy(r => r.Id, StringComparer.Ordinal)
                     .OrderBy(g => g.First().Config.Method, StringComparer.Ordinal).ThenBy(g => g.First().Config.Lambda).ThenBy(g => g.First().Config.Seed))
        {
            var c = group.First().Config;
            var earlier = string.Join("; ", group.Select(r => $"{r.Status.ToString().ToLowerInvariant()}: {r.Error}")).Replace("|", "\\|", StringComparison.Ordinal);
            var now = current.TryGetValue(group.Key, out var r) ? r.Status.ToString().ToLowerInvariant() : "no result";
            md.Append(Inv($"| {group.Key} | {c.Curve} | {Format.Lambda(c.Lambda)} | {c.Seed} | {earlier} | {now} |\n"));
        }
    }

    private static void Row(StringBuilder md, string name, string value) => md.Append(Inv($"| {name} | {value} |\n"));

    private static string Pct(double fraction) => (fraction * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
