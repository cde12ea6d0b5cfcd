using System.Net;
using Microsoft.Data.Sqlite;
using Xunit;

namespace AlloIndustrie.Tests.Processes;

/// <summary>Readiness says whether the node can store what it is sent, not only read what it has.</summary>
public sealed class ReadinessTests
{
    [Fact]
    public async Task Healthz_answers_503_while_sqlite_refuses_writes_and_200_again_once_it_takes_them()
    {
        await using var service = new RunningService();
        await service.Start();
        Assert.Equal(HttpStatusCode.OK, (await service.Http.GetAsync("healthz")).StatusCode);

        // Another connection holds SQLite's write lock: reads still go through (WAL), writes wait and fail.
        await using (var locker = new SqliteConnection($"Data Source={Path.Combine(service.DataDirectory, "alloindustrie.db")}"))
        {
            await locker.OpenAsync();
            await using (var begin = locker.CreateCommand())
            {
                begin.CommandText = "BEGIN IMMEDIATE;";
                await begin.ExecuteNonQueryAsync();
            }

            Assert.Equal(HttpStatusCode.OK, (await service.Http.GetAsync("api/v1/territories")).StatusCode);
            await service.WaitFor(async () => (await service.Http.GetAsync("healthz")).StatusCode == HttpStatusCode.ServiceUnavailable,
                "/healthz to answer 503 while writes are refused");

            await using var rollback = locker.CreateCommand();
            rollback.CommandText = "ROLLBACK;";
            await rollback.ExecuteNonQueryAsync();
        }

        await service.WaitFor(async () => (await service.Http.GetAsync("healthz")).StatusCode == HttpStatusCode.OK,
            "/healthz to answer 200 once writes are taken again");
    }
}
