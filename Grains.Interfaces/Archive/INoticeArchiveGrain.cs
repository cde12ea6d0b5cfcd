using System.Collections.Immutable;
using AlloIndustrie.Grains.Interfaces.Notices;

namespace AlloIndustrie.Grains.Interfaces.Archive;

/// <summary>
/// Every notice a territory ever had, in its latest version, keyed by the territory's slug. The territory
/// grain forgets notices a day after expiry; the archive keeps them for administrators and authorities.
/// </summary>
[Alias("AlloIndustrie.INoticeArchiveGrain")]
public interface INoticeArchiveGrain : IGrainWithStringKey
{
    /// <summary>Keeps the notice's newest version; older or repeated versions are ignored.</summary>
    [Alias("Record")]
    Task Record(NoticeSnapshot notice);

    /// <summary>Every archived notice, newest publication first.</summary>
    [Alias("List")]
    Task<ImmutableArray<NoticeSnapshot>> List();
}
