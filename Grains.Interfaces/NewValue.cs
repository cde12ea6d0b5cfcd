namespace AlloIndustrie.Grains.Interfaces;

/// <summary>
/// A value a command sets, for a field whose own null means something (no end, unset): a command leaves a field
/// unchanged when it holds no <see cref="NewValue{T}"/> at all.
/// </summary>
[GenerateSerializer, Immutable, Alias("AlloIndustrie.NewValue`1")]
public sealed record NewValue<T>([property: Id(0)] T Value);
