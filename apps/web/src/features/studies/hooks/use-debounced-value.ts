import { useEffect, useState } from 'react';

/**
 * The value as it was `delay` ms after it last changed. The effect owns a timer (an outside
 * system), which is what effects are for; it is not copying state for its own sake.
 */
export function useDebouncedValue<T>(value: T, delay: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), delay);
    return () => window.clearTimeout(timer);
  }, [value, delay]);
  return settled;
}
