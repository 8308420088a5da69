using FairSharp.Data.Catalogue;
using FairSharp.Data.Protocols;

namespace FairSharp.Data.Tests.Catalogue;

public sealed class DatasetCatalogueTests
{
    [Fact]
    public void Names_and_sensitive_attributes_are_those_of_the_architecture()
    {
        DatasetCatalogue.Names.ShouldBe(["adult", "compas", "german", "bank", "credit", "acs-income-ct", "utkface"]);
        var attributes = DatasetCatalogue.All.ToDictionary(d => d.Name, d => d.Sensitive.Select(a => a.Name).ToArray());
        attributes["adult"].ShouldBe(["sex", "race"]);
        attributes["compas"].ShouldBe(["sex", "race"]);
        attributes["german"].ShouldBe(["sex", "age"]);
        attributes["bank"].ShouldBe(["age"]);
        attributes["credit"].ShouldBe(["sex", "age"]);
        attributes["acs-income-ct"].ShouldBe(["sex", "race"]);
        attributes["utkface"].ShouldBe(["gender", "race"]);
    }

    [Fact]
    public void Bundled_datasets_have_verified_files_whose_rows_add_up_and_utkface_has_none()
    {
        foreach (var d in DatasetCatalogue.All)
        {
            BundledFiles.Of(d.Name).Count.ShouldBe(d.Bundled ? (d.Name == "adult" ? 2 : 1) : 0);
            if (d.Bundled)
            {
                BundledFiles.Of(d.Name).Sum(f => f.Rows).ShouldBe(d.RawRows);
            }

            d.Licence.ShouldNotBeNullOrWhiteSpace();
        }

        DatasetCatalogue.Get("acs-income-ct").Title.ShouldNotContain("ACSIncome)");
        DatasetCatalogue.Get("acs-income-ct").Title.ShouldBe("ACS PUMS CT-2018 income (ACSIncome-like)");
        DatasetCatalogue.Get("utkface").Licence.ShouldContain("non-commercial research only");
    }

    [Fact]
    public void Protocols_apply_to_their_datasets_only()
    {
        DatasetCatalogue.All.Where(d => d.Protocols.Contains(FairMixupProtocol.ProtocolName)).Select(d => d.Name).ShouldBe(["adult"]);
        DatasetCatalogue.All.Where(d => d.Protocols.Contains(TfsProtocol.ProtocolName)).Select(d => d.Name).ShouldBe(["utkface"]);
        DatasetCatalogue.All.ShouldAllBe(d => d.Protocols.Contains(FfbProtocol.ProtocolName));
        DatasetCatalogue.Get("utkface").DefaultProtocol.ShouldBe(TfsProtocol.ProtocolName);
    }

    [Fact]
    public void An_unknown_name_is_refused() =>
        Should.Throw<InvalidInputException>(() => DatasetCatalogue.Get("celeba")).Message
            .ShouldBe(string.Format(DataErrors.UnknownDataset, "celeba", string.Join(", ", DatasetCatalogue.Names)));
}
