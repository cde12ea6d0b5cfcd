using AlloIndustrie.Grains.Interfaces.Sites;

namespace AlloIndustrie.Grains.Sites;

/// <summary>A site's durable state.</summary>
public sealed class SiteState
{
    public SiteProfile? Profile { get; set; }

    /// <summary>Newest first.</summary>
    public List<string> NoticeIds { get; set; } = [];

    public List<string> ApiKeyIds { get; set; } = [];
}
