export * from './durability';
export * from './migration-manifest';
