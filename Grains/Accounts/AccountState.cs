using AlloIndustrie.Grains.Interfaces.Accounts;

namespace AlloIndustrie.Grains.Accounts;

/// <summary>An account's durable state.</summary>
public sealed class AccountState
{
    public AccountRecord? Account { get; set; }
}
