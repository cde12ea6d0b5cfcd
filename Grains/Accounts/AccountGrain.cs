using AlloIndustrie.Grains.Interfaces.Accounts;

namespace AlloIndustrie.Grains.Accounts;

public sealed class AccountGrain(
    [PersistentState("account", StorageNames.Grains)] IPersistentState<AccountState> state) : Grain, IAccountGrain
{
    /// <summary>Set when this grain is keyed by the e-mail itself, as accounts were before: the grain that now holds the account.</summary>
    private IAccountGrain? current;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = this.GetPrimaryKeyString();
        if (!AccountKeys.IsByAddress(key))
        {
            return;
        }

        current = GrainFactory.GetGrain<IAccountGrain>(AccountKeys.Of(key));
        if (state.State.Account is { } stored)
        {
            await current.Adopt(stored);
            await state.ClearStateAsync();
        }
    }

    public Task<AccountRecord?> Get() => current?.Get() ?? Task.FromResult(state.State.Account);

    public async Task<bool> Create(AccountRecord account)
    {
        if (current is not null)
        {
            return await current.Create(account);
        }

        if (state.State.Account is not null || AccountKeys.Of(account.NormalizedEmail) != this.GetPrimaryKeyString())
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
        if (current is not null)
        {
            return await current.Update(account);
        }

        if (state.State.Account is not { } stored
            || stored.ConcurrencyStamp != account.ConcurrencyStamp
            || account.NormalizedEmail != stored.NormalizedEmail)
        {
            return null;
        }

        // The creation date is the account's history, not something an edit may rewrite.
        return await Save(stored, account with { CreatedAt = stored.CreatedAt });
    }

    public async Task<AccountRecord?> Change(AccountChange change)
    {
        if (current is not null)
        {
            return await current.Change(change);
        }

        return state.State.Account is { } stored ? await Save(stored, change.ApplyTo(stored)) : null;
    }

    private async Task<AccountRecord> Save(AccountRecord stored, AccountRecord account)
    {
        state.State.Account = account with { ConcurrencyStamp = NewStamp() };
        await state.WriteStateAsync();
        if (state.State.Account.Summary() != stored.Summary())
        {
            await Directory().Register(state.State.Account.Summary());
        }

        return state.State.Account;
    }

    public async Task<FailedAccess?> RecordFailedAccess(int maxAttempts, DateTimeOffset lockoutEnd)
    {
        if (current is not null)
        {
            return await current.RecordFailedAccess(maxAttempts, lockoutEnd);
        }

        if (state.State.Account is not { } stored)
        {
            return null;
        }

        var count = stored.AccessFailedCount + 1;
        state.State.Account = count >= maxAttempts
            ? stored with { AccessFailedCount = 0, LockoutEnd = lockoutEnd, ConcurrencyStamp = NewStamp() }
            : stored with { AccessFailedCount = count, ConcurrencyStamp = NewStamp() };
        await state.WriteStateAsync();
        return new FailedAccess(count, state.State.Account);
    }

    public async Task Adopt(AccountRecord account)
    {
        // Repeated if the former grain died before clearing its copy: the first adoption stands.
        if (current is not null || state.State.Account is not null || AccountKeys.Of(account.NormalizedEmail) != this.GetPrimaryKeyString())
        {
            return;
        }

        state.State.Account = account;
        await state.WriteStateAsync();
    }

    private IAccountDirectoryGrain Directory() => GrainFactory.GetGrain<IAccountDirectoryGrain>(IAccountDirectoryGrain.Key);

    private static string NewStamp() => Guid.NewGuid().ToString("N");
}
