namespace FairSharp.Training.Selection;

/// <summary>The epoch a <see cref="TfsGate"/> picked.</summary>
/// <param name="Epoch">Index of the chosen epoch; −1 when there is none.</param>
/// <param name="GatePassed">True when the chosen epoch passed the gate; false when no epoch did and the
/// max (BACC − EOD) fallback was used.</param>
/// <param name="EpochsPassing">Number of epochs that passed the gate.</param>
public sealed record GateChoice(int Epoch, bool GatePassed, int EpochsPassing);
