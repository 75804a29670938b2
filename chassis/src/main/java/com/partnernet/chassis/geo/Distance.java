package com.partnernet.chassis.geo;

/** Distances on the earth's surface, for shop search and lead routing. */
public final class Distance {

    private static final double EARTH_RADIUS_KM = 6371.0;

    private Distance() {
    }

    /** Great-circle distance between two points (haversine), in kilometres. */
    public static double km(double latitude1, double longitude1, double latitude2, double longitude2) {
        double dLat = Math.toRadians(latitude2 - latitude1);
        double dLon = Math.toRadians(longitude2 - longitude1);
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(latitude1)) * Math.cos(Math.toRadians(latitude2)) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(a));
    }
}
