using System.CommandLine;
using FairSharp.Training.Methods;
using FairSharp.Training.Objectives;

namespace FairSharp.Cli.Commands;

/// <summary>
/// The CLI options the registered methods of one kind contribute (network methods to <c>train</c>, stitch methods to
/// <c>stitch</c>): one <c>--knob-name</c> per distinct knob (<c>lambda</c> → <c>--lambda</c>, <c>lambda_align</c> →
/// <c>--lambda-align</c>, <c>batch_size</c> → <c>--batch-size</c>). A knob given for a method that lacks it is refused;
/// a knob not given keeps the method's default. Library messages name knobs; <see cref="ToFlags"/> shows them as flags.
/// </summary>
internal sealed class MethodCliOptions
{
    private readonly Dictionary<string, Option<string?>> byKnob = new(StringComparer.Ordinal);
    private readonly MethodKind kind;

    public MethodCliOptions(MethodKind kind)
    {
        this.kind = kind;
        var methods = MethodRegistry.Methods.Where(d => d.Kind == kind).ToArray();
        foreach (var descriptor in methods.OrderBy(d => d.Name == "erm" ? 0 : 1))
        {
            foreach (var knob in descriptor.Knobs)
            {
                if (!byKnob.ContainsKey(knob.Name))
                {
                    var users = methods.Where(d => d.Knob(knob.Name) is not null).Select(d => d.Name).ToArray();
                    var description = knob.Name == MethodDescriptor.LambdaKnob
                        ? "Weight of the fairness term, >= 0 (default: the method's, 1 for most; for fairer λ_fair)."
                        : $"{char.ToUpperInvariant(knob.Description[0])}{knob.Description[1..]}{(users.Length == methods.Length ? "" : $" ({string.Join(", ", users)})")}.";
                    byKnob[knob.Name] = new Option<string?>(Flag(knob.Name)) { Description = description };
                }
            }
        }
    }

    /// <summary>Adds every knob option to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        foreach (var option in byKnob.Values.OrderBy(o => o.Name == "--lambda" ? 0 : 1).ThenBy(o => o.Name, StringComparer.Ordinal))
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The options of <paramref name="method"/> from the knobs given on the command line (null = defaults).</summary>
    public MethodOptions? Read(ParseResult parse, string method)
    {
        var given = byKnob.Where(kv => parse.GetValue(kv.Value) is not null)
            .Select(kv => new KeyValuePair<string, string>(kv.Key, parse.GetValue(kv.Value)!)).ToArray();
        return given.Length == 0 ? null : ToFlags(() => Descriptor(method).Configure(given));
    }

    /// <summary>The method called <paramref name="method"/> among this command's kind; throws
    /// <see cref="InvalidInputException"/> for an unknown name or a method of the other command.</summary>
    public MethodDescriptor Descriptor(string method) => kind == MethodKind.Network ? MethodRegistry.Network(method) : MethodRegistry.Stitch(method);

    /// <summary>Runs <paramref name="action"/>; an <see cref="InvalidInputException"/> whose message starts with a knob
    /// name is re-thrown with the knob's flag instead.</summary>
    public T ToFlags<T>(Func<T> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            return action();
        }
        catch (InvalidInputException e) when (byKnob.Keys.FirstOrDefault(k => e.Message.StartsWith(k + " ", StringComparison.Ordinal)) is { } knob)
        {
            throw new InvalidInputException(Flag(knob) + e.Message[knob.Length..], e);
        }
    }

    private static string Flag(string knob) => "--" + knob.Replace('_', '-');
}
