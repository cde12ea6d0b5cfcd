using AlloIndustrie.Grains.Interfaces.Notices;

namespace AlloIndustrie.Grains.Interfaces.Live;

/// <summary>A web node listening to a territory's notice changes, to push them to its browsers.</summary>
[Alias("AlloIndustrie.INoticeObserver")]
public interface INoticeObserver : IGrainObserver
{
    /// <summary>A notice of an observed territory was published, updated, ended, withdrawn or expired.</summary>
    [Alias("NoticeChanged")]
    Task NoticeChanged(NoticeSnapshot notice);
}
