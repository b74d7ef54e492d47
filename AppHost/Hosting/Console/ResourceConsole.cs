namespace PetitionPlatform.Hosting.Console;

/// <summary>
/// The host's terminal: every line is prefixed with the resource it came from, padded so the text lines up, and the
/// prefix is coloured per resource when the terminal shows colour (not when output is redirected or NO_COLOR is set).
/// </summary>
internal sealed class ResourceConsole
{
    public const string HostSource = "apphost";

    private static readonly string[] Palette = ["36", "35", "33", "32", "34", "96", "95", "93", "92", "94", "91"];

    private readonly Dictionary<string, string> _colors = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly bool _useColor = !System.Console.IsOutputRedirected
        && Environment.GetEnvironmentVariable("NO_COLOR") is null
        && Environment.GetEnvironmentVariable("TERM") is not "dumb";

    private int _width = HostSource.Length;

    /// <summary>Fixes the padding and gives each resource its colour, in declaration order.</summary>
    public void Register(IEnumerable<string> sources)
    {
        lock (_gate)
        {
            foreach (var source in sources)
            {
                _width = Math.Max(_width, source.Length);
                if (!_colors.ContainsKey(source))
                {
                    _colors[source] = Palette[_colors.Count % Palette.Length];
                }
            }
        }
    }

    public void WriteLine(string source, string text, bool toStandardError = false)
    {
        lock (_gate)
        {
            var prefix = source.PadRight(_width);
            var color = source == HostSource ? "90" : _colors.GetValueOrDefault(source);
            var line = _useColor && color is not null ? $"\u001b[{color}m{prefix} |\u001b[0m {text}" : $"{prefix} | {text}";
            (toStandardError ? System.Console.Error : System.Console.Out).WriteLine(line);
        }
    }

    /// <summary>Writes a block (the resource table) without prefixes.</summary>
    public void WriteBlock(string text)
    {
        lock (_gate)
        {
            System.Console.Out.Write(text);
        }
    }
}
