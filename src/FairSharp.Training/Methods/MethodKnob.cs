using System.Globalization;

namespace FairSharp.Training.Methods;

/// <summary>
/// One setting of a method, as the CLI, sweeps and result files name it (snake_case, e.g. <c>lambda_align</c>): how
/// to read it from text and how to write it back. The CLI offers each knob as an option (<c>--lambda-align</c>);
/// sweeps make it an axis (<c>--grid fairer.lambda_align=0,0.01,0.1</c>).
/// </summary>
public abstract class MethodKnob
{
    /// <summary>Creates a knob.</summary>
    protected MethodKnob(string name, string description)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Description = description;
    }

    /// <summary>The knob's name (snake_case).</summary>
    public string Name { get; }

    /// <summary>One line for help texts: what the knob does, its source and its default.</summary>
    public string Description { get; }

    /// <summary>The allowed values of a choice knob; empty for numbers.</summary>
    public virtual IReadOnlyList<string> Choices => [];

    /// <summary>The knob's value in <paramref name="options"/> as a JSON-friendly value (double, int or string).</summary>
    public abstract object Value(MethodOptions options);

    /// <summary>The knob's value in <paramref name="options"/> as canonical text (invariant, round-trip).</summary>
    public string Format(MethodOptions options) => Text(Value(options));

    private static string Text(object value) => value switch
    {
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        var other => other.ToString() ?? string.Empty,
    };

    /// <summary><paramref name="options"/> with this knob set from <paramref name="text"/>; throws
    /// <see cref="InvalidInputException"/> naming the knob when the text does not parse.</summary>
    public abstract MethodOptions Apply(MethodOptions options, string text);

    /// <summary>A real-valued knob.</summary>
    public static MethodKnob Number<TOptions>(string name, string description, Func<TOptions, double> get, Func<TOptions, double, TOptions> set)
        where TOptions : MethodOptions => new Typed<TOptions, double>(name, description, get, set, text => Check.Number(text, name), []);

    /// <summary>An integer knob.</summary>
    public static MethodKnob Integer<TOptions>(string name, string description, Func<TOptions, int> get, Func<TOptions, int, TOptions> set)
        where TOptions : MethodOptions => new Typed<TOptions, int>(name, description, get, set, text => Check.Integer(text, name), []);

    /// <summary>An integer knob that may be unset (null), written <paramref name="unset"/> (e.g. <c>full</c> for a batch
    /// size that means the whole set).</summary>
    public static MethodKnob OptionalInteger<TOptions>(string name, string description, string unset, Func<TOptions, int?> get,
        Func<TOptions, int?, TOptions> set)
        where TOptions : MethodOptions => new Typed<TOptions, Optional<int>>(name, description, o => new Optional<int>(get(o), unset),
            (o, v) => set(o, v.Value), text => new Optional<int>(text == unset ? null : Check.Integer(text, name), unset), []);

    /// <summary>A real-valued knob that may be unset (null), written <paramref name="unset"/> (e.g. <c>none</c>).</summary>
    public static MethodKnob OptionalNumber<TOptions>(string name, string description, string unset, Func<TOptions, double?> get,
        Func<TOptions, double?, TOptions> set)
        where TOptions : MethodOptions => new Typed<TOptions, Optional<double>>(name, description, o => new Optional<double>(get(o), unset),
            (o, v) => set(o, v.Value), text => new Optional<double>(text == unset ? null : Check.Number(text, name), unset), []);

    /// <summary>A knob with named values; <paramref name="names"/>[i] names <paramref name="values"/>[i].</summary>
    public static MethodKnob Choice<TOptions, TValue>(string name, string description, IReadOnlyList<string> names, IReadOnlyList<TValue> values,
        Func<TOptions, TValue> get, Func<TOptions, TValue, TOptions> set)
        where TOptions : MethodOptions
        where TValue : notnull
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(get);
        return new Typed<TOptions, string>(name, description,
            o => names[IndexOf(values, get(o))],
            (o, text) => set(o, values[Check.OneOf(text, names, name)]),
            text => names[Check.OneOf(text, names, name)], names);
    }

    private static int IndexOf<TValue>(IReadOnlyList<TValue> values, TValue value)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (EqualityComparer<TValue>.Default.Equals(values[i], value))
            {
                return i;
            }
        }

        throw new InvalidOperationException($"value {value} has no name");
    }

    // A value that may be unset: the number itself in result.json, or the unset word (its canonical text either way).
    private readonly record struct Optional<T>(T? Value, string Unset)
        where T : struct
    {
        public object Json => Value is { } v ? v : Unset;

        public override string ToString() => Value is { } v ? Text(v) : Unset;
    }

    private sealed class Typed<TOptions, TValue>(string name, string description, Func<TOptions, TValue> get, Func<TOptions, TValue, TOptions> set,
        Func<string, TValue> parse, IReadOnlyList<string> choices) : MethodKnob(name, description)
        where TOptions : MethodOptions
        where TValue : notnull
    {
        public override IReadOnlyList<string> Choices => choices;

        public override object Value(MethodOptions options) => get(Cast(options)) switch
        {
            Optional<int> i => i.Json,
            Optional<double> d => d.Json,
            var v => v,
        };

        public override MethodOptions Apply(MethodOptions options, string text)
        {
            ArgumentNullException.ThrowIfNull(text);
            return set(Cast(options), parse(text.Trim()));
        }

        private static TOptions Cast(MethodOptions options) => options as TOptions
            ?? throw new ArgumentException($"options of type {options?.GetType().Name} are not {typeof(TOptions).Name}", nameof(options));
    }
}
