using FairSharp.Data.Protocols;

namespace FairSharp.Data.Tests;

public sealed class DataRequestTests
{
    private static string Message(DataRequest request) => Should.Throw<InvalidInputException>(request.Validate).Message;

    [Fact]
    public void An_unknown_dataset_is_named_with_the_known_ones() =>
        Message(new DataRequest("celeba", ["sex"])).ShouldBe(
            string.Format(DataErrors.UnknownDataset, "celeba", "adult, compas, german, bank, credit, acs-income-ct, utkface"));

    [Fact]
    public void An_unknown_attribute_is_named_with_the_datasets_attributes() =>
        Message(new DataRequest("adult", ["age"])).ShouldBe(string.Format(DataErrors.UnknownAttribute, "age", "adult", "sex, race"));

    [Fact]
    public void An_unknown_protocol_is_named_with_the_known_ones() =>
        Message(new DataRequest("adult", ["sex"], "fancy")).ShouldBe(string.Format(DataErrors.UnknownProtocol, "fancy", "ffb, fairmixup, tfs"));

    [Fact]
    public void A_protocol_for_another_dataset_is_refused()
    {
        Message(new DataRequest("compas", ["sex"], FairMixupProtocol.ProtocolName)).ShouldBe(string.Format(DataErrors.ProtocolNotForDataset, "fairmixup", "compas", "adult"));
        Message(new DataRequest("adult", ["sex"], TfsProtocol.ProtocolName)).ShouldBe(string.Format(DataErrors.ProtocolNotForDataset, "tfs", "adult", "utkface"));
    }

    [Fact]
    public void Sensitive_attributes_must_be_given_once()
    {
        Message(new DataRequest("adult", [])).ShouldBe(DataErrors.NoSensitive);
        Message(new DataRequest("adult", ["sex", "sex"])).ShouldBe(string.Format(DataErrors.DuplicateAttribute, "sex"));
    }

    [Fact]
    public void Fractions_must_be_positive_and_sum_to_one()
    {
        Message(new DataRequest("adult", ["sex"]) { TrainFraction = 0.5 }).ShouldBe(string.Format(DataErrors.BadFractions, 0.5, 0.3, 0.3));
        Message(new DataRequest("adult", ["sex"]) { TrainFraction = 0.8, ValidationFraction = 0.2, TestFraction = 0 })
            .ShouldBe(string.Format(DataErrors.BadFractions, 0.8, 0.2, 0));
        Message(new DataRequest("adult", ["sex"], FairMixupProtocol.ProtocolName) { QuantileBins = 1 }).ShouldBe(string.Format(DataErrors.BadBins, 1));
        Message(new DataRequest("utkface", ["gender"], TfsProtocol.ProtocolName) { ImageSize = 4 }).ShouldBe(string.Format(DataErrors.BadImageSize, 4));
    }

    [Fact]
    public void The_protocol_defaults_are_the_anchors_splits()
    {
        new DataRequest("adult", ["sex"]).Fractions().ShouldBe((0.4, 0.3, 0.3));
        new DataRequest("adult", ["sex"], FairMixupProtocol.ProtocolName).Fractions().ShouldBe((0.6, 0.2, 0.2));
        new DataRequest("utkface", ["gender"], TfsProtocol.ProtocolName).Fractions().ShouldBe((0.6, 0.2, 0.2));
        new DataRequest("utkface", ["gender"]).Fractions().ShouldBe((0.8, 0.1, 0.1));
        new DataRequest("adult", ["sex"]) { TrainFraction = 0.5, ValidationFraction = 0.25, TestFraction = 0.25 }.Fractions().ShouldBe((0.5, 0.25, 0.25));
    }
}
