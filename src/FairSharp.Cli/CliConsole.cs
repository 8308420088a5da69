using Spectre.Console;

namespace FairSharp.Cli;

/// <summary>Where a command writes: standard output, standard error, and a Spectre console on the output.</summary>
/// <param name="Out">Standard output (results: JSON, tables).</param>
/// <param name="Error">Standard error (one-line errors, progress when output is redirected).</param>
/// <param name="Ansi">Spectre console bound to <paramref name="Out"/>.</param>
/// <param name="IsInteractive">True when output is a terminal: progress bars are drawn only then.</param>
public sealed record CliConsole(TextWriter Out, TextWriter Error, IAnsiConsole Ansi, bool IsInteractive)
{
    /// <summary>The process's own console.</summary>
    public static CliConsole Standard()
    {
        var interactive = !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("CI") != "true";
        return new CliConsole(Console.Out, Console.Error, AnsiConsole.Console, interactive);
    }

    /// <summary>A console that writes to the given writers, without colours or live widgets (tests, pipes).</summary>
    public static CliConsole Capture(TextWriter output, TextWriter error)
    {
        var ansi = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        ansi.Profile.Width = 160;
        return new CliConsole(output, error, ansi, IsInteractive: false);
    }
}
