namespace AlloIndustrie.Tests.Processes;

/// <summary>What the tests read from <c>{data}/demo-credentials.json</c>.</summary>
public sealed record DemoCredentials(Dictionary<string, string> ApiKeys, string TwilioAuthToken);
