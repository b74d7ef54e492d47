using System.Security.Cryptography;
using System.Text;
using PetitionPlatform.Intake.Repeats;

namespace PetitionPlatform.UnitTests.Intake;

public sealed class RepeatsLinkingTests
{
    private const double Threshold = 0.6;
    private static readonly byte[] s_id = Hash("11010519491231002X");
    private static readonly byte[] s_otherId = Hash("130724198001010011");
    private static readonly byte[] s_phone = Hash("13800138000");
    private static readonly DateTimeOffset s_day = new(2026, 11, 2, 9, 0, 0, TimeSpan.FromHours(8));

    // "abcde" against "abcdx" is exactly 0.6 similar (3 shared pairs of 5).
    private static Submission New(string text = "abcdx", byte[]? id = null, byte[]? phone = null, string topic = "wage-arrears", string region = "130724102") =>
        new(topic, region, id, phone, text);

    private static PriorPetition Prior(
        MatterStage stage = MatterStage.Open, string text = "abcde", byte[]? id = null, byte[]? phone = null, string topic = "wage-arrears",
        string region = "130724", int day = 0, string? answeredBy = null, int? answeredDay = null, string number = "130724-20261102-00001") =>
        new(Guid.NewGuid(), number, topic, region, id, phone, text, s_day.AddDays(day), stage,
            answeredBy, answeredDay is { } d ? s_day.AddDays(d) : null, stage == MatterStage.Terminated ? "re-review-answered" : null);

    [Fact]
    public void The_same_person_on_the_same_open_matter_is_a_duplicate()
    {
        var original = Prior(id: s_id);
        var linking = MatterLinking.Decide(New(id: s_id), [original], Threshold);

        Assert.Equal(original, Assert.IsType<Linking.DuplicateOf>(linking).Original);
    }

    [Fact]
    public void Exactly_at_the_threshold_links_and_just_below_it_does_not()
    {
        Assert.IsType<Linking.DuplicateOf>(MatterLinking.Decide(New(id: s_id), [Prior(id: s_id)], 0.6));
        Assert.IsType<Linking.Independent>(MatterLinking.Decide(New(id: s_id), [Prior(id: s_id)], 0.6 + 1e-9));
        Assert.IsType<Linking.DuplicateOf>(MatterLinking.Decide(New(id: s_id), [Prior(id: s_id)], 0.6 - 1e-9));
    }

    [Fact]
    public void Another_topic_is_another_matter()
    {
        Assert.IsType<Linking.Independent>(MatterLinking.Decide(New(id: s_id, topic: "land-contract"), [Prior(id: s_id)], Threshold));
    }

    [Fact]
    public void Another_county_is_another_matter_but_another_township_of_the_county_is_not()
    {
        Assert.IsType<Linking.Independent>(MatterLinking.Decide(New(id: s_id, region: "130722"), [Prior(id: s_id)], Threshold));
        Assert.IsType<Linking.DuplicateOf>(MatterLinking.Decide(New(id: s_id, region: "130724101"), [Prior(id: s_id, region: "130724102")], Threshold));
    }

    [Fact]
    public void Another_person_is_independent_even_with_the_same_text()
    {
        Assert.IsType<Linking.Independent>(MatterLinking.Decide(New("abcde", id: s_otherId), [Prior(id: s_id)], Threshold));
    }

    [Fact]
    public void The_phone_matches_when_one_side_gave_no_id_number()
    {
        Assert.IsType<Linking.DuplicateOf>(MatterLinking.Decide(New(phone: s_phone), [Prior(id: s_id, phone: s_phone)], Threshold));
        Assert.IsType<Linking.DuplicateOf>(MatterLinking.Decide(New(id: s_id, phone: s_phone), [Prior(phone: s_phone)], Threshold));
    }

    [Fact]
    public void Different_id_numbers_are_different_people_even_on_one_family_phone()
    {
        Assert.IsType<Linking.Independent>(
            MatterLinking.Decide(New(id: s_otherId, phone: s_phone), [Prior(id: s_id, phone: s_phone)], Threshold));
    }

    [Fact]
    public void A_submission_naming_nobody_never_matches()
    {
        Assert.IsType<Linking.Independent>(MatterLinking.Decide(New("abcde"), [Prior(), Prior(id: s_id)], Threshold));
    }

    [Fact]
    public void An_answered_matter_brought_back_is_a_repeat_for_the_unit_that_answered_the_latest_time()
    {
        var first = Prior(MatterStage.Answered, id: s_id, answeredBy: "130724/hrss", answeredDay: 20);
        var second = Prior(MatterStage.Answered, id: s_id, day: 30, answeredBy: "130700/hrss", answeredDay: 50);

        var repeat = Assert.IsType<Linking.RepeatOf>(MatterLinking.Decide(New(id: s_id), [second, first], Threshold));

        Assert.Equal(second, repeat.Original);
        Assert.Equal("130700/hrss", repeat.AnsweredByOrgId);
    }

    [Fact]
    public void An_open_matter_wins_over_an_answered_one_and_a_terminated_one_over_both()
    {
        var answered = Prior(MatterStage.Answered, id: s_id, answeredBy: "130724/hrss", answeredDay: 20);
        var open = Prior(id: s_id, day: 30);
        var terminated = Prior(MatterStage.Terminated, id: s_id, day: -100);

        Assert.Equal(open, Assert.IsType<Linking.DuplicateOf>(MatterLinking.Decide(New(id: s_id), [answered, open], Threshold)).Original);
        var refused = Assert.IsType<Linking.OfTerminated>(MatterLinking.Decide(New(id: s_id), [answered, open, terminated], Threshold));
        Assert.Equal(terminated, refused.Original);
        Assert.Equal("re-review-answered", refused.Reason);
    }

    [Fact]
    public void Of_two_open_matters_the_newest_is_the_original()
    {
        var older = Prior(id: s_id);
        var newer = Prior(id: s_id, day: 3);

        Assert.Equal(newer, Assert.IsType<Linking.DuplicateOf>(MatterLinking.Decide(New(id: s_id), [older, newer], Threshold)).Original);
    }

    [Fact]
    public void The_matter_state_follows_the_facts_whatever_order_they_arrive_in()
    {
        var state = new MatterState { PetitionId = Guid.NewGuid() };
        Assert.Equal(MatterStage.Open, state.Stage);

        state.ReviewRequested(s_day.AddDays(40));
        state.Answered("130724/hrss", s_day.AddDays(20));
        Assert.Equal(MatterStage.Open, state.Stage);

        state.Answered("130700/hrss", s_day.AddDays(70));
        Assert.Equal(MatterStage.Answered, state.Stage);
        Assert.Equal("130700/hrss", state.AnsweredByOrgId);

        state.Answered("130724/hrss", s_day.AddDays(20));
        Assert.Equal("130700/hrss", state.AnsweredByOrgId);

        state.Terminated("political-legal", null, s_day.AddDays(80));
        Assert.Equal(MatterStage.Terminated, state.Stage);
    }

    [Fact]
    public void Only_a_later_routing_decision_replaces_the_responsible_unit()
    {
        var state = new MatterState { PetitionId = Guid.NewGuid() };
        state.Routed(1, "130724/justice");
        state.Routed(0, "130724102/township-gov");

        Assert.Equal("130724/justice", state.ResponsibleOrgId);
    }

    private static byte[] Hash(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));
}
