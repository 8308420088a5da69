using System.Globalization;

namespace FairSharp.Training;

/// <summary>
/// The one validation helper of the training layer (Serilog's <c>Guard</c>): each check throws
/// <see cref="InvalidInputException"/> whose message starts with the name of the property or option checked, so that
/// a caller (the CLI) can show it under its own spelling (<c>lambda_align</c> → <c>--lambda-align</c>).
/// </summary>
public static class Check
{
    /// <summary>Error text: a number that must be finite and ≥ 0 (format: name, value).</summary>
    public const string NotNonNegative = "{0} must be a finite number >= 0, got {1}";

    /// <summary>Error text: a number that must be finite and &gt; 0 (format: name, value).</summary>
    public const string NotPositive = "{0} must be a finite number > 0, got {1}";

    /// <summary>Error text: a count that must be ≥ 1 (format: name, value).</summary>
    public const string NotAtLeastOne = "{0} must be at least 1, got {1}";

    /// <summary>Error text: a number outside a closed interval (format: name, value, low, high).</summary>
    public const string NotInRange = "{0} must be in [{2}, {3}], got {1}";

    /// <summary>Error text: a name that is not one of the choices (format: name, value, choices).</summary>
    public const string NotOneOf = "{0} must be one of {2}, got '{1}'";

    /// <summary>Error text: text that is not a number (format: name, text).</summary>
    public const string NotANumber = "{0} must be a number, got '{1}'";

    /// <summary>Error text: text that is not an integer (format: name, text).</summary>
    public const string NotAnInteger = "{0} must be an integer, got '{1}'";

    /// <summary>Returns <paramref name="value"/> when it is finite and ≥ 0.</summary>
    public static double NonNegative(double value, string name) =>
        value >= 0 && double.IsFinite(value) ? value : throw Fail(NotNonNegative, name, value);

    /// <summary>Returns <paramref name="value"/> when it is finite and &gt; 0.</summary>
    public static double Positive(double value, string name) =>
        value > 0 && double.IsFinite(value) ? value : throw Fail(NotPositive, name, value);

    /// <summary>Returns <paramref name="value"/> when it is ≥ 1.</summary>
    public static int AtLeastOne(int value, string name) => value >= 1 ? value : throw Fail(NotAtLeastOne, name, value);

    /// <summary>Returns <paramref name="value"/> when it lies in [<paramref name="low"/>, <paramref name="high"/>].</summary>
    public static double InRange(double value, double low, double high, string name) =>
        value >= low && value <= high ? value : throw Fail(NotInRange, name, value, low, high);

    /// <summary>The index of <paramref name="value"/> among <paramref name="choices"/> (ordinal comparison).</summary>
    public static int OneOf(string value, IReadOnlyList<string> choices, string name)
    {
        ArgumentNullException.ThrowIfNull(choices);
        for (var i = 0; i < choices.Count; i++)
        {
            if (string.Equals(choices[i], value, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw Fail(NotOneOf, name, value, string.Join(", ", choices));
    }

    /// <summary>Parses an invariant-culture number, or throws naming <paramref name="name"/>.</summary>
    public static double Number(string text, string name) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : throw Fail(NotANumber, name, text);

    /// <summary>Parses an invariant-culture integer, or throws naming <paramref name="name"/>.</summary>
    public static int Integer(string text, string name) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : throw Fail(NotAnInteger, name, text);

    private static InvalidInputException Fail(string format, params object?[] args) =>
        new(string.Format(CultureInfo.InvariantCulture, format, args));
}
