using Npgsql;

namespace AlloIndustrie.ServiceDefaults.Configuration;

/// <summary>
/// Opens one connection to the PostgreSQL database before the process starts: a wrong host, port, password or
/// database name then stops it at once, naming the connection string, instead of Orleans retrying in the logs.
/// </summary>
public sealed class PostgreSqlReachability(string connectionString, string key) : IStartupCheck
{
    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Timeout = 10, Pooling = false };
        try
        {
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is NpgsqlException or OperationCanceledException or TimeoutException)
        {
            var reason = exception.InnerException?.Message ?? exception.Message;
            throw new SettingException(key,
                $"la base PostgreSQL {builder.Host}:{builder.Port}/{builder.Database} ne répond pas ({reason}) ; attendu : une base joignable avec ces identifiants.",
                $"the PostgreSQL database {builder.Host}:{builder.Port}/{builder.Database} does not answer ({reason}); expected a database reachable with these credentials.",
                exception, SettingException.UnavailableExitCode);
        }
    }
}
