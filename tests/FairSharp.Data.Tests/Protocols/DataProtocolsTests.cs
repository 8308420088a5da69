using FairSharp.Data.Catalogue;
using FairSharp.Data.Protocols;

namespace FairSharp.Data.Tests.Protocols;

public sealed class DataProtocolsTests
{
    [Fact]
    public void The_registry_keeps_the_cli_names_in_order() =>
        DataProtocols.Names.ShouldBe(["ffb", "fairmixup", "tfs"]);

    [Fact]
    public void An_unknown_protocol_is_named_with_the_known_ones() =>
        Should.Throw<InvalidInputException>(() => DataProtocols.Get("celeba")).Message
            .ShouldBe(string.Format(DataErrors.UnknownProtocol, "celeba", "ffb, fairmixup, tfs"));

    [Fact]
    public void Every_protocol_applies_to_catalogue_datasets_and_every_default_applies_to_its_dataset()
    {
        DataProtocols.All.SelectMany(p => p.Datasets).ShouldAllBe(d => DatasetCatalogue.Names.Contains(d));
        DatasetCatalogue.All.ShouldAllBe(d => DataProtocols.Get(d.DefaultProtocol).AppliesTo(d.Name));
        DatasetCatalogue.Get("adult").Protocols.ShouldBe(["ffb", "fairmixup"]);
        DatasetCatalogue.Get("utkface").Protocols.ShouldBe(["tfs", "ffb"]);
    }

    [Fact]
    public void Default_fractions_sum_to_one_for_every_dataset_a_protocol_applies_to() =>
        DataProtocols.All.SelectMany(p => p.Datasets.Select(d => p.DefaultFractions(d)))
            .ShouldAllBe(f => Math.Abs(f.Train + f.Validation + f.Test - 1) < 1e-12);

    [Fact]
    public void The_protocol_defines_utkfaces_target()
    {
        var utkface = DatasetCatalogue.Get("utkface");
        DataProtocols.Get("tfs").Target(utkface).ShouldBe("young = age <= 35");
        DataProtocols.Get("ffb").Target(utkface).ShouldBe("age > 30");
        DataProtocols.Get("ffb").Target(DatasetCatalogue.Get("adult")).ShouldBe("income > 50K");
    }
}
