using System.Text;
using AlloIndustrie.Grains.Interfaces.Subscriptions;
using AlloIndustrie.Grains.Subscriptions;
using AlloIndustrie.ServiceDefaults.Configuration;
using AlloIndustrie.Tests.Grains;
using AlloIndustrie.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace AlloIndustrie.Tests.Subscriptions;

/// <summary>
/// The subscriptions' Data Protection key ring sealed at rest with the operator's secret, on a real SQLite file that
/// successive silos open as a cluster's nodes would: the same secret reads it, another one is refused.
/// </summary>
public sealed class KeyRingEncryptionTests : IDisposable
{
    private static readonly SubscriberContact Contact = SubscriberContact.Email("trousseau@example.org");

    private readonly SqliteDatabase database = new();

    [Fact]
    public async Task The_stored_ring_holds_no_key_in_clear_and_a_node_with_the_same_secret_reads_it()
    {
        var secret = KeyRingSecret.Generate();
        string protectedContact;
        byte[] hashKey;
        await using (var first = await Start(secret))
        {
            protectedContact = Secrets(first).Protect(Contact);
            hashKey = await first.Grains.GetGrain<ISubscriptionKeysGrain>(0).HashKey();
            var ring = await first.Grains.GetGrain<ISubscriptionKeysGrain>(0).KeyRing();
            Assert.NotEmpty(ring);
            Assert.All(ring, xml =>
            {
                Assert.Contains("sealedKey", xml, StringComparison.Ordinal);
                Assert.DoesNotContain("masterKey", xml, StringComparison.Ordinal);
            });
        }

        // What is on disk, whatever the storage's encoding: no master key, and not Data Protection's warning about one.
        var stored = StoredText();
        Assert.Contains("sealedKey", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("masterKey", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("unencrypted", stored, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(hashKey), stored, StringComparison.Ordinal);

        await using var second = await Start(secret);
        Assert.Equal(Contact, Secrets(second).Unprotect(protectedContact));
        Assert.Equal(hashKey, await second.Grains.GetGrain<ISubscriptionKeysGrain>(0).HashKey());
    }

    [Fact]
    public async Task A_node_with_another_secret_or_none_refuses_to_start_and_adds_no_key()
    {
        var secret = KeyRingSecret.Generate();
        string[] ring;
        await using (var first = await Start(secret))
        {
            Secrets(first).Protect(Contact);
            ring = [.. await first.Grains.GetGrain<ISubscriptionKeysGrain>(0).KeyRing()];
        }

        var other = await Assert.ThrowsAnyAsync<Exception>(() => Start(KeyRingSecret.Generate()));
        Assert.Contains("chiffré avec un autre secret", other.ToString(), StringComparison.Ordinal);
        Assert.Contains("encrypted with another secret", other.ToString(), StringComparison.Ordinal);

        var none = await Assert.ThrowsAnyAsync<Exception>(() => Start(null));
        Assert.Contains($"{KeyRingSecret.FileKey} n’est pas configuré", none.ToString(), StringComparison.Ordinal);

        await using var again = await Start(secret);
        Assert.Equal(ring, await again.Grains.GetGrain<ISubscriptionKeysGrain>(0).KeyRing());
    }

    [Fact]
    public async Task A_ring_and_hash_key_stored_in_clear_before_the_secret_was_set_are_sealed_and_still_open()
    {
        string protectedContact;
        byte[] hashKey;
        await using (var before = await Start(null))
        {
            protectedContact = Secrets(before).Protect(Contact);
            Assert.Contains(await before.Grains.GetGrain<ISubscriptionKeysGrain>(0).KeyRing(), xml => xml.Contains("masterKey", StringComparison.Ordinal));
            hashKey = await before.Grains.GetGrain<ISubscriptionKeysGrain>(0).HashKey();
        }

        Assert.Contains(Convert.ToBase64String(hashKey), StoredText(), StringComparison.Ordinal);
        var secret = KeyRingSecret.Generate();
        await using (var after = await Start(secret))
        {
            Assert.All(await after.Grains.GetGrain<ISubscriptionKeysGrain>(0).KeyRing(), xml => Assert.DoesNotContain("masterKey", xml, StringComparison.Ordinal));
            Assert.Equal(Contact, Secrets(after).Unprotect(protectedContact));
            Assert.Equal(hashKey, await after.Grains.GetGrain<ISubscriptionKeysGrain>(0).HashKey());
        }

        Assert.DoesNotContain(Convert.ToBase64String(hashKey), StoredText(), StringComparison.Ordinal);
        await using var again = await Start(secret);
        Assert.Equal(Contact, Secrets(again).Unprotect(protectedContact));
        Assert.Equal(hashKey, await again.Grains.GetGrain<ISubscriptionKeysGrain>(0).HashKey());
    }

    public void Dispose() => database.Dispose();

    // The application's service id, so that each node finds the rows the previous one wrote.
    private Task<GrainTestCluster> Start(string? secret) => GrainTestCluster.Start(
        silo =>
        {
            database.SiloStorage()(silo);
            if (secret is not null)
            {
                silo.Services.AddSingleton(KeyRingSecret.Parse(secret)!);
            }
        },
        serviceId: ClusterConnection.ServiceId);

    private static SubscriptionSecrets Secrets(GrainTestCluster test) =>
        test.Cluster.Silos[0].ServiceProvider.GetRequiredService<SubscriptionSecrets>();

    private string StoredText()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var text = new StringBuilder();
        foreach (var file in Directory.GetFiles(database.DataDirectory))
        {
            text.Append(Encoding.Latin1.GetString(File.ReadAllBytes(file)));
        }

        return text.ToString();
    }
}
