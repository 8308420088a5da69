namespace FairSharp.Experiments.Study;

/// <summary>What <c>fairsharp study</c> plans: the full study or its CI version, with optional overrides.</summary>
public sealed record StudyOptions
{
    /// <summary>The CI version (<c>--tiny</c>): every part on German (sex) under the ffb protocol, 2 seeds, one λ
    /// (and α), two λ_align values, one epoch; every section of the report is produced. Default false.</summary>
    public bool Tiny { get; init; }

    /// <summary>Seeds of every part instead of the part's own (<c>--seeds</c>); null = the study's numbers.</summary>
    public int? Seeds { get; init; }

    /// <summary>Whether UTKFace's files are in the data folder; the image parts are skipped with that reason when not.</summary>
    public bool ImagesAvailable { get; init; } = true;

    /// <summary>Throws <see cref="InvalidInputException"/> when an override is unusable.</summary>
    public void Validate()
    {
        if (Seeds is < 1)
        {
            throw new InvalidInputException(Sweeps.SweepOptions.Format(Sweeps.SweepErrors.SeedsNotPositive, Seeds));
        }
    }
}
