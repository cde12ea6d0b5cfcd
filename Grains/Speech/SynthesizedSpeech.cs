namespace AlloIndustrie.Grains.Speech;

/// <summary>A synthesised recording: MP3 bytes and how long they play.</summary>
public sealed record SynthesizedSpeech(byte[] Mp3, TimeSpan Duration);
