package com.partnernet.partners.shop;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A partner's point of sale. */
@Entity
@Table(name = "shop")
public class Shop {

    @Id
    public UUID id;

    @Column(name = "partner_id", nullable = false)
    public UUID partnerId;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String street;

    @Column(name = "postal_code", nullable = false)
    public String postalCode;

    @Column(nullable = false)
    public String city;

    /** ISO 3166-2 code of the federal state, e.g. DE-NW. */
    @Column(nullable = false)
    public String state;

    @Column(nullable = false)
    public double latitude;

    @Column(nullable = false)
    public double longitude;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public StoreFormat format;

    @ElementCollection
    @CollectionTable(name = "shop_segment", joinColumns = @JoinColumn(name = "shop_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "segment", nullable = false)
    public Set<Segment> segments = EnumSet.noneOf(Segment.class);

    @ElementCollection
    @CollectionTable(name = "shop_product_line", joinColumns = @JoinColumn(name = "shop_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "product_line", nullable = false)
    public Set<ProductLine> productLines = EnumSet.noneOf(ProductLine.class);

    /** Postal codes or prefixes (1–5 digits) whose leads this shop serves. */
    @ElementCollection
    @CollectionTable(name = "shop_catchment", joinColumns = @JoinColumn(name = "shop_id"))
    @Column(name = "postal_prefix", nullable = false)
    public Set<String> catchment = new TreeSet<>();

    @Column(name = "weekly_lead_capacity", nullable = false)
    public int weeklyLeadCapacity;

    @ElementCollection
    @CollectionTable(name = "shop_opening_hours", joinColumns = @JoinColumn(name = "shop_id"))
    @OrderColumn(name = "position")
    public List<OpeningHours> openingHours = new ArrayList<>();

    /** Where lead notifications go: the shop's mailbox (not a person's). */
    public String email;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ShopStatus status;

    /** When the shop entered its current status (a closure's first day counts for prorated targets). */
    @Column(name = "status_since", nullable = false)
    public Instant statusSince;

    @Column(name = "status_reason")
    public String statusReason;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Optimistic lock (the ETag), and the order of the shop's states for consumers of its events. */
    @Version
    public long version;
}
