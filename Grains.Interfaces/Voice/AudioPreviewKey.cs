namespace AlloIndustrie.Grains.Interfaces.Voice;

/// <summary>
/// Keys of <see cref="IAudioPreviewGrain"/>: <c>{territory}/{site}/{id}</c>, the id 128 random bits
/// (<see cref="Identifiers.NewRandomId"/>), so that a preview's address cannot be guessed and says whose draft
/// it is, for the perimeter check.
/// </summary>
public static class AudioPreviewKey
{
    public static string Of(string territory, string site, string id) => $"{territory}/{site}/{id}";
}
