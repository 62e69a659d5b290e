import { Component, type ErrorInfo, type ReactNode } from 'react';

export interface LoadBoundaryProps {
  readonly children: ReactNode;
  /** What to show instead of the children once one of them threw. */
  readonly fallback: (error: unknown) => ReactNode;
}

interface LoadBoundaryState {
  readonly error: { readonly value: unknown } | null;
}

/**
 * Catches a lazy chunk that failed to load (or a render bug below it) so the pane shows a
 * failure with a retry instead of going blank. Remount it (new `key`) to try again.
 */
export class LoadBoundary extends Component<LoadBoundaryProps, LoadBoundaryState> {
  override state: LoadBoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): LoadBoundaryState {
    return { error: { value: error } };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // Shown in the pane by render(); logged as well for whoever opens the developer tools.
    console.error('Plan Reconciler: the result view failed', error, info.componentStack);
  }

  override render(): ReactNode {
    return this.state.error === null ? this.props.children : this.props.fallback(this.state.error.value);
  }
}
