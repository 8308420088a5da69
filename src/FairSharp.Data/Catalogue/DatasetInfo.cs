namespace FairSharp.Data.Catalogue;

/// <summary>One dataset of the catalogue: what it is, where it comes from, what the protocols make of it.</summary>
/// <param name="Name">The <c>--dataset</c> name.</param>
/// <param name="Title">Human-readable title (the ACS substitute is never called "ACSIncome").</param>
/// <param name="Target">Definition of the binary target y.</param>
/// <param name="Sensitive">The sensitive attributes, first = default.</param>
/// <param name="RawRows">Rows in the source files.</param>
/// <param name="ProtocolRows">Rows after the protocol's filter (e.g. COMPAS's ProPublica filter).</param>
/// <param name="Licence">Licence or terms.</param>
/// <param name="DefaultProtocol">The protocol used when none is given (which protocols apply is each protocol's:
/// <see cref="Protocols"/>).</param>
/// <param name="Bundled">True when the files ship in <c>data/</c>; false for UTKFace (read from a path).</param>
public sealed record DatasetInfo(
    string Name,
    string Title,
    string Target,
    IReadOnlyList<SensitiveAttribute> Sensitive,
    int RawRows,
    int ProtocolRows,
    string Licence,
    string DefaultProtocol,
    bool Bundled)
{
    /// <summary>The protocols that apply (<see cref="Protocols.DataProtocol.Datasets"/>), <see cref="DefaultProtocol"/> first.</summary>
    public IReadOnlyList<string> Protocols =>
        [.. Data.Protocols.DataProtocols.All.Where(p => p.AppliesTo(Name)).Select(p => p.Name).OrderBy(p => p == DefaultProtocol ? 0 : 1)];

    /// <summary>The attribute of that name.</summary>
    /// <exception cref="InvalidInputException">The dataset has no such attribute.</exception>
    public SensitiveAttribute Attribute(string name) =>
        Sensitive.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.Ordinal))
        ?? throw new InvalidInputException(string.Format(DataErrors.UnknownAttribute, name, Name, string.Join(", ", Sensitive.Select(a => a.Name))));
}
