using System.Collections.Immutable;
using AlloIndustrie.Grains.Interfaces;
using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.WebFront.Dashboard.Reports;

namespace AlloIndustrie.WebFront.Dashboard.Publishing;

/// <summary>The publish form as posted: local (Paris) times, the retention in days.</summary>
public sealed class NoticeForm
{
    private List<string> nuisances = [];

    public string EventType { get; set; } = "";
    // Form binding sets no list at all when no box is ticked.
    public List<string> Nuisances { get => nuisances; set => nuisances = value ?? []; }
    public string Title { get; set; } = "";
    public string Message { get; set; } = "";
    public string? Instructions { get; set; }
    public bool Exercise { get; set; }

    /// <summary><c>now</c> or <c>later</c>.</summary>
    public string Start { get; set; } = "now";

    public DateTime? StartsAt { get; set; }
    public DateTime? ExpectedEndAt { get; set; }

    /// <summary>Null for the territory's default.</summary>
    public int? RetentionDays { get; set; }

    /// <summary>The draft the grains receive, or the form's own errors (dates) by field.</summary>
    public (NoticeDraft Draft, ImmutableDictionary<string, string> Errors) ToDraft()
    {
        var errors = ImmutableDictionary.CreateBuilder<string, string>();
        DateTimeOffset? startsAt = null;
        if (Start == "later")
        {
            if (StartsAt is { } later)
            {
                startsAt = ParisTime.FromLocal(later);
            }
            else
            {
                errors["startsAt"] = "Indiquez la date et l’heure de début, ou choisissez « maintenant ».";
            }
        }

        // Model binding turns an empty field into null; the rules then name what is missing.
        var draft = new NoticeDraft(
            EventType ?? "",
            [.. Nuisances.Distinct()],
            Title ?? "",
            Message ?? "",
            string.IsNullOrWhiteSpace(Instructions) ? null : Instructions,
            Exercise,
            startsAt,
            ExpectedEndAt is { } end ? ParisTime.FromLocal(end) : null,
            RetentionDays is { } days ? TimeSpan.FromDays(days) : null);
        return (draft, errors.ToImmutable());
    }
}
