using AlloIndustrie.Tests.Processes;
using Xunit;

namespace AlloIndustrie.Tests.Subscriptions;

/// <summary>
/// One running service (real silo and web front processes on SQLite) whose e-mail channel talks to a real SMTP
/// server in the test process; little proof of work, a short wait without script, and short back-offs.
/// </summary>
public sealed class SubscriptionsFixture : IAsyncLifetime
{
    public const int ProofBits = 4;

    public SmtpTestServer Smtp { get; } = SmtpTestServer.Start();

    public RunningService Service { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Service = new RunningService(Settings(Smtp, new Dictionary<string, string>
        {
            ["Allo__Subscriptions__ChallengesPerClientPerHour"] = "500",
            ["Allo__Subscriptions__PerClientPerHour"] = "500",
        }));
        await Service.Start();
    }

    /// <summary>The service's settings for subscriptions through <paramref name="smtp"/>.</summary>
    public static Dictionary<string, string> Settings(SmtpTestServer smtp, Dictionary<string, string> more)
    {
        var settings = new Dictionary<string, string>
        {
            ["Allo__Smtp__Host"] = "127.0.0.1",
            ["Allo__Smtp__Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Allo__Smtp__From"] = "AlloIndustrie <avis@alloindustrie.test>",
            ["Allo__Reports__ProofBits"] = ProofBits.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Allo__Reports__FormDelay"] = "00:00:01",
            ["Allo__Subscriptions__BackOff"] = "00:00:01",
            ["Allo__Subscriptions__MaxBackOff"] = "00:00:02",
            ["Allo__Notices__MaxVisiblePerSite"] = "500",
        };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }

    public async Task DisposeAsync()
    {
        await Service.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class SubscriptionsCollection : ICollectionFixture<SubscriptionsFixture>
{
    public const string Name = "Subscriptions";
}
