using System.Collections.Immutable;
using AlloIndustrie.Grains.Interfaces.Accounts;
using AlloIndustrie.Silo.Accounts;
using AlloIndustrie.WebFront.Dashboard.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit;

namespace AlloIndustrie.Tests.Dashboard;

/// <summary>Accounts in their grains, and Identity's lockout and hashing on top of them, in an in-process cluster.</summary>
public sealed class AccountGrainTests(GrainClusterFixture fixture) : IClassFixture<GrainClusterFixture>
{
    private IGrainFactory Grains => fixture.Test.Grains;

    [Fact]
    public async Task An_account_is_created_once_and_only_updated_from_its_latest_version()
    {
        var email = Email();
        var grain = Grains.GetGrain<IAccountGrain>(AccountKeys.Of(AccountKeys.Normalize(email)));
        var account = Record(email, AccountRole.Operator);
        Assert.True(await grain.Create(account));
        Assert.False(await grain.Create(account with { DisplayName = "Usurpateur" }));

        var stored = (await grain.Get())!;
        Assert.Equal("Compte de test", stored.DisplayName);
        var updated = await grain.Update(stored with { DisplayName = "Renommé" });
        Assert.NotNull(updated);
        Assert.NotEqual(stored.ConcurrencyStamp, updated.ConcurrencyStamp);

        // A writer that read before the update must not overwrite it.
        Assert.Null(await grain.Update(stored with { Disabled = true }));
        Assert.False((await grain.Get())!.Disabled);
        Assert.Null(await Grains.GetGrain<IAccountGrain>(AccountKeys.Of(AccountKeys.Normalize(Email()))).Update(account));

        var listed = (await Grains.GetGrain<IAccountDirectoryGrain>(IAccountDirectoryGrain.Key).List()).Single(a => a.Email == email);
        Assert.Equal("Renommé", listed.DisplayName);
    }

    [Fact]
    public async Task An_account_is_only_created_under_its_own_normalised_key()
    {
        var email = Email();
        Assert.False(await Grains.GetGrain<IAccountGrain>(AccountKeys.Of("AUTRE@TEST.EXAMPLE")).Create(Record(email, AccountRole.SuperAdmin)));
        Assert.Null(await Grains.GetGrain<IAccountGrain>(AccountKeys.Of("AUTRE@TEST.EXAMPLE")).Get());
    }

    [Fact]
    public async Task Identity_locks_an_account_after_repeated_failures_and_the_lock_survives_a_new_request()
    {
        using var services = Identity(maxFailures: 3);
        var email = Email();
        using (var scope = services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AccountUser>>();
            var created = await users.CreateAsync(new AccountUser { Email = email, DisplayName = "Test", Role = AccountRole.Operator }, "un mot de passe assez long");
            Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
            Assert.False((await users.CreateAsync(new AccountUser { Email = email.ToUpperInvariant() }, "un autre mot de passe long")).Succeeded);

            var user = (await users.FindByEmailAsync(email))!;
            for (var i = 0; i < 3; i++)
            {
                Assert.False(await users.CheckPasswordAsync(user, "faux"));
                await users.AccessFailedAsync(user);
            }

            Assert.True(await users.IsLockedOutAsync(user));
        }

        var stored = (await Grains.GetGrain<IAccountGrain>(AccountKeys.Of(AccountKeys.Normalize(email))).Get())!;
        Assert.True(stored.LockoutEnd > DateTimeOffset.UtcNow);
        Assert.StartsWith("AQAAAA", stored.PasswordHash);
        Assert.DoesNotContain("un mot de passe", stored.PasswordHash);

        using var later = services.CreateScope();
        var again = later.ServiceProvider.GetRequiredService<UserManager<AccountUser>>();
        Assert.True(await again.IsLockedOutAsync((await again.FindByNameAsync($"  {email.ToUpperInvariant()} "))!));
    }

    [Fact]
    public async Task The_first_administrator_comes_from_configuration_once_and_with_a_long_password_only()
    {
        var provisioning = new AccountProvisioning(Grains, TimeProvider.System);
        var tooShort = new FirstAdministrator(Grains, provisioning, Options.Create(new AdminOptions { Email = Email(), Password = "court" }), NullLogger<FirstAdministrator>.Instance);
        await Assert.ThrowsAsync<InvalidOperationException>(() => tooShort.StartAsync(CancellationToken.None));

        var email = Email();
        var first = new FirstAdministrator(Grains, provisioning, Options.Create(new AdminOptions { Email = email, Password = "mot de passe du premier" }), NullLogger<FirstAdministrator>.Instance);
        await first.StartAsync(CancellationToken.None);
        var admin = (await Grains.GetGrain<IAccountGrain>(AccountKeys.Of(AccountKeys.Normalize(email))).Get())!;
        Assert.Equal(AccountRole.SuperAdmin, admin.Role);
        Assert.True(await Grains.GetGrain<IAccountDirectoryGrain>(IAccountDirectoryGrain.Key).HasSuperAdmin());

        var secondEmail = Email();
        var second = new FirstAdministrator(Grains, provisioning, Options.Create(new AdminOptions { Email = secondEmail, Password = "mot de passe du second" }), NullLogger<FirstAdministrator>.Instance);
        await second.StartAsync(CancellationToken.None);
        Assert.Null(await Grains.GetGrain<IAccountGrain>(AccountKeys.Of(AccountKeys.Normalize(secondEmail))).Get());

        // The silo hashes as the web front verifies.
        using var services = Identity(maxFailures: 5);
        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AccountUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        Assert.True(await users.CheckPasswordAsync(user, "mot de passe du premier"));
        Assert.False(await users.CheckPasswordAsync(user, "mot de passe du second"));
    }

    [Fact]
    public async Task Two_requests_changing_different_fields_of_one_account_both_keep_their_change()
    {
        using var services = Identity(maxFailures: 5);
        var email = Email();
        using (var scope = services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AccountUser>>();
            Assert.True((await users.CreateAsync(new AccountUser { Email = email, DisplayName = "Avant", Role = AccountRole.Operator }, "un mot de passe assez long")).Succeeded);
        }

        // Both read the account before either writes, as an owner renaming it and an administrator disabling it would.
        using var owner = services.CreateScope();
        using var administrator = services.CreateScope();
        var ownerUsers = owner.ServiceProvider.GetRequiredService<UserManager<AccountUser>>();
        var administratorUsers = administrator.ServiceProvider.GetRequiredService<UserManager<AccountUser>>();
        var ownerCopy = (await ownerUsers.FindByEmailAsync(email))!;
        var administratorCopy = (await administratorUsers.FindByEmailAsync(email))!;

        ownerCopy.DisplayName = "Après";
        administratorCopy.Disabled = true;
        Assert.True((await ownerUsers.UpdateAsync(ownerCopy)).Succeeded);
        Assert.True((await administratorUsers.UpdateAsync(administratorCopy)).Succeeded);

        var stored = (await Grains.GetGrain<IAccountGrain>(AccountKeys.Of(AccountKeys.Normalize(email))).Get())!;
        Assert.Equal("Après", stored.DisplayName);
        Assert.True(stored.Disabled);
        Assert.True(await ownerUsers.CheckPasswordAsync(AccountUser.From(stored), "un mot de passe assez long"));
        var listed = (await Grains.GetGrain<IAccountDirectoryGrain>(IAccountDirectoryGrain.Key).List()).Single(a => a.Email == email);
        Assert.Equal(("Après", true), (listed.DisplayName, listed.Disabled));
    }

    private ServiceProvider Identity(int maxFailures)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(Grains);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ILookupNormalizer, AccountLookupNormalizer>();
        services.AddIdentityCore<AccountUser>(o =>
        {
            o.Password.RequiredLength = 12;
            o.Password.RequireDigit = o.Password.RequireLowercase = o.Password.RequireUppercase = o.Password.RequireNonAlphanumeric = false;
            o.Lockout.MaxFailedAccessAttempts = maxFailures;
        }).AddUserStore<GrainUserStore>();
        return services.BuildServiceProvider();
    }

    private static string Email() => $"compte-{Guid.NewGuid():N}@test.example";

    private static AccountRecord Record(string email, AccountRole role) => new(
        email, AccountKeys.Normalize(email), "Compte de test", null, "stamp", "", null, 0, null, false, role,
        ImmutableArray<string>.Empty, ImmutableArray<string>.Empty, false, DateTimeOffset.UtcNow);
}
