using System.Collections.Immutable;
using AlloIndustrie.Grains.Interfaces;
using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.Grains.Interfaces.Reports;
using AlloIndustrie.Grains.Interfaces.Subscriptions;
using AlloIndustrie.Grains.Interfaces.Subscriptions.Channels.WebPush;
using AlloIndustrie.Grains.Interfaces.Territories;
using AlloIndustrie.Grains.Interfaces.Words;
using AlloIndustrie.WebFront.Api;
using AlloIndustrie.WebFront.Hosting;
using AlloIndustrie.WebFront.Residents.Http;
using AlloIndustrie.WebFront.Residents.Pages;
using AlloIndustrie.WebFront.Residents.Reading;
using AlloIndustrie.WebFront.Residents.Reports;
using AlloIndustrie.WebFront.Residents.Subscriptions.Pages;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AlloIndustrie.WebFront.Residents.Subscriptions;

/// <summary>
/// "Me prévenir": the JSON API a script (or another system) signs up with, the page and its plain form for browsers
/// without script (the challenge then asks for a short wait instead of work), and the links of the messages:
/// confirm (a page with one button, since mail scanners follow links), manage, and RFC 8058's one-click unsubscribe.
/// A refusal answers the same in the API and on the page, through <see cref="Problems"/>.
/// </summary>
public static class SubscriptionEndpoints
{
    /// <summary>The largest form the subscription pages take; a larger one is answered 413.</summary>
    public const long MaxFormBytes = 16 * 1024;

    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireRateLimiting(ApiLimits.PublicPolicy).WithTags("Abonnements")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapPost("/territories/{territory}/subscriptions/challenge", Challenge).WithSummary("Obtenir un défi de preuve de travail pour s’abonner");
        api.MapPost("/territories/{territory}/subscriptions", SignUpJson).WithSummary("S’abonner aux avis d’un territoire (Web Push, e-mail, SMS)");
        api.MapPost("/subscriptions/{id}/confirm", ConfirmCodeJson)
            .WithSummary($"Confirmer un abonnement par SMS avec le code à {SubscriptionRules.CodeDigits} chiffres reçu (5 essais)");

        var site = app.MapGroup("").ExcludeFromDescription();
        site.MapGet("/{territory}/abonnement", Page);
        site.MapPost("/{territory}/abonnement", SignUpForm);
        site.MapGet("/abonnement/confirmer/{token}", ConfirmPage);
        site.MapPost("/abonnement/confirmer/{token}", Confirm);
        site.MapGet("/abonnement/code/{id}", CodePage);
        site.MapPost("/abonnement/code/{id}", ConfirmCodeForm);
        site.MapGet("/abonnement/gerer/{token}", ManagePage);
        site.MapPost("/abonnement/gerer/{token}", Change);
        site.MapPost("/abonnement/desabonner/{token}", Unsubscribe);
    }

    private static async Task<Results<Ok<ReportChallenge>, ProblemHttpResult>> Challenge(string territory, HttpContext http, IGrainFactory grains, SubscriptionLimits limits)
    {
        if (!await KnownTerritory.Exists(grains, territory))
        {
            return Problems.NoTerritory();
        }

        if (!limits.TryChallenge(ClientLimits.Source(http)))
        {
            return Problems.From(TooMany(SubscriptionTexts.French, bySms: false), http);
        }

        return TypedResults.Ok(await grains.GetGrain<IReportDeskGrain>(territory).IssueChallenge(delayed: false));
    }

    private static async Task<Results<Created<SubscriptionAnswer>, Accepted<SubscriptionAnswer>, ProblemHttpResult>> SignUpJson(string territory, HttpContext http, IGrainFactory grains, SubscriptionLimits limits, PushOrigins origins, PublicBaseUrl baseUrl, TelephoneChannels telephone)
    {
        if (!await KnownTerritory.Exists(grains, territory))
        {
            return Problems.NoTerritory();
        }

        var reading = await RequestReading.ReadJson<SubscriptionRequest>(http);
        if (reading.Value is not { } body)
        {
            return Problems.From(reading.Error!);
        }

        var errors = new Dictionary<string, string>();
        var channel = SubscriptionRules.Channel(body.Channel);
        SubscriberContact? contact = null;
        switch (channel)
        {
            case null:
                errors["channel"] = telephone.Sms ? "Choisissez un canal : webpush, email ou sms." : "Choisissez un canal : webpush ou email.";
                break;
            case SubscriptionChannel.Sms or SubscriptionChannel.Voice when telephone.Sms:
                // A landline is for calls: the code is then read out by a call.
                if (SubscriberPhone.TryParse(body.Phone, channel.Value, out var number, out var phoneProblem))
                {
                    contact = SubscriberContact.Phone(channel.Value, number);
                }
                else
                {
                    errors["phone"] = phoneProblem;
                }

                break;
            case SubscriptionChannel.Email when SubscriptionRules.EmailProblem(body.Email) is { } problem:
                errors["email"] = problem;
                break;
            case SubscriptionChannel.Email:
                contact = SubscriberContact.Email(body.Email!.Trim());
                break;
            case SubscriptionChannel.WebPush:
                var pushErrors = WebPushSubscriptionRules.Check(body.Push?.Endpoint, body.Push?.Keys?.P256dh, body.Push?.Keys?.Auth, origins);
                foreach (var (field, message) in pushErrors)
                {
                    errors[field] = message;
                }

                if (pushErrors.IsEmpty)
                {
                    contact = SubscriberContact.WebPush(body.Push!.Endpoint!, body.Push.Keys!.P256dh!, body.Push.Keys.Auth!);
                }

                break;
            default:
                errors["channel"] = SubscriptionRules.NotOffered(channel.Value);
                break;
        }

        var language = SubscriptionRules.Language(body.Lang);
        if (language is null)
        {
            errors["lang"] = "Langue inconnue : fr ou en.";
        }

        if (SubscriptionRules.QuietProblem(body.Quiet, out var quiet) is { } quietProblem)
        {
            errors["quiet"] = quietProblem;
        }

        CheckList("communes", body.Communes, errors);
        CheckList("sites", body.Sites, errors);
        if (string.IsNullOrEmpty(body.Challenge) || string.IsNullOrEmpty(body.Nonce))
        {
            errors["challenge"] = "Le défi de sécurité manque : demandez-en un (…/subscriptions/challenge) puis renvoyez votre demande.";
        }

        if (errors.Count > 0 || contact is null)
        {
            return Problems.Invalid(errors.ToImmutableDictionary());
        }

        var bySms = contact.Channel is SubscriptionChannel.Sms or SubscriptionChannel.Voice;
        if (!limits.TrySignUp(ClientLimits.Source(http)) || (bySms && !limits.TryCode(ClientLimits.Source(http))))
        {
            return Problems.From(TooMany(SubscriptionTexts.French, bySms), http);
        }

        if (await grains.GetGrain<IReportDeskGrain>(territory).Redeem(new ReportProof(body.Challenge!, body.Nonce!)) is { } refusal)
        {
            return Problems.From(CommandError.Invalid("challenge", refusal));
        }

        var preferences = new SubscriptionPreferences([.. body.Communes ?? []], [.. body.Sites ?? []], body.Drills ?? true, language!.Value, quiet);
        var outcome = await grains.GetGrain<ISubscriptionDeskGrain>(0).SignUp(new SignUp(territory, contact, preferences, Base(http, baseUrl)));
        if (Refusal(outcome, SubscriptionTexts.French, bySms) is { } refused)
        {
            return Problems.From(refused, http);
        }

        return outcome.Status == SubscriptionStatus.Active
            ? TypedResults.Created((string?)null, new SubscriptionAnswer(outcome.Id!, "active", ManageUrl(http, baseUrl, outcome.ManageToken!)))
            : TypedResults.Accepted((string?)null, new SubscriptionAnswer(outcome.Id!, "pending"));
    }

    private static async Task<Results<Ok<SubscriptionAnswer>, ProblemHttpResult>> ConfirmCodeJson(string id, HttpContext http, IGrainFactory grains, PublicBaseUrl baseUrl)
    {
        if (!Identifiers.IsRandomId(id))
        {
            return Problems.NotFound(SubscriptionTexts.French.CodeGone);
        }

        var reading = await RequestReading.ReadJson<CodeRequest>(http);
        if (reading.Value is not { } body)
        {
            return Problems.From(reading.Error!);
        }

        if (SubscriptionRules.CodeProblem(body.Code) is { } problem)
        {
            return Problems.From(CommandError.Invalid("code", problem));
        }

        var outcome = await grains.GetGrain<ISubscriptionGrain>(id).ConfirmCode(body.Code!.Trim());
        if (outcome.Confirmed)
        {
            return TypedResults.Ok(new SubscriptionAnswer(id, "active", ManageUrl(http, baseUrl, outcome.ManageToken!)));
        }

        return !outcome.Known
            ? Problems.NotFound(SubscriptionTexts.French.CodeGone)
            : Problems.From(CommandError.Invalid("code", SubscriptionTexts.French.WrongCode(outcome.TriesLeft)));
    }

    private static string ManageUrl(HttpContext http, PublicBaseUrl baseUrl, string token) => $"{Base(http, baseUrl).AbsoluteUri.TrimEnd('/')}/abonnement/gerer/{token}";

    private static async Task Page(HttpContext http, string territory, PublicNoticeReader reader, PageRenderer pages, PublicSiteOptions options, TelephoneChannels telephone)
    {
        var ctx = Context(http, reader, options);
        if (await reader.Territory(territory) is not { } view)
        {
            await PublicResponse.WriteNotFound(http, pages, ctx, options);
            return;
        }

        await Render<SubscribePage>(http, pages, options, StatusCodes.Status200OK, page => page.Set(p => p.Ctx, ctx).Set(p => p.View, view).Set(p => p.Fields, SubscriptionFields.Empty(ctx.English)).Set(p => p.Sms, telephone.Sms));
    }

    private static async Task SignUpForm(HttpContext http, string territory, PublicNoticeReader reader, PageRenderer pages, PublicSiteOptions options, IGrainFactory grains, SubscriptionLimits limits, PublicBaseUrl baseUrl, TelephoneChannels telephone)
    {
        var ctx = Context(http, reader, options);
        var texts = SubscriptionTexts.For(ctx.English);
        var (read, tooLarge) = await ReadForm(http);
        if (tooLarge)
        {
            await TooLarge(http, pages, options, ctx);
            return;
        }

        if (read is not { } form || await reader.Territory(territory) is not { } view)
        {
            await PublicResponse.WriteNotFound(http, pages, ctx, options);
            return;
        }

        var fields = SubscriptionFields.From(form);
        Action<PageParameters<SubscribePage>> Parameters(ImmutableDictionary<string, string>? errors = null, ReportChallenge? challenge = null, string? notice = null) =>
            page => page.Set(p => p.Ctx, ctx).Set(p => p.View, view).Set(p => p.Fields, fields).Set(p => p.Errors, errors).Set(p => p.Challenge, challenge).Set(p => p.Notice, notice).Set(p => p.Sms, telephone.Sms);

        var bySms = telephone.Sms && !string.IsNullOrWhiteSpace(fields.Phone);
        var (field, problem) = (bySms, string.IsNullOrWhiteSpace(fields.Email)) switch
        {
            (true, false) => ("phone", texts.OneOrTheOther),
            (true, true) => SubscriberPhone.TryParse(fields.Phone, SubscriptionChannel.Sms, out _, out var phoneProblem) ? ("", null) : ("phone", phoneProblem),
            (false, true) when telephone.Sms => ("email", texts.NoContact),
            _ => ("email", SubscriptionRules.EmailProblem(fields.Email)),
        };
        var errors = ImmutableDictionary<string, string>.Empty;
        if (problem is not null)
        {
            errors = errors.Add(field, problem);
        }

        if (fields.QuietProblem is { } quietProblem)
        {
            errors = errors.Add("quiet", quietProblem);
        }

        if (!errors.IsEmpty)
        {
            await Render<SubscribePage>(http, pages, options, StatusCodes.Status400BadRequest, Parameters(errors));
            return;
        }

        var desk = grains.GetGrain<IReportDeskGrain>(territory);
        var source = ClientLimits.Source(http);
        var token = form["challenge"].ToString();
        if (token.Length == 0)
        {
            if (!limits.TryChallenge(source))
            {
                var tooMany = TooMany(texts, bySms: false);
                await Render<SubscribePage>(http, pages, options, Problems.PageStatus(http, tooMany), Parameters(notice: tooMany.Title));
                return;
            }

            await Render<SubscribePage>(http, pages, options, StatusCodes.Status200OK, Parameters(challenge: await desk.IssueChallenge(delayed: true)));
            return;
        }

        // The wait the challenge asks for is spent here rather than refused, as for reports.
        for (var wait = await desk.RemainingWait(token); wait > TimeSpan.Zero; wait = await desk.RemainingWait(token))
        {
            await Task.Delay(wait, http.RequestAborted);
        }

        if (!limits.TrySignUp(source) || (bySms && !limits.TryCode(source)))
        {
            var tooMany = TooMany(texts, bySms);
            await Render<SubscribePage>(http, pages, options, Problems.PageStatus(http, tooMany), Parameters(notice: tooMany.Title));
            return;
        }

        if (await desk.Redeem(new ReportProof(token, "0")) is { } refusal)
        {
            var invalid = CommandError.Invalid("challenge", refusal);
            await Render<SubscribePage>(http, pages, options, Problems.PageStatus(http, invalid), Parameters(invalid.Errors));
            return;
        }

        var contact = bySms && SubscriberPhone.TryParse(fields.Phone, SubscriptionChannel.Sms, out var number, out _)
            ? SubscriberContact.Phone(SubscriptionChannel.Sms, number)
            : SubscriberContact.Email(fields.Email!.Trim());
        var outcome = await grains.GetGrain<ISubscriptionDeskGrain>(0).SignUp(new SignUp(territory, contact, fields.Preferences, Base(http, baseUrl)));
        if (Refusal(outcome, texts, bySms) is { Kind: NoticeErrorKind.NotFound })
        {
            await PublicResponse.WriteNotFound(http, pages, ctx, options);
            return;
        }

        if (Refusal(outcome, texts, bySms) is { } refused)
        {
            await Render<SubscribePage>(http, pages, options, Problems.PageStatus(http, refused), refused.Errors.IsEmpty ? Parameters(notice: refused.Title) : Parameters(refused.Errors));
            return;
        }

        if (bySms)
        {
            await Render<SubscriptionCodePage>(http, pages, options, StatusCodes.Status200OK, page => page.Set(p => p.Ctx, ctx).Set(p => p.Id, outcome.Id!));
            return;
        }

        await Message(http, pages, options, ctx, StatusCodes.Status200OK, texts.CheckMailTitle, texts.CheckMail, view.Profile);
    }

    private static async Task ConfirmPage(HttpContext http, string token, PublicNoticeReader reader, PageRenderer pages, PublicSiteOptions options, IGrainFactory grains)
    {
        var view = await View(token, grains, TokenPurpose.Confirm);
        var ctx = Context(http, reader, options, view?.Preferences.Language);
        if (view is null)
        {
            await Expired(http, pages, options, ctx);
            return;
        }

        await Render<SubscriptionConfirmPage>(http, pages, options, StatusCodes.Status200OK, page => page.Set(p => p.Ctx, ctx).Set(p => p.Token, token).Set(p => p.Subscription, view));
    }

    private static Task Confirm(HttpContext http, string token, PublicNoticeReader reader, PageRenderer pages, PublicSiteOptions options, IGrainFactory grains) =>
        Follow(http, token, reader, pages, options, grains, (subscription, tag) => subscription.Confirm(tag), texts => (texts.ConfirmedTitle, texts.Confirmed));

    private static async Task CodePage(HttpContext http, string id, PublicNoticeReader reader, PageRenderer pages, PublicSiteOptions options)
    {
        var ctx = Context(http, reader, options);
        if (!Identifiers.IsRandomId(id))
        {
            await Expired(http, pages, options, ctx);
            return;
        }

        await Render<SubscriptionCodePage>(http, pages, options, StatusCodes.Status200OK, page => page.Set(p => p.Ctx, ctx).Set(p => p.Id, id));
    }

    private static async Task ConfirmCodeForm(HttpContext http, string id, PublicNoticeReader reader, PageRenderer pages, PublicSiteOptions options, IGrainFactory grains, PublicBaseUrl baseUrl)
    {
        var ctx = Context(http, reader, options);
        var texts = SubscriptionTexts.For(ctx.English);
        var (read, tooLarge) = await ReadForm(http);
        if (tooLarge)
        {
            await TooLarge(http, pages, options, ctx);
            return;
        }

        if (!Identifiers.IsRandomId(id) || read is not { } form)
        {
            await Expired(http, pages, options, ctx);
            return;
        }

        var code = form["code"].ToString();
        if (SubscriptionRules.CodeProblem(code) is { } problem)
        {
            await Render<SubscriptionCodePage>(http, pages, options, StatusCodes.Status400BadRequest, page => page.Set(p => p.Ctx, ctx).Set(p => p.Id, id).Set(p => p.Error, problem));
            return;
        }

        var outcome = await grains.GetGrain<ISubscriptionGrain>(id).ConfirmCode(code.Trim());
        if (!outcome.Known)
        {
            await Message(http, pages, options, ctx, StatusCodes.Status404NotFound, texts.Title, texts.CodeGone, null);
            return;
        }

        await Render<SubscriptionCodePage>(http, pages, options, outcome.Confirmed ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest, page => page
            .Set(p => p.Ctx, ctx)
            .Set(p => p.Id, id)
            .Set(p => p.Error, outcome.Confirmed ? null : texts.WrongCode(outcome.TriesLeft))
            .Set(p => p.ManageUrl, outcome.Confirmed ? ManageUrl(http, baseUrl, outcome.ManageToken!) : null));
    }

    private static async Task ManagePage(HttpContext http, string token, PublicNoticeReader reader, PageRenderer pages, PublicSiteOptions options, IGrainFactory grains)
    {
        var view = await View(token, grains, TokenPurpose.Manage);
        var ctx = Context(http, reader, options, view?.Preferences.Language);
        if (view is null || await reader.Territory(view.Territory) is not { } territory)
        {
            await Expired(http, pages, options, ctx);
            return;
        }

        await Render<SubscriptionManagePage>(http, pages, options, StatusCodes.Status200OK, page => page.Set(p => p.Ctx, ctx).Set(p => p.View, territory).Set(p => p.Token, token).Set(p => p.Subscription, view).Set(p => p.Fields, SubscriptionFields.Of(view.Preferences)));
    }

    private static async Task Change(HttpContext http, string token, PublicNoticeReader reader, PageRenderer pages, PublicSiteOptions options, IGrainFactory grains)
    {
        var link = Link(token, grains);
        var view = link is { } known ? await known.Grain.Get(TokenPurpose.Manage, known.Tag) : null;
        var (form, tooLarge) = await ReadForm(http);
        var ctx = Context(http, reader, options, view?.Preferences.Language);
        if (tooLarge)
        {
            await TooLarge(http, pages, options, ctx);
            return;
        }

        if (link is not (var subscription, var tag) || view is null || form is null || await reader.Territory(view.Territory) is not { } territory)
        {
            await Expired(http, pages, options, ctx);
            return;
        }

        var fields = SubscriptionFields.From(form);
        var errors = new Dictionary<string, string>();
        SubscriptionRules.CheckChoices(
            fields.Preferences,
            territory.Sites.SelectMany(s => s.Communes).ToHashSet(StringComparer.Ordinal),
            territory.Sites.Select(s => s.Slug).ToHashSet(StringComparer.Ordinal),
            errors);
        if (fields.QuietProblem is { } quietProblem)
        {
            errors["quiet"] = quietProblem;
        }

        var changed = errors.Count == 0 ? await subscription.Change(tag, SubscriptionRules.Normalised(fields.Preferences)) : null;
        var shown = changed ?? view;
        var status = changed is null ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
        await Render<SubscriptionManagePage>(http, pages, options, status, page => page
            .Set(p => p.Ctx, Context(http, reader, options, shown.Preferences.Language))
            .Set(p => p.View, territory)
            .Set(p => p.Token, token)
            .Set(p => p.Subscription, shown)
            .Set(p => p.Fields, changed is null ? fields : SubscriptionFields.Of(changed.Preferences))
            .Set(p => p.Errors, errors.ToImmutableDictionary())
            .Set(p => p.Notice, changed is null ? null : SubscriptionTexts.For(changed.Preferences.Language == SubscriberLanguage.English).Saved));
    }

    /// <summary>
    /// RFC 8058's one-click unsubscription, and the manage page's button: whatever the body (a mail client sends
    /// <c>List-Unsubscribe=One-Click</c>), with no cookie and no antiforgery token, which a mail client has neither of.
    /// </summary>
    private static Task Unsubscribe(HttpContext http, string token, PublicNoticeReader reader, PageRenderer pages, PublicSiteOptions options, IGrainFactory grains) =>
        Follow(http, token, reader, pages, options, grains, (subscription, tag) => subscription.Unsubscribe(tag), texts => (texts.UnsubscribedTitle, texts.Unsubscribed));

    /// <summary>A link's one action (confirming, unsubscribing): done, its page says so; refused, the link is no longer good.</summary>
    private static async Task Follow(
        HttpContext http, string token, PublicNoticeReader reader, PageRenderer pages, PublicSiteOptions options, IGrainFactory grains,
        Func<ISubscriptionGrain, string, Task<bool>> act, Func<SubscriptionTexts, (string Title, string Text)> done)
    {
        var ctx = Context(http, reader, options);
        if (Link(token, grains) is not (var subscription, var tag) || !await act(subscription, tag))
        {
            await Expired(http, pages, options, ctx);
            return;
        }

        var (title, text) = done(SubscriptionTexts.For(ctx.English));
        await Message(http, pages, options, ctx, StatusCodes.Status200OK, title, text, null);
    }

    /// <summary>The subscription a link's token names and the tag that proves it, or null for a token no link carries.</summary>
    private static (ISubscriptionGrain Grain, string Tag)? Link(string token, IGrainFactory grains) =>
        SubscriptionTokens.TryParse(token, out var id, out var tag) ? (grains.GetGrain<ISubscriptionGrain>(id), tag) : null;

    /// <summary>The subscription as a link of <paramref name="purpose"/> may see it, or null if the link is no longer good.</summary>
    private static async Task<SubscriptionView?> View(string token, IGrainFactory grains, TokenPurpose purpose) =>
        Link(token, grains) is (var subscription, var tag) ? await subscription.Get(purpose, tag) : null;

    /// <summary>A form of at most <see cref="MaxFormBytes"/>; null for anything else, with <c>TooLarge</c> for a larger one.</summary>
    private static async Task<(IFormCollection? Form, bool TooLarge)> ReadForm(HttpContext http)
    {
        if (!http.Request.HasFormContentType)
        {
            return (null, false);
        }

        try
        {
            var form = await BodyLimit.Read(http, MaxFormBytes, (request, cancellation) => request.ReadFormAsync(cancellation));
            return (form, form is null);
        }
        catch (Exception exception) when (exception is BadHttpRequestException or InvalidDataException or IOException)
        {
            return (null, false);
        }
    }

    private static Task TooLarge(HttpContext http, PageRenderer pages, PublicSiteOptions options, PageContext ctx)
    {
        var texts = SubscriptionTexts.For(ctx.English);
        return Message(http, pages, options, ctx, StatusCodes.Status413PayloadTooLarge, texts.Title, texts.FormTooLarge, null);
    }

    private static void CheckList(string field, string[]? values, Dictionary<string, string> errors)
    {
        if (values is null)
        {
            return;
        }

        if (values.Length > SubscriptionRules.MaxChoices)
        {
            errors[field] = $"Au plus {SubscriptionRules.MaxChoices} choix.";
        }
        else if (values.Any(v => string.IsNullOrWhiteSpace(v) || v.Length > 100))
        {
            errors[field] = "Chaque choix doit être un nom de la liste du territoire.";
        }
    }

    /// <summary>The address links in messages start with: only trusted values, never a <c>Host</c> a client made up.</summary>
    private static Uri Base(HttpContext http, PublicBaseUrl baseUrl) => new(baseUrl.ForEveryone(http.Request).BaseUrl.TrimEnd('/') + "/");

    /// <summary>A client over its hourly limit of sign-ups, or of codes sent for them.</summary>
    private static CommandError TooMany(SubscriptionTexts texts, bool bySms) =>
        CommandError.TooMany(bySms ? texts.TooManyCodes : texts.TooMany, ClientLimits.RetryAfter);

    /// <summary>The desk's refusal of a sign-up, shaped as every refused command; null once accepted.</summary>
    private static CommandError? Refusal(SignUpOutcome outcome, SubscriptionTexts texts, bool bySms) => outcome switch
    {
        { UnknownTerritory: true } => CommandError.NoTerritory,
        { RetryAfter: { } wait } => CommandError.TooMany(bySms ? texts.TooManyCodes : texts.TooMany, wait),
        { Errors.IsEmpty: false } => CommandError.Invalid(outcome.Errors),
        _ => null,
    };

    private static async Task Render<TPage>(HttpContext http, PageRenderer pages, PublicSiteOptions options, int status, Action<PageParameters<TPage>> parameters)
        where TPage : Microsoft.AspNetCore.Components.IComponent
    {
        var html = await pages.Render(parameters);
        await PublicResponse.WriteHtml(http, html, options, status);
    }

    private static Task Message(HttpContext http, PageRenderer pages, PublicSiteOptions options, PageContext ctx, int status, string title, string text, TerritoryProfile? territory) =>
        Render<SubscriptionMessagePage>(http, pages, options, status, page => page.Set(p => p.Ctx, ctx).Set(p => p.Heading, title).Set(p => p.Text, text).Set(p => p.Territory, territory));

    private static Task Expired(HttpContext http, PageRenderer pages, PublicSiteOptions options, PageContext ctx)
    {
        var texts = SubscriptionTexts.For(ctx.English);
        return Message(http, pages, options, ctx, StatusCodes.Status404NotFound, texts.Title, texts.LinkExpired, null);
    }


    /// <summary>A subscription page's context: without <c>?lang</c>, in the subscriber's language where it is known.</summary>
    private static PageContext Context(HttpContext http, PublicNoticeReader reader, PublicSiteOptions options, SubscriberLanguage? language = null) =>
        PageContext.For(http, reader, options, language == SubscriberLanguage.English ? Language.English : null);
}
