package com.scalecommerce.web.admin.overview;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The dashboard's first page (templates/admin/overview/overview.html, inside templates/admin/layout.html). */
@CheckedTemplate(basePath = "admin/overview")
class OverviewPages {

    private OverviewPages() {}

    static native TemplateInstance overview(OverviewView view);
}
