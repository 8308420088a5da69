using System.Globalization;
using FairSharp.Experiments.Sweeps;

namespace FairSharp.Cli.Commands;

/// <summary>Comma-separated list values (<c>--methods erm,gapreg</c>, <c>--lambdas 0.1,1</c>).</summary>
internal static class ListOptions
{
    public static IReadOnlyList<string> Strings(string? text) =>
        (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static IReadOnlyList<double> Lambdas(string? text) => Strings(text).Select(token =>
        double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, SweepErrors.BadLambda, token))).ToArray();

    public static IReadOnlyList<int> Integers(string? text, string option) => Strings(text).Select(token =>
        int.TryParse(token, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, ListErrors.NotAnInteger, option, token))).ToArray();
}

/// <summary>Error texts of list options.</summary>
internal static class ListErrors
{
    /// <summary>{0} option, {1} token.</summary>
    public const string NotAnInteger = "{0}: '{1}' is not an integer";
}
