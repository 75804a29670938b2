package com.partnernet.leads.routing;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.partnernet.chassis.geo.Distance;
import com.partnernet.leads.directory.RoutingShop;
import com.partnernet.leads.directory.RoutingShopRepository;

/**
 * Chooses the open shop for a lead, first match wins, and says why:
 * <ol>
 * <li>a shop in the lead's postal code;</li>
 * <li>with the lead's coordinates, the nearest shop;</li>
 * <li>without them, the shop whose postal code shares the longest prefix with the lead's (German postal codes are
 * regional: the leading digits name the zone and region).</li>
 * </ol>
 */
@ApplicationScoped
public class Router {

    /** The chosen shop and the reason, as stored on the lead and published in its events. */
    public record Route(RoutingShop shop, String reason) {
    }

    private final RoutingShopRepository shops;

    public Router(RoutingShopRepository shops) {
        this.shops = shops;
    }

    public Optional<Route> route(String postalCode, Double latitude, Double longitude) {
        List<RoutingShop> local = shops.listOpenInPostalCode(postalCode);
        if (!local.isEmpty()) {
            return Optional.of(new Route(local.get(0), "open shop in postal code " + postalCode));
        }
        List<RoutingShop> open = shops.listOpen();
        if (latitude != null && longitude != null) {
            return open.stream()
                    .min(Comparator.comparingDouble(shop -> distanceKm(latitude, longitude, shop)))
                    .map(shop -> new Route(shop, String.format(java.util.Locale.ROOT,
                            "nearest open shop, %.1f km from the lead", distanceKm(latitude, longitude, shop))));
        }
        return open.stream()
                .filter(shop -> commonPrefix(postalCode, shop.postalCode) > 0)
                .max(Comparator.comparingInt((RoutingShop shop) -> commonPrefix(postalCode, shop.postalCode)))
                .map(shop -> new Route(shop, "open shop in the closest postal region "
                        + postalCode.substring(0, commonPrefix(postalCode, shop.postalCode)) + "xxx"));
    }

    private static int commonPrefix(String a, String b) {
        int length = 0;
        while (length < Math.min(a.length(), b.length()) && a.charAt(length) == b.charAt(length)) {
            length++;
        }
        return length;
    }

    private static double distanceKm(double latitude, double longitude, RoutingShop shop) {
        return Distance.km(latitude, longitude, shop.latitude, shop.longitude);
    }
}
