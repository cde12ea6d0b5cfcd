namespace AlloIndustrie.WebFront.Residents.Http;

/// <summary>
/// A public page or feed as rendered: status, bytes (with their compressed forms, made once) and the headers
/// that depend on them. The page cache keeps it for at most <see cref="ValidFor"/>: the next moment a notice on
/// it starts or expires.
/// </summary>
public sealed record PublicPage(int Status, string ContentType, EncodedBody Body, string ETag, string? ContentSecurityPolicy, bool Frameable, TimeSpan? ValidFor) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext) => PublicResponse.Write(httpContext, this);
}
