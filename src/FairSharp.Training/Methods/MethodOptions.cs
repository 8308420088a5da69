namespace FairSharp.Training.Methods;

/// <summary>
/// The typed options of one training method (ML.NET's one Options class per trainer): every knob of the method with its
/// default, and nothing else. A method's <see cref="MethodDescriptor"/> builds and validates the record once; the
/// objective receives it as it is.
/// </summary>
public abstract record MethodOptions
{
    /// <summary>Throws <see cref="InvalidInputException"/> naming the first bad knob (by its knob name, e.g.
    /// <c>lambda_align</c>).</summary>
    public abstract void Validate();
}
