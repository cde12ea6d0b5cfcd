namespace AlloIndustrie.Grains.Voice;

[GenerateSerializer, Alias("AlloIndustrie.PhoneLineStatsState")]
public sealed class PhoneLineStatsState
{
    [Id(0)]
    public long Calls { get; set; }

    [Id(1)]
    public long EndedCalls { get; set; }

    [Id(2)]
    public long TotalSeconds { get; set; }
}
