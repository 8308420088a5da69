namespace FairSharp.Data.Tabular;

/// <summary>
/// The one standardisation of a numeric input, x′ = (x − mean) / scale, for the CSV preprocessing and the catalogue's
/// encoder. The rounding is the only difference between them and is named by <see cref="Rounding"/>: scikit-learn's
/// <c>StandardScaler</c> on a float64 column rounds once to float32 (<see cref="Rounding.Once"/>, the CSV path); FFB
/// casts its frame to float32 before the split and transforms in place, so it rounds the input, the difference and
/// the quotient (<see cref="Rounding.Float32Steps"/>, the catalogue path, bit for bit FFB's).
/// </summary>
internal static class Standardisation
{
    /// <summary>Where the arithmetic rounds to float32.</summary>
    public enum Rounding
    {
        /// <summary>float32((x − mean) / scale), computed in double.</summary>
        Once,

        /// <summary>float32(float32(float32(x) − mean) / scale).</summary>
        Float32Steps,
    }

    /// <summary>x′ = (x − mean) / scale with the given rounding.</summary>
    public static float Apply(double value, double mean, double scale, Rounding rounding) => rounding == Rounding.Once
        ? (float)((value - mean) / scale)
        : (float)((float)((float)value - mean) / scale);
}
