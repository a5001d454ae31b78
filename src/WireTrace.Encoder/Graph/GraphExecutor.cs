namespace WireTrace.Encoder.Graph;

/// <summary>
/// Runs a <see cref="GraphModel"/>: nodes in dependency order from the fed placeholders to the requested
/// output, each op executed by <see cref="Ops"/>. Only the ops <see cref="Ops.Supported"/> lists are
/// accepted; construction fails on any other, so an unsupported model is refused up front.
/// </summary>
public sealed class GraphExecutor
{
    private readonly GraphModel _model;
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly int[][] _inputs;
    private readonly int[][] _inputPorts;
    private readonly int[] _order;

    public GraphExecutor(GraphModel model, string outputNode)
    {
        _model = model;
        var nodes = model.Nodes;
        for (int i = 0; i < nodes.Count; i++) _index[nodes[i].Name] = i;
        var unsupported = nodes.Select(n => n.Op).Where(op => !Ops.Supported.Contains(op)).Distinct().ToList();
        if (unsupported.Count > 0) throw new NotSupportedException($"Ops not supported by the interpreter: {string.Join(", ", unsupported)}.");
        _inputs = new int[nodes.Count][];
        _inputPorts = new int[nodes.Count][];
        for (int i = 0; i < nodes.Count; i++)
        {
            var ins = nodes[i].Inputs;
            _inputs[i] = new int[ins.Count];
            _inputPorts[i] = new int[ins.Count];
            for (int k = 0; k < ins.Count; k++)
            {
                var (name, port) = Split(ins[k]);
                _inputs[i][k] = _index.TryGetValue(name, out var j) ? j : throw new InvalidDataException($"Node {nodes[i].Name} reads unknown {name}.");
                _inputPorts[i][k] = port;
            }
        }
        OutputNode = outputNode;
        _order = TopologicalOrder(_index.TryGetValue(outputNode, out var o) ? o : throw new ArgumentException($"No node {outputNode}."));
    }

    public string OutputNode { get; }

    /// <summary>When set, called after every executed op with its wall time (profiling).</summary>
    public Action<GraphNode, TimeSpan>? OpTimer { get; set; }

    /// <summary>The output of the single node that nothing reads (the model's output).</summary>
    public static string FindOutput(GraphModel model)
    {
        var read = new HashSet<string>(model.Nodes.SelectMany(n => n.Inputs).Select(i => Split(i).Name), StringComparer.Ordinal);
        var sinks = model.Nodes.Where(n => n.Op != "Const" && !read.Contains(n.Name)).ToList();
        return sinks.Count == 1 ? sinks[0].Name : throw new InvalidDataException($"The graph has {sinks.Count} outputs: {string.Join(", ", sinks.Select(s => s.Name))}.");
    }

    /// <summary>Runs the graph with the given placeholder values and returns the output tensor.</summary>
    public Tensor Run(IReadOnlyDictionary<string, Tensor> feeds)
    {
        var nodes = _model.Nodes;
        var values = new Tensor[nodes.Count][];
        foreach (var i in _order)
        {
            var node = nodes[i];
            if (node.Op == "Placeholder")
            {
                values[i] = [feeds.TryGetValue(node.Name, out var fed) ? fed : throw new ArgumentException($"Placeholder {node.Name} was not fed.")];
                continue;
            }
            if (node.Op == "Const")
            {
                values[i] = [_model.Weights.TryGetValue(node.Name, out var w) ? w : throw new InvalidDataException($"Const {node.Name} has no weight.")];
                continue;
            }
            var args = new Tensor[_inputs[i].Length];
            for (int k = 0; k < args.Length; k++) args[k] = values[_inputs[i][k]][_inputPorts[i][k]];
            long started = OpTimer != null ? System.Diagnostics.Stopwatch.GetTimestamp() : 0;
            try
            {
                values[i] = Ops.Execute(node, args);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw new InvalidOperationException($"{node.Op} node {node.Name} failed on ({string.Join(", ", args.Select(a => a.ToString()))}): {e.Message}", e);
            }
            OpTimer?.Invoke(node, System.Diagnostics.Stopwatch.GetElapsedTime(started));
        }
        return values[_index[OutputNode]][0];
    }

    private int[] TopologicalOrder(int output)
    {
        var order = new List<int>();
        var state = new byte[_model.Nodes.Count];
        var stack = new Stack<(int Node, int Next)>();
        stack.Push((output, 0));
        state[output] = 1;
        while (stack.Count > 0)
        {
            var (node, next) = stack.Pop();
            if (next < _inputs[node].Length)
            {
                stack.Push((node, next + 1));
                int dep = _inputs[node][next];
                if (state[dep] == 0)
                {
                    state[dep] = 1;
                    stack.Push((dep, 0));
                }
                else if (state[dep] == 1) throw new InvalidDataException($"Cycle through {_model.Nodes[dep].Name}.");
            }
            else
            {
                state[node] = 2;
                order.Add(node);
            }
        }
        return [.. order];
    }

    private static (string Name, int Port) Split(string input)
    {
        int colon = input.LastIndexOf(':');
        return colon > 0 && int.TryParse(input.AsSpan(colon + 1), out var port) ? (input[..colon], port) : (input, 0);
    }
}
