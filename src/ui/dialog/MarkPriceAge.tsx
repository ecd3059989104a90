'use client';
import { useEffect, useState } from 'react';

/** "updated N s ago", re-rendering itself (and nothing else) once a second. */
export function MarkPriceAge(props: {
  time: number | undefined;
  format: (seconds: number, secondsText: string) => string;
  /** Writes a count in the locale's digits. */
  count: (value: number) => string;
  waiting: string;
}) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  if (props.time === undefined) return <span>{props.waiting}</span>;
  const seconds = Math.max(0, Math.floor((now - props.time) / 1000));
  return <span>{props.format(seconds, props.count(seconds))}</span>;
}
