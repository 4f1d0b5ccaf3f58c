package com.scalecommerce.web.admin.merchandising;

import com.scalecommerce.web.admin.forms.FormValues;
import com.scalecommerce.web.admin.merchandising.MerchandisingApi.Banner;
import com.scalecommerce.web.admin.merchandising.MerchandisingApi.BannerInput;
import org.jboss.resteasy.reactive.RestForm;

/**
 * A banner as typed. The schedule window is two {@code datetime-local} inputs read as UTC (the page says so);
 * an empty start shows the banner at once, an empty end keeps it until it is deleted. An image stored at products
 * (a key) stays unless the admin types an image URL to replace it.
 */
public class BannerForm {

    @RestForm
    public String headline;

    @RestForm
    public String text;

    @RestForm
    public String imageUrl;

    @RestForm
    public String imageKey;

    @RestForm
    public String link;

    @RestForm
    public String position;

    @RestForm
    public String startsAt;

    @RestForm
    public String endsAt;

    public static BannerForm blank() {
        var form = new BannerForm();
        form.position = "0";
        return form;
    }

    public static BannerForm of(Banner banner) {
        var form = new BannerForm();
        form.headline = banner.headline();
        form.text = banner.text();
        form.imageKey = banner.imageKey();
        form.imageUrl = banner.imageKey() == null ? banner.imageUrl() : null;
        form.link = banner.link();
        form.position = Integer.toString(banner.position());
        form.startsAt = FormValues.utcInput(banner.startsAt());
        form.endsAt = FormValues.utcInput(banner.endsAt());
        return form;
    }

    BannerInput toInput(FormValues values) {
        String url = FormValues.text(imageUrl);
        return new BannerInput(
                FormValues.text(headline),
                FormValues.text(text),
                url,
                url == null ? FormValues.text(imageKey) : null,
                FormValues.text(link),
                values.integer("position", position),
                values.utcTime("startsAt", startsAt),
                values.utcTime("endsAt", endsAt));
    }
}
