import * as z from 'zod/mini';

/** The last answer the API gave, and when: the popup draws from it at once, then refreshes. */
export const Cached = <S extends z.ZodMiniType>(value: S) => z.object({ value, fetchedAt: z.number() });
export type Cached<T> = { value: T; fetchedAt: number };

export function cached<T>(value: T): Cached<T> {
  return { value, fetchedAt: Date.now() };
}
