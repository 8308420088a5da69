using FairSharp.Data;
using FairSharp.Data.Protocols;
using FairSharp.Training.Protocols;

namespace FairSharp.Training.Tests.Protocols;

public sealed class TrainingProtocolsTests
{
    [Fact]
    public void Every_data_protocol_has_one_training_half_of_the_same_name() =>
        TrainingProtocols.All.Select(p => p.Name).ShouldBe(DataProtocols.Names);

    [Fact]
    public void An_unknown_protocol_is_named_with_the_known_ones() =>
        Should.Throw<InvalidInputException>(() => TrainingProtocols.Get("celeba")).Message
            .ShouldBe(string.Format(DataErrors.UnknownProtocol, "celeba", "ffb, fairmixup, tfs"));
}
