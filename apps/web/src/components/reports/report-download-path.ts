/** The signed-in download route of a report (console and portal). */
export const reportDownloadPath = (tenantId: string, reportId: string) =>
  `/api/reports/v1/tenants/${tenantId}/reports/${reportId}/pdf`;
