using System.Globalization;
using FairSharp.Experiments;
using FairSharp.Experiments.Sweeps;

namespace FairSharp.Cli.Commands;

/// <summary>Comma-separated list values (<c>--methods erm,gapreg</c>, <c>--lambdas 0.1,1</c>). An empty item
/// (<c>0.1,,0.3</c>) is refused: it is usually a value that got lost, and dropping it would run a different plan.</summary>
internal static class ListOptions
{
    public static IReadOnlyList<string> Strings(string? text, string option)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var items = text.Split(',', StringSplitOptions.TrimEntries);
        var empty = Array.IndexOf(items, string.Empty);
        return empty < 0
            ? items
            : throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, CliErrors.EmptyItem, option, empty + 1, text));
    }

    public static IReadOnlyList<double> Lambdas(string? text) => Strings(text, "--lambdas").Select(token =>
        double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, ExperimentErrors.BadLambda, token))).ToArray();

    public static IReadOnlyList<int> Integers(string? text, string option) => Strings(text, option).Select(token =>
        int.TryParse(token, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, CliErrors.NotAnInteger, option, token))).ToArray();
}
