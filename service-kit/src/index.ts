export * from './config';
export * from './http';
export * from './listen';
export * from './logger';
export * from './routes';
