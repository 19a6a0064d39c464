// What the overlay panel shows besides the health summary: sections contributed by the features of the current
// page, and the features that failed. A feature adds its section while it runs and removes it on abort.
import type { ReactNode } from 'react';
import { createStore } from 'zustand/vanilla';

export interface PanelSection {
  id: string;
  title: string;
  /** Lower comes first. */
  order: number;
  content: ReactNode;
}

export interface FeatureProblem {
  featureId: string;
  message: string;
}

export interface PanelContributions {
  sections: PanelSection[];
  problems: FeatureProblem[];
}

export type PanelContributionStore = ReturnType<typeof createPanelContributionStore>;

export function createPanelContributionStore() {
  const store = createStore<PanelContributions>(() => ({ sections: [], problems: [] }));
  return Object.assign(store, {
    /** Adds or replaces a section; returns its remover. Removing on `signal` abort is the caller's job. */
    setSection(section: PanelSection): () => void {
      store.setState((state) => ({
        sections: [...state.sections.filter((existing) => existing.id !== section.id), section].sort(
          (a, b) => a.order - b.order || a.id.localeCompare(b.id),
        ),
      }));
      return () => store.setState((state) => ({ sections: state.sections.filter((existing) => existing !== section) }));
    },
    /** Shows `section` until `signal` aborts. */
    showWhileActive(section: PanelSection, signal: AbortSignal): void {
      if (signal.aborted) return;
      const remove = this.setSection(section);
      signal.addEventListener('abort', remove, { once: true });
    },
    reportProblem(featureId: string, error: unknown): void {
      const message = describeError(error);
      store.setState((state) => ({
        problems: [...state.problems.filter((problem) => problem.featureId !== featureId), { featureId, message }],
      }));
    },
    clearProblem(featureId: string): void {
      store.setState((state) => ({ problems: state.problems.filter((problem) => problem.featureId !== featureId) }));
    },
  });
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return typeof error === 'string' ? error : 'Unknown error';
}
