/**
 * The reviewer's name, as this machine remembers it (preferences.ts): read when the pane's result
 * view appears, written as it is typed.
 */
import { useCallback, useState } from 'react';
import { readPreferences, saveName } from '../preferences';

export function useReviewer(): readonly [string, (name: string) => void] {
  const [name, setName] = useState(() => readPreferences().name);
  const change = useCallback((next: string) => {
    setName(next);
    saveName(next);
  }, []);
  return [name, change] as const;
}
