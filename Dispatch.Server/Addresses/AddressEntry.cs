namespace Dispatch.Server.Addresses;

/// <summary>
/// One address of the register: its parts as the grid system names them, a WGS-84 point and the grid holding it.
/// An entry is a house number on a road (road + number), a compound (its gate number, if any), a building of a
/// compound or a unit of a building: the levels present say which.
/// </summary>
public sealed record AddressEntry(
    string Id,
    string? District,
    string? Street,
    string? Community,
    string? Road,
    string? Number,
    string? Compound,
    string? Building,
    string? Unit,
    double Lon,
    double Lat,
    string GridCode)
{
    /// <summary>The normalised full text: what the register shows and what a search finds.</summary>
    public string Normalised { get; } = Compose(District, Street, Community, Road, Number, Compound, Building, Unit);

    public static string Compose(
        string? district, string? street, string? community, string? road, string? number, string? compound, string? building, string? unit) =>
        string.Concat(
            AddressText.Normalise(district), AddressText.Normalise(street), AddressText.Normalise(community), AddressText.Normalise(road),
            Level(number, "号"), AddressText.Normalise(compound), Level(building, "幢"), Level(unit, "单元"));

    /// <summary>A level's value in normal form (十二 → 12, Ａ → A) with its word, e.g. 12幢; empty when absent.</summary>
    public static string Level(string? value, string word) => LevelValue(value, word) is { } v ? v + word : "";

    /// <summary>A level's bare value in normal form: 十二幢 → 12; null when absent.</summary>
    public static string? LevelValue(string? value, string word)
    {
        var text = AddressText.Normalise(value);
        if (text.EndsWith(word, StringComparison.Ordinal))
        {
            text = text[..^word.Length];
        }

        return text.Length == 0 ? null : text;
    }
}
