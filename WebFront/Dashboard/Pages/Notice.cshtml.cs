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

    /// <summary>
    /// The all-clear or withdrawal waiting for its confirmation: both reach every resident at once, so the first
    /// press only shows what will be sent.
    /// </summary>
    public PendingChange? Pending { get; private set; }

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

    public Task<IActionResult> OnPostEndAsync(string? message, [FromForm(Name = "confirme")] bool confirmed) =>
        Change("notice.fin", grain => grain.End(message), confirmed ? null : new PendingChange("End", message));

    public Task<IActionResult> OnPostWithdrawAsync(string? reason, [FromForm(Name = "confirme")] bool confirmed) =>
        Change("notice.retrait", grain => grain.Withdraw(reason ?? ""),
            // A reason the notice would refuse is refused at once, rather than after a confirmation.
            confirmed || !NoticeRules.ValidateText("reason", reason, NoticeRules.ReasonMaxLength, "Le motif du retrait").IsEmpty
                ? null
                : new PendingChange("Withdraw", reason));

    private async Task<IActionResult> Change(string action, Func<INoticeGrain, Task<NoticeResult>> change, PendingChange? unconfirmed = null)
    {
        if (await Grain.Get() is not { } before)
        {
            return NotFound();
        }

        if (!await gate.Check(HttpContext, PerimeterAction.OperateSite, action, before.Territory, before.Site, before.Id))
        {
            return Forbid();
        }

        if (unconfirmed is not null)
        {
            Pending = unconfirmed;
            return await Show(before);
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

    /// <param name="Handler">The form handler that carries the change out once confirmed.</param>
    /// <param name="Text">The end message or the withdrawal's reason, as typed.</param>
    public sealed record PendingChange(string Handler, string? Text);
}
