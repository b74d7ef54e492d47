namespace PetitionPlatform.Hosting;

/// <summary>
/// A failure the person running the host can act on. <see cref="Exception.Message"/> is one complete sentence (what is
/// wrong and how to fix it) and is printed without a stack trace; <see cref="Details"/> holds supporting lines, such as
/// the last log lines of the resource that failed.
/// </summary>
public sealed class HostingException : Exception
{
    public HostingException()
        : this("The host failed.")
    {
    }

    public HostingException(string message)
        : this(message, [], null)
    {
    }

    public HostingException(string message, Exception? innerException)
        : this(message, [], innerException)
    {
    }

    public HostingException(string message, IReadOnlyList<string> details, Exception? innerException = null)
        : base(message, innerException)
    {
        Details = details;
    }

    public IReadOnlyList<string> Details { get; }
}
