using System.Security.Cryptography;

namespace AlloIndustrie.Grains.Subscriptions;

/// <summary>
/// The key ring cannot be opened with this node's secret (none, or another): a setting to correct, which the silo's
/// start reports as such (one line naming <see cref="KeyRingSecret.FileKey"/>), not a failure of cryptography.
/// </summary>
public sealed class KeyRingRefusedException(string french, string english)
    : CryptographicException($"{french} | {english}")
{
    public string French { get; } = french;

    public string English { get; } = english;
}
