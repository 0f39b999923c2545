import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { VocabularyProvider } from './features/vocabulary/VocabularyProvider';
import { AtlasProvider } from './state/store';
import './styles.css';

// Benchmark hooks (tests/bench/page.bench.ts): only with `?bench`, never in the main chunk.
const BenchHooks = lazy(() => import('./features/bench/BenchHooks'));
const bench = new URLSearchParams(window.location.search).has('bench');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AtlasProvider search={window.location.search}>
      <VocabularyProvider>
        <App />
      </VocabularyProvider>
      {bench && (
        <Suspense fallback={null}>
          <BenchHooks />
        </Suspense>
      )}
    </AtlasProvider>
  </StrictMode>,
);
