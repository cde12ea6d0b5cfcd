namespace AlloIndustrie.Grains.Interfaces.Notices;

/// <summary>The outcome of a notice command: the notice as it now stands, or why nothing changed.</summary>
[GenerateSerializer, Immutable, Alias("AlloIndustrie.NoticeResult")]
public sealed record NoticeResult(
    [property: Id(0)] NoticeSnapshot? Notice,
    [property: Id(1)] CommandError? Error)
{
    public static NoticeResult Ok(NoticeSnapshot notice) => new(notice, null);

    public static NoticeResult Failed(CommandError error) => new(null, error);
}
