"use client";
/** The width of an element in CSS pixels, following resizes (0 until mounted). */
import { useEffect, useState, type RefObject } from "react";

export function useElementWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    setWidth(element.clientWidth);
    const observer = new ResizeObserver(() => setWidth(element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

/** The width of one chart in a responsive grid of charts at least `minWidth` wide. */
export function chartWidthIn(gridWidth: number, minWidth = 420, gap = 12): number {
  const columns = Math.max(1, Math.floor((gridWidth + gap) / (minWidth + gap)));
  return Math.floor((gridWidth - gap * (columns - 1)) / columns);
}
