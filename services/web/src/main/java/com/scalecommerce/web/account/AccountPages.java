package com.scalecommerce.web.account;

import com.scalecommerce.web.catalog.CatalogModels.CategoryNode;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import java.util.List;

/** The account pages (templates/Account/*.html, each inside templates/layout.html). */
@CheckedTemplate(basePath = "Account")
class AccountPages {

    private AccountPages() {}

    /** {@code next}: where to go after signing in (a local path); {@code error}: why the last try failed. */
    static native TemplateInstance signIn(
            List<CategoryNode> nav, String csrf, String email, String next, String error, String notice);
}
