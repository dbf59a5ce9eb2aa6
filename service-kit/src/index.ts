export * from './config';
export * from './durable-files';
export * from './http';
export * from './listen';
export * from './logger';
export * from './routes';
