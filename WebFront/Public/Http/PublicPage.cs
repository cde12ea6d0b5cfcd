namespace AlloIndustrie.WebFront.Public.Http;

/// <summary>
/// A public page or feed as rendered: status, bytes and the headers that depend on them. The output cache
/// keeps what it writes for at most <see cref="ValidFor"/>: the next moment a notice on it starts or expires.
/// </summary>
public sealed record PublicPage(int Status, string ContentType, byte[] Body, string ETag, string? ContentSecurityPolicy, bool Frameable, TimeSpan? ValidFor) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext) => PublicResponse.Write(httpContext, this);
}
