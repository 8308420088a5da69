// TorchSharp keeps global state (seed, threads, deterministic flags): torch tests run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
