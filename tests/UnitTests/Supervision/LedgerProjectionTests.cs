using PetitionPlatform.Contracts;
using PetitionPlatform.Supervision.Domain;

namespace PetitionPlatform.UnitTests.Supervision;

public sealed class LedgerProjectionTests
{
    private readonly Lifecycle _petition = new();

    [Fact]
    public void A_registered_petition_has_the_intake_decision_clock_running_at_the_receiving_bureau()
    {
        var progress = LedgerProjection.Project(_petition.PetitionId, [_petition.Registered()]);

        var stage = Assert.Single(progress.Stages);
        Assert.Equal(new StageClock(LedgerStages.IntakeDecision, Lifecycle.Bureau, null, _petition.RegisteredAt,
            Lifecycle.DueBy(_petition.RegisteredAt, 15), null), stage);
        Assert.Equal(ProgressStatuses.Registered, progress.Status);
        Assert.Equal("130724-20260302-00001", progress.Number);
        Assert.Equal(Lifecycle.Bureau, progress.CurrentOrgId);
    }

    [Fact]
    public void The_main_path_keeps_each_clock_once_with_the_due_date_that_applies()
    {
        var progress = LedgerProjection.Project(_petition.PetitionId, _petition.MainPath());

        Assert.Equal(
        [
            new StageClock(LedgerStages.IntakeDecision, Lifecycle.Bureau, null, _petition.RegisteredAt, Lifecycle.DueBy(_petition.RegisteredAt, 15), _petition.RoutedAt),
            new StageClock(LedgerStages.Acceptance, Lifecycle.Hrss, _petition.CaseId, _petition.RoutedAt, Lifecycle.DueBy(_petition.RoutedAt, 15), _petition.AcceptedAt),
            new StageClock(LedgerStages.Handling, Lifecycle.Hrss, _petition.CaseId, _petition.AcceptedAt, Lifecycle.DueBy(_petition.AcceptedAt, 90), _petition.AnsweredAt),
        ], progress.Stages);
        Assert.Equal(ProgressStatuses.Evaluated, progress.Status);
        Assert.Equal(RoutingModes.Transfer, progress.Mode);
        Assert.Equal((Lifecycle.Hrss, "沽源县人力资源和社会保障局"), (progress.CurrentOrgId, progress.CurrentOrgName));
    }

    [Fact]
    public void The_petitioner_sees_each_step_with_its_deadline()
    {
        var progress = LedgerProjection.Project(_petition.PetitionId, _petition.MainPath());

        Assert.Equal(
        [
            new ProgressStep(ProgressSteps.Registered, Lifecycle.Bureau, _petition.RegisteredAt, Lifecycle.DueBy(_petition.RegisteredAt, 15)),
            new ProgressStep(ProgressSteps.Transferred, Lifecycle.Hrss, _petition.RoutedAt, Lifecycle.DueBy(_petition.RoutedAt, 15)),
            new ProgressStep(ProgressSteps.Accepted, Lifecycle.Hrss, _petition.AcceptedAt, Lifecycle.DueBy(_petition.AcceptedAt, 60)),
            new ProgressStep(ProgressSteps.Extended, Lifecycle.Hrss, _petition.ExtendedAt, Lifecycle.DueBy(_petition.AcceptedAt, 90)),
            new ProgressStep(ProgressSteps.Answered, Lifecycle.Hrss, _petition.AnsweredAt, Lifecycle.DueBy(_petition.AnsweredAt, 30)),
            new ProgressStep(ProgressSteps.Evaluated, Lifecycle.Hrss, _petition.EvaluatedAt, null),
        ], progress.Steps);
        Assert.Equal(new WrittenAnswer(Outcomes.Support, "责令公司三十日内支付拖欠工资。", _petition.AnsweredAt,
            Lifecycle.DueBy(_petition.AnsweredAt, 30)), progress.Answer);
    }

    [Fact]
    public void Events_arriving_in_any_order_give_the_same_ledger()
    {
        var inOrder = LedgerProjection.Project(_petition.PetitionId, _petition.MainPath());
        var reversed = LedgerProjection.Project(_petition.PetitionId, _petition.MainPath().Reverse());

        Assert.Equal(inOrder.Stages, reversed.Stages);
        Assert.Equal(inOrder.Steps, reversed.Steps);
        Assert.Equal((inOrder.Status, inOrder.CurrentOrgId, inOrder.Answer), (reversed.Status, reversed.CurrentOrgId, reversed.Answer));
    }

    [Fact]
    public void An_acceptance_before_its_case_was_opened_is_kept_and_completed_when_the_opening_arrives()
    {
        var early = LedgerProjection.Project(_petition.PetitionId, [_petition.Registered(), _petition.Accepted()]);

        Assert.Equal([LedgerStages.IntakeDecision, LedgerStages.Handling], early.Stages.Select(s => s.Stage));
        Assert.Equal(ProgressStatuses.InProgress, early.Status);

        var complete = LedgerProjection.Project(_petition.PetitionId, [_petition.Registered(), _petition.Accepted(), _petition.Opened()]);
        Assert.Equal([LedgerStages.IntakeDecision, LedgerStages.Acceptance, LedgerStages.Handling], complete.Stages.Select(s => s.Stage));
        Assert.Equal(_petition.AcceptedAt, complete.Stages[1].DoneAt);
    }

    [Fact]
    public void The_same_event_twice_duplicates_no_stage_and_no_step()
    {
        var progress = LedgerProjection.Project(_petition.PetitionId,
            [.. _petition.MainPath(), _petition.Accepted(), _petition.Opened(), _petition.Answered()]);

        Assert.Equal(3, progress.Stages.Count);
        Assert.Single(progress.Steps, s => s.Step == ProgressSteps.Accepted);
        Assert.Single(progress.Steps, s => s.Step == ProgressSteps.Answered);
    }

    [Fact]
    public void An_assigned_case_carries_a_report_back_clock_that_the_answer_stops()
    {
        var progress = LedgerProjection.Project(_petition.PetitionId,
            [_petition.Registered(), _petition.Routed(RoutingModes.Assign), _petition.Opened(RoutingModes.Assign), _petition.Accepted(), _petition.Answered()]);

        var reportBack = Assert.Single(progress.Stages, s => s.Stage == LedgerStages.ReportBack);
        Assert.Equal((Lifecycle.DueBy(_petition.RoutedAt, 75), _petition.AnsweredAt), (reportBack.DueBy, reportBack.DoneAt));
        Assert.Equal(ProgressSteps.Assigned, progress.Steps[1].Step);
    }

    [Fact]
    public void Guidance_to_the_court_opens_no_case_and_names_the_procedure()
    {
        const string court = "130724/court";
        var progress = LedgerProjection.Project(_petition.PetitionId,
            [_petition.Registered(), _petition.Routed(RoutingModes.GuideToLegal, court)]);

        Assert.Equal(ProgressStatuses.GuidedToLegalProcedure, progress.Status);
        var step = progress.Steps[^1];
        Assert.Equal((ProgressSteps.GuidedToLegalProcedure, court, "向沽源县人民法院提起诉讼"), (step.Step, step.OrgId, step.LegalRoute));
        var intake = Assert.Single(progress.Stages);
        Assert.Equal(_petition.RoutedAt, intake.DoneAt);
    }

    [Fact]
    public void A_decline_stops_the_units_acceptance_clock_and_a_new_case_gets_its_own()
    {
        var declinedAt = _petition.RoutedAt.AddDays(4);
        var reroutedAt = declinedAt.AddDays(1);
        var secondCase = Guid.NewGuid();

        var waiting = LedgerProjection.Project(_petition.PetitionId,
            [_petition.Registered(), _petition.Routed(), _petition.Opened(), _petition.Declined(declinedAt)]);
        Assert.Equal(ProgressStatuses.AwaitingRoutingDecision, waiting.Status);
        Assert.Equal(Lifecycle.Bureau, waiting.CurrentOrgId);
        Assert.DoesNotContain(waiting.Steps, s => s.LegalRoute is not null);

        var rerouted = LedgerProjection.Project(_petition.PetitionId,
        [
            _petition.Registered(), _petition.Routed(), _petition.Opened(), _petition.Declined(declinedAt),
            _petition.Routed(to: Lifecycle.Township, attempt: 1, at: reroutedAt),
            _petition.Opened(caseId: secondCase, org: Lifecycle.Township, at: reroutedAt),
        ]);
        var acceptance = rerouted.Stages.Where(s => s.Stage == LedgerStages.Acceptance).ToList();
        Assert.Equal([(Lifecycle.Hrss, (DateTimeOffset?)declinedAt), (Lifecycle.Township, null)], acceptance.Select(s => (s.OrgId, s.DoneAt)));
        // The petition's own intake clock stopped at the first decision and is not reset by the decline.
        Assert.Equal(_petition.RoutedAt, rerouted.Stages[0].DoneAt);
        Assert.Equal((ProgressStatuses.Routed, Lifecycle.Township), (rerouted.Status, rerouted.CurrentOrgId));
    }

    [Fact]
    public void A_routing_decision_required_puts_the_matter_with_the_decider()
    {
        var progress = LedgerProjection.Project(_petition.PetitionId,
        [
            _petition.Registered(), _petition.Routed(), _petition.Opened(), _petition.Declined(_petition.RoutedAt.AddDays(1)),
            new RoutingDecisionRequired(_petition.PetitionId, Lifecycle.Hrss, "130724/petition-bureau", "no candidate left", false, _petition.RoutedAt.AddDays(2)),
        ]);

        Assert.Equal((ProgressStatuses.AwaitingRoutingDecision, "130724/petition-bureau", (string?)null),
            (progress.Status, progress.CurrentOrgId, progress.CurrentOrgName));
    }

    [Fact]
    public void A_report_forwarded_to_discipline_is_marked_confidential()
    {
        var progress = LedgerProjection.Project(_petition.PetitionId,
            [_petition.Registered(), _petition.Routed(RoutingModes.ForwardToDiscipline, "130724/discipline")]);

        Assert.True(progress.Confidential);
        Assert.Equal(ProgressSteps.ForwardedToDiscipline, progress.Steps[^1].Step);
    }

    [Fact]
    public void The_status_follows_the_latest_event()
    {
        IPetitionEvent[] path = [.. _petition.MainPath()];
        string[] expected =
        [
            ProgressStatuses.Registered, ProgressStatuses.Routed, ProgressStatuses.Routed, ProgressStatuses.InProgress,
            ProgressStatuses.Extended, ProgressStatuses.Answered, ProgressStatuses.Evaluated,
        ];

        var statuses = Enumerable.Range(1, path.Length).Select(n => LedgerProjection.Project(_petition.PetitionId, path[..n]).Status);

        Assert.Equal(expected, statuses);
    }
}
