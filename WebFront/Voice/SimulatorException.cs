namespace AlloIndustrie.WebFront.Voice;

/// <summary>The simulator cannot reach the phone line; the French message is shown to the operator as it is.</summary>
public sealed class SimulatorException(string message, int statusCode) : Exception(message)
{
    public int StatusCode { get; } = statusCode;
}
