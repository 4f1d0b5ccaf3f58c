package com.scalecommerce.web.admin.merchandising;

import com.scalecommerce.web.admin.AdminChanges;
import com.scalecommerce.web.admin.merchandising.MerchandisingApi.Banner;
import com.scalecommerce.web.admin.merchandising.MerchandisingApi.BannerInput;
import com.scalecommerce.web.admin.merchandising.MerchandisingApi.Featured;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Products' merchandising API, changed: the admin's change policy, {@link AdminChanges}, so never retried (a
 * banner create is not idempotent).
 */
@ApplicationScoped
public class MerchandisingChanges extends AdminChanges {

    private final MerchandisingApi merchandising;

    MerchandisingChanges(@RestClient MerchandisingApi merchandising) {
        this.merchandising = merchandising;
    }

    public Featured replaceFeatured(String bearer, Featured featured) {
        return merchandising.replaceFeatured(bearer, featured);
    }

    public Banner createBanner(String bearer, BannerInput banner) {
        return merchandising.createBanner(bearer, banner);
    }

    public Banner replaceBanner(String bearer, UUID id, BannerInput banner) {
        return merchandising.replaceBanner(bearer, id, banner);
    }

    public void deleteBanner(String bearer, UUID id) {
        merchandising.deleteBanner(bearer, id);
    }
}
