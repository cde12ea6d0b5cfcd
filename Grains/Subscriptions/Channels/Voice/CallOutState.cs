namespace AlloIndustrie.Grains.Subscriptions.Channels.Voice;

public sealed class CallOutState
{
    public CallOutOrder? Order { get; set; }

    /// <summary>Calls placed so far for this version.</summary>
    public int Attempts { get; set; }

    /// <summary>The last call placed: only its status callback counts.</summary>
    public string CallSid { get; set; } = "";

    /// <summary>When to call again, after nobody answered or the line was busy.</summary>
    public DateTimeOffset? NextAttemptAt { get; set; }

    /// <summary>Once answered, or given up: the number is deleted, the row kept a day to refuse a second call.</summary>
    public DateTimeOffset? DoneAt { get; set; }
}
