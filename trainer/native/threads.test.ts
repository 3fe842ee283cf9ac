import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { chooseThreads, machineTicks, ThreadPolicy } from "./threads.ts";

describe("chooseThreads", () => {
  test("all cores while the others leave them free", () => assert.equal(chooseThreads(0.1, 1, 2), 2));
  test("one thread while others use more than half a core", () => assert.equal(chooseThreads(0.9, 2, 2), 1));
  test("no change in between (hysteresis)", () => {
    assert.equal(chooseThreads(0.45, 1, 2), 1);
    assert.equal(chooseThreads(0.45, 2, 2), 2);
  });
  test("a single core stays single", () => assert.equal(chooseThreads(0, 1, 1), 1));
});

describe("machineTicks", () => {
  test("busy is everything but idle and iowait", () => {
    assert.deepEqual(machineTicks("cpu  100 5 50 800 20 3 2 10 0 0\ncpu0 1 2 3 4\n"), { busy: 170, total: 990 });
  });
  test("unreadable input gives null", () => {
    assert.equal(machineTicks("nothing here"), null);
  });
});

describe("ThreadPolicy", () => {
  /** A machine of two cores whose /proc/stat, clock and own CPU time the test moves. */
  function fakeMachine() {
    const m = { busy: 0, total: 0, wall: 0, own: 0 };
    const options = {
      cores: 2,
      intervalMs: 1000,
      readStat: () => `cpu  ${m.busy} 0 0 ${m.total - m.busy} 0 0 0 0 0 0\n`,
      ownSeconds: () => m.own,
      now: () => m.wall,
    };
    /** One second passes: the others use `others` cores and we `own`. */
    const second = (others: number, own: number) => {
      m.wall += 1000;
      m.total += 200;
      m.busy += 100 * (others + own);
      m.own += own;
    };
    return { options, second };
  }

  test("starts on one thread when the load average says the machine is busy", () => {
    const set: number[] = [];
    const policy = new ThreadPolicy((n) => set.push(n), { ...fakeMachine().options, initialOthersCores: 3.5 });
    assert.equal(policy.threads, 1);
    assert.deepEqual(set, [1]);
  });

  test("drops to one thread while others keep a core busy and comes back when they stop", () => {
    const { options, second } = fakeMachine();
    const set: number[] = [];
    const policy = new ThreadPolicy((n) => set.push(n), { ...options, initialOthersCores: 0 });
    assert.equal(policy.threads, 2);
    second(1, 1); // someone else keeps a core busy
    policy.tick();
    assert.equal(policy.threads, 1);
    second(0.5, 1); // still crowded enough: hysteresis holds
    policy.tick();
    assert.equal(policy.threads, 1);
    second(0.1, 1);
    policy.tick();
    assert.equal(policy.threads, 2);
    assert.deepEqual(set, [2, 1, 2]);
  });

  test("reads the machine at most once per interval", () => {
    const { options, second } = fakeMachine();
    let reads = 0;
    const policy = new ThreadPolicy(() => {}, { ...options, readStat: () => (reads++, options.readStat()), initialOthersCores: 0 });
    second(0, 0);
    policy.tick();
    policy.tick();
    policy.tick();
    assert.equal(reads, 2); // the first sample, then one decision
  });
});
