package com.partnernet.leads.directory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jetbrains.annotations.Nullable;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.partnernet.chassis.persistence.CodeSetConverter;
import com.partnernet.leads.businesstime.OpeningInterval;

/**
 * This service's own copy of a shop, built only from partners.shop-events: what routing needs to know about it.
 */
@Entity
@Table(name = "routing_shop")
public class RoutingShop {

    public static final String OPEN = "OPEN";

    @Id
    @Column(name = "shop_id")
    @JsonProperty("id")
    public UUID shopId;

    @Column(name = "partner_id", nullable = false)
    public UUID partnerId;

    @Column(nullable = false)
    public String name;

    @Column(name = "postal_code", nullable = false)
    public String postalCode;

    @Nullable
    public String city;

    /** The federal state (ISO 3166-2, e.g. DE-NW): whose public holidays close the shop. */
    @Nullable
    public String state;

    @Column(nullable = false)
    public double latitude;

    @Column(nullable = false)
    public double longitude;

    @Column(nullable = false)
    public String status;

    @Nullable
    public String format;

    /** CONSUMER, BUSINESS. */
    @Convert(converter = CodeSetConverter.class)
    @Column(nullable = false)
    public Set<String> segments = new TreeSet<>();

    @Convert(converter = CodeSetConverter.class)
    @Column(name = "product_lines", nullable = false)
    public Set<String> productLines = new TreeSet<>();

    /** Postal codes or prefixes the shop serves. */
    @Convert(converter = CodeSetConverter.class)
    @Column(nullable = false)
    public Set<String> catchment = new TreeSet<>();

    @Column(name = "weekly_lead_capacity", nullable = false)
    public int weeklyLeadCapacity;

    /** When the first-contact SLA counts (the default week when empty). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "opening_hours", nullable = false)
    public List<OpeningInterval> openingHours = new ArrayList<>();

    /** Where lead notifications go: the shop's mailbox. */
    @Nullable
    public String email;

    /** The version of the shop state this row holds; older events never overwrite newer state. */
    @Column(name = "shop_version", nullable = false)
    public long shopVersion;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public boolean isOpen() {
        return OPEN.equals(status);
    }

    /** Whether the shop serves this postal code through its catchment (a code or one of its prefixes). */
    public boolean covers(String postalCode) {
        return catchment.stream().anyMatch(postalCode::startsWith);
    }
}
