import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App } from './App';
import { sessionQuery } from './components/auth/use-session';
import { citiesQuery } from './lib/use-regions';
import './styles.css';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: 1, refetchOnWindowFocus: false },
  },
});

// The city boundaries are on the critical path of the first map paint: ask for them before
// React renders (component queries start in effects, children first, and would queue ahead
// of this one behind the browser's six connections per host).
void queryClient.prefetchQuery(citiesQuery);
// Who is signed in decides what the journeys ask for: asked next, a small answer.
void queryClient.prefetchQuery(sessionQuery);

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
