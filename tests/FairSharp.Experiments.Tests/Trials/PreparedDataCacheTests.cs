using FairSharp.Data;
using FairSharp.Experiments.Trials;

namespace FairSharp.Experiments.Tests.Trials;

public sealed class PreparedDataCacheTests
{
    private static PreparedDataset Data(string sha)
    {
        var split = new DataSplit("train", [0f, 1f], [1], [0, 1], [0, 1]);
        return new PreparedDataset("loans.csv", "csv", ["sex"], ["sex=F", "sex=M"], ["x"], split, split, split, sha, 0);
    }

    [Fact]
    public void The_cache_keys_on_the_request_and_the_data_hash()
    {
        var cache = new PreparedDataCache();
        var request = new DataRequest("loans.csv", ["sex"]) { Csv = new Data.Csv.CsvDataOptions("approved", ["sex"]) { DataFile = "/d/loans.csv" } };
        var prepared = 0;
        PreparedDataset Prepare(string sha) => cache.GetOrPrepare(request, sha, _ => { prepared++; return Data(sha); });

        var first = Prepare("aa");
        Prepare("aa").ShouldBeSameAs(first);
        prepared.ShouldBe(1);
        Prepare("bb").DataSha256.ShouldBe("bb", "a file changed under the same name is prepared again");
        cache.GetOrPrepare(request with { Csv = request.Csv! with { Drop = ["id"] } }, "aa", _ => { prepared++; return Data("aa"); }).ShouldNotBeSameAs(first);
        prepared.ShouldBe(3);
        (cache.Hits, cache.Misses).ShouldBe((1, 3));
    }
}
