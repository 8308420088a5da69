namespace FairSharp.Metrics.Tests;

public sealed class InvalidInputExceptionTests
{
    [Fact]
    public void Is_an_argument_exception_that_keeps_its_one_line_message()
    {
        ArgumentException e = new InvalidInputException("preds.csv, line 3, column score: 'abc' is not a number");
        e.Message.ShouldBe("preds.csv, line 3, column score: 'abc' is not a number");
    }
}
