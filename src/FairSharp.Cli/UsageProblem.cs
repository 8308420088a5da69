using System.CommandLine;
using System.Globalization;

namespace FairSharp.Cli;

/// <summary>The one line printed for a usage error: a misspelt command or option names the closest valid one (texts in
/// <see cref="CliErrors"/>).</summary>
internal static class UsageProblem
{
    public static string Describe(ParseResult parsed)
    {
        var command = parsed.CommandResult.Command;
        var token = parsed.UnmatchedTokens.FirstOrDefault();
        if (token is null)
        {
            return Safety.UsageText.Of(parsed.Errors[0]);
        }

        if (token.StartsWith('-'))
        {
            var options = command.Options.Where(o => !o.Hidden).SelectMany(o => o.Aliases.Prepend(o.Name)).ToArray();
            if (options.Length > 0)
            {
                var path = command is RootCommand ? "fairsharp" : command.Name;
                return string.Format(CultureInfo.InvariantCulture, CliErrors.UnknownOption, token, path, Suggestions.Closest(token, options));
            }
        }
        else if (command.Subcommands.Count > 0)
        {
            var names = command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name).ToArray();
            return string.Format(CultureInfo.InvariantCulture, CliErrors.UnknownCommand, token, Suggestions.Closest(token, names), string.Join(", ", names));
        }

        return Safety.UsageText.Of(parsed.Errors[0]);
    }
}
