namespace AlloIndustrie.Grains.Interfaces.Notices;

/// <summary>The outcome of a command that changes a record: the record as it now stands, or why nothing changed.</summary>
[GenerateSerializer, Immutable, Alias("AlloIndustrie.CommandResult`1")]
public sealed record CommandResult<T>(
    [property: Id(0)] T? Value,
    [property: Id(1)] CommandError? Error)
    where T : class
{
    public static CommandResult<T> Ok(T value) => new(value, null);

    public static CommandResult<T> Failed(CommandError error) => new(null, error);
}
