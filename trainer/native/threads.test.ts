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
  test("starts on one thread when the load average says the machine is busy", () => {
    const set: number[] = [];
    const policy = new ThreadPolicy((n) => set.push(n), 2, 1000, () => "cpu  1 0 0 1 0 0 0 0 0 0\n", 3.5);
    assert.equal(policy.threads, 1);
    assert.deepEqual(set, [1]);
  });
  test("drops to one thread when others are busy and comes back when they stop", async () => {
    let busy = 0;
    let total = 0;
    const stat = () => `cpu  ${busy} 0 0 ${total - busy} 0 0 0 0 0 0\n`;
    const set: number[] = [];
    const policy = new ThreadPolicy((n) => set.push(n), 2, 10, stat, 0);
    assert.equal(policy.threads, 2);
    // Another process keeps one whole core busy (our own use here is ~0).
    const wait = () => new Promise((resolve) => setTimeout(resolve, 20));
    await wait();
    busy += 100;
    total += 200;
    policy.tick();
    assert.equal(policy.threads, 1);
    await wait();
    total += 200;
    policy.tick();
    assert.equal(policy.threads, 2);
    assert.deepEqual(set, [2, 1, 2]);
  });
});
