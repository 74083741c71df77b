namespace Almab.Experiments.External;

/// <summary>
/// An external optimizer process broke the protocol: it exited, printed a line that is not a valid reply, answered
/// with an error, or did not answer within the timeout. The message is one line naming the optimizer and the reason.
/// </summary>
public sealed class ExternalOptimizerException(string message) : InvalidOperationException(message);
