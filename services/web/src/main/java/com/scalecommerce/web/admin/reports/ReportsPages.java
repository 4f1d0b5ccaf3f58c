package com.scalecommerce.web.admin.reports;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The reports page (templates/admin/reports/reports.html, inside templates/admin/layout.html). */
@CheckedTemplate(basePath = "admin/reports")
class ReportsPages {

    private ReportsPages() {}

    static native TemplateInstance reports(ReportsView view);
}
