namespace AlloIndustrie.Grains.Voice;

/// <summary>The grain storage provider of the voice grains.</summary>
internal static class VoiceStorage
{
    // Until the storage branch brings AlloIndustrie.Grains.StorageNames, the provider is named here.
    public const string Name = "allo";
}
