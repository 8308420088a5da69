namespace FairSharp.Experiments.Sweeps;

/// <summary>The lock of a sweep folder (<see cref="SweepRunner.LockFile"/>): held by a running sweep and by a report
/// that rewrites the folder's trials, so that neither rewrites records the other is appending. The OS releases it
/// when the process dies.</summary>
public static class SweepFolderLock
{
    /// <summary>Takes the lock of <paramref name="directory"/> (which must exist); dispose the stream to release it.</summary>
    /// <exception cref="InvalidInputException">Another process holds it (<see cref="ExperimentErrors.FolderInUse"/>).</exception>
    public static FileStream Take(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        try
        {
            return new FileStream(Path.Combine(directory, SweepRunner.LockFile), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new InvalidInputException(SweepOptions.Format(ExperimentErrors.FolderInUse, directory), e);
        }
    }
}
