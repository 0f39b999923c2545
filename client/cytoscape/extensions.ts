import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';

let registered = false;

/** Registers layout extensions once per page (cytoscape.use throws on a second registration). */
export function registerExtensions() {
  if (registered) return;
  cytoscape.use(fcose);
  registered = true;
}
