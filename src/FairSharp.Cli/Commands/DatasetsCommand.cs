using System.CommandLine;
using System.Globalization;
using FairSharp.Data.Catalogue;
using Spectre.Console;

namespace FairSharp.Cli.Commands;

/// <summary><c>fairsharp datasets</c>: verifies the bundled data files and lists them with row counts and sha256.</summary>
internal static class DatasetsCommand
{
    public static Command Create(CliConsole console)
    {
        var dataDir = CommonOptions.DataDir();
        var command = new Command("datasets", "Verify the bundled datasets (sha256 and row count) and list them.");
        command.Options.Add(dataDir);
        command.SetAction(parse =>
        {
            var dir = DataDirectory.Locate(parse.GetValue(dataDir));
            var verified = FileVerifier.VerifyAll(dir);
            Print(console, dir, verified);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Print(CliConsole console, string dir, IReadOnlyList<VerifiedFile> files)
    {
        var table = new Table().Border(TableBorder.Markdown)
            .AddColumn("dataset").AddColumn("file").AddColumn(new TableColumn("rows").RightAligned())
            .AddColumn("sha256").AddColumn("check").AddColumn("licence");
        foreach (var f in files)
        {
            table.AddRow(
                Markup.Escape(f.File.Dataset),
                Markup.Escape(f.File.RelativePath),
                f.Rows.ToString("N0", CultureInfo.InvariantCulture),
                f.File.Sha256,
                "ok",
                Markup.Escape(f.File.Licence));
        }

        console.Ansi.Write(table);
        var datasets = files.Select(f => f.File.Dataset).Distinct().Count();
        console.Ansi.WriteLine($"{datasets} datasets, {files.Count} files verified in {dir}");
    }
}
