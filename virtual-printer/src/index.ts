export { createPrinterServer, receiptFileName, statusByte, type PaperState, type PrinterServer, type PrinterServerOptions, type Receipt, type SimulatedState } from './printer-server';
export { createPrinterHttpServer } from './http-server';
export { documentText, parseEscPos, type PrintedDocument, type PrintedLine } from './escpos-parser';
export { renderDocumentPng } from './render-png';
