using System.CommandLine;
using System.Globalization;
using FairSharp.Experiments;
using FairSharp.Experiments.Analysis;
using FairSharp.Experiments.Sweeps;

namespace FairSharp.Cli.Commands;

/// <summary>The options that shape a sweep report, shared by <c>sweep</c> and <c>report</c>.</summary>
internal sealed class AnalysisCliOptions
{
    private readonly Option<string> _utility = new("--utility")
    {
        Description = "Utility metric key for the y axis (higher is better).",
        DefaultValueFactory = _ => "accuracy",
    };

    private readonly Option<string?> _gap = new("--gap")
    {
        Description = "Fairness-gap metric key for the x axis (lower is better). Default: from the constraint (dp: demographic_parity_difference, eo: equalized_odds_difference, eopp: equal_opportunity_difference).",
    };

    private readonly Option<int> _bootstrap = new("--bootstrap")
    {
        Description = "Bootstrap resamples of the seeds for every confidence interval.",
        DefaultValueFactory = _ => 2000,
    };

    private readonly Option<double> _confidence = new("--confidence")
    {
        Description = "Confidence level of the intervals.",
        DefaultValueFactory = _ => 0.95,
    };

    private readonly Option<double> _tolerance = new("--utility-tolerance")
    {
        Description = "Chosen point of a method: its lowest-gap λ within this much utility of ERM's (fraction).",
        DefaultValueFactory = _ => 0.01,
    };

    private readonly Option<string?> _reference = new("--hv-reference")
    {
        Description = "Hypervolume reference point UTILITY,GAP (fractions). Default: the sweep's nadir (lowest utility, highest gap of any finished trial).",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(_utility);
        command.Options.Add(_gap);
        command.Options.Add(_bootstrap);
        command.Options.Add(_confidence);
        command.Options.Add(_tolerance);
        command.Options.Add(_reference);
    }

    public AnalysisOptions Read(ParseResult parse, int seed)
    {
        var options = new AnalysisOptions
        {
            UtilityKey = parse.GetValue(_utility)!,
            GapKey = parse.GetValue(_gap),
            Resamples = parse.GetValue(_bootstrap),
            Confidence = parse.GetValue(_confidence),
            UtilityTolerance = parse.GetValue(_tolerance),
            Seed = seed,
            HypervolumeReference = ParseReference(parse.GetValue(_reference)),
        };
        options.Validate();
        return options;
    }

    private static TradeoffCoordinates? ParseReference(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var parts = text.Split(',');
        if (parts.Length == 2
            && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var u) && double.IsFinite(u)
            && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var g) && double.IsFinite(g))
        {
            return new TradeoffCoordinates(u, g);
        }

        throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, ExperimentErrors.BadReference, text));
    }
}
