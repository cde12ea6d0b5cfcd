namespace AlloIndustrie.Silo.Demo;

/// <summary>The shape of <c>{data}/demo-credentials.json</c>, as the contract gives it.</summary>
public sealed record DemoCredentials(
    IReadOnlyDictionary<string, string> ApiKeys,
    string TwilioAuthToken);
