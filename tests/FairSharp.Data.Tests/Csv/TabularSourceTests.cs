using System.Globalization;
using System.Text;
using FairSharp.Data.Csv;

namespace FairSharp.Data.Tests.Csv;

public sealed class TabularSourceTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("fairsharp-csv-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    private string Write(string name, string text, bool bom = false)
    {
        var path = Path.Combine(root, name);
        File.WriteAllText(path, text, new UTF8Encoding(bom));
        return path;
    }

    /// <summary>A seeded table: numeric x (depends on y), categorical colour, sex F/M, binary y yes/no.</summary>
    private string Table(string name = "table.csv", int rows = 400, char sep = ',', string newline = "\n", bool bom = false, int seed = 1)
    {
        var random = new Random(seed);
        var text = new StringBuilder($"id{sep}x{sep}colour{sep}sex{sep}y{newline}");
        string[] colours = ["red", "green", "blue"];
        for (var i = 0; i < rows; i++)
        {
            var y = random.Next(2);
            var x = (y * 2.0) + random.NextDouble();
            text.Append(CultureInfo.InvariantCulture, $"{i}{sep}{x:R}{sep}{colours[random.Next(3)]}{sep}{(i % 3 == 0 ? "F" : "M")}{sep}{(y == 1 ? "yes" : "no")}{newline}");
        }

        return Write(name, text.ToString(), bom);
    }

    private static CsvDataOptions Options(string file) => new("y", ["sex"]) { DataFile = file, Drop = ["id"] };

    [Fact]
    public void Reads_a_table_with_inferred_types_and_the_default_split()
    {
        var data = TabularSource.FromCsv(Options(Table()));
        data.Dataset.ShouldBe("table.csv");
        data.Protocol.ShouldBe("csv");
        data.GroupNames.ShouldBe(["sex=F", "sex=M"]);
        data.FeatureNames.ShouldBe(["x", "colour_blue", "colour_green", "colour_red"]);
        (data.Train.Count + data.Validation.Count + data.Test.Count).ShouldBe(400);
        data.Train.Count.ShouldBe(240);
        data.Preprocessing!.Target.ShouldBe(new TargetEncoding("y", "yes", ["no", "yes"]) with { Values = data.Preprocessing.Target.Values });
        data.Preprocessing.Target.Values.ShouldBe(["no", "yes"]);
        data.Preprocessing.Separator.ShouldBe(",");
    }

    [Fact]
    public void Semicolons_quotes_a_bom_and_crlf_read_the_same_rows_as_plain_commas()
    {
        var plain = TabularSource.FromCsv(Options(Table("plain.csv")));
        var text = File.ReadAllText(Table("semi.csv", sep: ';', newline: "\r\n"))
            .Replace(";red;", ";\"red\";", StringComparison.Ordinal);
        var odd = TabularSource.FromCsv(Options(Write("odd.csv", text, bom: true)));
        odd.Preprocessing!.Separator.ShouldBe(";");
        odd.FeatureNames.ShouldBe(plain.FeatureNames);
        odd.Train.Features.ShouldBe(plain.Train.Features);
        odd.Test.Labels.ShouldBe(plain.Test.Labels);
        odd.Test.Groups.ShouldBe(plain.Test.Groups);
    }

    [Fact]
    public void A_quoted_field_may_hold_the_separator()
    {
        var file = Write("quoted.csv", "x,city,s,y\n1,\"Paris, FR\",a,1\n2,Rome,b,0\n3,\"Paris, FR\",a,0\n4,Rome,b,1\n" +
            string.Concat(Enumerable.Range(5, 40).Select(i => $"{i},Rome,{(i % 2 == 0 ? "a" : "b")},{i % 2}\n")));
        var data = TabularSource.FromCsv(new CsvDataOptions("y", ["s"]) { DataFile = file });
        data.Preprocessing!.Categorical.Single().Categories.ShouldContain("Paris, FR");
    }

    [Fact]
    public void Preprocessing_is_fitted_on_the_training_split_only()
    {
        // Test rows hold values and a category the training rows never have: a fit on all rows would move the mean,
        // the median and the categories.
        var header = "x,colour,s,y\n";
        var train = Write("train.csv", header + string.Concat(Enumerable.Range(0, 40).Select(i => $"{i % 10},{(i % 2 == 0 ? "red" : "blue")},{(i % 4 < 2 ? "a" : "b")},{i % 2}\n")));
        var valid = Write("valid.csv", header + string.Concat(Enumerable.Range(0, 8).Select(i => $"{i},red,{(i % 4 < 2 ? "a" : "b")},{i % 2}\n")));
        var test = Write("test.csv", header + string.Concat(Enumerable.Range(0, 8).Select(i => $"{1000 + i},green,{(i % 4 < 2 ? "a" : "b")},{i % 2}\n")));
        var data = TabularSource.FromCsv(new CsvDataOptions("y", ["s"]) { TrainFile = train, ValidationFile = valid, TestFile = test });
        var x = data.Preprocessing!.Numeric.Single();
        x.Mean.ShouldBe(4.5);
        x.Median.ShouldBe(4.5);
        x.Scale.ShouldBe(Math.Sqrt(8.25));
        data.Preprocessing.Categorical.Single().Categories.ShouldBe(["blue", "red"]);
        data.Train.Count.ShouldBe(40);
        data.Test.Count.ShouldBe(8);
        // unseen 'green' is an all-zero one-hot row
        data.Test.Features.Skip(1).Take(2).ShouldBe([0f, 0f]);
        data.Test.Features[0].ShouldBe((float)((1000 - 4.5) / Math.Sqrt(8.25)));
    }

    [Fact]
    public void Standardised_training_inputs_have_mean_0_and_unit_deviation_but_the_test_rows_not_exactly()
    {
        var data = TabularSource.FromCsv(Options(Table(rows: 600)));
        static (double Mean, double Sd) Moments(DataSplit split)
        {
            var x = Enumerable.Range(0, split.Count).Select(i => (double)split.Features[i * split.RowSize]).ToArray();
            var mean = x.Average();
            return (mean, Math.Sqrt(x.Sum(v => (v - mean) * (v - mean)) / x.Length));
        }

        var (trainMean, trainSd) = Moments(data.Train);
        trainMean.ShouldBe(0, 1e-6);
        trainSd.ShouldBe(1, 1e-6);
        Math.Abs(Moments(data.Test).Mean).ShouldBeGreaterThan(1e-4);
    }

    [Fact]
    public void Missing_values_drop_rows_without_target_or_group_and_impute_features()
    {
        var rows = string.Concat(Enumerable.Range(0, 60).Select(i => $"{(i % 5 == 0 ? "" : (i % 7).ToString(CultureInfo.InvariantCulture))},{(i % 6 == 0 ? "NA" : "c" + (i % 2))},{(i % 2 == 0 ? "a" : "b")},{i % 2}\n"));
        var file = Write("missing.csv", "x,c,s,y\n" + rows + ",c0,,1\n1,c1,a,?\n");
        var data = TabularSource.FromCsv(new CsvDataOptions("y", ["s"]) { DataFile = file, Categorical = [] });
        data.Preprocessing!.DroppedRows.ShouldBe(2);
        (data.Train.Count + data.Validation.Count + data.Test.Count).ShouldBe(60);
        data.Preprocessing.Categorical.Single().Categories.ShouldContain(TabularPreprocessing.MissingCategory);
        data.Train.Features.ShouldAllBe(v => float.IsFinite(v));
    }

    [Fact]
    public void Integer_codes_are_numeric_unless_declared_categorical_and_groups_are_intersectional()
    {
        var file = Table();
        var data = TabularSource.FromCsv(new CsvDataOptions("y", ["sex", "colour"]) { DataFile = file, Categorical = ["id"] });
        data.GroupNames.Count.ShouldBe(6);
        data.GroupNames[0].ShouldBe("sex=F,colour=blue");
        data.FeatureNames[0].ShouldBe("x");
        data.FeatureNames.Count(n => n.StartsWith("id_", StringComparison.Ordinal)).ShouldBe(data.Train.Count);
    }

    [Fact]
    public void The_same_seed_gives_the_same_split_and_another_seed_another()
    {
        var file = Table();
        var a = TabularSource.FromCsv(Options(file));
        var b = TabularSource.FromCsv(Options(file));
        var c = TabularSource.FromCsv(Options(file) with { Seed = 1 });
        a.Test.Features.ShouldBe(b.Test.Features);
        a.Test.Features.ShouldNotBe(c.Test.Features);
    }

    [Fact]
    public void Records_in_memory_encode_like_the_file()
    {
        var data = TabularSource.FromCsv(Options(Table()));
        var rows = TabularRows.FromRecords(["colour", "x"], [["red", "2.5"], ["purple", "0"]]);
        var encoded = data.Preprocessing!.Transform(rows);
        var x = data.Preprocessing.Numeric[0];
        encoded.Features.ShouldBe([(float)((2.5 - x.Mean) / x.Scale), 0f, 0f, 1f, (float)((0 - x.Mean) / x.Scale), 0f, 0f, 0f]);
        encoded.Unseen.ShouldBe(new Dictionary<string, int> { ["colour"] = 1 });
    }

    public static TheoryData<string, Func<CsvDataOptions, CsvDataOptions>, string> BadInputs => new()
    {
        { "x,s,y\n1,a,1\n", o => o with { Target = "label" }, "{0}: column 'label' not found in the header" },
        { "x,s,y\n1,a,1\n", o => o with { Sensitive = ["race"] }, "{0}: column 'race' not found in the header" },
        { "x,s,y\n1,a,1\n2,b,1\n", o => o, "{0}: target column 'y' has 1 values ('1'); a binary target needs two, or name the positive one with --positive" },
        { "x,s,y\n1,a,1\n2,b,0\n3,a,2\n", o => o, "{0}: target column 'y' has 3 values ('0', '1', '2'); a binary target needs two, or name the positive one with --positive" },
        { "x,s,y\n1,a,hi\n2,b,lo\n", o => o, "{0}: target column 'y' has values 'hi', 'lo': name the positive one with --positive" },
        { "x,s,y\n1,a,1\n2,b,0\n", o => o with { Positive = "2" }, "{0}: --positive '2' is not a value of target column 'y' (values: '0', '1')" },
        { "x,s,y\n1,a,1\n2,a,0\n", o => o, "{0}: sensitive column 's' has a single value ('a'): fairness needs at least two groups" },
        { "", o => o, "{0}: no data rows" },
        { "x,s,y\n", o => o, "{0}: no data rows" },
        { "x,s,y\n1,a,1\n2,b,0,7\n", o => o, "{0}, line 3: expected 3 fields, found 4" },
        { "x,s,y\n1,a,1\n2,b,0\nten,a,1\n", o => o with { Numeric = ["x"] }, "{0}, line 4, column 'x': 'ten' is not a number" },
        { "x,e,s,y\n1,,a,1\n2,NA,b,0\n", o => o, "{0}: column 'e' has no values (every field is missing): leave it out with --drop" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Bad_input_is_one_line_naming_the_problem(string text, Func<CsvDataOptions, CsvDataOptions> change, string message)
    {
        var file = Write("bad.csv", text);
        Should.Throw<InvalidInputException>(() => TabularSource.FromCsv(change(new CsvDataOptions("y", ["s"]) { DataFile = file })))
            .Message.ShouldBe(string.Format(CultureInfo.InvariantCulture, message, file));
    }

    [Fact]
    public void A_group_without_rows_in_a_split_is_refused()
    {
        var header = "x,s,y\n";
        var train = Write("tr.csv", header + "1,a,1\n2,b,0\n3,a,0\n4,b,1\n");
        var valid = Write("va.csv", header + "1,a,1\n2,b,0\n");
        var test = Write("te.csv", header + "1,a,1\n2,a,0\n");
        Should.Throw<InvalidInputException>(() => TabularSource.FromCsv(new CsvDataOptions("y", ["s"]) { TrainFile = train, ValidationFile = valid, TestFile = test }))
            .Message.ShouldBe("split 'test' of dataset 'tr.csv' has no rows of group 's=b': choose fewer sensitive attributes or other split fractions");
    }

    [Fact]
    public void More_than_10000_categories_are_refused_with_the_count()
    {
        var file = Write("ids.csv", "code,s,y\n" + string.Concat(Enumerable.Range(0, 10_001).Select(i => $"k{i},{(i % 2 == 0 ? "a" : "b")},{i % 2}\n")));
        Should.Throw<InvalidInputException>(() => TabularSource.FromCsv(new CsvDataOptions("y", ["s"]) { DataFile = file }))
            .Message.ShouldBe($"{file}: column 'code' has 10001 categories, more than 10000: leave it out with --drop (an id or free text?) or declare it --numeric");
    }

    [Fact]
    public void An_unclosed_quote_names_the_line()
    {
        var file = Write("quote.csv", "x,s,y\n1,a,1\n2,\"b,0\n");
        Should.Throw<InvalidInputException>(() => TabularSource.FromCsv(new CsvDataOptions("y", ["s"]) { DataFile = file }))
            .Message.ShouldStartWith($"{file}, line ");
    }
}
