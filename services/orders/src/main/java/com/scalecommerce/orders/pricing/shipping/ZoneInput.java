package com.scalecommerce.orders.pricing.shipping;

import com.scalecommerce.orders.pricing.Fields;
import java.util.List;

record ZoneInput(String name, List<ShippingZone.Area> areas) {

    ZoneInput normalized() {
        var fields = new Fields();
        fields.require(
                name != null && !name.isBlank() && name.length() <= 200, "name", "is required (up to 200 characters)");
        fields.require(areas != null && !areas.isEmpty() && areas.size() <= 500, "areas", "must list 1 to 500 areas");
        List<ShippingZone.Area> clean = List.of();
        if (areas != null) {
            clean = areas.stream()
                    .map(a -> a == null
                            ? new ShippingZone.Area(null, "")
                            : new ShippingZone.Area(Fields.country(a.country()), Fields.region(a.region())))
                    .distinct()
                    .toList();
            for (int i = 0; i < clean.size(); i++) {
                fields.require(
                        Fields.isCountry(clean.get(i).country()),
                        "areas[" + i + "].country",
                        "must be an ISO 3166-1 alpha-2 code");
                fields.require(clean.get(i).region().length() <= 100, "areas[" + i + "].region", "is too long");
            }
        }
        fields.throwIfAny();
        return new ZoneInput(name.trim(), clean);
    }
}
