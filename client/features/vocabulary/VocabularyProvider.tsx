import { createContext, useContext, type ReactNode } from 'react';
import type { Loadable } from '../../api/loadable';
import { useLoad } from '../../api/use-load';
import { loadVocabulary } from './load-vocabulary';
import { EMPTY_VOCABULARY, type Vocabulary } from './types';

const VocabularyContext = createContext<Loadable<Vocabulary>>({ type: 'idle' });

/** Fetches themes and publics once per page, for every workspace. */
export function VocabularyProvider({ children }: { children: ReactNode }) {
  const vocabulary = useLoad(loadVocabulary, []);
  return <VocabularyContext.Provider value={vocabulary}>{children}</VocabularyContext.Provider>;
}

/** The vocabulary, empty until it has arrived. */
export function useVocabulary(): Vocabulary {
  const vocabulary = useContext(VocabularyContext);
  return vocabulary.type === 'ready' ? vocabulary.value : EMPTY_VOCABULARY;
}

/** Whether the vocabulary has arrived, so that an empty list can say why it is empty. */
export function useVocabularyStatus(): Loadable<Vocabulary>['type'] {
  return useContext(VocabularyContext).type;
}
