namespace FairSharp.Data.Images;

/// <summary>UTKFace images as 8-bit RGB (N, H, W, C interleaved) with the labels from the file names.</summary>
internal sealed record UtkFaceData(byte[] Pixels, int Size, int[] Age, int[] Gender, int[] Race, string DataSha256, int SkippedFiles)
{
    public int Count => Age.Length;
}
