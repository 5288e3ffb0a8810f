import { describe, expect, it } from 'vitest';
import { createGate } from '../../../harness/endpoint/gate.ts';

function deferred() {
  let resolve: (value: string) => void = () => undefined;
  let reject: (err: Error) => void = () => undefined;
  const promise = new Promise<string>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('gate', () => {
  it('runs at most `size` tasks at once and starts queued ones in order as slots free', async () => {
    const gate = createGate(2);
    const tasks = [deferred(), deferred(), deferred(), deferred()];
    const started: number[] = [];
    const results = tasks.map((t, i) =>
      gate.run(() => {
        started.push(i);
        return t.promise;
      }),
    );
    expect(started).toEqual([0, 1]);
    expect([gate.active, gate.pending]).toEqual([2, 2]);
    tasks[1]?.resolve('b');
    await results[1];
    await Promise.resolve();
    expect(started).toEqual([0, 1, 2]);
    tasks[0]?.reject(new Error('a failed'));
    await expect(results[0]).rejects.toThrow('a failed');
    await Promise.resolve();
    // a failed task frees its slot too
    expect(started).toEqual([0, 1, 2, 3]);
    tasks[2]?.resolve('c');
    tasks[3]?.resolve('d');
    expect(await Promise.all(results.slice(1))).toEqual(['b', 'c', 'd']);
    expect([gate.active, gate.pending]).toEqual([0, 0]);
  });

  it('starts queued tasks when its size is raised, and holds new ones back when lowered', async () => {
    const gate = createGate(1);
    const tasks = [deferred(), deferred(), deferred()];
    const started: number[] = [];
    tasks.forEach((t, i) =>
      void gate.run(() => {
        started.push(i);
        return t.promise;
      }),
    );
    expect(started).toEqual([0]);
    gate.size = 3;
    expect(started).toEqual([0, 1, 2]);
    gate.size = 1;
    const late = deferred();
    void gate.run(() => {
      started.push(3);
      return late.promise;
    });
    tasks[0]?.resolve('x');
    tasks[1]?.resolve('y');
    await Promise.all([tasks[0]?.promise, tasks[1]?.promise]);
    await Promise.resolve();
    expect(started).toEqual([0, 1, 2]);
    tasks[2]?.resolve('z');
    await tasks[2]?.promise;
    await Promise.resolve();
    expect(started).toEqual([0, 1, 2, 3]);
  });

  it('turns a task that throws synchronously into a rejection and frees the slot', async () => {
    const gate = createGate(1);
    await expect(gate.run(() => { throw new Error('sync'); })).rejects.toThrow('sync');
    expect(gate.active).toBe(0);
    expect(() => { gate.size = 0; }).toThrow(RangeError);
  });
});
