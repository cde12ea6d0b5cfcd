namespace AlloIndustrie.Grains.Voice;

[GenerateSerializer, Alias("AlloIndustrie.NoticeListensState")]
public sealed class NoticeListensState
{
    [Id(0)]
    public long Count { get; set; }
}
