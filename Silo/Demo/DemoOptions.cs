namespace AlloIndustrie.Silo.Demo;

/// <summary>Bound from <c>Allo:Demo</c>.</summary>
public sealed class DemoOptions
{
    public const string Section = "Allo:Demo";

    /// <summary>Fill a new, empty deployment with demo territories, sites and keys.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Where the demo's credentials are written: the data folder.</summary>
    public string DataDirectory { get; set; } = "./data";
}
