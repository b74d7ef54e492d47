using System.Diagnostics;

namespace PetitionPlatform.Supervision.Telemetry;

/// <summary>Supervision's own span source and meter name (both <c>PetitionPlatform.Supervision</c>).</summary>
internal static class SupervisionTelemetry
{
    public const string Name = "PetitionPlatform.Supervision";

    private static readonly ActivitySource s_source = new(Name);

    /// <summary>
    /// A root span for one periodic deadline evaluation: the notices it issues (and the deliveries they cause) belong
    /// to that run's trace rather than each to a trace of its own, and no request's trace is borrowed.
    /// </summary>
    public static Activity? StartEvaluation(DateTimeOffset asOf)
    {
        var activity = s_source.StartActivity("supervision deadline evaluation", ActivityKind.Internal, parentContext: default);
        activity?.SetTag("supervision.as_of", asOf.ToString("O"));
        return activity;
    }

    /// <summary>What a run did, on its span: the petitions it judged (its work) and the notices it issued.</summary>
    public static void Evaluated(Activity? run, int judged, int issued)
    {
        run?.SetTag("supervision.judged", judged);
        run?.SetTag("supervision.issued", issued);
    }
}
