namespace FairSharp.Experiments.Study;

/// <summary>The one-line messages of <c>fairsharp study</c>.</summary>
public static class StudyErrors
{
    /// <summary>A --parts name that is not a part.</summary>
    public const string UnknownPart = "--parts: '{0}' is not a part of the study (parts: {1})";

    /// <summary>A study folder made with other options.</summary>
    public const string OtherOptions = "{0} holds a study planned with other options ({1}); use another --out folder or repeat the original options";

    /// <summary>A study.json that cannot be read.</summary>
    public const string BadStudyFile = "{0} is not a study file: {1}";

    /// <summary>--report-only on a folder without study.json.</summary>
    public const string NoStudy = "{0} holds no study (no study.json): run fairsharp study --out {0} first";
}
