using AlloIndustrie.Grains.Interfaces.Telephony;

namespace AlloIndustrie.Grains.Telephony;

/// <summary>A territory's rates, as its administrators set them.</summary>
public sealed class TelephoneRatesState
{
    public TelephoneRates? Rates { get; set; }
}
