using Npgsql;
using PetitionPlatform.Supervision.Domain.Indicators;

namespace PetitionPlatform.Supervision.Data;

/// <summary>
/// The sixteen count columns of <c>indicator_facts</c> and <c>indicator_days</c> (migration 0007), one per number of an
/// <see cref="IndicatorSet"/> in the order of <see cref="IndicatorSet.ToNumbers"/>.
/// </summary>
public static class IndicatorColumns
{
    public static readonly IReadOnlyList<string> Names =
        ["ta_n", "ta_d", "oc_n", "oc_d", "ep_n", "ep_d", "sa_n", "sa_d", "or_n", "or_d", "rp_n", "rp_d", "os_n", "os_d", "br_n", "br_d"];

    /// <summary>"ta_n, ta_d, …", optionally each behind <paramref name="qualifier"/>.</summary>
    public static string List(string qualifier = "") => string.Join(", ", Names.Select(n => qualifier + n));

    /// <summary>"sum(ta_n), sum(ta_d), …": what a query of sums selects, read back with <see cref="ReadSums"/>.</summary>
    public static string Sums() => string.Join(", ", Names.Select(n => $"sum({n})"));

    /// <summary>The counts of columns <paramref name="first"/> … <paramref name="first"/> + 15 of a row of counts.</summary>
    public static IndicatorSet ReadCounts(NpgsqlDataReader reader, int first) =>
        IndicatorSet.FromNumbers([.. Enumerable.Range(first, IndicatorSet.Width).Select(reader.GetInt32)]);

    /// <summary>The counts of columns <paramref name="first"/> … <paramref name="first"/> + 15 of a row of <see cref="Sums"/>.</summary>
    public static IndicatorSet ReadSums(NpgsqlDataReader reader, int first) =>
        IndicatorSet.FromNumbers([.. Enumerable.Range(first, IndicatorSet.Width).Select(i => checked((int)reader.GetInt64(i)))]);
}
