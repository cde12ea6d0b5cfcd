namespace AlloIndustrie.WebFront.Live;

/// <summary>One timeline entry in a notice's JSON.</summary>
public sealed record NoticeUpdateJson(DateTimeOffset At, string Message);
