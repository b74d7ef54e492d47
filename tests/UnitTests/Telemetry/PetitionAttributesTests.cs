using System.Diagnostics;
using PetitionPlatform.Contracts;
using PetitionPlatform.ServiceDefaults.Telemetry;

namespace PetitionPlatform.UnitTests.Telemetry;

public sealed class PetitionAttributesTests
{
    private static readonly Guid s_petition = Guid.Parse("01a20976-5331-757d-a230-f7695f1e7251");
    private static readonly DateTimeOffset s_at = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void The_acting_unit_of_an_event_is_its_org_id()
    {
        var routed = new PetitionRouted(s_petition, "130000/petition-bureau", RoutingModes.Transfer, "130724/hrss", "沽源县人社局",
            [], [], "rule", false, 0, null, null, s_at);
        Assert.Equal("130000/petition-bureau", PetitionAttributes.OrgOf(routed));
    }

    [Fact]
    public void A_registration_names_the_unit_that_received_it()
    {
        var registered = new PetitionRegistered(s_petition, "130724-20261123-00001", "online", "complaint", "wage-arrears",
            "130724102", "130000/petition-bureau", 35, s_at, "hash");
        Assert.Equal("130000/petition-bureau", PetitionAttributes.OrgOf(registered));
    }

    [Fact]
    public void A_notification_to_the_petitioner_names_no_unit() =>
        Assert.Null(PetitionAttributes.OrgOf(new NotificationSent(s_petition, Guid.NewGuid(), "receipt", null, "online", s_at)));

    [Fact]
    public void Tags_already_set_are_kept_and_messages_about_no_petition_tag_nothing()
    {
        using var activity = new Activity("work");
        activity.SetTag(PetitionAttributes.OrgId, "130724/hrss");

        PetitionAttributes.TagFrom(activity, new NotificationSent(s_petition, Guid.NewGuid(), "new-case", "130700/petition-bureau", "internal", s_at));
        PetitionAttributes.TagFrom(activity, new { PetitionId = Guid.NewGuid(), OrgId = "elsewhere" });

        Assert.Equal(s_petition.ToString(), activity.GetTagItem(PetitionAttributes.PetitionId));
        Assert.Equal("130724/hrss", activity.GetTagItem(PetitionAttributes.OrgId));
    }
}
