namespace AlloIndustrie.Grains.Webhooks;

[GenerateSerializer, Alias("AlloIndustrie.WebhookDirectoryState")]
public sealed class WebhookDirectoryState
{
    /// <summary>The territory's webhook ids, oldest first.</summary>
    [Id(0)] public List<string> Ids { get; set; } = [];
}
