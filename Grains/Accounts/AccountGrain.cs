using AlloIndustrie.Grains.Interfaces.Accounts;

namespace AlloIndustrie.Grains.Accounts;

public sealed class AccountGrain(
    [PersistentState("account", StorageNames.Grains)] IPersistentState<AccountState> state) : Grain, IAccountGrain
{
    public Task<AccountRecord?> Get() => Task.FromResult(state.State.Account);

    public async Task<bool> Create(AccountRecord account)
    {
        if (state.State.Account is not null || account.NormalizedEmail != this.GetPrimaryKeyString())
        {
            return false;
        }

        state.State.Account = account with { ConcurrencyStamp = NewStamp() };
        await state.WriteStateAsync();
        await Directory().Register(state.State.Account.Summary());
        return true;
    }

    public async Task<AccountRecord?> Update(AccountRecord account)
    {
        if (state.State.Account is not { } current
            || current.ConcurrencyStamp != account.ConcurrencyStamp
            || account.NormalizedEmail != current.NormalizedEmail)
        {
            return null;
        }

        // The creation date is the account's history, not something an edit may rewrite.
        state.State.Account = account with { ConcurrencyStamp = NewStamp(), CreatedAt = current.CreatedAt };
        await state.WriteStateAsync();
        if (state.State.Account.Summary() != current.Summary())
        {
            await Directory().Register(state.State.Account.Summary());
        }

        return state.State.Account;
    }

    public async Task<FailedAccess?> RecordFailedAccess(int maxAttempts, DateTimeOffset lockoutEnd)
    {
        if (state.State.Account is not { } current)
        {
            return null;
        }

        var count = current.AccessFailedCount + 1;
        state.State.Account = count >= maxAttempts
            ? current with { AccessFailedCount = 0, LockoutEnd = lockoutEnd, ConcurrencyStamp = NewStamp() }
            : current with { AccessFailedCount = count, ConcurrencyStamp = NewStamp() };
        await state.WriteStateAsync();
        return new FailedAccess(count, state.State.Account);
    }

    private IAccountDirectoryGrain Directory() => GrainFactory.GetGrain<IAccountDirectoryGrain>(IAccountDirectoryGrain.Key);

    private static string NewStamp() => Guid.NewGuid().ToString("N");
}
