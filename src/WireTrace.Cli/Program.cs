using WireTrace.Cli;

return await WireTraceCli.RunAsync(args);
