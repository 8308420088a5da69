using System.Globalization;
using System.Text;

namespace FairSharp.Cli.Tests.Commands;

/// <summary>A seeded loan-like user table for the <c>--data</c> tests: id, income (every 17th missing), job
/// (categorical), sex, approved yes/no, semicolon-separated.</summary>
internal static class LoanTable
{
    /// <summary>Writes <paramref name="rows"/> rows to <paramref name="path"/> and returns the path. A
    /// <paramref name="spreadsheetExport"/> has what a spreadsheet writes: CRLF line ends, a UTF-8 BOM, quoted job
    /// names and ids prefixed with the seed; otherwise plain LF lines.</summary>
    public static string Write(string path, int rows, int seed, bool spreadsheetExport)
    {
        var random = new Random(seed);
        string[] jobs = ["clerk", "nurse", "welder", "teacher"];
        var newline = spreadsheetExport ? "\r\n" : "\n";
        var text = new StringBuilder("id;income;job;sex;approved").Append(newline);
        for (var i = 0; i < rows; i++)
        {
            var sex = random.Next(2) == 0 ? "F" : "M";
            var income = (random.NextDouble() * 50) + (sex == "M" ? 10 : 0);
            var job = jobs[random.Next(jobs.Length)];
            var approved = income + (job == "nurse" ? 10 : 0) + (random.NextDouble() * 20) > 40;
            var incomeText = i % 17 == 0 ? "" : income.ToString("F2", CultureInfo.InvariantCulture);
            var id = spreadsheetExport ? $"{seed}-{i}" : i.ToString(CultureInfo.InvariantCulture);
            var jobText = spreadsheetExport ? $"\"{job}\"" : job;
            text.Append(CultureInfo.InvariantCulture, $"{id};{incomeText};{jobText};{sex};{(approved ? "yes" : "no")}").Append(newline);
        }

        if (spreadsheetExport)
        {
            File.WriteAllText(path, text.ToString(), new UTF8Encoding(true));
        }
        else
        {
            File.WriteAllText(path, text.ToString());
        }

        return path;
    }
}
