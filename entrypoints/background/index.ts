import Dexie from 'dexie';
import { registerHandlers } from './handlers';
import { broadcastDataChanged } from './broadcast';

export default defineBackground(() => {
  registerHandlers();
  // Extension pages write the database directly (same origin); Dexie relays their writes
  // here over a BroadcastChannel, and the docks in open tabs look again.
  Dexie.on('storagemutated', broadcastDataChanged);
});
