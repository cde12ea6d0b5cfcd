using System.Text;
using System.Text.Json;
using AlloIndustrie.ServiceDefaults.Configuration;
using AlloIndustrie.Silo.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.TestingHost;
using Xunit;

namespace AlloIndustrie.Tests.Storage;

/// <summary>
/// Orleans' real ADO.NET grain storage and reminder table, configured by <c>AddAlloStorage</c>,
/// against the database of a concrete subclass.
/// </summary>
public abstract class GrainStorageTests<TDatabase>(TDatabase database) : IAsyncLifetime
    where TDatabase : ITestDatabase
{
    private const string StateRowQuery =
        "SELECT PayloadBinary, Version FROM OrleansStorage WHERE ServiceId = @service AND GrainTypeString = @state AND GrainIdExtensionString = @key";

    private InProcessTestCluster? cluster;

    protected TDatabase Database { get; } = database;

    private InProcessTestCluster Cluster => cluster ?? throw new InvalidOperationException("The cluster is not started.");

    public async Task InitializeAsync() => cluster = await StorageTestCluster.StartAsync(Database);

    public async Task DisposeAsync()
    {
        if (cluster is not null)
        {
            await cluster.StopAllSilosAsync();
            await cluster.DisposeAsync();
        }
    }

    [Fact]
    public async Task State_written_by_a_grain_is_read_back_by_its_next_activation()
    {
        var key = NewKey();
        var grain = Cluster.Client.GetGrain<IProbeGrain>(key);
        await grain.SetAsync(new ProbeState { Text = "Usine de Lacq", Number = 42, Tags = ["seveso", "gaz"] });

        await Cluster.DeactivateAsync(grain);
        var state = await grain.GetAsync();

        Assert.Equal("Usine de Lacq", state.Text);
        Assert.Equal(42, state.Number);
        Assert.Equal(["seveso", "gaz"], state.Tags);
        var row = Assert.Single(await Database.QueryAsync(StateRowQuery, StateRowParameters(ProbeGrain.StateName, key)));
        Assert.Equal(1L, Convert.ToInt64(row[1]));
    }

    [Fact]
    public async Task Every_write_bumps_the_stored_version()
    {
        var key = NewKey();
        var grain = Cluster.Client.GetGrain<IProbeGrain>(key);

        await grain.SetAsync(new ProbeState { Number = 1 });
        await grain.SetAsync(new ProbeState { Number = 2 });
        await grain.SetAsync(new ProbeState { Number = 3 });

        var row = Assert.Single(await Database.QueryAsync(StateRowQuery, StateRowParameters(ProbeGrain.StateName, key)));
        Assert.Equal(3L, Convert.ToInt64(row[1]));
        Assert.Equal(3, JsonDocument.Parse((byte[])row[0]!).RootElement.GetProperty("number").GetInt32());
    }

    [Fact]
    public async Task Stored_payload_is_camel_case_json_without_type_names()
    {
        var key = NewKey();
        await Cluster.Client.GetGrain<IProbeGrain>(key).SetAsync(new ProbeState { Text = "Raffinerie", Number = 7, Tags = ["a"] });

        var row = Assert.Single(await Database.QueryAsync(StateRowQuery, StateRowParameters(ProbeGrain.StateName, key)));
        var json = Encoding.UTF8.GetString((byte[])row[0]!);

        Assert.DoesNotContain("$type", json, StringComparison.Ordinal);
        Assert.DoesNotContain("$id", json, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json);
        Assert.Equal(["text", "number", "tags"], document.RootElement.EnumerateObject().Select(property => property.Name));
        Assert.Equal("Raffinerie", document.RootElement.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Write_after_someone_else_changed_the_row_is_a_version_conflict()
    {
        var key = NewKey();
        var grain = Cluster.Client.GetGrain<IProbeGrain>(key);
        await grain.SetAsync(new ProbeState { Number = 1 });

        await BumpStoredVersionAsync(ProbeGrain.StateName, key);

        await Assert.ThrowsAsync<InconsistentStateException>(() => grain.SetAsync(new ProbeState { Number = 2 }));
        var row = Assert.Single(await Database.QueryAsync(StateRowQuery, StateRowParameters(ProbeGrain.StateName, key)));
        Assert.Equal(1, JsonDocument.Parse((byte[])row[0]!).RootElement.GetProperty("number").GetInt32());
    }

    [Fact]
    public async Task First_write_when_a_row_appeared_meanwhile_is_a_version_conflict()
    {
        var key = NewKey();
        var grain = Cluster.Client.GetGrain<IProbeGrain>(key);
        // The activation reads "no state yet", so it holds no ETag.
        Assert.Equal(0, (await grain.GetAsync()).Number);

        // Another writer (a duplicate activation during a partition, say) stores the state first.
        await Database.ExecuteAsync(
            "INSERT INTO OrleansStorage (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString, PayloadBinary, Version, ModifiedOn) "
            + "VALUES (@service, @state, 0, 0, @key, @payload, 1, CURRENT_TIMESTAMP)",
            [.. StateRowParameters(ProbeGrain.StateName, key), ("payload", "{\"number\":1}"u8.ToArray())]);

        await Assert.ThrowsAsync<InconsistentStateException>(() => grain.SetAsync(new ProbeState { Number = 2 }));
        var row = Assert.Single(await Database.QueryAsync(StateRowQuery, StateRowParameters(ProbeGrain.StateName, key)));
        Assert.Equal(1, JsonDocument.Parse((byte[])row[0]!).RootElement.GetProperty("number").GetInt32());
    }

    [Fact]
    public async Task Grains_with_the_same_key_and_different_state_names_keep_separate_state()
    {
        var key = NewKey();
        await Cluster.Client.GetGrain<IProbeGrain>(key).SetAsync(new ProbeState { Text = "probe" });
        await Cluster.Client.GetGrain<IOtherProbeGrain>(key).SetAsync(new ProbeState { Text = "other" });

        await Cluster.DeactivateAsync(Cluster.Client.GetGrain<IProbeGrain>(key));
        await Cluster.DeactivateAsync(Cluster.Client.GetGrain<IOtherProbeGrain>(key));

        Assert.Equal("probe", (await Cluster.Client.GetGrain<IProbeGrain>(key).GetAsync()).Text);
        Assert.Equal("other", (await Cluster.Client.GetGrain<IOtherProbeGrain>(key).GetAsync()).Text);
        Assert.Single(await Database.QueryAsync(StateRowQuery, StateRowParameters(ProbeGrain.StateName, key)));
        Assert.Single(await Database.QueryAsync(StateRowQuery, StateRowParameters(OtherProbeGrain.StateName, key)));
    }

    [Fact]
    public async Task Write_after_the_row_was_deleted_by_someone_else_is_a_version_conflict()
    {
        var key = NewKey();
        var grain = Cluster.Client.GetGrain<IProbeGrain>(key);
        await grain.SetAsync(new ProbeState { Number = 1 });

        await Database.ExecuteAsync(
            "DELETE FROM OrleansStorage WHERE ServiceId = @service AND GrainTypeString = @state AND GrainIdExtensionString = @key",
            StateRowParameters(ProbeGrain.StateName, key));

        await Assert.ThrowsAsync<InconsistentStateException>(() => grain.SetAsync(new ProbeState { Number = 2 }));
        Assert.Empty(await Database.QueryAsync(StateRowQuery, StateRowParameters(ProbeGrain.StateName, key)));
    }

    [Fact]
    public async Task Cleared_state_is_deleted_and_can_be_written_again()
    {
        var key = NewKey();
        var grain = Cluster.Client.GetGrain<IProbeGrain>(key);
        await grain.SetAsync(new ProbeState { Number = 5 });

        await grain.ClearAsync();
        Assert.Empty(await Database.QueryAsync(StateRowQuery, StateRowParameters(ProbeGrain.StateName, key)));
        await Cluster.DeactivateAsync(grain);
        Assert.Equal(0, (await grain.GetAsync()).Number);
        await grain.SetAsync(new ProbeState { Number = 6 });

        await Cluster.DeactivateAsync(grain);
        Assert.Equal(6, (await grain.GetAsync()).Number);
    }

    [Fact]
    public async Task Reminder_is_stored_in_the_reminder_table_and_removed_when_unregistered()
    {
        var key = NewKey();
        var grain = Cluster.Client.GetGrain<IProbeGrain>(key);

        await grain.RegisterReminderAsync("refresh", TimeSpan.FromHours(1), TimeSpan.FromHours(2));

        var row = Assert.Single(await Database.QueryAsync(
            "SELECT GrainId, ReminderName, Period FROM OrleansRemindersTable WHERE ServiceId = @service AND GrainId LIKE @grain",
            ("service", ClusterConnection.ServiceId),
            ("grain", $"%{key}")));
        Assert.Equal("refresh", row[1]);
        Assert.Equal((long)TimeSpan.FromHours(2).TotalMilliseconds, Convert.ToInt64(row[2]));
        Assert.True(await grain.HasReminderAsync("refresh"));

        await grain.UnregisterReminderAsync("refresh");

        Assert.False(await grain.HasReminderAsync("refresh"));
        Assert.Empty(await Database.QueryAsync(
            "SELECT GrainId FROM OrleansRemindersTable WHERE GrainId LIKE @grain", ("grain", $"%{key}")));
    }

    [Fact]
    public async Task State_and_reminders_survive_a_restart_of_the_cluster()
    {
        var key = NewKey();
        await Cluster.Client.GetGrain<IProbeGrain>(key).SetAsync(new ProbeState { Text = "avant" });
        await Cluster.Client.GetGrain<IProbeGrain>(key).RegisterReminderAsync("refresh", TimeSpan.FromHours(1), TimeSpan.FromHours(1));

        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        cluster = await StorageTestCluster.StartAsync(Database);

        var grain = Cluster.Client.GetGrain<IProbeGrain>(key);
        Assert.Equal("avant", (await grain.GetAsync()).Text);
        Assert.True(await grain.HasReminderAsync("refresh"));
        Assert.Single(await Database.QueryAsync(
            "SELECT ReminderName FROM OrleansRemindersTable WHERE GrainId LIKE @grain", ("grain", $"%{key}")));
    }

    [Fact]
    public async Task Reminder_fires_when_the_minimum_period_is_lowered_by_configuration()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        cluster = await StorageTestCluster.StartAsync(Database, new Dictionary<string, string?>
        {
            [StorageSiloBuilderExtensions.ReminderMinimumPeriodKey] = "00:00:01",
        });
        var grain = Cluster.Client.GetGrain<IProbeGrain>(NewKey());

        await grain.RegisterReminderAsync("tick", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        await Polling.Eventually("the reminder to fire", TimeSpan.FromSeconds(30), async () => await grain.GetTickCountAsync() > 0);
        await grain.UnregisterReminderAsync("tick");
    }

    [Theory]
    [InlineData("cafe", "0cafe")]
    [InlineData("beef", "BEEF")]
    [InlineData("0123456789abcdef", "0123456789ABCDEF")]
    [InlineData("1123456789abcdef0123456789abcdef", "1123456789ABCDEF0123456789ABCDEF")]
    [InlineData("2123456789abcdef0123456789abcdef", "21234567-89ab-cdef-0123-456789abcdef")]
    [InlineData("abc+x@exemple.fr", "0abc+x@exemple.fr")]
    [InlineData(" face", "face")]
    public async Task Keys_that_read_as_one_number_keep_separate_state(string first, string second)
    {
        await Cluster.Client.GetGrain<IProbeGrain>(first).SetAsync(new ProbeState { Text = "premier" });
        await Cluster.Client.GetGrain<IProbeGrain>(second).SetAsync(new ProbeState { Text = "second" });

        await Cluster.DeactivateAsync(Cluster.Client.GetGrain<IProbeGrain>(first));
        await Cluster.DeactivateAsync(Cluster.Client.GetGrain<IProbeGrain>(second));

        Assert.Equal("premier", (await Cluster.Client.GetGrain<IProbeGrain>(first).GetAsync()).Text);
        Assert.Equal("second", (await Cluster.Client.GetGrain<IProbeGrain>(second).GetAsync()).Text);
        Assert.Single(await Database.QueryAsync(StateRowQuery, StateRowParameters(ProbeGrain.StateName, first)));
        Assert.Single(await Database.QueryAsync(StateRowQuery, StateRowParameters(ProbeGrain.StateName, second)));
    }

    [Theory]
    [InlineData("probe-ancienne")]
    [InlineData("dead")]
    [InlineData("3123456789abcdef0123456789abcdef")]
    [InlineData("def+y@exemple.fr")]
    public async Task State_stored_by_the_previous_release_under_the_bare_key_is_found_and_moved(string key)
    {
        var grain = Cluster.Client.GetGrain<IProbeGrain>(key);
        // As the previous release stored it: Orleans' provider itself, given the grain's bare key.
        var unprefixed = Cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StorageSiloBuilderExtensions.UnprefixedStorageName);
        await unprefixed.WriteStateAsync(ProbeGrain.StateName, grain.GetGrainId(), new GrainState<ProbeState>(new ProbeState { Text = "avant la mise à jour", Number = 3 }));

        Assert.Equal("avant la mise à jour", (await grain.GetAsync()).Text);
        await grain.SetAsync(new ProbeState { Text = "après", Number = 4 });
        await Cluster.DeactivateAsync(grain);

        Assert.Equal("après", (await grain.GetAsync()).Text);
        var left = new GrainState<ProbeState>();
        await unprefixed.ReadStateAsync(ProbeGrain.StateName, grain.GetGrainId(), left);
        Assert.Null(left.ETag);
        var row = Assert.Single(await Database.QueryAsync(StateRowQuery, StateRowParameters(ProbeGrain.StateName, key)));
        Assert.Equal(4, JsonDocument.Parse((byte[])row[0]!).RootElement.GetProperty("number").GetInt32());
    }

    [Fact]
    public async Task Cleared_state_of_a_moved_grain_does_not_come_back_from_its_old_row()
    {
        var key = NewKey();
        var grain = Cluster.Client.GetGrain<IProbeGrain>(key);
        var unprefixed = Cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StorageSiloBuilderExtensions.UnprefixedStorageName);
        await unprefixed.WriteStateAsync(ProbeGrain.StateName, grain.GetGrainId(), new GrainState<ProbeState>(new ProbeState { Number = 8 }));
        Assert.Equal(8, (await grain.GetAsync()).Number);

        await grain.ClearAsync();
        await Cluster.DeactivateAsync(grain);

        Assert.Equal(0, (await grain.GetAsync()).Number);
    }

    private static string NewKey() => $"probe-{Guid.NewGuid():N}";

    private static (string, object)[] StateRowParameters(string stateName, string key) =>
        [("service", ClusterConnection.ServiceId), ("state", stateName), ("key", UnambiguousKeyGrainStorage.StoredKey(key))];

    private Task BumpStoredVersionAsync(string stateName, string key) =>
        Database.ExecuteAsync(
            "UPDATE OrleansStorage SET Version = Version + 1 WHERE ServiceId = @service AND GrainTypeString = @state AND GrainIdExtensionString = @key",
            StateRowParameters(stateName, key));
}
