namespace WireTrace.Evaluation.Suites;

/// <summary>Every suite, in the order <c>wiretrace eval all</c> runs them.</summary>
public static class SuiteCatalog
{
    public static IReadOnlyList<IEvaluationSuite> All { get; } =
    [
        new MrpcSuite(), new StsSuite(), new BbcSuite(), new CloughSuite(), new EcbSuite(), new SyntheticSuite(),
    ];

    /// <summary>The suite with this name (case-insensitive), or null.</summary>
    public static IEvaluationSuite? Find(string name) =>
        All.FirstOrDefault(s => string.Equals(s.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));
}
