using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace FairSharp.Cli.Safety;

/// <summary>Turns System.CommandLine's parse errors into FairSharp's one-line texts: a value of the wrong type names
/// the option, the value and what was expected in words, never a .NET type name.</summary>
internal static class UsageText
{
    /// <summary>{0} option, {1} value, {2} what was expected ("a number").</summary>
    public const string BadValue = "{0}: '{1}' is not {2}";

    /// <summary>The line to print for <paramref name="error"/>.</summary>
    public static string Of(ParseError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (error.SymbolResult is OptionResult { Option: var option } result && result.Tokens.Count > 0 && Expected(option.ValueType) is { } expected
            && error.Message.Contains(option.ValueType.Name, StringComparison.Ordinal))
        {
            return string.Format(CultureInfo.InvariantCulture, BadValue, option.Name, result.Tokens[^1].Value, expected);
        }

        return error.Message;
    }

    private static string? Expected(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(int) || t == typeof(long) => "an integer",
        var t when t == typeof(double) || t == typeof(float) || t == typeof(decimal) => "a number",
        var t when t == typeof(bool) => "true or false",
        _ => null,
    };
}
