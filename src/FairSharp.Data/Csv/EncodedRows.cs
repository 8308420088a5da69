namespace FairSharp.Data.Csv;

/// <summary>Rows encoded by <see cref="TabularPreprocessing.Transform(TabularRows)"/>.</summary>
/// <param name="Features">Row-major inputs, <paramref name="Count"/> × <paramref name="Width"/>.</param>
/// <param name="Count">Rows.</param>
/// <param name="Width">Inputs per row.</param>
/// <param name="Unseen">Per categorical column, the rows whose category was not seen in training (all-zero one-hot).</param>
public sealed record EncodedRows(float[] Features, int Count, int Width, IReadOnlyDictionary<string, int> Unseen);
