using System.Collections.Immutable;
using AlloIndustrie.Grains.Interfaces;
using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.Grains.Interfaces.Sites;
using AlloIndustrie.Grains.Interfaces.Territories;
using AlloIndustrie.WebFront.Audit;
using AlloIndustrie.WebFront.Dashboard.Authorization;
using AlloIndustrie.WebFront.Dashboard.Publishing;
using AlloIndustrie.WebFront.Dashboard.Reports;
using AlloIndustrie.WebFront.Residents.Localization;
using PublicPageContext = AlloIndustrie.WebFront.Residents.Pages.PageContext;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AlloIndustrie.WebFront.Dashboard.Pages;

/// <summary>
/// The publish form: templates, a preview of the public rendering and of the phone line's reading, then the
/// same grain call as the API.
/// </summary>
public sealed class PublishModel(IGrainFactory grains, DashboardGate gate, AuditTrail audit, AudioPreviews audio, PublicSiteOptions publicSite, TimeProvider clock) : PageModel
{
    [FromRoute]
    public string Territory { get; set; } = "";

    [FromRoute]
    public string Site { get; set; } = "";

    [BindProperty]
    public NoticeForm Form { get; set; } = new();

    public SiteProfile Profile { get; private set; } = null!;

    public TimeSpan DefaultRetention { get; private set; } = NoticeRules.DefaultRetention;

    public ImmutableDictionary<string, string> Errors { get; private set; } = ImmutableDictionary<string, string>.Empty;

    public NoticeSnapshot? Preview { get; private set; }

    public string? AudioPreviewUrl { get; private set; }

    /// <summary>The public pages' context in French, for the preview: the card is the public component itself.</summary>
    public PublicPageContext PreviewContext { get; private set; } = null!;

    private ISiteGrain Grain => grains.GetGrain<ISiteGrain>(SiteKey.Of(Territory, Site));

    public async Task<IActionResult> OnGetAsync(string? modele)
    {
        if (!await gate.Check(HttpContext, PerimeterAction.OperateSite, "notice.formulaire", Territory, Site))
        {
            return Forbid();
        }

        if (NoticeTemplates.All.FirstOrDefault(t => t.Id == modele) is { Create: not null } template)
        {
            Form = template.Create(ParisTime.Of(clock.GetUtcNow()).DateTime);
        }

        return await Load() ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostPreviewAsync()
    {
        if (!await gate.Check(HttpContext, PerimeterAction.OperateSite, "notice.apercu", Territory, Site))
        {
            return Forbid();
        }

        if (!await Load())
        {
            return NotFound();
        }

        var now = clock.GetUtcNow();
        var (draft, formErrors) = Form.ToDraft();
        Errors = formErrors.SetItems(NoticeRules.Validate(draft, now, DefaultRetention, NoticeRules.DefaultMinimumRetention).Where(e => !formErrors.ContainsKey(e.Key)));
        var startsAt = draft.StartsAt ?? now;
        Preview = new NoticeSnapshot(
            "apercu", Territory, Site, Profile.Name, Profile.Company, draft.EventType, draft.Nuisances, draft.Title.Trim(), draft.Message.Trim(),
            draft.Instructions?.Trim(), draft.Exercise, startsAt > now ? NoticeStatus.Scheduled : NoticeStatus.Active, startsAt,
            draft.ExpectedEndAt, now, null, startsAt + (draft.Retention ?? DefaultRetention), [], 0, null, now, null);
        PreviewContext = new PublicPageContext(Texts.French, now, $"/{Territory}", publicSite);
        AudioPreviewUrl = Errors.Count == 0 ? await audio.Url(Preview, HttpContext.RequestAborted) : null;
        return Page();
    }

    public async Task<IActionResult> OnPostPublishAsync()
    {
        if (!await gate.Check(HttpContext, PerimeterAction.OperateSite, "notice.publier", Territory, Site))
        {
            return Forbid();
        }

        if (!await Load())
        {
            return NotFound();
        }

        var (draft, formErrors) = Form.ToDraft();
        if (formErrors.Count > 0)
        {
            Errors = formErrors;
            return Page();
        }

        var result = await Grain.Publish(draft);
        if (result.Notice is not { } notice)
        {
            Errors = result.Error!.Errors.Count > 0
                ? result.Error.Errors
                : ImmutableDictionary<string, string>.Empty.Add("eventType", result.Error.Title);
            Response.StatusCode = result.Error.Kind == NoticeErrorKind.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status400BadRequest;
            return Page();
        }

        await audit.Changed(HttpContext, Territory, "notice.publier", notice.Id, null, AuditViews.Notice(notice));
        return Redirect($"{DashboardExtensions.Root}/notices/{notice.Id}?publiee=true");
    }

    private async Task<bool> Load()
    {
        if (await Grain.GetProfile() is not { } profile)
        {
            return false;
        }

        Profile = profile;
        DefaultRetention = (await grains.GetGrain<ITerritoryGrain>(Territory).GetProfile())?.DefaultRetention ?? NoticeRules.DefaultRetention;
        return true;
    }
}
