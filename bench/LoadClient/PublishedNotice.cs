namespace AlloIndustrie.Bench.LoadClient;

/// <summary>A notice the benchmark published: its id, the key of its site, and the Stopwatch timestamp of the POST.</summary>
public sealed record PublishedNotice(string Id, string Key, long SentAt);
