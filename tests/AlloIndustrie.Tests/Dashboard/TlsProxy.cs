namespace AlloIndustrie.Tests.Dashboard;

/// <summary>
/// A TLS-terminating reverse proxy in front of the service, as seen from behind it: requests arrive over plain
/// HTTP from loopback with <c>X-Forwarded-For: {ClientAddress}</c> and <c>X-Forwarded-Proto: https</c>, and the
/// browser, on HTTPS, sends its secure cookies back.
/// </summary>
public sealed record TlsProxy(string ClientAddress);
