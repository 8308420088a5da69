namespace FairSharp.Training.Methods;

/// <summary>The one λ knob shared by every penalised method (<c>--lambda</c>, the sweep's <c>--lambdas</c>), so that its
/// name and help text are written once.</summary>
internal static class LambdaKnob
{
    public static MethodKnob For<TOptions>(string description, Func<TOptions, double> get, Func<TOptions, double, TOptions> set)
        where TOptions : MethodOptions => MethodKnob.Number(MethodDescriptor.LambdaKnob, description, get, set);

    public static void Validate(double lambda) => Check.NonNegative(lambda, MethodDescriptor.LambdaKnob);
}
