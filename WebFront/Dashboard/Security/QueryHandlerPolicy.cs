using Microsoft.AspNetCore.Routing.Matching;

namespace AlloIndustrie.WebFront.Dashboard.Security;

/// <summary>An endpoint that shares its page's route and answers only when the URL names it in <c>?handler=</c>.</summary>
public sealed record QueryHandlerMetadata(string Handler);

/// <summary>
/// Chooses between a page and an endpoint at the same route by the URL's <c>?handler=</c>, as the dashboard's URLs
/// have always named them (the history's CSV export is <c>historique?handler=Csv</c>, bookmarked and scripted).
/// </summary>
public sealed class QueryHandlerPolicy : MatcherPolicy, IEndpointSelectorPolicy
{
    public override int Order => 0;

    public bool AppliesToEndpoints(IReadOnlyList<Endpoint> endpoints) =>
        endpoints.Any(endpoint => endpoint.Metadata.GetMetadata<QueryHandlerMetadata>() is not null);

    public Task ApplyAsync(HttpContext httpContext, CandidateSet candidates)
    {
        var asked = httpContext.Request.Query["handler"].ToString();
        var named = false;
        for (var i = 0; i < candidates.Count; i++)
        {
            named |= candidates.IsValidCandidate(i) && Names(candidates[i].Endpoint, asked);
        }

        for (var i = 0; i < candidates.Count; i++)
        {
            var handler = candidates[i].Endpoint.Metadata.GetMetadata<QueryHandlerMetadata>();
            if (named ? !Names(candidates[i].Endpoint, asked) : handler is not null)
            {
                candidates.SetValidity(i, false);
            }
        }

        return Task.CompletedTask;
    }

    private static bool Names(Endpoint endpoint, string asked) =>
        endpoint.Metadata.GetMetadata<QueryHandlerMetadata>() is { } handler && string.Equals(handler.Handler, asked, StringComparison.OrdinalIgnoreCase);
}
