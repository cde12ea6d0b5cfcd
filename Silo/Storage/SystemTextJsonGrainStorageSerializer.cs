using System.Text.Json;
using Orleans.Storage;

namespace AlloIndustrie.Silo.Storage;

/// <summary>
/// Stores grain state as plain camelCase JSON, readable from SQL and free of CLR type names,
/// so that renaming or moving a state class never makes stored state unreadable.
/// </summary>
/// <remarks>
/// System.Text.Json rules apply to state classes: public properties with public setters (or a
/// constructor it can bind) are stored, fields and private members are not, and polymorphic
/// members need <c>[JsonDerivedType]</c>.
/// </remarks>
public sealed class SystemTextJsonGrainStorageSerializer : IGrainStorageSerializer
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public BinaryData Serialize<T>(T? input) => BinaryData.FromObjectAsJson(input, JsonOptions);

    public T? Deserialize<T>(BinaryData input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.ToObjectFromJson<T>(JsonOptions);
    }
}
