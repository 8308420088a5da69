using FairSharp.Data;
using FairSharp.Training.Runs;

namespace FairSharp.Training.Protocols;

/// <summary>
/// The training half of a protocol preset: the model, optimiser, schedule, batches, sampler and selection rule a run
/// starts from before its own overrides (<see cref="TrainingProtocols.Resolve"/>). One sealed class per protocol, named
/// as its data half (<see cref="Data.Protocols.DataProtocol"/>, which prepares the data); <see cref="TrainingProtocols"/>
/// lists them. What a method changes in a preset is the method's (<see cref="Methods.NetworkMethodDescriptor.FfbDelta"/>).
/// </summary>
public abstract class TrainingProtocol
{
    private protected TrainingProtocol()
    {
    }

    /// <summary>The <c>--protocol</c> value (the name of the data protocol this half belongs to).</summary>
    public abstract string Name { get; }

    /// <summary>The preset's model and trainer settings for <paramref name="request"/>'s method and constraint on
    /// <paramref name="data"/>, before the request's overrides.</summary>
    public abstract TrainingPlan Preset(TrainRequest request, PreparedDataset data);

    /// <summary>The preset's batches in words, as plan reports state them: <paramref name="stratified"/> when a sweep
    /// imposes a stratified sampler on every method.</summary>
    public abstract string DescribeBatch(bool stratified);
}
