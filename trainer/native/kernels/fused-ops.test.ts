import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import * as tf from "@tensorflow/tfjs";
import { dense, DENSE, SOFTMAX_CROSS_ENTROPY, softmaxCrossEntropy } from "../../src/compute/fused-ops.ts";
import { ensureNativeBackend } from "../ensure-built.ts";
import { NATIVE_BACKEND } from "../index.ts";
import { assertMatchesCpu, randomTensor, valueAndGrads, type Tolerance } from "../kernel-check.ts";

// The same products as BatchMatMul's tests (float32 accumulation against tfjs's double).
const TOL: Tolerance = { atol: 1e-4, rtol: 1e-4 };

before(ensureNativeBackend);

describe("dense (one kernel on native, tfjs's matMul + add + relu on cpu)", () => {
  const cases: Array<[string, number[], number[], "linear" | "relu"]> = [
    ["mlp first layer", [128, 784], [784, 256], "relu"],
    ["logits", [128, 256], [256, 10], "linear"],
    ["batch of one", [1, 5], [5, 3], "relu"],
    ["odd sizes", [7, 13], [13, 17], "relu"],
  ];
  for (const [name, xShape, wShape, activation] of cases) {
    test(`${name} (${activation}): value and every gradient`, () =>
      assertMatchesCpu(
        name,
        () =>
          valueAndGrads(
            (x, w, b) => dense(x as tf.Tensor2D, w as tf.Tensor2D, b as tf.Tensor1D, activation),
            [randomTensor(xShape, 1), randomTensor(wShape, 2), randomTensor([wShape[1]!], 3)],
            4,
          ),
        TOL,
      ));
  }

  test("computes only the gradients asked for: no product for an input's gradient", async () => {
    await tf.setBackend(NATIVE_BACKEND);
    const [x, w, b] = [randomTensor([32, 20], 1), randomTensor([20, 8], 2), randomTensor([8], 3)];
    const f = (w2: tf.Tensor, b2: tf.Tensor) => tf.sum(dense(x as tf.Tensor2D, w2 as tf.Tensor2D, b2 as tf.Tensor1D, "relu"));
    const profile = await tf.profile(() => tf.grads(f)([w, b]));
    assert.equal(profile.kernelNames.filter((k) => k === DENSE).length, 1);
    assert.equal(profile.kernelNames.filter((k) => k === "BatchMatMul").length, 1, "only the kernel's gradient product");
    tf.dispose([x, w, b]);
  });

  test("mismatched shapes are refused with both shapes named", async () => {
    await tf.setBackend(NATIVE_BACKEND);
    const [x, w, b] = [tf.zeros([4, 3]), tf.zeros([5, 2]), tf.zeros([2])];
    assert.throws(() => dense(x as tf.Tensor2D, w as tf.Tensor2D, b as tf.Tensor1D, "relu"), /got \[4,3\], \[5,2\] and \[2\]/);
    tf.dispose([x, w, b]);
  });
});

describe("softmaxCrossEntropy (one kernel each way on native, tf.losses on cpu)", () => {
  const oneHot = (rows: number, classes: number, seed: number) =>
    tf
      .oneHot(
        tf.tensor1d(
          Array.from({ length: rows }, (_, i) => (i * 7 + seed) % classes),
          "int32",
        ),
        classes,
      )
      .toFloat();
  const cases: Array<[string, number, number, number]> = [
    ["a training batch", 128, 10, 3],
    ["one row", 1, 10, 8],
    ["large logits (stability)", 16, 10, 40],
  ];
  for (const [name, rows, classes, scale] of cases) {
    test(`${name}: value and the logits' gradient`, () =>
      assertMatchesCpu(
        name,
        () => {
          const logits = randomTensor([rows, classes], 5, -scale, scale);
          const labels = oneHot(rows, classes, 2);
          const loss = softmaxCrossEntropy(logits as tf.Tensor2D, labels as tf.Tensor2D);
          const grad = tf.grad((l: tf.Tensor) => softmaxCrossEntropy(l as tf.Tensor2D, labels as tf.Tensor2D))(logits);
          return [loss, grad];
        },
        { atol: 1e-5, rtol: 1e-5 },
      ));
  }

  test("soft labels (not one-hot) and the scale of dy", () =>
    assertMatchesCpu(
      "soft",
      () => {
        const logits = randomTensor([9, 4], 6);
        const labels = tf.softmax(randomTensor([9, 4], 7));
        return tf.grad((l: tf.Tensor) => tf.mul(softmaxCrossEntropy(l as tf.Tensor2D, labels as tf.Tensor2D), 3.5))(logits);
      },
      { atol: 1e-6, rtol: 1e-5 },
    ));

  // tfjs's own op returns dy·(labels − softmax) for the labels, which is not the
  // derivative; the fused op returns the derivative, −dy·log softmax(logits)/n.
  test("the labels' gradient is the derivative, −log softmax / n", async () => {
    await tf.setBackend(NATIVE_BACKEND);
    const logits = randomTensor([6, 5], 8) as tf.Tensor2D;
    const labels = tf.softmax(randomTensor([6, 5], 9)) as tf.Tensor2D;
    const grad = tf.grad((y: tf.Tensor) => softmaxCrossEntropy(logits, y as tf.Tensor2D))(labels);
    const expected = tf.div(tf.neg(tf.logSoftmax(logits)), 6);
    const diff = tf.max(tf.abs(tf.sub(grad, expected))).dataSync()[0]!;
    assert.ok(diff < 1e-6, `largest difference ${diff}`);
    tf.dispose([logits, labels, grad, expected]);
  });

  test("is one kernel on native", async () => {
    await tf.setBackend(NATIVE_BACKEND);
    const logits = randomTensor([8, 10], 1);
    const labels = tf.oneHot(tf.tensor1d([1, 2, 3, 4, 5, 6, 7, 8], "int32"), 10).toFloat();
    const profile = await tf.profile(() => softmaxCrossEntropy(logits as tf.Tensor2D, labels as tf.Tensor2D));
    assert.deepEqual(profile.kernelNames, [SOFTMAX_CROSS_ENTROPY]);
    tf.dispose([logits, labels]);
  });

  test("labels of another shape are refused with both shapes named", async () => {
    await tf.setBackend(NATIVE_BACKEND);
    const [logits, labels] = [tf.zeros([4, 10]), tf.zeros([4, 9])];
    assert.throws(() => softmaxCrossEntropy(logits as tf.Tensor2D, labels as tf.Tensor2D), /got \[4,10\] and \[4,9\]/);
    tf.dispose([logits, labels]);
  });
});
