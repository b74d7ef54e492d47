using System.IO.Compression;
using Google.Protobuf;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using PetitionPlatform.Hosting.Dashboard.Otlp;
using PetitionPlatform.Hosting.Dashboard.Otlp.Proto;
using PetitionPlatform.Hosting.Dashboard.Telemetry;

namespace PetitionPlatform.InfrastructureTests.Dashboard.Telemetry;

/// <summary>The receiver's handling of one export request: media type, compression, size cap, malformed bodies.</summary>
public sealed class OtlpReceiverTests
{
    private static readonly ExportTraceServiceRequest OneSpan = new()
    {
        ResourceSpans =
        {
            new ResourceSpans
            {
                Resource = new Resource { Attributes = { new KeyValue { Key = "service.name", Value = new AnyValue { StringValue = "gateway" } } } },
                ScopeSpans =
                {
                    new ScopeSpans
                    {
                        Spans =
                        {
                            new Span
                            {
                                TraceId = ByteString.CopyFrom(Convert.FromHexString(Spans.TraceId(7))),
                                SpanId = ByteString.CopyFrom(Convert.FromHexString(Spans.SpanId(1))),
                                Name = "GET /",
                            },
                        },
                    },
                },
            },
        },
    };

    [Fact]
    public async Task A_protobuf_export_is_stored_and_answered_with_an_empty_protobuf_response()
    {
        var store = new TraceStore(TelemetryLimits.Default);

        var result = await Receive(store, OneSpan.ToByteArray(), "application/x-protobuf");

        var bytes = Assert.IsType<FileContentHttpResult>(result);
        Assert.Equal("application/x-protobuf", bytes.ContentType);
        Assert.Empty(ExportTraceServiceResponse.Parser.ParseFrom(bytes.FileContents.ToArray()).ToByteArray());
        Assert.Equal("gateway", Assert.Single(store.Find(Spans.TraceId(7))!).Service);
    }

    [Fact]
    public async Task A_gzip_compressed_export_is_decompressed()
    {
        var store = new TraceStore(TelemetryLimits.Default);
        using var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            OneSpan.WriteTo(gzip);
        }

        var result = await Receive(store, compressed.ToArray(), "application/x-protobuf", "gzip");

        Assert.IsType<FileContentHttpResult>(result);
        Assert.NotNull(store.Find(Spans.TraceId(7)));
    }

    [Theory]
    [InlineData("application/json", null, StatusCodes.Status415UnsupportedMediaType)]
    [InlineData(null, null, StatusCodes.Status415UnsupportedMediaType)]
    [InlineData("application/x-protobuf", "br", StatusCodes.Status415UnsupportedMediaType)]
    [InlineData("application/x-protobuf", "gzip", StatusCodes.Status400BadRequest)]
    public async Task An_export_the_receiver_cannot_read_is_refused_and_nothing_is_stored(string? contentType, string? encoding, int status)
    {
        var store = new TraceStore(TelemetryLimits.Default);

        var result = await Receive(store, OneSpan.ToByteArray(), contentType, encoding);

        Assert.Equal(status, Assert.IsType<ProblemHttpResult>(result).StatusCode);
        Assert.Equal(0, store.SpanCount);
    }

    [Fact]
    public async Task A_body_that_is_not_an_export_request_is_a_bad_request()
    {
        var store = new TraceStore(TelemetryLimits.Default);

        var result = await Receive(store, [0xFF, 0xFF, 0xFF], "application/x-protobuf");

        Assert.Equal(StatusCodes.Status400BadRequest, Assert.IsType<ProblemHttpResult>(result).StatusCode);
    }

    [Fact]
    public async Task A_body_over_the_cap_is_refused_even_when_it_arrives_compressed_small()
    {
        var limits = TelemetryLimits.Default with { OtlpRequestBytes = 1024 };
        var store = new TraceStore(limits);
        using var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(new byte[64 * 1024]);
        }

        Assert.True(compressed.Length < 1024);
        var result = await Receive(store, compressed.ToArray(), "application/x-protobuf", "gzip", limits);

        Assert.Equal(StatusCodes.Status413PayloadTooLarge, Assert.IsType<ProblemHttpResult>(result).StatusCode);
    }

    private static Task<IResult> Receive(TraceStore store, byte[] body, string? contentType, string? encoding = null, TelemetryLimits? limits = null)
    {
        var http = new DefaultHttpContext();
        http.Request.Method = "POST";
        http.Request.ContentType = contentType;
        http.Request.Body = new MemoryStream(body);
        if (encoding is not null)
        {
            http.Request.Headers.ContentEncoding = encoding;
        }

        return OtlpReceiver.Receive(
            http, ExportTraceServiceRequest.Parser, limits ?? TelemetryLimits.Default, request => store.Add(OtlpDecoder.Spans(request)), new ExportTraceServiceResponse());
    }
}
