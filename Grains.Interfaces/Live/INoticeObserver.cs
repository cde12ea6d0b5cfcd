using AlloIndustrie.Grains.Interfaces.Notices;

namespace AlloIndustrie.Grains.Interfaces.Live;

/// <summary>A web node listening to a territory's notice changes, to push them to its browsers.</summary>
[Alias("AlloIndustrie.INoticeObserver")]
public interface INoticeObserver : IGrainObserver
{
    /// <summary>A notice of an observed territory was published, updated, ended, withdrawn or expired.</summary>
    [Alias("NoticeChanged")]
    Task NoticeChanged(NoticeSnapshot notice);

    /// <summary>The audio of a notice's current version is ready (the notice itself did not change).</summary>
    [Alias("AudioReady")]
    Task AudioReady(NoticeAudioReady ready);
}
