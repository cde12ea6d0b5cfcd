namespace AlloIndustrie.Grains.Interfaces.Live;

/// <summary>
/// The audio of one version of a notice now exists. Its own small message: the notice itself has not
/// changed, so nobody re-reads or re-announces it, and pages only add the player.
/// </summary>
[GenerateSerializer, Immutable, Alias("AlloIndustrie.NoticeAudioReady")]
public sealed record NoticeAudioReady(
    [property: Id(0)] string Territory,
    [property: Id(1)] string Site,
    [property: Id(2)] string NoticeId,
    [property: Id(3)] int Version,
    [property: Id(4)] string AudioUrl);
