using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AlloIndustrie.WebFront.Dashboard;

/// <summary>
/// What ASP.NET's own options take from <see cref="DashboardOptions"/>: the lockout, the session's idle timeout,
/// and the <c>Secure</c> flag of every Identity cookie (session, two-factor step, and the unused external ones)
/// and of the antiforgery cookie. Applied when those options are first read, from the settings checked at start.
/// </summary>
public sealed class DashboardOptionsSetup(IOptions<DashboardOptions> dashboard) :
    IConfigureOptions<IdentityOptions>, IConfigureNamedOptions<CookieAuthenticationOptions>, IConfigureOptions<AntiforgeryOptions>
{
    private CookieSecurePolicy Secure => dashboard.Value.SecureCookiesOnly ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;

    public void Configure(IdentityOptions options)
    {
        options.Lockout.MaxFailedAccessAttempts = dashboard.Value.MaxFailedAccessAttempts;
        options.Lockout.DefaultLockoutTimeSpan = dashboard.Value.LockoutDuration;
    }

    public void Configure(string? name, CookieAuthenticationOptions options)
    {
        options.Cookie.SecurePolicy = Secure;
        if (name == IdentityConstants.ApplicationScheme)
        {
            options.ExpireTimeSpan = dashboard.Value.SessionIdleTimeout;
        }
    }

    public void Configure(CookieAuthenticationOptions options) => Configure(Options.DefaultName, options);

    public void Configure(AntiforgeryOptions options) => options.Cookie.SecurePolicy = Secure;
}
