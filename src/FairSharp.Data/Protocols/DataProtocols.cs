namespace FairSharp.Data.Protocols;

/// <summary>The data protocols FairSharp knows (the <c>--protocol</c> values), one sealed class each.</summary>
public static class DataProtocols
{
    /// <summary>Every protocol, in catalogue order: <c>ffb</c>, <c>fairmixup</c>, <c>tfs</c>.</summary>
    public static IReadOnlyList<DataProtocol> All { get; } = [new FfbProtocol(), new FairMixupProtocol(), new TfsProtocol()];

    /// <summary>Every protocol name, in <see cref="All"/> order.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. All.Select(p => p.Name)];

    /// <summary>The protocol called <paramref name="name"/>.</summary>
    /// <exception cref="InvalidInputException">No such protocol.</exception>
    public static DataProtocol Get(string name) =>
        All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal))
        ?? throw new InvalidInputException(string.Format(DataErrors.UnknownProtocol, name, string.Join(", ", Names)));
}
