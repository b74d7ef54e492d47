using System.Text;
using DotNet.Testcontainers.Configurations;
using PetitionPlatform.Hosting.Infrastructure;

namespace PetitionPlatform.Hosting.Containers;

/// <summary>Hands a container's standard output and error to <see cref="PostgresServerOptions.Output"/>-style callbacks, one line at a time.</summary>
internal sealed class ContainerOutput(string source, Action<OutputLine> output) : IOutputConsumer
{
    public bool Enabled => true;

    public Stream Stdout { get; } = new LineStream(line => output(new OutputLine(source, line, IsError: false)));

    public Stream Stderr { get; } = new LineStream(line => output(new OutputLine(source, line, IsError: true)));

    public void Dispose()
    {
        Stdout.Dispose();
        Stderr.Dispose();
    }

    /// <summary>A write-only stream that cuts what is written into lines; a partial last line is emitted on dispose.</summary>
    private sealed class LineStream(Action<string> onLine) : Stream
    {
        private readonly List<byte> _pending = [];
        private readonly Lock _gate = new();

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            lock (_gate)
            {
                foreach (var b in buffer)
                {
                    if (b == (byte)'\n')
                    {
                        Emit();
                    }
                    else
                    {
                        _pending.Add(b);
                    }
                }
            }
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            lock (_gate)
            {
                if (_pending.Count > 0)
                {
                    Emit();
                }
            }

            base.Dispose(disposing);
        }

        private void Emit()
        {
            var line = Encoding.UTF8.GetString([.. _pending]).TrimEnd('\r');
            _pending.Clear();
            onLine(line);
        }
    }
}
