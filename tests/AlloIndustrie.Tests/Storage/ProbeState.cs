namespace AlloIndustrie.Tests.Storage;

[GenerateSerializer]
public sealed class ProbeState
{
    [Id(0)]
    public string Text { get; set; } = "";

    [Id(1)]
    public int Number { get; set; }

    [Id(2)]
    public List<string> Tags { get; set; } = [];
}
