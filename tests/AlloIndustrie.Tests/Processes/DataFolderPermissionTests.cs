using Xunit;

namespace AlloIndustrie.Tests.Processes;

/// <summary>The data folder holds password hashes, TOTP keys and the Twilio token: nobody but the service's user reads it.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DataFolderPermissionTests
{
    private const UnixFileMode Folder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    public async Task The_data_folder_is_0700_and_the_database_and_demo_credentials_0600_whatever_the_umask()
    {
        await using var service = new RunningService();

        // As an administrator would have made it by hand, readable by everyone.
        File.SetUnixFileMode(service.DataDirectory, Folder | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        await service.Start();

        Assert.Equal(Folder, File.GetUnixFileMode(service.DataDirectory));
        Assert.Equal(Private, File.GetUnixFileMode(Path.Combine(service.DataDirectory, "alloindustrie.db")));
        Assert.Equal(Private, File.GetUnixFileMode(Path.Combine(service.DataDirectory, "demo-credentials.json")));
        foreach (var journal in Directory.GetFiles(service.DataDirectory, "alloindustrie.db-*"))
        {
            Assert.Equal(Private, File.GetUnixFileMode(journal));
        }
    }
}
