using AlloIndustrie.Grains.Accounts;
using AlloIndustrie.Grains.Interfaces.Accounts;
using AlloIndustrie.Tests.Grains;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Xunit;

namespace AlloIndustrie.Tests.Dashboard;

/// <summary>
/// Accounts were keyed by their e-mail, which Orleans then wrote into its logs. A deployment of that release keeps
/// its accounts: at the first start they move to their digest keys, and a session or a web front that still names
/// an account by its e-mail is answered by the same account.
/// </summary>
public sealed class AccountKeyMigrationTests : SqliteClusterTest
{

    [Fact]
    public async Task Accounts_stored_under_their_e_mail_move_to_their_digest_key_at_the_first_start()
    {
        var email = "Exploitante.Ancienne@Exemple.fr";
        var normalized = AccountKeys.Normalize(email);
        var record = new AccountRecord(
            email, normalized, "Exploitante d’avant", "hash", "stamp-avant", "concurrence-avant", null, 2, null, false, AccountRole.Operator,
            ["rouen-metropole"], ["rouen-metropole/depot"], false, DateTimeOffset.UtcNow.AddYears(-1));
        var byAddress = Test.Grains.GetGrain<IAccountGrain>(normalized);
        var directory = Test.Grains.GetGrain<IAccountDirectoryGrain>(IAccountDirectoryGrain.Key);

        // As the previous release stored them: the account under its e-mail, the directory without the move done.
        var storage = Test.Cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(AlloIndustrie.Grains.StorageNames.Grains);
        await storage.WriteStateAsync("account", byAddress.GetGrainId(), new GrainState<AccountState>(new AccountState { Account = record }));
        var previousDirectory = new AccountDirectoryState { Accounts = { [normalized] = record.Summary() } };
        await storage.WriteStateAsync("accounts", directory.GetGrainId(), new GrainState<AccountDirectoryState>(previousDirectory));

        Assert.Equal(email, (await directory.List()).Single().Email);

        var moved = await Test.Grains.GetGrain<IAccountGrain>(AccountKeys.Of(normalized)).Get();
        Assert.NotNull(moved);
        Assert.Equal(record, moved with { Territories = record.Territories, Sites = record.Sites });
        Assert.Equal(record.Territories.ToArray(), moved.Territories.ToArray());
        Assert.Equal(record.Sites.ToArray(), moved.Sites.ToArray());
        Assert.DoesNotContain('@', AccountKeys.Of(normalized));
        var left = new GrainState<AccountState>();
        await storage.ReadStateAsync("account", byAddress.GetGrainId(), left);
        Assert.Null(left.State?.Account);

        // A session opened before names the account by its e-mail: it reaches the moved account, and its writes land there.
        var renamed = await byAddress.Update(moved with { DisplayName = "Exploitante renommée" });
        Assert.Equal("Exploitante renommée", renamed!.DisplayName);
        await Test.Cluster.DeactivateAsync(byAddress);
        Assert.Equal("Exploitante renommée", (await Test.Grains.GetGrain<IAccountGrain>(AccountKeys.Of(normalized)).Get())!.DisplayName);
        Assert.Equal("Exploitante renommée", (await byAddress.Get())!.DisplayName);
    }
}
