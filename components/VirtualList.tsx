/**
 * A windowed list of fixed-height rows: only what is on screen (plus a margin) is in the DOM,
 * so 10,000 hits render as fast as 100.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';

interface Props<T> {
  rows: readonly T[];
  rowHeight: number;
  rowKey(row: T): string;
  render(row: T, index: number): ComponentChildren;
  label: string;
  /** Used before the container has been measured (and where layout is not computed). */
  fallbackHeight?: number;
  overscan?: number;
  /**
   * A list inside other content (not filling its view) is at most this tall, and shorter when
   * its rows take less.
   */
  maxHeight?: number;
}

export function VirtualList<T>({ rows, rowHeight, rowKey, render, label, fallbackHeight = 640, overscan = 12, maxHeight }: Props<T>) {
  const box = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(0);

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    setHeight(el.clientHeight);
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => setHeight(el.clientHeight));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // When filtering shrinks the list below the scroll position, come back into range.
  useEffect(() => {
    const el = box.current;
    if (el && scrollTop > rows.length * rowHeight) {
      el.scrollTop = 0;
      setScrollTop(0);
    }
  }, [rows.length, rowHeight, scrollTop]);

  const boxHeight = maxHeight === undefined ? undefined : Math.min(maxHeight, rows.length * rowHeight + 2);
  const viewport = height > 0 ? height : (boxHeight ?? fallbackHeight);
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(rows.length, Math.ceil((scrollTop + viewport) / rowHeight) + overscan);
  const visible = rows.slice(first, last);

  return (
    // A windowed list positions its rows absolutely inside a spacer, which ul/li cannot hold;
    // the ARIA roles give assistive technology the same list, and the box is focusable so
    // keyboard users can scroll it (a scrollable region must be).
    // biome-ignore lint/a11y/useSemanticElements: see above
    <div
      ref={box}
      class={boxHeight === undefined ? 'vlist' : 'vlist fixed'}
      style={boxHeight === undefined ? undefined : { height: `${boxHeight}px` }}
      role="list"
      aria-label={label}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
      tabIndex={0}
      onScroll={(e) => setScrollTop((e.currentTarget as HTMLDivElement).scrollTop)}
    >
      <div class="vlist-space" style={{ height: `${rows.length * rowHeight}px` }}>
        {visible.map((row, i) => (
          // biome-ignore lint/a11y/useSemanticElements: rows of the windowed list above
          <div
            key={rowKey(row)}
            role="listitem"
            class="vlist-row"
            style={{ top: `${(first + i) * rowHeight}px`, height: `${rowHeight}px` }}
          >
            {render(row, first + i)}
          </div>
        ))}
      </div>
    </div>
  );
}
