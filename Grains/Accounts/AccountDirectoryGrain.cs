using System.Collections.Immutable;
using AlloIndustrie.Grains.Interfaces.Accounts;

namespace AlloIndustrie.Grains.Accounts;

public sealed class AccountDirectoryGrain(
    [PersistentState("accounts", StorageNames.Grains)] IPersistentState<AccountDirectoryState> state)
    : Grain, IAccountDirectoryGrain
{
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
