namespace WireTrace.Service;

/// <summary>A request the service refuses, with the HTTP status and the JSON error body it answers.</summary>
public sealed class ApiException(int status, string error, string detail) : Exception(detail)
{
    public int Status { get; } = status;

    public string Error { get; } = error;
}

/// <summary>The JSON body of every error answer.</summary>
public sealed record ApiError(string Error, string Detail);
