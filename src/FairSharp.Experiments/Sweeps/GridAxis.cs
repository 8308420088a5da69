using System.Globalization;

namespace FairSharp.Experiments.Sweeps;

/// <summary>One extra sweep axis over a method's knob (<c>--grid fairer.lambda_align=0,0.01,0.1,1</c>): every trial of
/// the method is planned once per value.</summary>
/// <param name="Method">Method name.</param>
/// <param name="Knob">Knob name of the method (not <c>lambda</c>: that is the <c>--lambdas</c> axis).</param>
/// <param name="Values">The values, as given.</param>
public sealed record GridAxis(string Method, string Knob, IReadOnlyList<string> Values)
{
    /// <summary>Parses <c>METHOD.KNOB=V1,V2,…</c>; throws <see cref="InvalidInputException"/> otherwise.</summary>
    public static GridAxis Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        var dot = equals < 0 ? -1 : text.LastIndexOf('.', equals);
        var values = equals < 0 ? [] : text[(equals + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (dot <= 0 || dot >= equals - 1 || values.Length == 0)
        {
            throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, ExperimentErrors.BadGrid, text));
        }

        return new GridAxis(text[..dot].Trim(), text[(dot + 1)..equals].Trim(), values);
    }

    /// <summary><c>METHOD.KNOB=V1,V2,…</c>.</summary>
    public override string ToString() => $"{Method}.{Knob}={string.Join(',', Values)}";
}
