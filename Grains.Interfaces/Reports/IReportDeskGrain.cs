using System.Collections.Immutable;
using AlloIndustrie.Grains.Interfaces.Notices;

namespace AlloIndustrie.Grains.Interfaces.Reports;

/// <summary>
/// A territory's reports desk, keyed by the territory's slug: it issues the challenges that make submitting
/// cost something, checks and accepts reports, tells the resident which notices probably explain them,
/// passes them to the cluster of their kind, and keeps the per-commune counts of the last 24 hours.
/// </summary>
[Alias("AlloIndustrie.IReportDeskGrain")]
public interface IReportDeskGrain : IGrainWithStringKey
{
    /// <summary>
    /// A fresh single-use challenge: proof of work for a script, or, when <paramref name="delayed"/>, no work
    /// but a wait, for a form without script.
    /// </summary>
    [Alias("IssueChallenge")]
    Task<ReportChallenge> IssueChallenge(bool delayed);

    /// <summary>
    /// How long, by this desk's clock, a report must still wait before <paramref name="challenge"/> is
    /// accepted: zero once it may be sent, or for a challenge the desk does not hold. Taken from the stored
    /// challenge, never from what the client sends back, so it is at most the form's delay.
    /// </summary>
    [Alias("RemainingWait")]
    Task<TimeSpan> RemainingWait(string challenge);

    /// <summary>
    /// Checks and records a report, as <see cref="SubmitReport"/> does, its refusal as a <see cref="ReportOutcome"/>.
    /// The previous release's call, and the phone line's of this release: a silo of this release may call a desk
    /// still on a silo of the previous release, which has no <see cref="SubmitReport"/>.
    /// </summary>
    [Alias("Submit")]
    Task<ReportOutcome> Submit(ReportDraft draft, ReportProof? proof);

    /// <summary>
    /// Checks and records a report. A web report needs a solved challenge; a phone report (whose call is its
    /// cost) comes without one. A refusal is a French <see cref="CommandError"/>: an invalid field (the challenge's
    /// is <c>proof</c>), too many reports from the commune just now, or an unknown territory. What web fronts call
    /// since this method exists.
    /// </summary>
    [Alias("SubmitReport")]
    Task<CommandResult<ReportReceipt>> SubmitReport(ReportDraft draft, ReportProof? proof);

    /// <summary>
    /// Spends a solved challenge for something other than a report (a subscription): null once accepted, which
    /// uses the challenge up, or the French reason it is refused, which leaves it as it was.
    /// </summary>
    [Alias("Redeem")]
    Task<string?> Redeem(ReportProof proof);

    /// <summary>
    /// The commune of <paramref name="position"/>, as <see cref="FindCommune"/> finds it, or why none was, in French.
    /// The previous release's call.
    /// </summary>
    [Alias("Locate")]
    Task<LocatedCommune> Locate(ReportPosition position);

    /// <summary>
    /// The commune of the territory whose centre is nearest to <paramref name="position"/> (rounded again to the
    /// 500 m grid), if one is within <see cref="ReportLocation.MaxDistanceKm"/>; otherwise a French
    /// <see cref="CommandError"/> for the field <c>position</c>, or an unknown territory. Nothing of the position
    /// is kept. What web fronts call since this method exists.
    /// </summary>
    [Alias("FindCommune")]
    Task<CommandResult<string>> FindCommune(ReportPosition position);

    /// <summary>Reports of the last 24 hours, counted per commune and kind; never one report on its own.</summary>
    [Alias("GetRecentCounts")]
    Task<ImmutableArray<CommuneReportCount>> GetRecentCounts();
}
