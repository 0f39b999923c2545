import type { Db } from '../graph/driver.js';
import { createLoaders, type Loaders } from './loaders.js';

export interface GraphQLContext {
  db: Db;
  loaders: Loaders;
}

/** A fresh context per request: loaders cache only within one request. */
export function createContext(db: Db): GraphQLContext {
  return { db, loaders: createLoaders(db) };
}
