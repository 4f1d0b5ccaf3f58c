package com.scalecommerce.web.account;

import com.scalecommerce.web.account.AccountModels.Address;
import com.scalecommerce.web.account.AccountModels.Profile;
import com.scalecommerce.web.account.AccountResource.ProfileForm;
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

    static native TemplateInstance register(
            List<CategoryNode> nav, String csrf, String email, String name, FormErrors errors);

    /** {@code message}: users' "check your inbox" words (null when the page is reloaded later). */
    static native TemplateInstance registered(List<CategoryNode> nav, String message);

    /** {@code token}: the mailed token for the confirm button, null when there is nothing to confirm. */
    static native TemplateInstance verifyEmail(List<CategoryNode> nav, String csrf, String token, String problem);

    static native TemplateInstance emailVerified(List<CategoryNode> nav);

    static native TemplateInstance forgotPassword(List<CategoryNode> nav, String csrf, String email, String problem);

    static native TemplateInstance resetRequested(List<CategoryNode> nav, String message);

    /** {@code token}: null when the link cannot be used (then the page offers a new one instead of the form). */
    static native TemplateInstance resetPassword(List<CategoryNode> nav, String csrf, String token, FormErrors errors);

    static native TemplateInstance overview(List<CategoryNode> nav, Profile profile, String notice);

    static native TemplateInstance profile(List<CategoryNode> nav, String csrf, ProfileForm form, FormErrors errors);

    static native TemplateInstance password(List<CategoryNode> nav, String csrf, FormErrors errors);

    static native TemplateInstance addresses(
            List<CategoryNode> nav, String csrf, List<Address> addresses, String notice);

    static native TemplateInstance addressForm(List<CategoryNode> nav, String csrf, AddressForm form);
}
