/**
 * Jest setup of the "ExcelApi 1.4" project (jest.config.js): the adapter, writer and host suites
 * run again against an Excel with nothing newer than ExcelApi 1.4 (test/helpers/host.ts).
 */
process.env.EXCEL_PROFILE = 'api14';
