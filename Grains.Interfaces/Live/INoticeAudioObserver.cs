namespace AlloIndustrie.Grains.Interfaces.Live;

/// <summary>
/// A web node that is also told when a notice's audio is ready. A separate interface, so that during a rolling
/// upgrade a web node of a release without it (its reference is a plain <see cref="INoticeObserver"/>) is
/// simply not told, instead of failing the call and being dropped from the territory's observers.
/// </summary>
[Alias("AlloIndustrie.INoticeAudioObserver")]
public interface INoticeAudioObserver : INoticeObserver
{
    /// <summary>The audio of a notice's current version is ready (the notice itself did not change).</summary>
    [Alias("AudioReady")]
    Task AudioReady(NoticeAudioReady ready);
}
