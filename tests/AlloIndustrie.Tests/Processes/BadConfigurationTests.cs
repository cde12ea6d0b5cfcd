using System.Net;
using System.Net.Sockets;
using Xunit;

namespace AlloIndustrie.Tests.Processes;

/// <summary>
/// The real processes, started with one bad setting each, stop at once with one line naming the key and what is
/// expected, in French and English: no stack trace, no failure left for the first request to find.
/// </summary>
public sealed class BadConfigurationTests : IDisposable
{
    private const int ConfigurationExitCode = 78;
    private const int UnavailableExitCode = 69;

    private readonly string dataDirectory = Directory.CreateTempSubdirectory("allo-badconfig-").FullName;

    public static TheoryData<string, string, string, string, int> Cases()
    {
        var unreachable = $"Host=127.0.0.1;Port={RunningService.FreePort()};Database=alloindustrie;Username=allo;Password=secret";
        return new()
        {
            { "Silo", "Allo__Storage__Provider", "Sqlit", "Allo:Storage:Provider", ConfigurationExitCode },
            { "WebFront", "Allo__Storage__Provider", "Postgres", "Allo:Storage:Provider", ConfigurationExitCode },
            { "Silo", "Allo__Storage__Provider", "PostgreSql", "Allo:Storage:ConnectionString", ConfigurationExitCode },
            { "WebFront", "Allo__Storage__Provider", "PostgreSql", "Allo:Storage:ConnectionString", ConfigurationExitCode },
            { "Silo", "Allo__Storage__ConnectionString", unreachable, "Allo:Storage:ConnectionString", UnavailableExitCode },
            { "WebFront", "Allo__Storage__ConnectionString", unreachable, "Allo:Storage:ConnectionString", UnavailableExitCode },
            { "Silo", "Allo__Storage__ConnectionString", "Host=127.0.0.1;Colour=blue", "Allo:Storage:ConnectionString", ConfigurationExitCode },
            { "WebFront", "Allo__Storage__ConnectionString", "Host=127.0.0.1;Colour=blue", "Allo:Storage:ConnectionString", ConfigurationExitCode },
            { "WebFront", "Allo__Cluster__GatewayPort", "70000", "Allo:Cluster:GatewayPort", ConfigurationExitCode },
            { "WebFront", "Allo__PublicBaseUrl", "allo.example.fr", "Allo:PublicBaseUrl", ConfigurationExitCode },
            { "WebFront", "Allo__Api__OperatorRequestsPerMinute", "0", "Allo:Api:OperatorRequestsPerMinute", ConfigurationExitCode },
            { "WebFront", "Allo__Reports__PerClientPerHour", "0", "Allo:Reports:PerClientPerHour", ConfigurationExitCode },
            { "WebFront", "Allo__Dashboard__LoginAttemptsPerAccountPerMinute", "0", "Allo:Dashboard:LoginAttemptsPerAccountPerMinute", ConfigurationExitCode },
            { "WebFront", "Allo__Api__PublicRequestsPerAddressPerMinute", "0", "Allo:Api:PublicRequestsPerAddressPerMinute", ConfigurationExitCode },
            { "WebFront", "Allo__Subscriptions__PerClientPerHour", "0", "Allo:Subscriptions:PerClientPerHour", ConfigurationExitCode },
            { "WebFront", "Allo__Dashboard__AudioPreviewTimeout", "00:00:00", "Allo:Dashboard:AudioPreviewTimeout", ConfigurationExitCode },
            { "WebFront", "Allo__Dashboard__LockoutDuration", "un quart d’heure", "Allo:Dashboard:LockoutDuration", ConfigurationExitCode },
            { "WebFront", "Allo__Map__TileUrl", "tuiles.example.org/{z}/{x}/{y}.png", "Allo:Map:TileUrl", ConfigurationExitCode },
            { "WebFront", "Allo__Cap__CircleRadiusKm", "0", "Allo:Cap:CircleRadiusKm", ConfigurationExitCode },
            { "WebFront", "Allo__Twilio__AccountSid", "compte-twilio", "Allo:Twilio:AccountSid", ConfigurationExitCode },
            { "WebFront", "Allo__Subscriptions__PushOrigins", "fcm.googleapis.com", "Allo:Subscriptions:PushOrigins", ConfigurationExitCode },
            { "Silo", "Allo__Reports__PerCommunePerHour", "0", "Allo:Reports:PerCommunePerHour", ConfigurationExitCode },
            { "Silo", "Allo__Speech__MaxConcurrency", "0", "Allo:Speech:MaxConcurrency", ConfigurationExitCode },
            { "Silo", "Allo__Notices__MinimumRetention", "une heure", "Allo:Notices:MinimumRetention", ConfigurationExitCode },
            { "Silo", "Allo__Cluster__SiloPort", "70000", "Allo:Cluster:SiloPort", ConfigurationExitCode },
            { "Silo", "Allo__Cluster__AdvertisedIp", "192.0.2.10", "Allo:Cluster:Tls:Certificate", ConfigurationExitCode },
            { "Silo", "Allo__Cluster__Tls__Certificate", "/nulle-part/silo-1.pem", "Allo:Cluster:Tls:PrivateKey", ConfigurationExitCode },
            { "WebFront", "Allo__Cluster__Tls__Authority", "/nulle-part/ca.pem", "Allo:Cluster:Tls:Certificate", ConfigurationExitCode },
            { "Silo", "Allo__Metrics__Host", "local host", "Allo:Metrics:Host", ConfigurationExitCode },
            { "WebFront", "Allo__Metrics__Port", "70000", "Allo:Metrics:Port", ConfigurationExitCode },
            { "WebFront", "OTEL_EXPORTER_OTLP_ENDPOINT", "collector:4317", "OTEL_EXPORTER_OTLP_ENDPOINT", ConfigurationExitCode },
            { "Silo", "Allo__Subscriptions__KeyRingSecret", "", "Allo:Subscriptions:KeyRingSecretFile", ConfigurationExitCode },
            { "Silo", "Allo__Subscriptions__KeyRingSecret", "dHJvcCBjb3VydA==", "Allo:Subscriptions:KeyRingSecret", ConfigurationExitCode },
            { "Silo", "Allo__Subscriptions__KeyRingSecretFile", "/nulle-part/keyring-secret", "Allo:Subscriptions:KeyRingSecretFile", ConfigurationExitCode },
        };
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_process_stops_at_start_with_one_line_naming_the_key(string project, string variable, string value, string key, int exitCode)
    {
        var settings = Settings(variable, value);
        if (variable.StartsWith("Allo__Subscriptions__KeyRing", StringComparison.Ordinal))
        {
            // A cluster, whose key ring must be sealed: refused before the database is ever reached.
            settings["Allo__Subscriptions__KeyRingSecret"] = variable.EndsWith("File", StringComparison.Ordinal) ? "" : value;
            settings["Allo__Storage__Provider"] = "PostgreSql";
            settings["Allo__Storage__ConnectionString"] = $"Host=127.0.0.1;Port={RunningService.FreePort()};Database=alloindustrie;Username=allo;Password=secret";
        }

        if (variable == "Allo__Storage__ConnectionString")
        {
            settings["Allo__Storage__Provider"] = "PostgreSql";
        }

        if (variable == "Allo__Cluster__AdvertisedIp")
        {
            // A cluster: the address is refused before the database is ever reached.
            settings["Allo__Storage__Provider"] = "PostgreSql";
            settings["Allo__Storage__ConnectionString"] = $"Host=127.0.0.1;Port={RunningService.FreePort()};Database=alloindustrie;Username=allo;Password=secret";
        }

        StopsWithOneLine(project, settings, variable, key, exitCode);
    }

    [Theory]
    [InlineData("Silo")]
    [InlineData("WebFront")]
    public void A_metrics_port_another_program_holds_stops_the_process_at_start_with_one_line_naming_the_key(string project)
    {
        // The scrape endpoint listens on localhost by default: the port is held there, as the other process of the machine would hold it.
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;

        var line = StopsWithOneLine(project, Settings("Allo__Metrics__Port", port.ToString()), "Allo__Metrics__Port", "Allo:Metrics:Port", ConfigurationExitCode);

        Assert.Contains($"port {port} ", line, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(dataDirectory, recursive: true);

    private Dictionary<string, string> Settings(string variable, string value) => new()
    {
        ["ALLO_DATA_DIR"] = dataDirectory,
        ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{RunningService.FreePort()}",
        ["Allo__Cluster__GatewayPort"] = RunningService.FreePort().ToString(),
        ["Allo__Demo__Enabled"] = "false",
        ["Allo__Subscriptions__KeyRingSecret"] = RunningService.TestKeyRingSecret,
        [variable] = value,
    };

    /// <summary>Runs <paramref name="project"/> with <paramref name="settings"/>: its one line, after checking it names the key in both languages.</summary>
    private static string StopsWithOneLine(string project, Dictionary<string, string> settings, string variable, string key, int exitCode)
    {
        using var process = new ServiceProcess(project, RepositoryPaths.Built(project, "AlloIndustrie." + project), settings, Path.Combine(RepositoryPaths.Root, project));

        var code = process.WaitForExit(TimeSpan.FromSeconds(60));

        Assert.True(code is not null, $"{project} with {variable}={settings[variable]} kept running:\n{process.Output}");
        Assert.Equal(exitCode, code);
        var lines = process.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var line = Assert.Single(lines);
        Assert.StartsWith($"Configuration {key} : ", line, StringComparison.Ordinal);
        Assert.Contains("attendu", line, StringComparison.Ordinal);
        Assert.Contains($"| Configuration {key}: ", line, StringComparison.Ordinal);
        Assert.Contains("expected", line, StringComparison.Ordinal);
        return line;
    }
}
