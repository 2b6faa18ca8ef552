import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, redactSecrets } from './logger.js';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { lines, log: createLogger('info', { destination }) };
}

describe('log lines', () => {
  it('never carry a password, token or Authorization header, at any depth', () => {
    const { lines, log } = capture();
    const logged = {
      password: 'hunter2',
      variables: { input: { name: 'alice', password: 'hunter2' } },
      req: { headers: { authorization: 'Bearer abc.def', accept: '*/*' } },
      attempts: [{ token: 'refresh-1' }, { token: 'refresh-2', at: 1 }],
      account: { password_hash: '$argon2id$…', name: 'alice' },
    };
    const before = JSON.stringify(logged);
    log.info(logged, 'sign-up');
    const line = JSON.stringify(lines[0]);
    for (const secret of ['hunter2', 'abc.def', 'refresh-1', 'refresh-2', '$argon2id$'])
      expect(line).not.toContain(secret);
    expect(lines[0]).toMatchObject({
      msg: 'sign-up',
      password: '[redacted]',
      variables: { input: { name: 'alice', password: '[redacted]' } },
      req: { headers: { authorization: '[redacted]', accept: '*/*' } },
      attempts: [{ token: '[redacted]' }, { token: '[redacted]', at: 1 }],
      account: { password_hash: '[redacted]', name: 'alice' },
    });
    // What the caller logged is its own: nothing in it was censored.
    expect(JSON.stringify(logged)).toBe(before);
  });

  it('keep an error’s message and stack when a secret beside them is censored', () => {
    const { lines, log } = capture();
    const error = Object.assign(new Error('login failed'), { code: 'E1', token: 'abc' });
    log.error({ err: error }, 'failed');
    expect(lines[0]!.err).toMatchObject({
      type: 'Error',
      message: 'login failed',
      code: 'E1',
      token: '[redacted]',
    });
    expect(String((lines[0]!.err as { stack: string }).stack)).toContain('login failed');
    expect(error.token).toBe('abc');
  });

  it('leave a line with no secret as it is, without copying it', () => {
    const line = { requestId: 'r1', method: 'POST', path: '/graphql', status: 200, ms: 0 };
    expect(redactSecrets(line)).toBe(line);
    const nested = { a: { b: [{ c: 1 }] } };
    expect(redactSecrets(nested)).toBe(nested);
  });
});

describe('log lines on stdout', () => {
  const logger = JSON.stringify(path.resolve(import.meta.dirname, 'logger.ts'));
  /** A process logging as `script` says, with lines waiting up to `flushMs`; its stdout as it comes. */
  function child(script: string, flushMs: number) {
    const source = `import { createLogger } from ${logger};
      const log = createLogger('info', { pretty: false, flushEveryMs: ${flushMs} });
      ${script}`;
    const proc = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', source], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    const chunks: string[][] = [];
    proc.stdout.on('data', (d: Buffer) =>
      chunks.push(
        d
          .toString()
          .trim()
          .split('\n')
          .map((l) => (JSON.parse(l) as { msg: string }).msg),
      ),
    );
    return { proc, chunks };
  }

  it('are written in batches, at once with a warning or error, and all of them by exit', async () => {
    // Lines wait (a minute here) until a warning or error comes: then out together, in order.
    const { proc, chunks } = child(
      `log.info('first'); log.info('second');
      process.stdin.once('data', () => {
        log.warn('failed');
        process.stdin.once('data', () => { log.info('last'); process.exit(0); });
      });`,
      60_000,
    );
    proc.stdin.write('go\n');
    while (chunks.length === 0) await once(proc.stdout, 'data');
    expect(chunks).toEqual([['first', 'second', 'failed']]);
    proc.stdin.write('go\n');
    await once(proc, 'exit');
    expect(chunks.flat()).toEqual(['first', 'second', 'failed', 'last']);
  });

  it('wait no longer than the flush interval', async () => {
    const { proc, chunks } = child(`log.info('alone'); setTimeout(() => {}, 60_000);`, 50);
    while (chunks.length === 0) await once(proc.stdout, 'data');
    proc.kill();
    expect(chunks).toEqual([['alone']]);
  });
});
