import type { Db } from '../graph/driver.js';
import { createLoaders, type Loaders } from './loaders.js';

export interface GraphQLContext {
  db: Db;
  loaders: Loaders;
  /** Per-request memo: work two fields of one operation share (see schema/request-memo.ts). */
  memo: Map<string, Promise<unknown>>;
}

/** A fresh context per request: loaders cache only within one request. */
export function createContext(db: Db): GraphQLContext {
  return { db, loaders: createLoaders(db), memo: new Map() };
}
