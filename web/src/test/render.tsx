import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';

// React warns unless the environment says act() is available.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export interface Rendered {
  container: HTMLElement;
  root: Root;
  unmount: () => void;
}

/** Renders into a detached container under happy-dom, with a query client that never retries. */
export function render(node: ReactNode): Rendered {
  const container = document.createElement('div');
  document.body.appendChild(container);
  const root = createRoot(container);
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  act(() => root.render(<QueryClientProvider client={client}>{node}</QueryClientProvider>));
  return {
    container,
    root,
    unmount: () => {
      act(() => root.unmount());
      container.remove();
    },
  };
}

export function click(el: Element | null) {
  if (!el) throw new Error('nothing to click');
  act(() => (el as HTMLElement).click());
}

export function key(el: Element | null, keyName: string) {
  if (!el) throw new Error('nothing to press on');
  act(() => {
    el.dispatchEvent(new KeyboardEvent('keydown', { key: keyName, bubbles: true }));
  });
}

export function type(input: HTMLInputElement, value: string) {
  act(() => {
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    setter.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** Lets queries and effects settle (fetch stubs resolve in microtasks), checking `done` until it holds. */
export async function waitFor(done: () => boolean, what = 'condition', tries = 50) {
  for (let i = 0; i < tries; i++) {
    if (done()) return;
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
    });
  }
  if (!done()) throw new Error(`timed out waiting for ${what}`);
}

/** Submits a form the way a click on its submit button would. */
export function submit(form: Element | null) {
  if (!form) throw new Error('no form to submit');
  act(() => {
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
}
