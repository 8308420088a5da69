using System.Text;
using FairSharp.Data.Catalogue;
using FairSharp.Data.Csv;

namespace FairSharp.Data.Tests.Csv;

/// <summary>Adult's raw files as a user's CSV through <c>--data</c>, against the catalogue's <c>adult</c> (FFB).</summary>
public sealed class AdultRoundTripTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("fairsharp-adult-csv-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void Adult_as_a_users_file_matches_the_catalogue_inputs_up_to_the_documented_differences()
    {
        var dataDirectory = DataDirectory.Locate(null);
        var csv = new StringBuilder("age,workclass,fnlwgt,education,education-num,marital-status,occupation,relationship,race,sex,capital-gain,capital-loss,hours-per-week,native-country,income\n");
        foreach (var (file, skip) in new[] { ("adult.data", 0), ("adult.test", 1) })
        {
            foreach (var line in File.ReadLines(Path.Combine(dataDirectory, "adult", file)).Skip(skip).Where(l => l.Trim().Length > 0))
            {
                // FFB drops every row with a missing value; the user's file does the same before --data
                if (!line.Contains('?', StringComparison.Ordinal))
                {
                    csv.Append(string.Join(',', line.Split(',').Select(f => f.Trim().TrimEnd('.')))).Append('\n');
                }
            }
        }

        var path = Path.Combine(root, "adult.csv");
        File.WriteAllText(path, csv.ToString());
        var user = TabularSource.FromCsv(new CsvDataOptions("income", ["sex"])
        {
            DataFile = path, Positive = ">50K", Drop = ["fnlwgt"], TrainFraction = 0.4, ValidationFraction = 0.3, TestFraction = 0.3,
        });
        var catalogue = DatasetLoader.Prepare(new DataRequest("adult", ["sex"]));

        static int Rows(PreparedDataset d) => d.Train.Count + d.Validation.Count + d.Test.Count;
        static int Positives(PreparedDataset d) => d.Train.Labels.Sum() + d.Validation.Labels.Sum() + d.Test.Labels.Sum();
        Rows(user).ShouldBe(45_222);
        Rows(user).ShouldBe(Rows(catalogue));
        Positives(user).ShouldBe(Positives(catalogue));
        user.GroupNames.ShouldBe(catalogue.GroupNames);

        // Same columns in the same order; --data fits categories on the training split only, so a category with no
        // training row (e.g. native-country=Holand-Netherlands, one row in Adult) is absent there.
        var missing = catalogue.FeatureNames.Except(user.FeatureNames).ToArray();
        user.FeatureNames.Except(catalogue.FeatureNames).ShouldBeEmpty();
        user.FeatureNames.ShouldBe(catalogue.FeatureNames.Except(missing).ToArray());
        missing.Length.ShouldBeLessThanOrEqualTo(2);
        user.FeatureNames.Count.ShouldBeGreaterThanOrEqualTo(99);
    }
}
