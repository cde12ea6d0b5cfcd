using System.Text.Encodings.Web;
using System.Text.Unicode;
using AlloIndustrie.ServiceDefaults.Configuration;
using AlloIndustrie.WebFront.Audit;
using AlloIndustrie.WebFront.Dashboard.Accounts;
using AlloIndustrie.WebFront.Dashboard.Authorization;
using AlloIndustrie.WebFront.Dashboard.Identity;
using AlloIndustrie.WebFront.Dashboard.Publishing;
using AlloIndustrie.WebFront.Dashboard.Security;
using AlloIndustrie.WebFront.Hosting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Routing.Matching;
using AlloIndustrie.WebFront.Dashboard.Reports;

namespace AlloIndustrie.WebFront.Dashboard;

/// <summary>Wires the dashboard (operators, territory administration, authorities) with its accounts and audit trail.</summary>
public static class DashboardExtensions
{
    public const string Root = "/tableau-de-bord";
    public const string LoginPath = Root + "/connexion";
    public const string DeniedPath = Root + "/refus";
    private const string SessionCookie = "allo-session";

    public static WebApplicationBuilder AddAlloDashboard(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DashboardOptions>().BindConfiguration(DashboardOptions.Section).ValidateSettings(DashboardOptions.Check);

        // The dashboard's services take the checked settings themselves.
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<DashboardOptions>>().Value);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AuditTrail>();
        services.AddScoped<AccountAdministration>();
        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<AudioPreviews>();
        services.AddScoped<CurrentAccount>();
        services.AddScoped<DashboardGate>();
        services.AddSingleton<RootPaths>();
        services.AddScoped<NoticeHistory>();
        services.AddScoped<IAuthorizationHandler, PerimeterHandler>();

        // Cookies must stay readable across restarts of the web front: the keys live in the data folder.
        var dataDirectory = builder.Configuration["ALLO_DATA_DIR"];
        var protection = services.AddDataProtection().SetApplicationName("AlloIndustrie");
        if (!string.IsNullOrWhiteSpace(dataDirectory))
        {
            protection.PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory, "web-keys")));
        }

        services.AddSingleton<ILookupNormalizer, AccountLookupNormalizer>();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddIdentityCore<AccountUser>(identity =>
            {
                identity.Password.RequiredLength = 12;
                identity.Password.RequireNonAlphanumeric = false;
                identity.Password.RequireUppercase = false;
                identity.Password.RequireLowercase = false;
                identity.Password.RequireDigit = false;
                identity.Lockout.AllowedForNewUsers = true;
                identity.User.RequireUniqueEmail = false;
                identity.SignIn.RequireConfirmedAccount = true;
            })
            .AddUserStore<GrainUserStore>()
            .AddSignInManager()
            // Only what the dashboard uses: password reset by an administrator, and TOTP. No e-mail nor SMS codes.
            .AddTokenProvider<DataProtectorTokenProvider<AccountUser>>(TokenOptions.DefaultProvider)
            .AddTokenProvider<AuthenticatorTokenProvider<AccountUser>>(TokenOptions.DefaultAuthenticatorProvider)
            .AddClaimsPrincipalFactory<AccountClaimsFactory>()
            .AddUserConfirmation<AccountConfirmation>()
            .AddErrorDescriber<FrenchIdentityErrors>();

        services.AddSingleton<DashboardOptionsSetup>();
        services.AddSingleton<IConfigureOptions<IdentityOptions>>(provider => provider.GetRequiredService<DashboardOptionsSetup>());
        services.AddSingleton<IConfigureOptions<CookieAuthenticationOptions>>(provider => provider.GetRequiredService<DashboardOptionsSetup>());
        services.AddSingleton<IConfigureOptions<AntiforgeryOptions>>(provider => provider.GetRequiredService<DashboardOptionsSetup>());

        // A disabled account or a reset password ends every open session at its next request.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);

        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = SessionCookie;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            // The whole site, not just the dashboard: Orleans' own dashboard at /orleans needs the session too.
            cookie.Cookie.Path = "/";
            cookie.LoginPath = LoginPath;
            cookie.AccessDeniedPath = DeniedPath;
            cookie.SlidingExpiration = true;
            cookie.Events.OnRedirectToLogin = SessionEvents.RedirectToLogin;
        });
        services.ConfigureExternalCookie(cookie => cookie.Cookie.SameSite = SameSiteMode.Strict);
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, cookie =>
        {
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.Path = Root;
        });
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "allo-antiforgery";
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.Cookie.Path = Root;
        });

        services.AddRazorComponents();
        // Accented French is sent as it is, not as character references ("d&#xE9;cembre"), as on the public pages.
        services.AddWebEncoders(encoders => encoders.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddCascadingAuthenticationState();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<MatcherPolicy, QueryHandlerPolicy>());
        services.AddAlloPolicies();
        return builder;
    }

    /// <summary>The dashboard's security headers and HTTPS rule, under its root only.</summary>
    public static WebApplication UseAlloDashboard(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<DashboardOptions>();
        app.UseWhen(context => context.Request.Path.StartsWithSegments(Root), dashboard =>
        {
            dashboard.Use(SecurityHeaders.Add);
            if (options.SecureCookiesOnly)
            {
                dashboard.Use(HttpsOnly.Require);
            }
        });
        return app;
    }

    /// <summary>
    /// Names a posted dashboard form after its URL's <c>?handler=</c>, before antiforgery reads the form (to go
    /// between <c>UseAuthorization</c> and <c>UseAntiforgery</c>).
    /// </summary>
    public static WebApplication UseAlloDashboardForms(this WebApplication app)
    {
        app.UseWhen(context => context.Request.Path.StartsWithSegments(Root), dashboard => dashboard.Use(FormNames.Name));
        return app;
    }

    /// <summary>Audits a dashboard form refused for its antiforgery token (to go right after <c>UseAntiforgery</c>).</summary>
    public static WebApplication UseAlloAntiforgeryAudit(this WebApplication app)
    {
        app.UseWhen(context => context.Request.Path.StartsWithSegments(Root), dashboard => dashboard.Use(AntiforgeryAudit.Record));
        return app;
    }

    public static WebApplication MapAlloDashboard(this WebApplication app)
    {
        app.MapRazorComponents<DashboardApp>();
        app.MapHistoryExport();
        app.MapAudioPreview();
        app.MapAlloOrleansDashboard();
        return app;
    }
}
