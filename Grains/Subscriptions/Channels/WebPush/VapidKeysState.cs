namespace AlloIndustrie.Grains.Subscriptions.Channels.WebPush;

[GenerateSerializer, Alias("AlloIndustrie.VapidKeysState")]
public sealed class VapidKeysState
{
    [Id(0)]
    public string? PublicKey { get; set; }

    [Id(1)]
    public string? PrivateKey { get; set; }
}
