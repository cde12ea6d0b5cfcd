using System.Buffers.Binary;
using System.Text;

namespace AlloIndustrie.Grains.Speech;

/// <summary>
/// The duration of a PCM WAV file, from its header: the data chunk's size over the format's bytes per second.
/// Read here rather than by running soxi, one process fewer per synthesis.
/// </summary>
public static class WaveDuration
{
    public static async Task<TimeSpan> Of(string path, CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(path);
        var header = new byte[12];
        await file.ReadExactlyAsync(header, cancellationToken);
        if (Encoding.ASCII.GetString(header, 0, 4) != "RIFF" || Encoding.ASCII.GetString(header, 8, 4) != "WAVE")
        {
            throw new InvalidDataException($"{path} is not a WAV file.");
        }

        var chunk = new byte[8];
        var bytesPerSecond = 0u;
        while (true)
        {
            await file.ReadExactlyAsync(chunk, cancellationToken);
            var id = Encoding.ASCII.GetString(chunk, 0, 4);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(chunk.AsSpan(4));
            if (id == "fmt " && size >= 16)
            {
                var format = new byte[size];
                await file.ReadExactlyAsync(format, cancellationToken);
                bytesPerSecond = BinaryPrimitives.ReadUInt32LittleEndian(format.AsSpan(8));
                if (size % 2 == 1)
                {
                    file.Seek(1, SeekOrigin.Current);
                }
            }
            else if (id == "data")
            {
                return bytesPerSecond > 0
                    ? TimeSpan.FromSeconds((double)size / bytesPerSecond)
                    : throw new InvalidDataException($"{path} has no format before its data.");
            }
            else
            {
                // Chunks are padded to an even size.
                file.Seek(size + (size % 2), SeekOrigin.Current);
            }
        }
    }
}
