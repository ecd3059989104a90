'use client';
import { useEffect, useState } from 'react';

/** "updated N s ago", re-rendering itself (and nothing else) once a second. */
export function MarkPriceAge(props: {
  time: number | undefined;
  format: (seconds: number) => string;
  waiting: string;
}) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  if (props.time === undefined) return <span>{props.waiting}</span>;
  return <span>{props.format(Math.max(0, Math.floor((now - props.time) / 1000)))}</span>;
}
