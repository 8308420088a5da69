using FairSharp.Data;
using FairSharp.Training.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FairSharp.Training.Objectives;

/// <summary>Defaults for objectives without auxiliary modules and without data requirements.</summary>
public abstract class ObjectiveBase : ITrainingObjective
{
    /// <inheritdoc />
    public abstract string Name { get; }

    /// <inheritdoc />
    public virtual SamplingKind? RequiredSampling => null;

    /// <inheritdoc />
    public virtual void CheckTrainingData(DataSplit train, IReadOnlyList<string> groupNames)
    {
    }

    /// <inheritdoc />
    public virtual IReadOnlyList<Parameter> Attach(FairNetwork model) => [];

    /// <inheritdoc />
    public abstract ObjectiveStep Step(FairNetwork model, BatchContext batch, int epoch, Generator generator);

    /// <summary>Releases auxiliary modules.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases auxiliary modules (override when the objective owns some).</summary>
    protected virtual void Dispose(bool disposing)
    {
    }
}
