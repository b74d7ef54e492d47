using PetitionPlatform.Contracts;

namespace PetitionPlatform.Supervision.Domain;

/// <summary>
/// Every event the ledger keeps, listed once, with its place in the lifecycle. Supervision consumes each of them
/// (registration on its own consumer, the rest on the lifecycle queue), the codec reads them back by name, and the
/// projection applies events stamped with the same instant by different services in this order.
/// </summary>
public static class LifecycleEvents
{
    public static readonly IReadOnlyDictionary<Type, int> Order = new Dictionary<Type, int>
    {
        [typeof(PetitionRegistered)] = 0,
        [typeof(PetitionRouted)] = 1,
        [typeof(CaseOpened)] = 2,
        [typeof(CaseAccepted)] = 3,
        [typeof(CaseDeclined)] = 3,
        [typeof(RoutingDecisionRequired)] = 4,
        [typeof(CoHandlersAdded)] = 5,
        [typeof(CaseExtended)] = 6,
        [typeof(CaseHearingRecorded)] = 6,
        [typeof(CaseAnswered)] = 7,
        [typeof(CaseEvaluated)] = 8,
        [typeof(ReviewRequested)] = 9,
        [typeof(PetitionTerminated)] = 10,
        [typeof(DueDateChanged)] = 11,
    };

    /// <summary>An event the ledger does not know sorts last, so the known lifecycle is never reordered by it.</summary>
    public static int OrderOf(IPetitionEvent @event) => Order.GetValueOrDefault(@event.GetType(), int.MaxValue);
}
