package com.scalecommerce.web.admin.merchandising;

import com.scalecommerce.web.admin.AdminReads;
import com.scalecommerce.web.admin.merchandising.MerchandisingApi.Banner;
import com.scalecommerce.web.admin.merchandising.MerchandisingApi.BannerPage;
import com.scalecommerce.web.admin.merchandising.MerchandisingApi.Featured;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Products' merchandising API, read: the admin's read policy, {@link AdminReads}. */
@ApplicationScoped
public class MerchandisingReads extends AdminReads {

    private final MerchandisingApi merchandising;

    MerchandisingReads(@RestClient MerchandisingApi merchandising) {
        this.merchandising = merchandising;
    }

    public Featured featured(String bearer) {
        return merchandising.featured(bearer);
    }

    public BannerPage banners(String bearer, String cursor, Integer limit) {
        return merchandising.banners(bearer, cursor, limit);
    }

    public Banner banner(String bearer, UUID id) {
        return merchandising.banner(bearer, id);
    }
}
