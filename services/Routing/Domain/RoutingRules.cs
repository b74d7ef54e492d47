using PetitionPlatform.Contracts;
using PetitionPlatform.Contracts.Periods;

namespace PetitionPlatform.Routing.Domain;

/// <summary>
/// The first routing decision for a registered petition (Regulation art. 21–22): the classification list names the
/// kind of unit, territorial management names the place (the county where the matter arose), and the distance
/// between the receiving bureau and that unit decides between transfer (转送) and assignment (交办).
/// </summary>
public static class RoutingRules
{
    /// <summary>A bureau this many levels above the responsible unit assigns rather than transfers.</summary>
    public const int AssignFromLevelsAbove = 2;

    public static RoutePlan Decide(PetitionFacts facts, OrgDirectory directory, DateTimeOffset decidedAt)
    {
        var receiver = directory.FindOrganization(facts.ReceivedBy)
            ?? throw new UnroutablePetitionException($"The receiving unit '{facts.ReceivedBy}' is not in the directory.");
        // Intake refuses unknown regions; should one slip through, the receiver's own region is the best place we know.
        var place = directory.FindRegion(facts.RegionCode) ?? directory.FindRegion(receiver.RegionCode)!;
        var anchor = directory.CountyOf(place) ?? place;
        var entry = directory.FindTopic(facts.Topic);

        var (responsible, entryClause) = Responsible(facts, directory, place, anchor, entry);
        var confidential = IsReport(facts, entry);
        var mode = confidential ? RoutingModes.ForwardToDiscipline
            : responsible.Unit == Units.Court && entry?.Unit == Units.Court ? RoutingModes.GuideToLegal
            : receiver.Unit == Units.PetitionBureau && LevelsAbove(directory, receiver, responsible) >= AssignFromLevelsAbove ? RoutingModes.Assign
            : RoutingModes.Transfer;

        // A report travels straight to discipline inspection: no bureau in between may read it (art. 23).
        IReadOnlyList<string> path = confidential
            ? receiver.Id == responsible.Id ? [responsible.Id] : [receiver.Id, responsible.Id]
            : ChainPath.Between(directory, receiver, responsible);

        var placeClause = "territorial management, graded responsibility: the unit in charge at "
            + $"{directory.FindRegion(responsible.RegionCode)!.Name} where the matter arose";
        if (directory.CountyOf(place) is null)
        {
            placeClause += $" (the matter is located only at {place.Level} level, so it is routed at that level)";
        }

        var levels = LevelsAbove(directory, receiver, responsible);
        var modeClause = mode switch
        {
            RoutingModes.Assign => $"assigned with report-back because the receiving bureau is {InWords(levels)} levels above",
            RoutingModes.GuideToLegal => "guided into the legal procedure (诉访分离): the court is told and the petitioner is directed to it",
            RoutingModes.ForwardToDiscipline => "forwarded in confidence to discipline inspection; no other unit sees it",
            _ => "transferred to the unit in charge",
        };

        return new RoutePlan(
            mode,
            responsible,
            path,
            [],
            confidential,
            $"{entryClause}; {placeClause}; {modeClause}.",
            mode == RoutingModes.GuideToLegal ? $"litigation before the people's court (诉讼程序): {responsible.Name}" : null,
            mode == RoutingModes.Assign ? ReportBack.DueBy(decidedAt) : null);
    }

    public static bool IsReport(PetitionFacts facts, ClassificationEntry? entry) =>
        PetitionKinds.IsConfidential(facts.Kind) || entry?.Unit == Units.Discipline;

    /// <summary>Levels from the receiver down to the responsible unit, walking the tree (Chongqing province → district is one).</summary>
    public static int LevelsAbove(OrgDirectory directory, Organization receiver, Organization responsible) =>
        directory.Depth(directory.FindRegion(responsible.RegionCode)!) - directory.Depth(directory.FindRegion(receiver.RegionCode)!);

    private static string InWords(int levels) => levels switch { 2 => "two", 3 => "three", 4 => "four", _ => levels.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    private static (Organization Unit, string Clause) Responsible(
        PetitionFacts facts, OrgDirectory directory, Region place, Region anchor, ClassificationEntry? entry)
    {
        var bureau = directory.At(anchor.Code, Units.PetitionBureau)
            ?? throw new UnroutablePetitionException($"{anchor.Name} ({anchor.Code}) has no petition bureau in the directory.");

        if (IsReport(facts, entry))
        {
            var discipline = directory.At(anchor.Code, Units.Discipline) ?? bureau;
            return (discipline, $"{facts.Topic} is a report (检举控告), handled by {Units.Discipline} under the classification list");
        }

        if (entry is null)
        {
            return (bureau, $"{facts.Topic} is not on the classification list, so the petition bureau decides");
        }

        if (entry.UnitFromSubtopic)
        {
            return facts.Subtopic is { } addressee && directory.IsUnitKind(addressee) && directory.At(anchor.Code, addressee) is { } named
                ? (named, $"{entry.Topic} is handled by the department its sub-topic names ({addressee}) under the classification list")
                : (directory.At(anchor.Code, entry.Unit) ?? bureau,
                    $"{entry.Topic} names no known department in its sub-topic, so it goes to {entry.Unit} under the classification list");
        }

        if (entry.Unit == Units.TownshipGovernment)
        {
            if (place.Level == RegionLevels.Township && directory.At(place.Code, entry.Unit) is { } township)
            {
                return (township, $"{entry.Topic} is handled by {entry.Unit} ({entry.Note}) under the classification list");
            }

            var fallback = entry.FallbackUnit is null ? null : directory.At(anchor.Code, entry.FallbackUnit);
            return (fallback ?? bureau,
                $"{entry.Topic} is handled by {entry.Unit} under the classification list, but no township is given, so it falls back to {fallback?.Unit ?? Units.PetitionBureau}");
        }

        var unit = directory.At(anchor.Code, entry.Unit);
        var note = entry.Note is null ? "" : $" ({entry.Note})";
        return unit is null
            ? (bureau, $"{entry.Topic} is handled by {entry.Unit}{note}, which {anchor.Name} lacks, so the petition bureau decides")
            : (unit, $"{entry.Topic} is handled by {entry.Unit}{note} under the classification list");
    }
}
