namespace AlloIndustrie.Grains.Interfaces;

/// <summary>
/// How long what residents give is kept: the grains that keep it and the public privacy page both read these, so
/// that the page never promises what the code does not do.
/// </summary>
public static class PersonalDataRetention
{
    /// <summary>A report itself (kind, commune, time, text, salted source token): the clusters' sliding window, by default.</summary>
    public static readonly TimeSpan ReportWindow = TimeSpan.FromMinutes(30);

    /// <summary>The public counts of reports (minute, commune and kind only), for the heat map and the table.</summary>
    public static readonly TimeSpan ReportCounts = TimeSpan.FromHours(24);

    /// <summary>The key that salts a reporter's address hash lives in memory only and is replaced after this.</summary>
    public static readonly TimeSpan SourceSalt = TimeSpan.FromHours(24);

    /// <summary>A cluster alert, with the reports' optional texts that operators read, after its last report.</summary>
    public static readonly TimeSpan ReportAlerts = TimeSpan.FromDays(30);

    /// <summary>A subscription never confirmed, with its contact, by default.</summary>
    public static readonly TimeSpan PendingSubscription = TimeSpan.FromHours(24);
}
