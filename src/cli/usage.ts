export const USAGE = `ecsim: a deterministic discrete-event simulator of Amazon ECS clusters

Usage:
  ecsim run FILE [options]     simulate a scenario; write results.json and report.html
  ecsim validate FILE          check a scenario file and exit
  ecsim schema                 print the JSON Schema of scenario files
  ecsim --help | --version

Options for run:
  --seed N          random seed (overrides the scenario's seed)
  --until D         simulate only until D (e.g. 90m, 6h; overrides the scenario's duration)
  --out DIR         where to write results.json and report.html (default: out/<scenario file name>)
  --json            print the Results JSON on stdout (writes files only with --out)
  --check           check every invariant after every event (slow)
  --max-events N    stop with an error after N events (a guard against runaway scenarios)
  --events FILE     write the event log (task, service, deployment, instance events shaped like
                    Amazon EventBridge's ECS events) as JSON Lines

Exit codes: 0 ok, 1 the simulation failed a check or hit --max-events, 2 bad input.
Scenario reference: docs/scenarios.md`;
