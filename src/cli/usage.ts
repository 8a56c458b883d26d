export const USAGE = `ecsim: a deterministic discrete-event simulator of Amazon ECS clusters

Usage:
  ecsim run FILE [options]     simulate a scenario; write results.json and report.html
  ecsim sweep FILE [options]   run a grid of --set values x seeds on all cores; write sweep.json,
                               sweep.csv (mean and 95% interval per figure) and sweep.html
  ecsim merge OUT_DIR SHARD... combine the shard files of a sweep run with --shard into OUT_DIR
  ecsim compare A B ...        one page with the runs side by side (results.json files, or scenario
                               files, which are simulated first); write compare.html (--out DIR,
                               default out/compare)
  ecsim validate FILE          check a scenario file and exit
  ecsim schema                 print the JSON Schema of scenario files
  ecsim --help | --version

Options for run:
  --seed N          random seed (overrides the scenario's seed)
  --until D         simulate only until D (e.g. 90m, 6h; overrides the scenario's duration)
  --out DIR         where to write results.json and report.html (default: out/<scenario file name>)
  --json            print the Results JSON on stdout (writes files only with --out)
  --check           check every invariant after every event (slow)
  --check-every N   check every invariant after every Nth event and at the end (for large runs)
  --max-events N    stop with an error after N events (a guard against runaway scenarios)
  --events FILE     write the event log (task, service, deployment, instance events shaped like
                    Amazon EventBridge's ECS events) as JSON Lines
  --tasks MODE      full (default): a record per task in results.json; summary: no per-task records
                    (for large runs; every figure is still counted from all tasks)

Options for sweep:
  --seeds S         seeds to run each grid point with: 1..50, 1,5,9 or 1..3,10 (default: the scenario's seed)
  --set PATH=V1,V2  a field of the scenario file and the values to try, read as YAML scalars; repeatable,
                    the grid is every combination. PATH: services[0].desiredCount,
                    cluster.capacityProviders[1].autoScalingGroup.maxSize, services[serviceName=web].desiredCount
  --workers N       worker threads (default: the number of CPUs)
  --out DIR         where to write the files (default: out/<scenario file name>-sweep)
  --max-events N    stop with an error (exit 1, naming the run) if a run passes N events
  --shard I/N       run only shard I of N (cells I, I+N, ...) and write shard-I-of-N.json for ecsim merge;
                    default from JOB_COMPLETION_INDEX (Kubernetes Indexed Job) or AWS_BATCH_JOB_ARRAY_INDEX
                    (AWS Batch array job), with N from --shards N or ECSIM_SHARDS

Exit codes: 0 ok, 1 the simulation failed a check or hit --max-events, 2 bad input.
Scenario reference: docs/scenarios.md; sweeps: docs/sweeps.md`;
