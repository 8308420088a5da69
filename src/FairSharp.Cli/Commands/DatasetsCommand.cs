using System.CommandLine;
using System.Globalization;
using FairSharp.Data;
using FairSharp.Data.Catalogue;
using FairSharp.Data.Protocols;
using Spectre.Console;

namespace FairSharp.Cli.Commands;

/// <summary>
/// <c>fairsharp datasets</c>: verifies the bundled data files and lists them with row counts and sha256;
/// with <c>--describe NAME</c>, prepares one dataset under a protocol and prints its summary (rows per split,
/// class balance, group balance, y × group table).
/// </summary>
internal static class DatasetsCommand
{
    public static Command Create(CliConsole console)
    {
        var dataDir = CommonOptions.DataDir();
        var describe = new Option<string?>("--describe")
        {
            Description = $"Prepare one dataset and print its summary ({string.Join(", ", DatasetCatalogue.Names)}).",
        };
        var sensitive = new Option<string?>("--sensitive")
        {
            Description = "With --describe: sensitive attribute(s), comma-separated (default: the dataset's first).",
        };
        var protocol = new Option<string?>("--protocol")
        {
            Description = $"With --describe: protocol preset ({string.Join(", ", DataProtocols.Names)}; default: the dataset's first).",
        };
        var seed = new Option<int>("--seed")
        {
            Description = "With --describe: seed of the split.",
            DefaultValueFactory = _ => 0,
        };
        var utkface = new Option<string?>("--utkface-dir")
        {
            Description = "UTKFace folder: the 32x32 derivative or a folder of *.jpg.chip.jpg (default: ../shared/data/utkface).",
        };
        var noVerify = new Option<bool>("--no-verify")
        {
            Description = "With --describe: skip the sha256 and row-count check (to load a file changed on purpose, e.g. ProPublica's original COMPAS file).",
        };
        var command = new Command("datasets", "Verify the bundled datasets (sha256 and row count) and list them; --describe NAME summarises one.");
        command.Options.Add(dataDir);
        command.Options.Add(describe);
        command.Options.Add(sensitive);
        command.Options.Add(protocol);
        command.Options.Add(seed);
        command.Options.Add(utkface);
        command.Options.Add(noVerify);
        command.SetAction(parse =>
        {
            var name = parse.GetValue(describe);
            if (name is not null)
            {
                var info = DatasetCatalogue.Get(name);
                var attributes = parse.GetValue(sensitive) is { } s
                    ? s.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                    : [info.Sensitive[0].Name];
                var request = new DataRequest(name, attributes, parse.GetValue(protocol) ?? info.DefaultProtocol, parse.GetValue(seed))
                {
                    DataDirectory = parse.GetValue(dataDir),
                    UtkFaceDirectory = parse.GetValue(utkface),
                    VerifyChecksums = !parse.GetValue(noVerify),
                };
                Describe(console, DatasetSummary.Of(DatasetLoader.Prepare(request)));
                return ExitCodes.Success;
            }

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

        var catalogue = new Table().Border(TableBorder.Markdown)
            .AddColumn("dataset").AddColumn("y").AddColumn("sensitive (s = 1)")
            .AddColumn(new TableColumn("rows").RightAligned()).AddColumn(new TableColumn("after filter").RightAligned()).AddColumn("protocols");
        foreach (var d in DatasetCatalogue.All)
        {
            catalogue.AddRow(
                Markup.Escape(d.Name),
                Markup.Escape(d.Target),
                Markup.Escape(string.Join(", ", d.Sensitive.Select(a => $"{a.Name}={a.Value1}"))),
                d.RawRows.ToString("N0", CultureInfo.InvariantCulture),
                d.ProtocolRows.ToString("N0", CultureInfo.InvariantCulture),
                Markup.Escape(string.Join(", ", d.Protocols) + (d.Bundled ? "" : " (not bundled)")));
        }

        console.Ansi.Write(catalogue);
        console.Ansi.WriteLine("--describe NAME [--sensitive S] [--protocol P] [--seed N]: one dataset's splits and balances.");
    }

    private static void Describe(CliConsole console, DatasetSummary summary)
    {
        static string N(int v) => v.ToString("N0", CultureInfo.InvariantCulture);
        static string Share(int part, int whole) => whole == 0 ? "-" : (100.0 * part / whole).ToString("F1", CultureInfo.InvariantCulture) + "%";

        console.Ansi.WriteLine($"{summary.Dataset}: {summary.Title}");
        console.Ansi.WriteLine($"protocol {summary.Protocol}, seed {summary.Seed}, sensitive {string.Join(",", summary.Sensitive)}, y = {summary.Target}");
        console.Ansi.WriteLine($"inputs [{string.Join(", ", summary.SampleShape)}] per row, {N(summary.TotalRows)} rows");
        console.Ansi.WriteLine($"licence: {summary.Licence}");
        console.Ansi.WriteLine($"data sha256 {summary.DataSha256}");

        var balance = new Table().Border(TableBorder.Markdown).AddColumn("split")
            .AddColumn(new TableColumn("rows").RightAligned()).AddColumn(new TableColumn("y=0").RightAligned())
            .AddColumn(new TableColumn("y=1").RightAligned()).AddColumn(new TableColumn("y=1 share").RightAligned());
        foreach (var s in summary.Splits)
        {
            balance.AddRow(s.Name, N(s.Rows), N(s.Rows - s.Positives), N(s.Positives), Share(s.Positives, s.Rows));
        }

        console.Ansi.Write(balance);

        // Group balance and the y x group table in long form: one line per (split, group), narrow enough for any terminal.
        var cells = new Table().Border(TableBorder.Markdown).AddColumn(new TableColumn("split").NoWrap()).AddColumn(new TableColumn("group").NoWrap())
            .AddColumn(new TableColumn("rows").RightAligned()).AddColumn(new TableColumn("of split").RightAligned())
            .AddColumn(new TableColumn("y=0").RightAligned()).AddColumn(new TableColumn("y=1").RightAligned())
            .AddColumn(new TableColumn("y=1 share").RightAligned());
        foreach (var s in summary.Splits)
        {
            for (var g = 0; g < summary.GroupNames.Count; g++)
            {
                cells.AddRow(s.Name, Markup.Escape(summary.GroupNames[g]), N(s.GroupRows[g]), Share(s.GroupRows[g], s.Rows),
                    N(s.Cells[g][0]), N(s.Cells[g][1]), Share(s.Cells[g][1], s.GroupRows[g]));
            }
        }

        console.Ansi.WriteLine("groups (y x group):");
        console.Ansi.Write(cells);
    }
}
