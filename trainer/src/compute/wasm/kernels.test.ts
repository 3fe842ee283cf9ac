/**
 * The project's wasm kernels against tfjs' reference cpu backend, on random inputs of
 * assorted shapes (batch 1, odd sizes, padding, strides). Tolerance: float32 sums of up to
 * a few thousand terms, so |wasm − cpu| ≤ 1e-4 · (1 + max |cpu|).
 */
import { before, test } from "node:test";
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { createRandom, fillUniform } from "../../data/random.ts";
import { useBackend } from "../backend.ts";

before(async () => {
  await useBackend("wasm");
});

const random = createRandom(2024);

function values(shape: number[]): Float32Array {
  return fillUniform(random, new Float32Array(shape.reduce((a, b) => a * b, 1)), -1, 1);
}

/** Runs `f` on a backend with fresh tensors made from `inputs`; returns the output's values. */
async function on(
  backend: "wasm" | "cpu",
  inputs: { values: Float32Array; shape: number[] }[],
  f: (...xs: tf.Tensor[]) => tf.Tensor,
): Promise<{ shape: number[]; data: Float32Array }> {
  await tf.setBackend(backend);
  const xs = inputs.map((i) => tf.tensor(i.values, i.shape));
  const out = f(...xs);
  const result = { shape: out.shape, data: (await out.data()) as Float32Array };
  tf.dispose([...xs, out]);
  return result;
}

async function assertMatchesCpu(label: string, shapes: number[][], f: (...xs: tf.Tensor[]) => tf.Tensor): Promise<void> {
  const inputs = shapes.map((shape) => ({ shape, values: values(shape) }));
  const expected = await on("cpu", inputs, f);
  const actual = await on("wasm", inputs, f);
  await tf.setBackend("wasm");
  assert.deepEqual(actual.shape, expected.shape, `${label}: shape`);
  const scale = 1 + expected.data.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  let worst = 0;
  for (let i = 0; i < expected.data.length; i++) worst = Math.max(worst, Math.abs(actual.data[i]! - expected.data[i]!));
  assert.ok(worst <= 1e-4 * scale, `${label}: max difference ${worst} exceeds ${1e-4 * scale}`);
}

const convCases: { x: number[]; filter: number[]; stride: number; pad: "valid" | "same" }[] = [
  { x: [1, 5, 5, 1], filter: [3, 3, 1, 2], stride: 1, pad: "valid" },
  { x: [2, 28, 28, 1], filter: [3, 3, 1, 32], stride: 1, pad: "valid" },
  { x: [3, 13, 13, 32], filter: [3, 3, 32, 64], stride: 1, pad: "valid" },
  { x: [2, 7, 9, 3], filter: [3, 2, 3, 5], stride: 1, pad: "same" },
  { x: [1, 8, 7, 4], filter: [3, 3, 4, 3], stride: 2, pad: "valid" },
  { x: [2, 9, 6, 2], filter: [2, 3, 2, 4], stride: 2, pad: "same" },
  { x: [1, 4, 4, 5], filter: [1, 1, 5, 7], stride: 1, pad: "valid" },
];

test("Conv2DBackpropFilter matches cpu (the filter gradient of conv2d)", async () => {
  for (const c of convCases) {
    const out = [
      c.x[0]!,
      ...tf.backend_util
        .computeConv2DInfo(c.x as [number, number, number, number], c.filter as [number, number, number, number], c.stride, 1, c.pad)
        .outShape.slice(1),
    ];
    await assertMatchesCpu(
      `dW ${JSON.stringify(c)}`,
      [c.x, out],
      (x, dy) =>
        tf
          .engine()
          .runKernel(
            "Conv2DBackpropFilter",
            { x: x!, dy: dy! },
            { strides: c.stride, pad: c.pad, dataFormat: "NHWC", filterShape: c.filter },
          ) as tf.Tensor,
    );
  }
});

test("Conv2DBackpropInput matches cpu (the input gradient of conv2d)", async () => {
  for (const c of convCases) {
    const out = [
      c.x[0]!,
      ...tf.backend_util
        .computeConv2DInfo(c.x as [number, number, number, number], c.filter as [number, number, number, number], c.stride, 1, c.pad)
        .outShape.slice(1),
    ];
    await assertMatchesCpu(`dx ${JSON.stringify(c)}`, [out, c.filter], (dy, filter) =>
      tf.conv2dTranspose(dy as tf.Tensor4D, filter as tf.Tensor4D, c.x as [number, number, number, number], c.stride, c.pad),
    );
  }
});

test("both conv2d gradients through tf.grads match cpu", async () => {
  await assertMatchesCpu(
    "grads",
    [
      [2, 12, 11, 3],
      [3, 3, 3, 4],
    ],
    (x, f) => {
      const [dx, df] = tf.grads((a: tf.Tensor, b: tf.Tensor) =>
        tf.sum(tf.square(tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, 1, "valid"))),
      )([x!, f!]);
      return tf.concat([tf.reshape(dx!, [-1]), tf.reshape(df!, [-1])]);
    },
  );
});

test("BatchMatMul with transposes matches cpu, ranks 2 and 3, batched or not, flipped or not", async () => {
  const cases: [number[], number[], boolean, boolean][] = [
    [[5, 3], [3, 4], false, false],
    [[3, 5], [3, 4], true, false],
    [[5, 3], [4, 3], false, true],
    [[3, 5], [4, 3], true, true],
    [[1, 1], [1, 7], true, false],
    [[1, 6, 2], [1, 6, 3], true, false],
    [[1, 6, 2], [3, 2], false, true],
    [[2, 4, 3], [2, 4, 5], true, false],
    [[128, 784], [128, 256], true, false],
    // m < n: computed flipped (Cᵀ = Bᵀ·Aᵀ), with and without transposed inputs.
    [[2, 5], [5, 7], false, false],
    [[2, 5], [7, 5], false, true],
    [[5, 2], [5, 7], true, false],
    [[5, 2], [7, 5], true, true],
    [[9, 300], [300, 32], false, false],
  ];
  for (const [a, b, ta, tb] of cases) {
    await assertMatchesCpu(`matMul ${a} ${b} ${ta} ${tb}`, [a, b], (x, y) => tf.matMul(x!, y!, ta, tb));
  }
});

test("MaxPoolGrad matches cpu, tiled windows and general ones", async () => {
  const cases: { x: number[]; size: number; stride: number; pad: "valid" | "same" }[] = [
    { x: [2, 26, 26, 3], size: 2, stride: 2, pad: "valid" },
    { x: [1, 11, 11, 4], size: 2, stride: 2, pad: "valid" },
    { x: [2, 7, 6, 2], size: 3, stride: 2, pad: "same" },
    { x: [1, 5, 5, 1], size: 3, stride: 1, pad: "valid" },
  ];
  for (const c of cases) {
    const out = tf.backend_util.computePool2DInfo(c.x as [number, number, number, number], c.size, c.stride, 1, c.pad).outShape;
    await assertMatchesCpu(`maxPool grad ${JSON.stringify(c)}`, [c.x, out], (x, weights) =>
      tf.grad((a: tf.Tensor) => tf.sum(tf.mul(tf.maxPool(a as tf.Tensor4D, c.size, c.stride, c.pad), weights!)))(x!),
    );
  }
});

test("Sum over leading axes, and other reductions, match cpu", async () => {
  await assertMatchesCpu("sum 0,1,2", [[3, 5, 4, 6]], (x) => tf.sum(x!, [0, 1, 2]));
  await assertMatchesCpu("sum 0 keepDims", [[7, 3]], (x) => tf.sum(x!, 0, true));
  await assertMatchesCpu("sum 1", [[7, 3]], (x) => tf.sum(x!, 1));
  await assertMatchesCpu("sum all", [[4, 3, 2]], (x) => tf.sum(x!));
});

test("Identity and Cast share memory safely: the copy outlives its source", async () => {
  await tf.setBackend("wasm");
  const source = tf.tensor([1.5, -2, 3]);
  const clone = tf.clone(source);
  const cast = tf.cast(source, "float32");
  const ints = tf.cast(source, "int32");
  source.dispose();
  assert.deepEqual(Array.from(await clone.data()), [1.5, -2, 3]);
  assert.deepEqual(Array.from(await cast.data()), [1.5, -2, 3]);
  assert.deepEqual(Array.from(await ints.data()), [1, -2, 3]);
  tf.dispose([clone, cast, ints]);
});
