namespace AlloIndustrie.WebFront.Residents.Localization;

/// <summary>
/// Pictograms beside the words of the closed lists: characters rather than images, so that they cost no
/// request on a slow phone connection; they are always shown with their word and hidden from screen readers.
/// </summary>
public static class Icons
{
    public static string ForEventType(string eventType) => eventType switch
    {
        "fire" => "🔥",
        "smoke" => "💨",
        "odour" => "👃",
        "siren" => "📢",
        "flare" => "🕯️",
        "valve-noise" or "noise" => "🔊",
        "steam" => "♨️",
        "light" => "💡",
        "dust" => "🌫️",
        _ => "ℹ️",
    };

    public static string ForNuisance(string nuisance) => nuisance switch
    {
        "noise" => "🔊",
        "smoke" => "💨",
        "odour" => "👃",
        "light" => "💡",
        "vibration" => "📳",
        "dust" => "🌫️",
        "traffic" => "🚚",
        _ => "•",
    };
}
