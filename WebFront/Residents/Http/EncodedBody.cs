using System.IO.Compression;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace AlloIndustrie.WebFront.Residents.Http;

/// <summary>
/// A response body with its Brotli and gzip forms, each made once, the first time a browser asks for it, and
/// then kept with the body: a page is compressed once per change and a static file once per process, never once
/// per request.
/// </summary>
public sealed class EncodedBody
{
    public const string Brotli = "br";
    public const string Gzip = "gzip";

    // Below this, the headers cost more than compression saves.
    private const int SmallestCompressed = 512;

    private readonly Lazy<byte[]?> brotli;
    private readonly Lazy<byte[]?> gzip;

    public EncodedBody(byte[] identity, int brotliQuality, bool compressible = true)
    {
        Identity = identity;
        compressible &= identity.Length >= SmallestCompressed;
        brotli = new(() => compressible ? Smaller(CompressBrotli(identity, brotliQuality)) : null);
        gzip = new(() => compressible ? Smaller(CompressGzip(identity)) : null);
    }

    public byte[] Identity { get; }

    /// <summary>The representation this request prefers among those that are smaller than the body itself.</summary>
    public (byte[] Bytes, string? Encoding) For(HttpRequest request)
    {
        var accepted = request.Headers.AcceptEncoding;
        if (Accepts(accepted, Brotli) && brotli.Value is { } br)
        {
            return (br, Brotli);
        }

        return Accepts(accepted, Gzip) && gzip.Value is { } gz ? (gz, Gzip) : (Identity, null);
    }

    /// <summary>Makes both compressed forms now, off the request path.</summary>
    public void Prepare()
    {
        _ = brotli.Value;
        _ = gzip.Value;
    }

    private byte[]? Smaller(byte[] compressed) => compressed.Length < Identity.Length ? compressed : null;

    private static bool Accepts(StringValues acceptEncoding, string coding) =>
        acceptEncoding.Count > 0
        && StringWithQualityHeaderValue.TryParseList(acceptEncoding, out var codings)
        && codings.Any(c => (c.Value.Equals(coding, StringComparison.OrdinalIgnoreCase) || c.Value == "*") && c.Quality is not 0);

    private static byte[] CompressBrotli(byte[] source, int quality)
    {
        var destination = new byte[BrotliEncoder.GetMaxCompressedLength(source.Length)];
        if (!BrotliEncoder.TryCompress(source, destination, out var written, quality, window: 22))
        {
            throw new InvalidOperationException("Brotli could not compress a body into its maximal length.");
        }

        return destination[..written];
    }

    private static byte[] CompressGzip(byte[] source)
    {
        using var output = new MemoryStream();
        using (var stream = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            stream.Write(source);
        }

        return output.ToArray();
    }
}
