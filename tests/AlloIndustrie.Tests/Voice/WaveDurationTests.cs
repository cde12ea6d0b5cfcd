using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using AlloIndustrie.Grains.Speech;
using Xunit;

namespace AlloIndustrie.Tests.Voice;

public sealed class WaveDurationTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("allo-wave-test-");

    public void Dispose() => folder.Delete(recursive: true);

    [Theory]
    [InlineData(16000, 1, "2.5")]
    [InlineData(22050, 2, "0.75")]
    public async Task Reads_the_duration_sox_wrote(int rate, int channels, string seconds)
    {
        var path = Path.Combine(folder.FullName, "tone.wav");
        using (var sox = Process.Start(new ProcessStartInfo("sox", ["-n", "-r", rate.ToString(CultureInfo.InvariantCulture), "-c", channels.ToString(CultureInfo.InvariantCulture), "-b", "16", path, "synth", seconds, "sine", "440"]))!)
        {
            await sox.WaitForExitAsync();
            Assert.Equal(0, sox.ExitCode);
        }

        var duration = await WaveDuration.Of(path, CancellationToken.None);

        Assert.Equal(double.Parse(seconds, CultureInfo.InvariantCulture), duration.TotalSeconds, 3);
    }

    [Fact]
    public async Task Skips_other_chunks_including_odd_sized_ones()
    {
        // 8 kHz mono 16-bit: 16,000 bytes a second; a 3-byte LIST chunk (padded to 4) before the format.
        var path = Path.Combine(folder.FullName, "chunks.wav");
        var wave = new MemoryStream();
        wave.Write("RIFF"u8);
        wave.Write(new byte[4]);
        wave.Write("WAVE"u8);
        Chunk(wave, "LIST", [1, 2, 3]);
        var format = new byte[16];
        BinaryPrimitives.WriteUInt16LittleEndian(format, 1);
        BinaryPrimitives.WriteUInt16LittleEndian(format.AsSpan(2), 1);
        BinaryPrimitives.WriteUInt32LittleEndian(format.AsSpan(4), 8000);
        BinaryPrimitives.WriteUInt32LittleEndian(format.AsSpan(8), 16000);
        BinaryPrimitives.WriteUInt16LittleEndian(format.AsSpan(12), 2);
        BinaryPrimitives.WriteUInt16LittleEndian(format.AsSpan(14), 16);
        Chunk(wave, "fmt ", format);
        Chunk(wave, "data", new byte[24000]);
        await File.WriteAllBytesAsync(path, wave.ToArray());

        Assert.Equal(TimeSpan.FromSeconds(1.5), await WaveDuration.Of(path, CancellationToken.None));
    }

    [Fact]
    public async Task A_file_that_is_not_a_wave_is_an_error()
    {
        var path = Path.Combine(folder.FullName, "speech.mp3");
        await File.WriteAllBytesAsync(path, Encoding.ASCII.GetBytes("ID3\u0004\0\0\0\0\0\0 not a wave at all"));

        await Assert.ThrowsAsync<InvalidDataException>(() => WaveDuration.Of(path, CancellationToken.None));
    }

    private static void Chunk(Stream wave, string id, byte[] content)
    {
        wave.Write(Encoding.ASCII.GetBytes(id));
        var size = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(size, (uint)content.Length);
        wave.Write(size);
        wave.Write(content);
        if (content.Length % 2 == 1)
        {
            wave.WriteByte(0);
        }
    }
}
