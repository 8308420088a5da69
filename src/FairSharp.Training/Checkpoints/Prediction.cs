namespace FairSharp.Training.Checkpoints;

/// <summary>Scores of new rows from <see cref="TrainedModel.Predict(Data.Csv.EncodedRows)"/>.</summary>
/// <param name="Scores">P(y = 1 | x) per row, in input order.</param>
/// <param name="Threshold">The model's decision threshold (prediction = score &gt;= threshold).</param>
/// <param name="Unseen">Per categorical column, the rows whose category the training split never had (encoded as an
/// all-zero one-hot row).</param>
public sealed record Prediction(float[] Scores, double Threshold, IReadOnlyDictionary<string, int> Unseen)
{
    /// <summary>Hard predictions: 1 where score &gt;= <paramref name="threshold"/> (the model's when null).</summary>
    public int[] Labels(double? threshold = null)
    {
        var t = threshold ?? Threshold;
        return Scores.Select(s => s >= t ? 1 : 0).ToArray();
    }
}
