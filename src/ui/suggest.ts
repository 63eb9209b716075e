/**
 * Closest matches for text typed in a search box but not chosen from its list ("oxycodon", "diazep",
 * "oxycodne"): options whose names start with or contain the text first, then the nearest names by edit
 * distance (typos), so the form can offer them beside the field instead of ignoring the text.
 */
import { filterOptions, type ComboOption } from './Combobox.tsx';

/** Levenshtein distance, capped early when it exceeds `limit`. */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}

export function closestOptions(options: readonly ComboOption[], text: string, count = 3): ComboOption[] {
  const q = text.trim().toLowerCase();
  if (!q) return [];
  const found = filterOptions(options, q).slice(0, count);
  if (found.length > 0) return found;
  const limit = Math.max(2, Math.floor(q.length / 3));
  return options
    .map((option) => ({
      option,
      score: Math.min(...option.keywords.map((k) => Math.min(distance(q, k, limit), distance(q, k.slice(0, q.length), limit) + 1))),
    }))
    .filter((entry) => entry.score <= limit)
    .sort((a, b) => a.score - b.score || a.option.label.localeCompare(b.option.label))
    .slice(0, count)
    .map((entry) => entry.option);
}
