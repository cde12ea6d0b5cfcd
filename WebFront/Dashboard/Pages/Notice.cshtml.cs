using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.Grains.Interfaces.Voice;
using AlloIndustrie.WebFront.Audit;
using AlloIndustrie.WebFront.Dashboard.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AlloIndustrie.WebFront.Dashboard.Pages;

/// <summary>
/// One notice: its operators update, end or withdraw it; its territory's administrators moderate it;
/// authorities read it.
/// </summary>
public sealed class NoticeModel(IGrainFactory grains, DashboardGate gate, AuditTrail audit) : PageModel
{
    [FromRoute]
    public string Id { get; set; } = "";

    [FromQuery(Name = "publiee")]
    public bool JustPublished { get; set; }

    public NoticeSnapshot Notice { get; private set; } = null!;

    public bool CanOperate { get; private set; }

    public long Listens { get; private set; }

    public string? Error { get; private set; }

    private INoticeGrain Grain => grains.GetGrain<INoticeGrain>(Id);

    public async Task<IActionResult> OnGetAsync()
    {
        if (await Grain.Get() is not { } notice)
        {
            return NotFound();
        }

        if (!await gate.Allows(HttpContext, PerimeterAction.ReadTerritory, notice.Territory)
            && !await gate.Check(HttpContext, PerimeterAction.OperateSite, "notice.consulter", notice.Territory, notice.Site, notice.Id))
        {
            return Forbid();
        }

        return await Show(notice);
    }

    public Task<IActionResult> OnPostUpdateAsync(string? message) =>
        Change("notice.point", grain => grain.AddUpdate(message ?? ""));

    public Task<IActionResult> OnPostEndAsync(string? message) =>
        Change("notice.fin", grain => grain.End(message));

    public Task<IActionResult> OnPostWithdrawAsync(string? reason) =>
        Change("notice.retrait", grain => grain.Withdraw(reason ?? ""));

    private async Task<IActionResult> Change(string action, Func<INoticeGrain, Task<NoticeResult>> change)
    {
        if (await Grain.Get() is not { } before)
        {
            return NotFound();
        }

        if (!await gate.Check(HttpContext, PerimeterAction.OperateSite, action, before.Territory, before.Site, before.Id))
        {
            return Forbid();
        }

        var result = await change(Grain);
        if (result.Notice is not { } after)
        {
            Error = result.Error!.Errors.Count > 0 ? string.Join(" ", result.Error.Errors.Values) : result.Error.Title;
            Response.StatusCode = result.Error.Kind == NoticeErrorKind.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
            return await Show(before);
        }

        await audit.Changed(HttpContext, before.Territory, action, before.Id, AuditViews.Notice(before), AuditViews.Notice(after));
        return RedirectToPage(new { Id });
    }

    private async Task<IActionResult> Show(NoticeSnapshot notice)
    {
        Notice = notice;
        CanOperate = await gate.Allows(HttpContext, PerimeterAction.OperateSite, notice.Territory, notice.Site);
        Listens = await grains.GetGrain<INoticeListensGrain>(notice.Id).Get();
        return Page();
    }
}
