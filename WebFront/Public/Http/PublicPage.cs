namespace AlloIndustrie.WebFront.Public.Http;

/// <summary>
/// A public page or feed as rendered: status, bytes and the headers that depend on them, computed once and
/// written as they are to every reader until the page is evicted or expires (<see cref="ValidFor"/>).
/// </summary>
public sealed record PublicPage(int Status, string ContentType, byte[] Body, string ETag, string? ContentSecurityPolicy, bool Frameable, TimeSpan? ValidFor) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext) => PublicResponse.Write(httpContext, this);
}
