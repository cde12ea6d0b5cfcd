namespace AlloIndustrie.Silo.Storage;

/// <summary>
/// The data folder holds password hashes, TOTP keys, API key hashes, the Twilio token and the cookie keys: only
/// the service's own user may read it (folder 0700, files 0600), whatever the umask.
/// </summary>
public static class PrivateFiles
{
    public const UnixFileMode PrivateFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    public const UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates the folder if need be, and makes it private at every start (a folder made by hand too).</summary>
    public static void CreateFolder(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }

        Directory.CreateDirectory(path, PrivateFolder);
        File.SetUnixFileMode(path, PrivateFolder);
    }

    /// <summary>
    /// Creates the file empty if it does not exist, and makes it private. SQLite gives its journal and WAL files
    /// the mode of the database file, so those stay private too.
    /// </summary>
    public static void CreateFile(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using (new FileStream(path, new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.Write, UnixCreateMode = PrivateFile }))
        {
        }

        File.SetUnixFileMode(path, PrivateFile);
    }

    /// <summary>Writes a whole private file: aside then renamed, so that a reader never sees it half-written.</summary>
    public static async Task Write(string path, string contents, CancellationToken cancellationToken)
    {
        var aside = path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = PrivateFile;
        }

        await using (var stream = new FileStream(aside, options))
        await using (var writer = new StreamWriter(stream))
        {
            await writer.WriteAsync(contents.AsMemory(), cancellationToken);
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(aside, PrivateFile);
        }

        File.Move(aside, path, overwrite: true);
    }
}
