using AlloIndustrie.Silo.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace AlloIndustrie.Tests.Storage;

public static class SchemaInstallers
{
    public static SchemaInstaller For(ITestDatabase database) =>
        new(
            StorageOptions.FromConfiguration(new ConfigurationBuilder().AddInMemoryCollection(database.Settings).Build()),
            NullLogger<SchemaInstaller>.Instance);
}
