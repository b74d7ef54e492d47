using PetitionPlatform.ServiceDefaults.Telemetry;

namespace PetitionPlatform.UnitTests.Telemetry;

public sealed class TelemetryRedactionTests
{
    [Theory]
    [InlineData("/api/track/AB12-CD34-EF56-GH78")]
    [InlineData("/API/Track/ab12cd34ef56gh78")]
    [InlineData("/api/track/AB12-CD34-EF56-GH78/anything")]
    public void A_path_with_a_query_code_is_recorded_as_its_template(string path) =>
        Assert.Equal("/api/track/{trackingCode}", TelemetryRedaction.RedactPath(path));

    [Theory]
    [InlineData("/api/intake/petitions")]
    [InlineData("/api/tracking/AB12")]
    [InlineData("/api/track")]
    [InlineData("/api/supervision/petitions/01a20976-5331-757d-a230-f7695f1e7251")]
    public void Other_paths_are_kept(string path) => Assert.Equal(path, TelemetryRedaction.RedactPath(path));

    [Fact]
    public void A_forwarded_url_keeps_scheme_host_and_port_but_not_the_code() =>
        Assert.Equal("http://127.0.0.1:5123/api/track/{trackingCode}",
            TelemetryRedaction.RedactUrl(new Uri("http://127.0.0.1:5123/api/track/AB12-CD34-EF56-GH78?x=1")));

    [Fact]
    public void A_url_without_a_code_is_left_to_the_instrumentation() =>
        Assert.Null(TelemetryRedaction.RedactUrl(new Uri("http://routing/api/routing/regions/130724102")));
}
