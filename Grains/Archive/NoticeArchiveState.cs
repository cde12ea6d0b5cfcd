using AlloIndustrie.Grains.Interfaces.Notices;

namespace AlloIndustrie.Grains.Archive;

/// <summary>A territory's archive: the latest version of each of its notices, by id.</summary>
public sealed class NoticeArchiveState
{
    public Dictionary<string, NoticeSnapshot> Notices { get; set; } = [];
}
