using System.Text;
using System.Text.Json;
using FsCheck.Xunit;

namespace FairSharp.Cli.Tests.Adversarial;

/// <summary>
/// Fuzzes audit's CSV reader: random bytes, and random mutations of a valid file (bytes inserted, deleted, replaced
/// with the characters CSV and UTF-8 decoders trip on; lines duplicated or cut). Every outcome must be exit 0 with a
/// JSON result or exit 2 with one line; never exit 1, never a hang (each case is capped). The bytes come from an
/// FsCheck-drawn seed; Replay fixes FsCheck's own seed, so the run is the same every time.
/// </summary>
public sealed class AuditCsvFuzzTests : IDisposable
{
    private const string Replay = "20261202,715";

    private static readonly TimeSpan CaseLimit = TimeSpan.FromSeconds(30);

    private static readonly byte[] Valid = Encoding.UTF8.GetBytes(
        "y,p,g,h,w\n1,0.9,a,x,1\n0,0.2,a,y,2\n1,0.7,b,x,1\n0,0.4,b,y,0.5\n1,0.3,c,x,2\n0,0.6,c,y,1\n1,1e-1,a,x,3\n0,\"0.5\",b,\"y\",1\n");

    /// <summary>What breaks CSV and text decoders: separators, quotes, line ends, NUL, a BOM start, lone UTF-8 lead
    /// and continuation bytes, signs and exponents, spaces.</summary>
    private static readonly byte[] Tricky = [(byte)',', (byte)'"', (byte)'\n', (byte)'\r', 0, 0xEF, 0xBB, 0xBF, 0xFF, 0xFE, 0xC3, 0x80, (byte)' ', (byte)'-', (byte)'e', (byte)'.', (byte)'1', (byte)'0', (byte)'N', (byte)'a'];

    private readonly Hostile _h = new();

    public void Dispose() => _h.Dispose();

    private static byte[] Mutate(Random random)
    {
        var bytes = Valid.ToList();
        var edits = random.Next(1, 8);
        for (var e = 0; e < edits; e++)
        {
            var at = random.Next(bytes.Count + 1);
            switch (random.Next(6))
            {
                case 0:
                    bytes.Insert(at, Tricky[random.Next(Tricky.Length)]);
                    break;
                case 1 when bytes.Count > 0:
                    bytes.RemoveAt(Math.Min(at, bytes.Count - 1));
                    break;
                case 2 when bytes.Count > 0:
                    bytes[Math.Min(at, bytes.Count - 1)] = Tricky[random.Next(Tricky.Length)];
                    break;
                case 3:
                    bytes.RemoveRange(at, bytes.Count - at); // cut short, as by a full disk
                    break;
                case 4:
                    var lines = Encoding.UTF8.GetString([.. bytes]).Split('\n').ToList();
                    var line = random.Next(lines.Count);
                    lines.Insert(line, lines[line]);
                    bytes = [.. Encoding.UTF8.GetBytes(string.Join('\n', lines))];
                    break;
                default:
                    bytes.Insert(at, (byte)random.Next(256));
                    break;
            }
        }

        return [.. bytes];
    }

    private void Check(byte[] bytes, bool weighted, bool intersectional)
    {
        var file = _h.WriteBytes("fuzz.csv", bytes);
        string[] args = ["audit", "--input", file, "--y-true", "y", "--score", "p", "--sensitive", intersectional ? "g,h" : "g", .. weighted ? new[] { "--weights", "w" } : []];
        var run = Task.Run(() => CliRunner.Run(args));
        run.Wait(CaseLimit).ShouldBeTrue($"audit did not finish within {CaseLimit.TotalSeconds} s on: {Convert.ToBase64String(bytes)}");
        var (exit, output, error) = run.Result;
        var input = Convert.ToBase64String(bytes);
        exit.ShouldBeOneOf([ExitCodes.Success, ExitCodes.BadInput], $"{error} on: {input}");
        if (exit == ExitCodes.Success)
        {
            using var json = JsonDocument.Parse(output);
            json.RootElement.GetProperty("rows").GetInt32().ShouldBeGreaterThan(0);
        }
        else
        {
            output.ShouldBeEmpty(input);
            error.ShouldStartWith("fairsharp: ", Case.Sensitive, input);
            error.TrimEnd().Split('\n').Length.ShouldBe(1, input);
            error.ShouldNotContain("System.", Case.Sensitive, input);
            error.ShouldNotContain("internal error", Case.Sensitive, input);
        }
    }

    [Property(Replay = Replay, MaxTest = 200)]
    public void Random_bytes_give_a_result_or_one_line(int seed, bool weighted, bool intersectional)
    {
        var random = new Random(seed);
        var bytes = new byte[random.Next(0, 400)];
        random.NextBytes(bytes);
        if (random.Next(2) == 0 && bytes.Length > 0)
        {
            // Half of them start like the header, so that the reader gets past the first line.
            bytes = [.. Encoding.UTF8.GetBytes("y,p,g,h,w\n"), .. bytes];
        }

        Check(bytes, weighted, intersectional);
    }

    [Property(Replay = Replay, MaxTest = 400)]
    public void Mutations_of_a_valid_file_give_a_result_or_one_line(int seed, bool weighted, bool intersectional) =>
        Check(Mutate(new Random(seed)), weighted, intersectional);
}
