using SoftPowerAtlas.Cli;

return await AtlasCommand.RunAsync(args, Console.Out, Console.Error);
