using AlloIndustrie.Grains.Interfaces;
using AlloIndustrie.WebFront.Dashboard.Security;

namespace AlloIndustrie.WebFront.Dashboard.Reports;

/// <summary>The history's CSV export, at the history's own URL with <c>?handler=Csv</c> and the same filters.</summary>
public static class HistoryExport
{
    public const string Path = DashboardExtensions.Root + "/historique";

    public static void MapHistoryExport(this IEndpointRouteBuilder app) =>
        app.MapGet(Path, Export).RequireAuthorization().WithMetadata(new QueryHandlerMetadata("Csv")).ExcludeFromDescription();

    private static async Task<IResult> Export(
        HttpContext context, NoticeHistory history, TimeProvider clock,
        string? territoire, string? site, string? type, string? du, string? au, string? separateur)
    {
        if (NoticeExport.For(separateur) is not { } export)
        {
            return Refused($"Séparateur inconnu : « {separateur} ». Valeurs possibles : {string.Join(", ", NoticeExport.Separators.Select(s => s.Value))}.");
        }

        // The dates are read here rather than bound, so that the empty fields the history's own form sends are
        // no filter, and a script's mistyped date gets a French answer rather than an empty 400.
        if (!HistoryQuery.TryParseDay(du, out var from) || !HistoryQuery.TryParseDay(au, out var to))
        {
            return Refused("Date invalide : utilisez le format AAAA-MM-JJ, par exemple 2026-12-31.");
        }

        if (await history.Load(context, new HistoryQuery(territoire, site, type, from, to)) is not { } view)
        {
            return Results.Forbid();
        }

        var name = $"notices-{territoire ?? "territoires"}-{ParisTime.Of(clock.GetUtcNow()):yyyyMMdd}.csv";
        return Results.File(export.Write(view.Notices, view.Listens), "text/csv; charset=utf-8", name);
    }

    private static IResult Refused(string message) =>
        Results.Text(message, "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
}
