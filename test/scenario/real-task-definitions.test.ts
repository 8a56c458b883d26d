import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { problems, scenarioObject, spec } from '../builders.js';

const REAL = join(__dirname, '../../../shared/data/ecs-real');
const files = readdirSync(REAL).filter((f) => f.startsWith('taskdef-') && f.endsWith('.json'));

describe('real task definitions from public repositories load as scenario task definitions', () => {
  it('finds the shared task definitions', () => {
    expect(files.length).toBeGreaterThanOrEqual(7);
  });

  it.each(files)('%s', (file) => {
    const td = JSON.parse(readFileSync(join(REAL, file), 'utf8'));
    const scenario = scenarioObject({ taskDefinitions: [td], workload: { runTasks: [] } });
    if (file.includes('tomcat-ec2-awsvpc')) {
      // hostPort 80 with containerPort 8080 in awsvpc mode: AWS rejects it.
      expect(problems(scenario)).toEqual([
        'taskDefinitions[0].containerDefinitions[0].portMappings[0].hostPort: When networkMode=awsvpc, the host ports and container ports in port mappings must match.',
      ]);
    } else {
      expect(problems(scenario)).toEqual([]);
      const loaded = spec(scenario);
      expect(loaded.taskDefinitions[0].family).toBe(td.family);
    }
  });

  it('the consul server reserves its 64 MiB soft limit, not its 256 MiB hard limit', () => {
    const td = JSON.parse(readFileSync(join(REAL, 'taskdef-aws-containers-task-definitions-consul-server-host-memreservation.json'), 'utf8'));
    const loaded = spec(scenarioObject({ taskDefinitions: [td], workload: { runTasks: [] } }));
    expect(loaded.taskDefinitions[0].reservation.memoryMiB).toBe(64);
  });
});
