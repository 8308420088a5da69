using FairSharp.Data.Csv;
using FairSharp.Data.Protocols;
using FairSharp.Data.Sources;
using FairSharp.Data.Tabular;

namespace FairSharp.Data;

/// <summary>Loads a catalogue dataset and applies a protocol preset (<see cref="DataProtocols"/>), or reads a user's CSV:
/// the one entry point of FairSharp.Data.</summary>
public static class DatasetLoader
{
    /// <summary>Validates <paramref name="request"/>, reads and verifies the files, and returns the prepared splits.</summary>
    /// <exception cref="InvalidInputException">A bad request, a missing, changed or malformed file, or a split that
    /// leaves a group with no rows. Nothing is written anywhere.</exception>
    public static PreparedDataset Prepare(DataRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        if (request.Csv is not null)
        {
            return TabularSource.FromCsv(request.Csv with { Sensitive = request.Sensitive, Seed = request.Seed });
        }

        return DataProtocols.Get(request.Protocol).Prepare(request);
    }

    internal static TabularData LoadTabular(string dataset, string dataDirectory, bool verify) => dataset switch
    {
        "adult" => AdultSource.ForFfb(dataDirectory, verify),
        "compas" => CompasSource.Read(dataDirectory, verify),
        "german" => GermanSource.Read(dataDirectory, verify),
        "bank" => BankSource.Read(dataDirectory, verify),
        "credit" => CreditSource.Read(dataDirectory, verify),
        "acs-income-ct" => AcsIncomeSource.Read(dataDirectory, verify),
        _ => throw new InvalidInputException(string.Format(DataErrors.UnknownDataset, dataset, string.Join(", ", Catalogue.DatasetCatalogue.Names))),
    };
}
