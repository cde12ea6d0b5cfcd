using System.Collections.Immutable;
using AlloIndustrie.Grains.Interfaces.Accounts;

namespace AlloIndustrie.Grains.Accounts;

public sealed class AccountDirectoryGrain(
    [PersistentState("accounts", StorageNames.Grains)] IPersistentState<AccountDirectoryState> state)
    : Grain, IAccountDirectoryGrain
{
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.KeyedByDigest)
        {
            return;
        }

        // Accounts were once keyed by their e-mail: activating each such grain hands its account to its new key.
        // Once, at the first start of this release (a new deployment has nothing to move).
        foreach (var email in state.State.Accounts.Keys)
        {
            await GrainFactory.GetGrain<IAccountGrain>(email).Get();
        }

        state.State.KeyedByDigest = true;
        await state.WriteStateAsync();
    }

    public async Task Register(AccountSummary account)
    {
        state.State.Accounts[account.NormalizedEmail] = account;
        await state.WriteStateAsync();
    }

    public Task<ImmutableArray<AccountSummary>> List() =>
        Task.FromResult(state.State.Accounts.Values.OrderBy(a => a.NormalizedEmail, StringComparer.Ordinal).ToImmutableArray());

    public Task<bool> HasSuperAdmin() =>
        Task.FromResult(state.State.Accounts.Values.Any(a => a is { Role: AccountRole.SuperAdmin, Disabled: false }));
}
