/**
 * How a binary op's operands broadcast, reduced to the few patterns the addon runs:
 * the output is viewed as [outer, inner] and each operand is the full tensor, a row
 * repeated over outer (a bias: [C] against [N, H, W, C]), a column repeated over
 * inner ([N, 1] against [N, C]) or a scalar. Anything else returns null.
 */
import * as tf from "@tensorflow/tfjs";
import { Broadcast } from "../addon.ts";
import { sizeOf } from "./native-kernel.ts";

export interface BroadcastPlan {
  outShape: number[];
  outer: number;
  inner: number;
  aMode: Broadcast;
  bMode: Broadcast;
}

/** An operand's pattern; `split` is where outer ends for rows and columns. */
type Pattern =
  { mode: typeof Broadcast.Full | typeof Broadcast.Scalar } | { mode: typeof Broadcast.Row | typeof Broadcast.Column; split: number };

function patternOf(shape: readonly number[], outShape: readonly number[]): Pattern | null {
  const size = sizeOf(shape);
  if (size === sizeOf(outShape)) return { mode: Broadcast.Full };
  if (size === 1) return { mode: Broadcast.Scalar };
  // Right-align the operand against the output, then look for 1s then equal dims
  // (a row) or equal dims then 1s (a column).
  const padded = [...new Array<number>(outShape.length - shape.length).fill(1), ...shape];
  const equal = padded.map((d, i) => d === outShape[i]);
  const firstEqual = equal.indexOf(true);
  if (firstEqual > 0 && equal.slice(firstEqual).every(Boolean) && padded.slice(0, firstEqual).every((d) => d === 1)) {
    return { mode: Broadcast.Row, split: firstEqual };
  }
  const firstUnequal = equal.indexOf(false);
  if (firstUnequal > 0 && padded.slice(firstUnequal).every((d) => d === 1)) {
    return { mode: Broadcast.Column, split: firstUnequal };
  }
  return null;
}

/** The addon's view of `a op b`, or null when the broadcast is of another kind. */
export function planBroadcast(aShape: readonly number[], bShape: readonly number[]): BroadcastPlan | null {
  const outShape = tf.backend_util.assertAndGetBroadcastShape([...aShape], [...bShape]);
  const a = patternOf(aShape, outShape);
  const b = patternOf(bShape, outShape);
  if (a == null || b == null) return null;
  const splits = [a, b].flatMap((p) => ("split" in p ? [p.split] : []));
  // Both broadcasting operands must cut the output at the same place.
  if (splits.length === 2 && splits[0] !== splits[1]) return null;
  const split = splits[0] ?? 0;
  const outer = sizeOf(outShape.slice(0, split));
  return { outShape, outer, inner: sizeOf(outShape) / Math.max(outer, 1), aMode: a.mode, bMode: b.mode };
}
