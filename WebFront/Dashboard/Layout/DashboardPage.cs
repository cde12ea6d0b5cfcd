using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.WebFront.Api;
using Microsoft.AspNetCore.Components;

namespace AlloIndustrie.WebFront.Dashboard.Layout;

/// <summary>
/// A dashboard page, rendered on the server without interactivity. A posted form is carried out by
/// <see cref="OnPostAsync"/> whatever the page would show: a refused or stale post (a form the account does not
/// see, a notice ended since) must still reach its handler, to be checked against the perimeter and audited.
/// </summary>
public abstract class DashboardPage : ComponentBase
{
    /// <summary>The name of a page's form posted to its URL without <c>?handler=</c>.</summary>
    public const string MainForm = "main";

    /// <summary>The form field in which Blazor looks for the posted form's name.</summary>
    public const string FormNameField = "_handler";

    private bool handled;

    [CascadingParameter]
    public HttpContext Http { get; set; } = null!;

    protected ClaimsPrincipal User => Http.User;

    /// <summary>The name of the form posted to this request, null on a GET.</summary>
    public string? Posted => HttpMethods.IsPost(Http.Request.Method) && Http.Request.HasFormContentType
        ? Http.Request.Form[FormNameField].ToString() is { Length: > 0 } name ? name : null
        : null;

    /// <summary>True while a posted form waits for its handler: the page then renders nothing else.</summary>
    public bool Dispatching => Posted is not null && !handled;

    /// <summary>False once the page answered 404.</summary>
    protected bool Found { get; private set; } = true;

    /// <summary>The current page's URL with a form's handler, as the page's forms post it.</summary>
    protected string Action(string handler) => $"{Http.Request.PathBase}{Http.Request.Path}?handler={handler}";

    /// <summary>Runs the posted form's handler, then renders the page as it left it.</summary>
    public async Task Post(string form)
    {
        handled = true;
        await OnPostAsync(form);
        StateHasChanged();
    }

    /// <summary>Carries out the form <paramref name="form"/>; a page with forms overrides it.</summary>
    protected virtual Task OnPostAsync(string form)
    {
        Http.Response.StatusCode = StatusCodes.Status400BadRequest;
        Found = false;
        return Task.CompletedTask;
    }

    /// <summary>True once the page answered with a redirect: it then renders nothing.</summary>
    public bool Redirected { get; private set; }

    /// <summary>
    /// A redirect (302) to a path of this site, kept relative as the dashboard has always sent it (a navigation
    /// would make it absolute, with the host the request named).
    /// </summary>
    protected void Redirect(string path)
    {
        Http.Response.Redirect(path);
        Redirected = true;
    }

    /// <summary>To the refusal page, by the session cookie's handler, as for any forbidden request.</summary>
    protected async Task Forbid()
    {
        await Http.ForbidAsync();
        Redirected = true;
    }

    /// <summary>To the sign-in page, by the session cookie's handler (which audits an expired session).</summary>
    protected async Task Challenge()
    {
        await Http.ChallengeAsync();
        Redirected = true;
    }

    protected void NotFound()
    {
        Http.Response.StatusCode = StatusCodes.Status404NotFound;
        Found = false;
    }

    protected void Status(int code) => Http.Response.StatusCode = code;

    /// <summary>The status of a refused command, as the API answers it (<see cref="Problems"/>).</summary>
    protected void Status(CommandError refusal) => Status(Problems.PageStatus(Http, refusal));
}
