using AlloIndustrie.Grains.Interfaces.Subscriptions;
using Microsoft.Extensions.Options;

namespace AlloIndustrie.Grains.Subscriptions;

/// <summary>The public links a subscriber's messages carry, on the deployment's address or the one the sign-up came through.</summary>
public sealed class SubscriptionLinks(IOptions<SubscriptionOptions> options, SubscriptionSecrets secrets)
{
    /// <summary>The address links start with.</summary>
    public Uri Base(Uri signUpBase) => options.Value.PublicBaseUrl ?? signUpBase;

    /// <summary>The page that confirms an e-mail subscription (one button).</summary>
    public async Task<Uri> Confirm(string id, Uri signUpBase) =>
        new(Base(signUpBase), $"/abonnement/confirmer/{await secrets.Token(id, TokenPurpose.Confirm)}");

    /// <summary>The manage page.</summary>
    public async Task<Uri> Manage(string id, Uri signUpBase) =>
        new(Base(signUpBase), $"/abonnement/gerer/{await secrets.Token(id, TokenPurpose.Manage)}");

    /// <summary>The one-click unsubscription (RFC 8058).</summary>
    public async Task<Uri> Unsubscribe(string id, Uri signUpBase) =>
        new(Base(signUpBase), $"/abonnement/desabonner/{await secrets.Token(id, TokenPurpose.Manage)}");

    /// <summary>The notice's page, in the subscriber's language.</summary>
    public Uri Notice(string territory, string noticeId, SubscriberLanguage language, Uri signUpBase) =>
        new(Base(signUpBase), $"/{territory}/notices/{noticeId}{(language == SubscriberLanguage.English ? "?lang=en" : "")}");
}
