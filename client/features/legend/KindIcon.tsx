import { shapePath, type NodeShapeName } from '../../cytoscape/shapes';
import { NODE_KIND_STYLES } from '../../cytoscape/stylesheet';
import type { NodeKind } from '../../vocabulary';

/** The shape a node has on the canvas, drawn small. */
export function ShapeIcon({
  shape,
  color,
  size = 14,
}: {
  shape: NodeShapeName;
  color: string;
  size?: number;
}) {
  const r = size / 2 - 1;
  return (
    <svg width={size} height={size} viewBox={`0 0 ${size} ${size}`} aria-hidden="true" className="shape-icon">
      <path d={shapePath(shape, size / 2, size / 2, r)} fill={color} stroke="#34495E" strokeWidth={0.6} />
    </svg>
  );
}

export function KindIcon({ kind, size }: { kind: NodeKind; size?: number }) {
  const style = NODE_KIND_STYLES[kind];
  return <ShapeIcon shape={style.shape} color={style.color} size={size} />;
}
