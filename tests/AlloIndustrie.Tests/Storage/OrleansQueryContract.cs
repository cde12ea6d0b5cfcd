using AlloIndustrie.ServiceDefaults.Configuration;
using AlloIndustrie.Silo.Storage;

namespace AlloIndustrie.Tests.Storage;

/// <summary>
/// The OrleansQuery keys the Orleans 10.4.2 ADO.NET providers look up; a missing one makes the
/// provider fail at silo start.
/// </summary>
public static class OrleansQueryContract
{
    public static readonly string[] Persistence =
        ["ReadFromStorageKey", "WriteToStorageKey", "ClearStorageKey", "DeleteStorageKey"];

    public static readonly string[] Reminders =
    [
        "ReadReminderRowsKey", "ReadReminderRowKey", "ReadRangeRows1Key", "ReadRangeRows2Key",
        "UpsertReminderRowKey", "DeleteReminderRowKey", "DeleteReminderRowsKey",
    ];

    public static readonly string[] Clustering =
    [
        "GatewaysQueryKey", "MembershipReadRowKey", "MembershipReadAllKey", "InsertMembershipVersionKey",
        "UpdateIAmAlivetimeKey", "InsertMembershipKey", "UpdateMembershipKey", "DeleteMembershipTableEntriesKey",
        "CleanupDefunctSiloEntriesKey",
    ];

    public static IReadOnlyList<string> KeysFor(StorageProvider provider) => provider switch
    {
        StorageProvider.Sqlite => [.. Persistence, .. Reminders],
        StorageProvider.PostgreSql => [.. Persistence, .. Reminders, .. Clustering],
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };

    public static async Task<IReadOnlyList<string>> InstalledKeysAsync(ITestDatabase database) =>
        (await database.QueryAsync("SELECT QueryKey FROM OrleansQuery"))
            .Select(row => (string)row[0]!)
            .Order(StringComparer.Ordinal)
            .ToList();
}
