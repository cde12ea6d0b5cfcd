namespace AlloIndustrie.Grains.Voice;

[GenerateSerializer, Alias("AlloIndustrie.PhoneSettingsState")]
public sealed class PhoneSettingsState
{
    [Id(0)]
    public string? AuthToken { get; set; }
}
