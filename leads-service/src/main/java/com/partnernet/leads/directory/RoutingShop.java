package com.partnernet.leads.directory;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * This service's own copy of a shop, built only from partners.shop-events: what routing needs to know about it.
 */
@Entity
@Table(name = "routing_shop")
public class RoutingShop {

    public static final String OPEN = "OPEN";

    @Id
    @Column(name = "shop_id")
    public UUID shopId;

    @Column(name = "partner_id", nullable = false)
    public UUID partnerId;

    @Column(nullable = false)
    public String name;

    @Column(name = "postal_code", nullable = false)
    public String postalCode;

    public String city;

    @Column(nullable = false)
    public double latitude;

    @Column(nullable = false)
    public double longitude;

    @Column(nullable = false)
    public String status;

    /** The version of the shop state this row holds; older events never overwrite newer state. */
    @Column(name = "shop_version", nullable = false)
    public long shopVersion;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public boolean isOpen() {
        return OPEN.equals(status);
    }
}
