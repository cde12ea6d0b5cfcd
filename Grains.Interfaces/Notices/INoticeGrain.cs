namespace AlloIndustrie.Grains.Interfaces.Notices;

/// <summary>
/// One notice, keyed by its opaque id. It owns the notice's lifecycle: a reminder activates it at its start
/// and expires it at <c>expiresAt</c>; every change bumps the version and is pushed to the territory.
/// </summary>
[Alias("AlloIndustrie.INoticeGrain")]
public interface INoticeGrain : IGrainWithStringKey
{
    /// <summary>Creates the notice; only a site calls this, once.</summary>
    [Alias("Create")]
    Task<NoticeResult> Create(NoticeCreation creation);

    /// <summary>The notice as it stands now, or null if no notice has this id.</summary>
    [Alias("Get")]
    Task<NoticeSnapshot?> Get();

    /// <summary>Appends an update to the timeline; <paramref name="notify"/> sends it to the notice's subscribers.</summary>
    [Alias("AddUpdate")]
    Task<NoticeResult> AddUpdate(string message, bool notify = true);

    /// <summary>The operator's all-clear, with an optional last word.</summary>
    [Alias("End")]
    Task<NoticeResult> End(string? message);

    /// <summary>Takes an erroneous notice down from every public channel; it stays in the archive.</summary>
    [Alias("Withdraw")]
    Task<NoticeResult> Withdraw(string reason);

    /// <summary>Records the URL of the synthesised audio of a given version, if that version is still current.</summary>
    [Alias("SetAudio")]
    Task SetAudio(int version, string audioUrl);
}
