using System.CommandLine;
using System.CommandLine.Parsing;
using FairSharp.Data;
using FairSharp.Data.Catalogue;
using FairSharp.Data.Protocols;
using FairSharp.Experiments.Postprocessing;
using FairSharp.Experiments.Sweeps;
using FairSharp.Training.Models;
using FairSharp.Training.Objectives;
using FairSharp.Training.Stitching;

namespace FairSharp.Cli;

/// <summary>
/// The closed sets of values that options such as <c>--method</c> or <c>--dataset</c> accept, taken from the registries
/// that define them. Each becomes the option's shell completions and a parse-time check that names the closest valid value.
/// </summary>
internal static class ValueChoices
{
    /// <summary>Error text: a value outside the option's set (format: option, value, closest, all values).</summary>
    public const string Unknown = "{0}: unknown value '{1}'; did you mean '{2}'? (one of: {3})";

    /// <summary>The values of <paramref name="option"/> on <paramref name="command"/>, or null when it takes free text.</summary>
    public static IReadOnlyList<string>? For(string command, string option) => (command, option) switch
    {
        ("stitch", "--method") => StitchMethods.Names,
        (_, "--method") => MethodRegistry.NamesOf(FairSharp.Training.Methods.MethodKind.Network),
        (_, "--dataset") or ("datasets", "--describe") => DatasetCatalogue.Names,
        ("stitch", "--constraint") => Enum.GetValues<StitchConstraint>().Select(c => c.ToName()).ToArray(),
        ("sweep", "--constraint") => SweepOptions.KnownConstraints,
        ("postprocess", "--constraint") => FairnessConstraints.PostprocessingNames,
        ("train", "--constraint") => Enum.GetValues<FairnessConstraint>().Select(c => c.ToName()).ToArray(),
        (_, "--protocol") => DataProtocols.Names,
        (_, "--arch") => ModelSpec.ArchitectureNames,
        ("audit", "--format") => ["json", "md", "csv"],
        _ => null,
    };

    /// <summary>Adds completions and the closest-value check to every option of the tree that has a closed set of values.</summary>
    public static void Attach(Command root)
    {
        foreach (var command in root.Subcommands)
        {
            foreach (var option in command.Options)
            {
                if (For(command.Name, option.Name) is { } values)
                {
                    option.CompletionSources.Add(values.ToArray());
                    option.Validators.Add(result => Check(result, option.Name, values));
                }
            }

            Attach(command);
        }
    }

    private static void Check(OptionResult result, string option, IReadOnlyList<string> values)
    {
        foreach (var token in result.Tokens)
        {
            if (!values.Contains(token.Value, StringComparer.OrdinalIgnoreCase))
            {
                result.AddError(string.Format(System.Globalization.CultureInfo.InvariantCulture, Unknown,
                    option, token.Value, Suggestions.Closest(token.Value, values), string.Join(", ", values)));
                return;
            }
        }
    }
}
