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
        string? territoire, string? site, string? type, DateOnly? du, DateOnly? au, string? separateur)
    {
        if (NoticeExport.For(separateur) is not { } export)
        {
            return Results.Text(
                $"Séparateur inconnu : « {separateur} ». Valeurs possibles : {string.Join(", ", NoticeExport.Separators.Select(s => s.Value))}.",
                "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
        }

        if (await history.Load(context, new HistoryQuery(territoire, site, type, du, au)) is not { } view)
        {
            return Results.Forbid();
        }

        var name = $"notices-{territoire ?? "territoires"}-{ParisTime.Of(clock.GetUtcNow()):yyyyMMdd}.csv";
        return Results.File(export.Write(view.Notices, view.Listens), "text/csv; charset=utf-8", name);
    }
}
