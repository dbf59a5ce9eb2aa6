export { createPrinterServer, type Receipt } from './printer-server';
