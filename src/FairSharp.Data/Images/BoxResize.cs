namespace FairSharp.Data.Images;

/// <summary>
/// Area-average ("box") downsampling, as PIL's <c>Image.resize(…, Resampling.BOX)</c> that made the 32×32 UTKFace
/// derivative: each output pixel is the mean of the input area it covers, with fractional weights at the edges.
/// </summary>
internal static class BoxResize
{
    /// <summary>Resizes interleaved 8-bit pixels (<paramref name="channels"/> per pixel, row-major) to
    /// <paramref name="outWidth"/> × <paramref name="outHeight"/>; values rounded to the nearest integer.</summary>
    public static byte[] Resize(ReadOnlySpan<byte> pixels, int width, int height, int channels, int outWidth, int outHeight)
    {
        var horizontal = Weights(width, outWidth);
        var vertical = Weights(height, outHeight);
        var temp = new double[height * outWidth * channels];
        for (var y = 0; y < height; y++)
        {
            for (var ox = 0; ox < outWidth; ox++)
            {
                foreach (var (x, w) in horizontal[ox])
                {
                    for (var c = 0; c < channels; c++)
                    {
                        temp[(((y * outWidth) + ox) * channels) + c] += w * pixels[(((y * width) + x) * channels) + c];
                    }
                }
            }
        }

        var result = new byte[outHeight * outWidth * channels];
        for (var oy = 0; oy < outHeight; oy++)
        {
            for (var ox = 0; ox < outWidth; ox++)
            {
                for (var c = 0; c < channels; c++)
                {
                    double sum = 0;
                    foreach (var (y, w) in vertical[oy])
                    {
                        sum += w * temp[(((y * outWidth) + ox) * channels) + c];
                    }

                    result[(((oy * outWidth) + ox) * channels) + c] = (byte)Math.Clamp(Math.Round(sum, MidpointRounding.AwayFromZero), 0, 255);
                }
            }
        }

        return result;
    }

    /// <summary>For each output index, the input indices it covers and their normalised coverage weights.</summary>
    private static (int Index, double Weight)[][] Weights(int input, int output)
    {
        var scale = (double)input / output;
        var weights = new (int, double)[output][];
        for (var o = 0; o < output; o++)
        {
            double start = o * scale, end = (o + 1) * scale;
            var list = new List<(int, double)>();
            for (var i = (int)Math.Floor(start); i < Math.Min(input, (int)Math.Ceiling(end)); i++)
            {
                var overlap = Math.Min(end, i + 1) - Math.Max(start, i);
                if (overlap > 1e-12)
                {
                    list.Add((i, overlap / scale));
                }
            }

            weights[o] = list.ToArray();
        }

        return weights;
    }
}
