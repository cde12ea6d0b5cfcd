using AlloIndustrie.Grains.Interfaces.Telephony;

namespace AlloIndustrie.Grains.Telephony;

/// <summary>A territory's month of SMS and calls.</summary>
public sealed class TelephoneUsageState
{
    public TelephoneUsage Usage { get; set; } = TelephoneUsage.None;
}
