using FairSharp.Data.Catalogue;

namespace FairSharp.Data.Protocols;

/// <summary>
/// A data protocol preset (a <c>--protocol</c> value): how a catalogue dataset becomes train / validation / test
/// tensors. Each protocol is one sealed class that holds everything the data side knows about it: its name, what it
/// is, the datasets its pipeline can prepare, its default split fractions, the target it defines and the pipeline
/// itself. <see cref="DataProtocols"/> lists them. The training half of a protocol (model, optimiser, schedule, sampler,
/// selection) is FairSharp.Training's protocol entry of the same name.
/// </summary>
public abstract class DataProtocol
{
    private protected DataProtocol()
    {
    }

    /// <summary>The <c>--protocol</c> value.</summary>
    public abstract string Name { get; }

    /// <summary>What the protocol does and where it comes from.</summary>
    public abstract string Description { get; }

    /// <summary>The catalogue datasets the protocol's pipeline can prepare, in catalogue order. This belongs to the
    /// protocol, not to the catalogue: a pipeline such as Fair Mixup's Adult code is written for its datasets only.
    /// Which protocol a dataset uses when none is given is the catalogue's (<see cref="DatasetInfo.DefaultProtocol"/>).</summary>
    public abstract IReadOnlyList<string> Datasets { get; }

    /// <summary>True when the protocol applies to <paramref name="dataset"/>.</summary>
    public bool AppliesTo(string dataset) => Datasets.Contains(dataset, StringComparer.Ordinal);

    /// <summary>The (train, validation, test) fractions of <paramref name="dataset"/> when the request sets none.</summary>
    public abstract (double Train, double Validation, double Test) DefaultFractions(string dataset);

    /// <summary>The definition of y the protocol gives <paramref name="info"/>'s dataset (default: the catalogue's).</summary>
    public virtual string Target(DatasetInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        return info.Target;
    }

    /// <summary>Reads the dataset of a validated <paramref name="request"/> and applies the protocol.</summary>
    internal abstract PreparedDataset Prepare(DataRequest request);
}
