using AlloIndustrie.Grains.Interfaces.Accounts;
using Microsoft.Extensions.Options;

namespace AlloIndustrie.Silo.Accounts;

/// <summary>
/// Creates the super administrator named by <c>Allo:Admin:Email</c> and <c>Allo:Admin:Password</c> when the
/// deployment has none. There is no default: without both keys, nothing is created.
/// </summary>
public sealed class FirstAdministrator(
    IGrainFactory grains, AccountProvisioning provisioning, IOptions<AdminOptions> options, ILogger<FirstAdministrator> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var (email, password) = (options.Value.Email, options.Value.Password);
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
        {
            return;
        }

        if (password.Length < AccountProvisioning.MinimumPasswordLength)
        {
            throw new InvalidOperationException(
                $"Allo:Admin:Password must be at least {AccountProvisioning.MinimumPasswordLength} characters long.");
        }

        if (await grains.GetGrain<IAccountDirectoryGrain>(IAccountDirectoryGrain.Key).HasSuperAdmin())
        {
            return;
        }

        if (await provisioning.Create(email, "Super administrateur", password, AccountRole.SuperAdmin, [], []))
        {
            logger.LogInformation("Super administrator {Email} created from configuration", email);
        }
        else
        {
            logger.LogWarning("Allo:Admin:Email {Email} belongs to an existing account; no super administrator was created", email);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
