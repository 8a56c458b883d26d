import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/placement/query-language/evaluate.js';
import { parseExpression } from '../../src/placement/query-language/parse.js';
import type { ContainerInstance } from '../../src/model/container-instance.js';
import { cluster, instance } from './builders.js';

const ctx = { startEpochMs: Date.parse('2026-01-01T00:00:00Z') };
function holds(expression: string, target: ContainerInstance): boolean {
  const parsed = parseExpression(expression);
  if (!parsed.ok) throw new Error(`${expression}: column ${parsed.column}: ${parsed.message}`);
  return evaluate(parsed.expression, target, ctx);
}

const [t2, m5, c5] = cluster(
  instance('1024/2048', { type: 't2.micro', az: 'us-east-1a', attributes: { team: 'blue', stack: 'prod' }, agentVersion: '1.14.0' }),
  instance('2048/8192', { type: 'm5.large', az: 'us-east-1b', attributes: { team: 'green' }, agentVersion: '1.20.3' }),
  instance('2048/4096', { type: 'c5.large', az: 'us-east-1d', agentVersion: '1.89.0' }),
).instances;
t2.groupCounts.set('database', 1);
m5.groupCounts.set('service:production', 2);
m5.runningTasksCount = 1;
c5.registeredAt = Date.parse('2018-03-01T00:00:00Z') - ctx.startEpochMs;

describe('cluster query language: the developer guide examples', () => {
  it('attribute:ecs.instance-type =~ t2.* matches only the t2', () => {
    expect([t2, m5, c5].map((i) => holds('attribute:ecs.instance-type =~ t2.*', i))).toEqual([true, false, false]);
  });

  it('attribute:ecs.availability-zone in [us-east-1a, us-east-1b]', () => {
    expect([t2, m5, c5].map((i) => holds('attribute:ecs.availability-zone in [us-east-1a, us-east-1b]', i))).toEqual([true, true, false]);
  });

  it('not(task:group == database): anti-affinity', () => {
    expect([t2, m5, c5].map((i) => holds('not(task:group == database)', i))).toEqual([false, true, true]);
  });

  it('task:group == service:production: affinity', () => {
    expect([t2, m5, c5].map((i) => holds('task:group == service:production', i))).toEqual([false, true, false]);
  });

  it('runningTasksCount == 1', () => {
    expect([t2, m5, c5].map((i) => holds('runningTasksCount == 1', i))).toEqual([false, true, false]);
  });

  it('agentVersion < 1.14.5 compares versions part by part', () => {
    expect([t2, m5, c5].map((i) => holds('agentVersion < 1.14.5', i))).toEqual([true, false, false]);
  });

  it('registeredAt < 2018-02-13 compares instants', () => {
    expect(holds('registeredAt < 2018-02-13', c5)).toBe(false);
    expect(holds('registeredAt > 2018-02-13', c5)).toBe(true);
    expect(holds('registeredAt >= 2026-01-01', t2)).toBe(true);
  });

  it('ec2InstanceId in a list, and with !in', () => {
    expect(holds('ec2InstanceId in [i-0001, i-0003]', t2)).toBe(true);
    expect(holds('ec2InstanceId !in [i-0001, i-0003]', t2)).toBe(false);
  });

  it('compound: attribute:ecs.instance-type =~ t2.* and attribute:ecs.availability-zone == us-east-1a', () => {
    const e = 'attribute:ecs.instance-type =~ t2.* and attribute:ecs.availability-zone == us-east-1a';
    expect([t2, m5, c5].map((i) => holds(e, i))).toEqual([true, false, false]);
  });
});

describe('cluster query language: every operator and its word form', () => {
  const cases: [string, string, boolean[]][] = [
    ['==', 'equals', [true, false, false]],
    ['!=', 'not_equals', [false, true, true]],
  ];
  it.each(cases)('%s / %s', (symbol, word, expected) => {
    expect([t2, m5, c5].map((i) => holds(`attribute:team ${symbol} blue`, i))).toEqual(expected);
    expect([t2, m5, c5].map((i) => holds(`attribute:team ${word} blue`, i))).toEqual(expected);
  });

  it.each([
    ['>', 'greater_than', [false, true, false]],
    ['>=', 'greater_than_equal', [true, true, false]],
    ['<', 'less_than', [false, false, true]],
    ['<=', 'less_than_equal', [true, false, true]],
  ] as const)('runningTasksCount %s / %s compares numbers', (symbol, word, expected) => {
    t2.runningTasksCount = 0;
    m5.runningTasksCount = 1;
    c5.runningTasksCount = -1;
    expect([t2, m5, c5].map((i) => holds(`runningTasksCount ${symbol} 0`, i))).toEqual(expected);
    expect([t2, m5, c5].map((i) => holds(`runningTasksCount ${word} 0`, i))).toEqual(expected);
    m5.runningTasksCount = 1;
    c5.runningTasksCount = 0;
  });

  it('exists / !exists / not_exists', () => {
    expect([t2, m5, c5].map((i) => holds('attribute:team exists', i))).toEqual([true, true, false]);
    expect([t2, m5, c5].map((i) => holds('attribute:team !exists', i))).toEqual([false, false, true]);
    expect([t2, m5, c5].map((i) => holds('attribute:team not_exists', i))).toEqual([false, false, true]);
  });

  it('in / not_in', () => {
    expect([t2, m5, c5].map((i) => holds('attribute:team in [blue, red]', i))).toEqual([true, false, false]);
    expect([t2, m5, c5].map((i) => holds('attribute:team not_in [blue, red]', i))).toEqual([false, true, true]);
  });

  it('=~ / matches / !~ / not_matches use the whole value', () => {
    expect([t2, m5, c5].map((i) => holds('attribute:ecs.instance-type matches (m5|c5).large', i))).toEqual([false, true, true]);
    expect([t2, m5, c5].map((i) => holds('attribute:ecs.instance-type !~ m5.*', i))).toEqual([true, false, true]);
    expect([t2, m5, c5].map((i) => holds('attribute:ecs.instance-type not_matches m5.*', i))).toEqual([true, false, true]);
    expect(holds('attribute:ecs.instance-type =~ m5', m5)).toBe(false);
  });

  it('and/&&, or/||, not/! with parentheses and precedence (not > and > or)', () => {
    expect(holds('attribute:team == blue || attribute:team == green && attribute:stack == prod', m5)).toBe(false);
    expect(holds('(attribute:team == blue || attribute:team == green) && attribute:stack == prod', t2)).toBe(true);
    expect(holds('(attribute:team == blue or attribute:team == green) and attribute:stack == prod', m5)).toBe(false);
    expect(holds('!(attribute:team == blue) && !attribute:stack exists', m5)).toBe(true);
    expect(holds('not attribute:team == blue', m5)).toBe(true);
  });
});

describe('cluster query language: syntax errors point at the column', () => {
  it.each([
    ['attribute:ecs.instance-type', 28, 'expected an operator after "attribute:ecs.instance-type"'],
    ['attribute:team == blue and', 27, 'expected a subject such as attribute:ecs.instance-type'],
    ['color == blue', 1, 'unknown subject "color"'],
    ['(attribute:team == blue', 24, 'expected ")"'],
    ['attribute:team in blue', 19, 'expected a list such as [a, b]'],
    ['attribute:team in [a b]', 22, 'expected "," or "]"'],
    ['attribute:team =~ ([', 19, 'invalid regular expression "(["'],
    ['attribute:team == blue )', 24, 'unexpected ")"'],
  ])('%s -> column %d', (text, column, message) => {
    const result = parseExpression(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.column).toBe(column);
      expect(result.message).toContain(message);
    }
  });

  it('rejects expressions over 2000 characters', () => {
    expect(parseExpression(`attribute:team in [${'a, '.repeat(700)}a]`).ok).toBe(false);
  });
});
