namespace Almab.Experiments.Cli;

/// <summary>Bad user input (option value, case file, path): printed as one line, exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
