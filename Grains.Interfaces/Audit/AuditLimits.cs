namespace AlloIndustrie.Grains.Interfaces.Audit;

/// <summary>
/// What one audit entry may weigh. Anyone can cause an entry (a refused sign-in with a 512 KB e-mail), so each
/// field keeps enough to read and no more, and repeated refusals collapse into one counted line.
/// </summary>
public static class AuditLimits
{
    public const int ActorLength = 200;
    public const int IpLength = 64;
    public const int ActionLength = 100;
    public const int TargetLength = 300;
    public const int ChangeLength = 4000;

    /// <summary>A page is rewritten at each entry: its size bounds what one append costs.</summary>
    public const int EntriesPerPage = 100;

    /// <summary>How far back (in entries of the current page, and in time) a refusal is looked for to be counted on.</summary>
    public const int RepeatLookBack = 20;

    public static readonly TimeSpan RepeatWindow = TimeSpan.FromHours(1);

    public static AuditEntry Clip(AuditEntry entry) => entry with
    {
        Actor = Clip(entry.Actor, ActorLength)!,
        Ip = Clip(entry.Ip, IpLength),
        Action = Clip(entry.Action, ActionLength)!,
        Target = Clip(entry.Target, TargetLength)!,
        Before = Clip(entry.Before, ChangeLength),
        After = Clip(entry.After, ChangeLength),
    };

    private static string? Clip(string? text, int length)
    {
        if (text is null || text.Length <= length)
        {
            return text;
        }

        // Never keep half of a surrogate pair: the journal would show a broken character.
        var end = char.IsHighSurrogate(text[length - 1]) ? length - 1 : length;
        return text[..end] + "…";
    }
}
