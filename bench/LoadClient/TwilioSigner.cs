using System.Security.Cryptography;
using System.Text;

namespace AlloIndustrie.Bench.LoadClient;

/// <summary>Signs a webhook as Twilio does: HMAC-SHA1 of the URL followed by each parameter, sorted by name, as name then value.</summary>
public sealed class TwilioSigner(string authToken)
{
    private readonly byte[] key = Encoding.UTF8.GetBytes(authToken);

    public string Sign(string url, IReadOnlyDictionary<string, string> parameters)
    {
        var signed = new StringBuilder(url);
        foreach (var name in parameters.Keys.Order(StringComparer.Ordinal))
        {
            signed.Append(name).Append(parameters[name]);
        }

        return Convert.ToBase64String(HMACSHA1.HashData(key, Encoding.UTF8.GetBytes(signed.ToString())));
    }
}
