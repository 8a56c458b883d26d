import { gridCells, gridPoints } from './grid.js';
import { shardCells } from './shard.js';
import { sweepDocument, type ShardDocument, type SweepDefinition, type SweepDocument } from './sweep-document.js';

export type MergeResult = { ok: true; sweep: SweepDocument } | { ok: false; message: string };

/**
 * Combines the shard files of one sweep into the document the unsplit sweep writes. Refuses shards of
 * different sweeps (scenario bytes, grid, seeds or ecsim version differ), a shard given twice, a
 * missing shard, and a shard without exactly the runs it should hold.
 */
export function mergeShards(shards: { file: string; content: string }[]): MergeResult {
  if (shards.length === 0) return { ok: false, message: 'merge: expected at least one shard file' };
  const documents: ShardDocument[] = [];
  for (const { file, content } of shards) {
    const read = readShard(content);
    if (typeof read === 'string') return { ok: false, message: `${file}: ${read}` };
    documents.push(read);
  }
  const [first] = documents;
  const reference = JSON.stringify(definition(first));
  for (let i = 1; i < documents.length; i++) {
    const difference = differenceBetween(first, documents[i]);
    if (JSON.stringify(definition(documents[i])) !== reference || difference) {
      return { ok: false, message: `${shards[i].file}: not a shard of the same sweep as ${shards[0].file} (${difference ?? 'the grid differs'})` };
    }
  }
  const count = first.shard.count;
  const seen = new Map<number, string>();
  for (const [i, doc] of documents.entries()) {
    if (doc.shard.count !== count) return { ok: false, message: `${shards[i].file}: shard ${doc.shard.index}/${doc.shard.count}, but ${shards[0].file} is one of ${count} shards` };
    const earlier = seen.get(doc.shard.index);
    if (earlier !== undefined) return { ok: false, message: `${shards[i].file}: shard ${doc.shard.index}/${count} is also ${earlier}` };
    seen.set(doc.shard.index, shards[i].file);
  }
  const missing = Array.from({ length: count }, (_, i) => i).filter((i) => !seen.has(i));
  if (missing.length > 0) return { ok: false, message: `merge: incomplete sweep: missing shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${count}`).join(', ')}` };

  const cells = gridCells(gridPoints(first.sets).length, first.seeds);
  for (const [i, doc] of documents.entries()) {
    const expected = shardCells(cells, doc.shard).map((c) => `${c.index}:${c.point}:${c.seed}`).join(',');
    const held = doc.runs.map((r) => `${r.cell}:${r.point}:${r.seed}`).join(',');
    if (held !== expected) return { ok: false, message: `${shards[i].file}: shard ${doc.shard.index}/${count} does not hold the runs it should (incomplete or edited)` };
  }
  return { ok: true, sweep: sweepDocument(definition(first), documents.flatMap((d) => d.runs)) };
}

function readShard(content: string): ShardDocument | string {
  let value: unknown;
  try {
    value = JSON.parse(content);
  } catch {
    return 'not JSON, so not an ecsim sweep shard file';
  }
  const doc = value as Partial<ShardDocument>;
  if (doc?.format !== 'ecsim-sweep-shard') return 'not an ecsim sweep shard file (written by ecsim sweep --shard i/n)';
  if (doc.formatVersion !== 1) return `shard file format version ${String(doc.formatVersion)}; this ecsim reads version 1`;
  if (!doc.shard || !Array.isArray(doc.runs) || !Array.isArray(doc.sets) || !Array.isArray(doc.seeds) || !doc.scenario) return 'a shard file with fields missing';
  return doc as ShardDocument;
}

function definition(doc: ShardDocument): SweepDefinition {
  return { ecsimVersion: doc.ecsimVersion, scenario: doc.scenario, sets: doc.sets, seeds: doc.seeds };
}

/** Says which part of two shards' definitions differs, in the order a user would check. */
function differenceBetween(a: ShardDocument, b: ShardDocument): string | undefined {
  if (a.scenario.sha256 !== b.scenario.sha256) return `scenario file sha256 ${b.scenario.sha256.slice(0, 12)}... vs ${a.scenario.sha256.slice(0, 12)}...`;
  if (a.scenario.name !== b.scenario.name) return `scenario "${b.scenario.name}" vs "${a.scenario.name}"`;
  if (a.ecsimVersion !== b.ecsimVersion) return `ecsim ${b.ecsimVersion} vs ${a.ecsimVersion}`;
  if (JSON.stringify(a.seeds) !== JSON.stringify(b.seeds)) return 'different --seeds';
  if (JSON.stringify(a.sets) !== JSON.stringify(b.sets)) return 'different --set values';
  return undefined;
}
