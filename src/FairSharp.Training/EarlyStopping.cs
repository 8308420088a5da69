using System.Globalization;

namespace FairSharp.Training;

/// <summary>Early stopping on the validation loss (the TFS ERM rule: after <see cref="MinEpochs"/> evaluations, stop
/// once the validation loss has failed to decrease <see cref="Patience"/> times in a row).</summary>
/// <param name="Patience">Consecutive non-improving evaluations that stop the run (TFS: 3); at least 1.</param>
/// <param name="MinEpochs">Evaluations always run before stopping is considered (TFS: 20); at least 0.</param>
public sealed record EarlyStopping(int Patience = 3, int MinEpochs = 20)
{
    /// <summary>Error text: bad patience or minimum (format: patience, min epochs).</summary>
    public const string BadSettings = "early stopping needs patience >= 1 and min epochs >= 0, got {0} and {1}";

    /// <summary>Throws <see cref="InvalidInputException"/> for a patience below 1 or a negative minimum.</summary>
    public void Validate()
    {
        if (Patience < 1 || MinEpochs < 0)
        {
            throw new InvalidInputException(string.Format(CultureInfo.InvariantCulture, BadSettings, Patience, MinEpochs));
        }
    }

    /// <summary>True when the run should stop after the last of <paramref name="validationLosses"/>.</summary>
    public bool ShouldStop(IReadOnlyList<double> validationLosses)
    {
        ArgumentNullException.ThrowIfNull(validationLosses);
        if (validationLosses.Count <= MinEpochs)
        {
            return false;
        }

        var worse = 0;
        for (var i = validationLosses.Count - 1; i > 0 && validationLosses[i] >= validationLosses[i - 1]; i--)
        {
            worse++;
        }

        return worse >= Patience;
    }
}
