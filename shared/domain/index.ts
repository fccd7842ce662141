export * from './primitives';
export * from './thread';
export * from './meeting';
export * from './next-step';
export * from './calendar';
export * from './settings';
export * from './document';
export * from './draft';
