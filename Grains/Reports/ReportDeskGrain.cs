using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using AlloIndustrie.Grains.Interfaces;
using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.Grains.Interfaces.Reports;
using AlloIndustrie.Grains.Interfaces.Territories;
using AlloIndustrie.Grains.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AlloIndustrie.Grains.Reports;

/// <summary>
/// Challenges, the salt of source tokens and the per-commune counters live only in memory: losing them with
/// the activation costs a resident one more challenge and lets a source count once more, and keeps nothing
/// that could identify anybody in storage. Only anonymous tallies are persisted, for the heat map.
/// </summary>
public sealed class ReportDeskGrain(
    [PersistentState("reportDesk", StorageNames.Grains)] IPersistentState<ReportDeskState> state,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock,
    IOptions<ReportOptions> options,
    GrainMetrics metrics) : Grain, IReportDeskGrain
{
    private static readonly TimeSpan HeatMapSpan = PersonalDataRetention.ReportCounts;
    private static readonly TimeSpan SaltLifetime = PersonalDataRetention.SourceSalt;
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(2);
    private const int MaxOpenChallenges = 10_000;
    private const string ProofField = "proof";

    private readonly Dictionary<string, ReportChallenge> challenges = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<DateTimeOffset>> perCommune = new(StringComparer.Ordinal);
    private byte[] salt = RandomNumberGenerator.GetBytes(32);
    private DateTimeOffset saltSince;

    private ReportOptions Options => options.Value;

    private string Territory => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        saltSince = clock.GetUtcNow();
        return Task.CompletedTask;
    }

    public Task<ReportChallenge> IssueChallenge(bool delayed)
    {
        var now = clock.GetUtcNow();
        foreach (var expired in challenges.Values.Where(c => c.ExpiresAt <= now).Select(c => c.Token).ToList())
        {
            challenges.Remove(expired);
        }

        if (challenges.Count >= MaxOpenChallenges)
        {
            challenges.Remove(challenges.Values.MinBy(c => c.ExpiresAt)!.Token);
        }

        var challenge = new ReportChallenge(
            Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', '-').Replace('/', '_'),
            delayed ? 0 : Options.ProofBits,
            delayed ? now + Options.FormDelay : now,
            now + Options.ChallengeLifetime);
        challenges[challenge.Token] = challenge;
        return Task.FromResult(challenge);
    }

    public Task<TimeSpan> RemainingWait(string challenge)
    {
        var now = clock.GetUtcNow();
        return Task.FromResult(challenges.TryGetValue(challenge, out var held) && held.ExpiresAt > now && held.NotBefore > now
            ? held.NotBefore - now
            : TimeSpan.Zero);
    }

    public async Task<LocatedCommune> Locate(ReportPosition position)
    {
        var found = await FindCommune(position);
        return found.Value is { } commune ? LocatedCommune.Found(commune) : LocatedCommune.Refused(PreviousWords(found.Error!));
    }

    public async Task<CommandResult<string>> FindCommune(ReportPosition position)
    {
        var territory = GrainFactory.GetGrain<ITerritoryGrain>(Territory);
        return await territory.GetProfile() is { } profile
            ? ReportLocation.Locate(position, profile.CommuneCentres, Communes(await territory.GetSites()))
            : CommandResult<string>.Failed(CommandError.NoTerritory);
    }

    public Task<ImmutableArray<CommuneReportCount>> GetRecentCounts()
    {
        var since = clock.GetUtcNow() - HeatMapSpan;
        return Task.FromResult<ImmutableArray<CommuneReportCount>>(
        [
            .. state.State.Tallies
                .Where(t => t.At > since)
                .GroupBy(t => (t.Commune, t.Kind))
                .Select(g => new CommuneReportCount(g.Key.Commune, g.Key.Kind, g.Count()))
                .OrderBy(c => c.Commune ?? "\uffff", StringComparer.CurrentCulture)
                .ThenBy(c => ReportVocabulary.Kinds.IndexOf(c.Kind)),
        ]);
    }

    public async Task<ReportOutcome> Submit(ReportDraft draft, ReportProof? proof)
    {
        var result = await SubmitReport(draft, proof);
        if (result.Value is { } receipt)
        {
            return ReportOutcome.Explained(receipt.Commune, receipt.Explanations);
        }

        // Every field the desk refuses is the only one of its refusal, and its message the refusal's title.
        var error = result.Error!;
        var field = error.Errors.Keys.SingleOrDefault();
        return error.Kind switch
        {
            NoticeErrorKind.TooMany => ReportOutcome.Refused(ReportErrorKind.RateLimited, error.Title),
            NoticeErrorKind.NotFound => ReportOutcome.Refused(ReportErrorKind.UnknownTerritory, PreviousWords(error)),
            _ => ReportOutcome.Refused(field == ProofField ? ReportErrorKind.Proof : ReportErrorKind.Invalid, error.Title, field),
        };
    }

    public async Task<CommandResult<ReportReceipt>> SubmitReport(ReportDraft draft, ReportProof? proof)
    {
        var now = clock.GetUtcNow();
        if (draft.Channel == ReportChannel.Web && ProofError(proof, now) is { } proofError)
        {
            return Refused(CommandError.Invalid(ProofField, proofError));
        }

        var territory = GrainFactory.GetGrain<ITerritoryGrain>(Territory);
        if (await territory.GetProfile() is not { } profile)
        {
            return Refused(CommandError.NoTerritory);
        }

        var sites = await territory.GetSites();
        var communes = Communes(sites);
        if (draft.Position is { } position)
        {
            if (!string.IsNullOrEmpty(draft.Commune))
            {
                return Refused(CommandError.Invalid("position", "Indiquez votre commune ou votre position, pas les deux."));
            }

            // From here on the report knows its commune only: the position goes no further than this grain call.
            var located = ReportLocation.Locate(position, profile.CommuneCentres, communes);
            if (located.Value is not { } nearest)
            {
                return Refused(located.Error!);
            }

            draft = draft with { Commune = nearest, Position = null };
        }

        var occurredAt = draft.OccurredAt ?? now;
        var text = string.IsNullOrWhiteSpace(draft.Text) ? null : draft.Text.Trim();
        if (Invalid(draft, communes, occurredAt, text, now) is { } invalid)
        {
            return Refused(invalid);
        }

        var commune = draft.Commune ?? "";
        var recent = perCommune.TryGetValue(commune, out var queue) ? queue : perCommune[commune] = new Queue<DateTimeOffset>();
        while (recent.TryPeek(out var oldest) && oldest <= now - TimeSpan.FromHours(1))
        {
            recent.Dequeue();
        }

        if (recent.Count >= Options.PerCommunePerHour)
        {
            return Refused(CommandError.TooMany(
                "Beaucoup de signalements arrivent de cette commune : merci, ils ont été pris en compte. Réessayez plus tard.", ReportVocabulary.RetryAfter));
        }

        if (proof is not null)
        {
            challenges.Remove(proof.Challenge);
        }

        recent.Enqueue(now);
        var notices = await territory.GetPublicNotices();
        var perceiving = sites.Where(s => draft.Commune is null || s.Communes.Contains(draft.Commune)).Select(s => s.Slug).ToHashSet(StringComparer.Ordinal);
        ImmutableArray<ReportExplanation> explanations =
        [
            .. notices
                .Where(n => perceiving.Contains(n.Site) && ReportVocabulary.Explains(n, draft.Kind) && ReportVocabulary.CoversTime(n, occurredAt, now))
                .Select(n => new ReportExplanation(n.Id, n.Title, n.SiteName, n.Company)),
        ];

        state.State.Tallies.RemoveAll(t => t.At <= now - HeatMapSpan);
        state.State.Tallies.Add(new ReportTally(new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerMinute, TimeSpan.Zero), draft.Commune, draft.Kind));
        await state.WriteStateAsync();

        await GrainFactory.GetGrain<IReportClusterGrain>(IReportClusterGrain.Key(Territory, draft.Kind)).Add(
            new ClusterReport(Guid.NewGuid().ToString("N"), draft.Commune, occurredAt, SourceToken(draft.Source, now), text));
        metrics.ReportAccepted(Territory, draft.Kind, draft.Channel.ToString().ToLowerInvariant());
        return CommandResult<ReportReceipt>.Ok(new ReportReceipt(draft.Commune, explanations));
    }

    private static CommandResult<ReportReceipt> Refused(CommandError error) => CommandResult<ReportReceipt>.Failed(error);

    /// <summary>
    /// The desk's refusal in the previous release's words, which its web fronts show as they are: an unknown
    /// territory was "Ce territoire n’existe pas.".
    /// </summary>
    private static string PreviousWords(CommandError error) =>
        error.Kind == NoticeErrorKind.NotFound ? "Ce territoire n’existe pas." : error.Title;

    private CommandError? Invalid(ReportDraft draft, ImmutableArray<string> communes, DateTimeOffset occurredAt, string? text, DateTimeOffset now)
    {
        if (!ReportVocabulary.IsKind(draft.Kind))
        {
            return CommandError.Invalid("kind", "Choisissez ce que vous percevez dans la liste.");
        }

        if (draft.Commune is null ? draft.Channel != ReportChannel.Phone : !communes.Contains(draft.Commune))
        {
            return CommandError.Invalid("commune", "Choisissez votre commune dans la liste du territoire.");
        }

        if (occurredAt > now + ClockSkew)
        {
            return CommandError.Invalid("occurredAt", "Le moment indiqué est dans le futur.");
        }

        if (occurredAt < now - Options.Window)
        {
            return CommandError.Invalid("occurredAt", $"Signalez ce que vous percevez depuis moins de {(int)Options.Window.TotalMinutes} minutes.");
        }

        if (text is not null && text.Length > ReportVocabulary.TextMaxLength)
        {
            return CommandError.Invalid("text", $"Le texte ne doit pas dépasser {ReportVocabulary.TextMaxLength} caractères.");
        }

        if (!string.IsNullOrWhiteSpace(text) && TextRules.Problem(text, "Le texte", multiline: true) is { } problem)
        {
            return CommandError.Invalid("text", problem);
        }

        return null;
    }

    public Task<string?> Redeem(ReportProof proof)
    {
        var error = ProofError(proof, clock.GetUtcNow(), "votre demande");
        if (error is null)
        {
            challenges.Remove(proof.Challenge);
        }

        return Task.FromResult(error);
    }

    private string? ProofError(ReportProof? proof, DateTimeOffset now, string what = "votre signalement")
    {
        if (proof is null || !challenges.TryGetValue(proof.Challenge, out var challenge) || challenge.ExpiresAt <= now)
        {
            return $"Le délai de sécurité a expiré : renvoyez {what}.";
        }

        if (now < challenge.NotBefore)
        {
            return $"Envoi trop rapide : patientez quelques secondes, puis renvoyez {what}.";
        }

        return proof.Nonce.Length is > 0 and <= 64 && ProofOfWork.LeadingZeroBits(proof.Challenge, proof.Nonce) >= challenge.Bits
            ? null
            : $"Le calcul de sécurité de votre navigateur est incorrect : renvoyez {what}.";
    }

    private string SourceToken(string source, DateTimeOffset now)
    {
        // Rotating the salt makes yesterday's tokens unrelated to today's, even for whoever reads the storage.
        if (now - saltSince > SaltLifetime)
        {
            salt = RandomNumberGenerator.GetBytes(32);
            saltSince = now;
        }

        return Convert.ToBase64String(HMACSHA256.HashData(salt, Encoding.UTF8.GetBytes(source)).AsSpan(0, 12));
    }

    private static ImmutableArray<string> Communes(ImmutableArray<Interfaces.Sites.SiteProfile> sites) =>
        [.. sites.SelectMany(s => s.Communes.IsDefault ? [] : s.Communes).Distinct(StringComparer.Ordinal).Order(StringComparer.CurrentCulture)];
}
