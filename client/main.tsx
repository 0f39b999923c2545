import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { AtlasProvider } from './state/store';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AtlasProvider search={window.location.search}>
      <App />
    </AtlasProvider>
  </StrictMode>,
);
