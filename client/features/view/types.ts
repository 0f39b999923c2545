import type { LayoutName } from '../../cytoscape/layouts';
import type { ColorBy, SizeBy } from '../../cytoscape/stylesheet';
import type { Filters } from '../filters/types';

export type Grouping = 'none' | 'kind' | 'territory';

/** Above this many elements on screen, the page offers grouping instead of a hairball. */
export const GROUPING_OFFER_ABOVE = 2000;

export interface ViewState {
  layout: LayoutName;
  /** Bumped to rerun the layout on demand. */
  layoutRun: number;
  sizeBy: SizeBy;
  colorBy: ColorBy;
  grouping: Grouping;
  filters: Filters;
  showTable: boolean;
}

export type Selection = { type: 'none' } | { type: 'node'; id: string } | { type: 'edge'; id: string };

export const NO_SELECTION: Selection = { type: 'none' };
