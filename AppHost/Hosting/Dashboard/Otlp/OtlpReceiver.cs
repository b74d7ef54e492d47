using System.IO.Compression;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;
using PetitionPlatform.Hosting.Dashboard.Otlp.Proto;
using PetitionPlatform.Hosting.Dashboard.Telemetry;

namespace PetitionPlatform.Hosting.Dashboard.Otlp;

/// <summary>
/// OTLP over HTTP, the binary (protobuf) encoding only: what the OpenTelemetry .NET exporter sends with
/// <c>OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf</c>, which the host gives every service. Each request is answered with
/// an empty export response, as the protocol asks for a fully accepted batch.
/// </summary>
internal static class OtlpReceiver
{
    public const string ProtobufContentType = "application/x-protobuf";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/v1/traces", (HttpContext http, TraceStore traces) =>
            Receive(http, ExportTraceServiceRequest.Parser, traces.Limits, request => traces.Add(OtlpDecoder.Spans(request)), new ExportTraceServiceResponse()));
        endpoints.MapPost("/v1/logs", (HttpContext http, LogStore logs) =>
            Receive(http, ExportLogsServiceRequest.Parser, logs.Limits, request => logs.Add(OtlpDecoder.Logs(request)), new ExportLogsServiceResponse()));
        endpoints.MapPost("/v1/metrics", (HttpContext http, MetricStore metrics) =>
            Receive(http, ExportMetricsServiceRequest.Parser, metrics.Limits, request => metrics.Add(OtlpDecoder.MetricPoints(request)), new ExportMetricsServiceResponse()));
    }

    /// <summary>Reads, decodes and stores one export request; public to the tests through the HttpContext alone.</summary>
    public static async Task<IResult> Receive<TRequest>(
        HttpContext http, MessageParser<TRequest> parser, TelemetryLimits limits, Action<TRequest> store, IMessage response)
        where TRequest : IMessage<TRequest>
    {
        var request = http.Request;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals(ProtobufContentType, StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Unsupported media type",
                detail: $"The dashboard takes OTLP as {ProtobufContentType} (OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf); JSON is not accepted.");
        }

        var encoding = request.Headers.ContentEncoding.ToString();
        var gzip = encoding.Equals("gzip", StringComparison.OrdinalIgnoreCase);
        if (!gzip && encoding.Length > 0 && !encoding.Equals("identity", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Unsupported content encoding",
                detail: $"Content-Encoding '{encoding}' is not supported; send the body plain or gzip-compressed.");
        }

        if (request.ContentLength > limits.OtlpRequestBytes)
        {
            return TooLarge(limits);
        }

        byte[] body;
        try
        {
            var source = gzip ? new GZipStream(request.Body, CompressionMode.Decompress, leaveOpen: true) : request.Body;
            await using (source.ConfigureAwait(false))
            {
                body = await ReadCapped(source, limits.OtlpRequestBytes, http.RequestAborted);
            }
        }
        catch (RequestTooLargeException)
        {
            return TooLarge(limits);
        }
        catch (InvalidDataException)
        {
            return Malformed("The body is not valid gzip.");
        }

        TRequest message;
        try
        {
            message = parser.ParseFrom(body);
        }
        catch (InvalidProtocolBufferException)
        {
            return Malformed("The body is not a valid OTLP protobuf export request.");
        }

        store(message);
        return TypedResults.Bytes(response.ToByteArray(), ProtobufContentType);
    }

    // The cap applies to the decompressed size too, so a small gzip bomb cannot fill the host's memory.
    private static async Task<byte[]> ReadCapped(Stream source, int cap, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await source.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > cap)
            {
                throw new RequestTooLargeException();
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static ProblemHttpResult TooLarge(TelemetryLimits limits) => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Export request too large",
        detail: $"An export request may hold at most {limits.OtlpRequestBytes} bytes (Dashboard:Limits:OtlpRequestBytes), after decompression.");

    private static ProblemHttpResult Malformed(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Malformed export request", detail: detail);

    private sealed class RequestTooLargeException : Exception;
}
