using System.Globalization;
using System.Text;
using FairSharp.Data.Csv;

namespace FairSharp.Data.Tests.Csv;

/// <summary>A column of more than 10,000 distinct numbers is kept as doubles (<see cref="CsvColumn"/>): it must fit,
/// encode, report and print exactly as a column kept as texts.</summary>
public sealed class NumbersColumnTests : IDisposable
{
    private const string Header = "x,sex,y\n";

    private readonly string root = Directory.CreateTempSubdirectory("fairsharp-numbers-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    // rows of x (4 decimals, many distinct; every 97th row missing as '?' or 'NA'), sex, y
    private static List<string[]> Rows(int count, int seed)
    {
        var random = new Random(seed);
        var rows = new List<string[]>();
        for (var i = 0; i < count; i++)
        {
            var y = random.Next(2);
            var x = ((y * 3.0) + (random.NextDouble() * 10)).ToString("F4", CultureInfo.InvariantCulture);
            rows.Add([i % 97 == 0 ? (i % 2 == 0 ? "?" : "NA") : x, i % 3 == 0 ? "F" : "M", y == 1 ? "yes" : "no"]);
        }

        return rows;
    }

    private string Write(string name, IEnumerable<string[]> rows)
    {
        var path = Path.Combine(root, name);
        File.WriteAllText(path, Header + string.Concat(rows.Select(r => string.Join(',', r) + "\n")));
        return path;
    }

    [Fact]
    public void A_column_of_many_distinct_numbers_reads_as_numbers_and_keeps_its_texts_for_output()
    {
        var rows = Rows(12_000, 1);
        var table = TabularRows.ReadCsv([Write("all.csv", rows)], null);
        table.Column("x").IsNumbers.ShouldBeTrue();
        table.Column("sex").IsNumbers.ShouldBeFalse();
        table.Column("x").Values.ShouldBe(["?", "NA"]);
        for (var r = 0; r < rows.Count; r += 37)
        {
            table.Value(r, "x").ShouldBe(rows[r][0]);
        }

        table.Column("x").IsNumbers.ShouldBeFalse();
    }

    [Fact]
    public void Its_median_mean_and_scale_are_a_texts_columns_to_the_bit()
    {
        var train = Rows(12_000, 1);
        var valid = Rows(3_000, 2);
        var test = Rows(3_000, 3);
        var data = TabularSource.FromCsv(new CsvDataOptions("y", ["sex"])
        {
            TrainFile = Write("train.csv", train), ValidationFile = Write("valid.csv", valid), TestFile = Write("test.csv", test),
        });

        // The texts column's arithmetic: distinct texts in order of first appearance over every file, each counted in the
        // training rows, summed value × count in that order; missing texts take the median.
        var order = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in train.Concat(valid).Concat(test))
        {
            if (seen.Add(row[0]))
            {
                order.Add(row[0]);
            }
        }

        bool Missing(string text) => text is "?" or "NA";
        double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);
        var present = train.Select(r => r[0]).Where(t => !Missing(t)).Select(Number).Order().ToArray();
        var median = present.Length % 2 == 1 ? present[present.Length / 2] : (present[(present.Length / 2) - 1] + present[present.Length / 2]) / 2;
        var counts = train.GroupBy(r => r[0], StringComparer.Ordinal).ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal);
        double Value(string text) => Missing(text) ? median : Number(text);
        double sum = 0;
        foreach (var text in order)
        {
            sum += counts.GetValueOrDefault(text) * Value(text);
        }

        var mean = sum / train.Count;
        double squares = 0;
        foreach (var text in order)
        {
            var d = Value(text) - mean;
            squares += counts.GetValueOrDefault(text) * d * d;
        }

        var fitted = data.Preprocessing!.Numeric.ShouldHaveSingleItem();
        fitted.Median.ShouldBe(median);
        fitted.Mean.ShouldBe(mean);
        fitted.Scale.ShouldBe(Math.Sqrt(squares / train.Count));
        for (var i = 0; i < test.Count; i += 13)
        {
            data.Test.Features[i * data.Test.RowSize].ShouldBe((float)((Value(test[i][0]) - fitted.Mean) / fitted.Scale));
        }
    }

    [Fact]
    public void Text_in_a_declared_numeric_column_of_many_numbers_names_its_line_and_value()
    {
        var rows = Rows(12_000, 1);
        rows[11_000][0] = "twelve";
        var file = Write("text.csv", rows);
        Should.Throw<InvalidInputException>(() => TabularSource.FromCsv(new CsvDataOptions("y", ["sex"]) { DataFile = file, Numeric = ["x"] }))
            .Message.ShouldBe($"{file}, line 11002, column 'x': 'twelve' is not a number");
    }

    [Fact]
    public void Declared_categorical_it_is_read_again_as_texts_and_refused_with_the_exact_count()
    {
        var rows = Rows(12_000, 1);
        var file = Write("categorical.csv", rows);
        var distinct = rows.Select(r => r[0]).Where(t => t is not ("?" or "NA")).Distinct(StringComparer.Ordinal).Count();
        Should.Throw<InvalidInputException>(() => TabularSource.FromCsv(new CsvDataOptions("y", ["sex"]) { DataFile = file, Categorical = ["x"] }))
            .Message.ShouldBe($"{file}: column 'x' has {distinct} categories, more than 10000: leave it out with --drop (an id or free text?) or declare it --numeric");
    }
}
