using System.Collections.Immutable;
using System.Globalization;
using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.Grains.Interfaces.Reports;
using AlloIndustrie.Grains.Interfaces.Territories;
using AlloIndustrie.Grains.Interfaces.Words;
using AlloIndustrie.WebFront.Api;
using AlloIndustrie.WebFront.Residents.Http;
using AlloIndustrie.WebFront.Residents.Localization;
using AlloIndustrie.WebFront.Residents.Pages;
using AlloIndustrie.WebFront.Residents.Reading;
using AlloIndustrie.WebFront.Residents.Reports.Pages;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AlloIndustrie.WebFront.Residents.Reports;

/// <summary>
/// "Je signale": a JSON API for the page's script (challenge, then report with its proof of work), the same
/// through a plain form for browsers without script (a confirmation page whose challenge asks for a wait
/// instead of work), and the public counts of the last 24 hours. A refusal answers the same in both, through
/// <see cref="Problems"/>.
/// </summary>
public static class ReportEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/territories/{territory}/reports").WithTags("Signalements")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapPost("/challenge", Challenge).WithSummary("Obtenir un défi de preuve de travail pour signaler");
        api.MapPost("", SubmitJson).WithSummary("Signaler une odeur, une fumée, un bruit, une lumière…");

        // POST, not GET: a position in a query string would end up in every proxy's and server's access log.
        api.MapPost("/locate", Locate).WithSummary("Trouver la commune du territoire la plus proche d’une position, arrondie à 500 m et jamais conservée");
        api.MapGet("/recent", Recent).WithSummary("Signalements des dernières 24 heures, comptés par commune et par nature");

        var site = app.MapGroup("").ExcludeFromDescription();
        site.MapGet("/{territory}/signalements", CountsPage);
        site.MapPost("/{territory}/signaler", SubmitForm);
    }

    private static async Task<Results<Ok<ReportChallenge>, ProblemHttpResult>> Challenge(string territory, HttpContext http, IGrainFactory grains, ClientLimits limits)
    {
        if (!await KnownTerritory.Exists(grains, territory))
        {
            return Problems.NoTerritory();
        }

        if (!limits.TryChallenge(ClientLimits.Source(http)))
        {
            return Problems.From(Texts(http).TooManyReports, http);
        }

        return TypedResults.Ok(await grains.GetGrain<IReportDeskGrain>(territory).IssueChallenge(delayed: false));
    }

    private static async Task<Results<Created<ReportResponse>, ProblemHttpResult>> SubmitJson(string territory, HttpContext http, IGrainFactory grains, ClientLimits limits)
    {
        if (!await KnownTerritory.Exists(grains, territory))
        {
            return Problems.NoTerritory();
        }

        var reading = await RequestReading.ReadJson<ReportRequest>(http);
        if (reading.Value is not { } body)
        {
            return Problems.From(reading.Error!);
        }

        var errors = new Dictionary<string, string>();
        var occurredAt = RequestReading.ParseInstant(body.OccurredAt, "occurredAt", errors);
        if (body.MinutesAgo is { } minutes)
        {
            occurredAt = minutes is >= 0 and <= 24 * 60
                ? http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().AddMinutes(-minutes)
                : DateTimeOffset.MinValue;
        }

        var position = Position(body.Latitude, body.Longitude, errors);
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors.ToImmutableDictionary());
        }

        var texts = Texts(http);
        var source = ClientLimits.Source(http);
        if (!limits.TryReport(source))
        {
            return Problems.From(texts.TooManyReports, http);
        }

        var proof = new ReportProof(body.Challenge ?? "", body.Nonce ?? "");
        var result = await grains.GetGrain<IReportDeskGrain>(territory).SubmitReport(
            new ReportDraft(body.Kind ?? "", body.Commune, occurredAt, body.Text, source, ReportChannel.Web, position), proof);
        if (result.Value is not { } receipt)
        {
            return Problems.From(texts.Refusal(result.Error!), http);
        }

        return TypedResults.Created((string?)null, new ReportResponse(
            receipt.Explanations.IsEmpty ? $"{texts.Thanks} {texts.Unexplained}" : $"{texts.Thanks} {texts.Explained}",
            receipt.Commune,
            [.. receipt.Explanations.Select(e => new ReportExplanationDto(e.NoticeId, e.Title, e.SiteName, e.Company, $"/{territory}/notices/{e.NoticeId}"))]));
    }

    private static async Task<Results<Ok<LocatedCommuneResponse>, ProblemHttpResult>> Locate(string territory, HttpContext http, IGrainFactory grains)
    {
        if (!await KnownTerritory.Exists(grains, territory))
        {
            return Problems.NoTerritory();
        }

        var reading = await RequestReading.ReadJson<ReportLocateRequest>(http);
        if (reading.Value is not { } body)
        {
            return Problems.From(reading.Error!);
        }

        var errors = new Dictionary<string, string>();
        var position = Position(body.Latitude, body.Longitude, errors);
        if (position is null)
        {
            return Problems.From(CommandError.Invalid("position", errors.GetValueOrDefault("position", "Indiquez la latitude et la longitude de votre position.")));
        }

        var located = await grains.GetGrain<IReportDeskGrain>(territory).FindCommune(position);
        return located.Value is { } commune
            ? TypedResults.Ok(new LocatedCommuneResponse(commune))
            : Problems.From(Texts(http).LocateRefusal(located.Error!));
    }

    /// <summary>
    /// The position of a request, if it gives one, rounded as soon as it arrives so that nothing finer than the
    /// 500 m grid reaches the silo, whatever the client did; the desk rounds again, as it trusts no caller either.
    /// </summary>
    private static ReportPosition? Position(double? latitude, double? longitude, Dictionary<string, string> errors)
    {
        if (latitude is null && longitude is null)
        {
            return null;
        }

        if (latitude is not { } lat || longitude is not { } lon || !Coordinates.IsPossible(lat, lon))
        {
            errors["position"] = ReportLocation.ImpossibleMessage;
            return null;
        }

        return ReportLocation.Round(lat, lon);
    }

    private static async Task<Results<Ok<ImmutableArray<CommuneReportCount>>, ProblemHttpResult>> Recent(string territory, IGrainFactory grains)
    {
        if (!await KnownTerritory.Exists(grains, territory))
        {
            return Problems.NoTerritory();
        }

        return TypedResults.Ok(await grains.GetGrain<IReportDeskGrain>(territory).GetRecentCounts());
    }

    private static async Task CountsPage(HttpContext http, string territory, PublicNoticeReader reader, PageRenderer pages, PublicSiteOptions options, IGrainFactory grains)
    {
        var ctx = PageContext.For(http, reader, options);
        if (await reader.Territory(territory) is not { } view)
        {
            await PublicResponse.WriteNotFound(http, pages, ctx, options);
            return;
        }

        var counts = await grains.GetGrain<IReportDeskGrain>(territory).GetRecentCounts();
        var html = await pages.Render<ReportCountsPage>(page => page.Set(p => p.Ctx, ctx).Set(p => p.View, view).Set(p => p.Counts, counts));
        await PublicResponse.WriteHtml(http, html, options);
    }

    private static async Task SubmitForm(HttpContext http, string territory, PublicNoticeReader reader, PageRenderer pages, PublicSiteOptions options, IGrainFactory grains, ClientLimits limits, TimeProvider clock)
    {
        var ctx = PageContext.For(http, reader, options);
        if (!http.Request.HasFormContentType || await reader.Territory(territory) is not { } view)
        {
            await PublicResponse.WriteNotFound(http, pages, ctx, options);
            return;
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var fields = new ReportFormFields(form["kind"], form["commune"], form["ago"], form["text"]);
        var desk = grains.GetGrain<IReportDeskGrain>(territory);
        var source = ClientLimits.Source(http);
        var token = form["challenge"].ToString();
        if (token.Length == 0)
        {
            if (!limits.TryChallenge(source))
            {
                await Result(http, ctx, view, pages, options, R(ctx).TooManyReports, [], fields);
                return;
            }

            var challenge = await desk.IssueChallenge(delayed: true);
            var confirm = await pages.Render<ReportConfirmPage>(page => page.Set(p => p.Ctx, ctx).Set(p => p.View, view).Set(p => p.Fields, fields).Set(p => p.Challenge, challenge));
            await PublicResponse.WriteHtml(http, confirm, options);
            return;
        }

        // The wait the challenge asks for is spent here rather than refused, so that a quick click still goes through.
        // The desk judges by its own clock and a timer may fire a little early: wait until the desk itself says so.
        for (var wait = await desk.RemainingWait(token); wait > TimeSpan.Zero; wait = await desk.RemainingWait(token))
        {
            await Task.Delay(wait, http.RequestAborted);
        }

        if (!limits.TryReport(source))
        {
            await Result(http, ctx, view, pages, options, R(ctx).TooManyReports, [], fields);
            return;
        }

        var minutes = int.TryParse(fields.Ago, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
        var result = await desk.SubmitReport(
            new ReportDraft(fields.Kind ?? "", string.IsNullOrEmpty(fields.Commune) ? "" : fields.Commune, clock.GetUtcNow().AddMinutes(-minutes), fields.Text, source, ReportChannel.Web),
            new ReportProof(token, "0"));
        await Result(http, ctx, view, pages, options, result.Error is { } error ? R(ctx).Refusal(error) : null, result.Value?.Explanations ?? [], fields);
    }

    /// <summary>The result page: the report recorded, or the refusal with the status and words the API gives it.</summary>
    private static async Task Result(HttpContext http, PageContext ctx, TerritoryView view, PageRenderer pages, PublicSiteOptions options, CommandError? refusal, ImmutableArray<ReportExplanation> explanations, ReportFormFields fields)
    {
        var status = refusal is null ? StatusCodes.Status200OK : Problems.PageStatus(http, refusal);
        var html = await pages.Render<ReportResultPage>(page => page.Set(p => p.Ctx, ctx).Set(p => p.View, view).Set(p => p.Error, refusal?.Title).Set(p => p.Explanations, explanations).Set(p => p.Fields, fields));
        await PublicResponse.WriteHtml(http, html, options, status);
    }

    /// <summary>The script of an English page asks with <c>?lang=en</c>, as the pages themselves are asked.</summary>
    private static ReportTexts Texts(HttpContext http) => ReportTexts.For(http.Request.Query["lang"] == "en" ? Language.English : Language.French);

    private static ReportTexts R(PageContext ctx) => ReportTexts.For(ctx.T.Language);

}
