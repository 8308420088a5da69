using System.Runtime.CompilerServices;

namespace FairSharp.Experiments.Tests;

/// <summary>
/// Approved-file assertions: the text must equal NAME.approved.EXT beside the calling test file. On a mismatch the
/// actual text is written to NAME.received.EXT there, to diff and (after review) rename to .approved.
/// </summary>
internal static class Approvals
{
    public static void Verify(string actual, string name, string extension, [CallerFilePath] string callerFile = "")
    {
        var folder = Path.GetDirectoryName(callerFile)!;
        var approved = Path.Combine(folder, $"{name}.approved.{extension}");
        var received = Path.Combine(folder, $"{name}.received.{extension}");
        var expected = File.Exists(approved) ? File.ReadAllText(approved) : null;
        if (expected == actual)
        {
            if (File.Exists(received))
            {
                File.Delete(received);
            }

            return;
        }

        File.WriteAllText(received, actual);
        expected.ShouldBe(actual, $"{Path.GetFileName(approved)} differs: see {received}");
    }
}
