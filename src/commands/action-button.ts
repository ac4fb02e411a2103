import type { Button } from '../messages/message.ts';
import type { ActionWire } from './feature.ts';

/** A button for `spec`, its value encoded by the spec that will read it back. */
export const actionButton = <V extends object>(
  spec: ActionWire<V>,
  label: string,
  value: V,
  style?: Button['style'],
): Button => ({ label, actionId: spec.id, value: spec.encode(value), ...(style ? { style } : {}) });
