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

import com.partnernet.chassis.error.ConflictException;

/** A partner's point of sale. Its status moves only through its own methods, which refuse the moves it cannot make. */
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
    private ShopStatus status;

    /** When the shop entered its current status (a closure's first day counts for prorated targets). */
    @Column(name = "status_since", nullable = false)
    private Instant statusSince;

    @Column(name = "status_reason")
    private String statusReason;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Optimistic lock (the ETag), and the order of the shop's states for consumers of its events. */
    @Version
    public long version;

    /** A new shop of the partner, open from {@code now}; its details are set by the caller. */
    public static Shop open(UUID partnerId, Instant now) {
        Shop shop = new Shop();
        shop.id = UUID.randomUUID();
        shop.partnerId = partnerId;
        shop.status = ShopStatus.OPEN;
        shop.statusSince = now;
        shop.createdAt = now;
        shop.updatedAt = now;
        return shop;
    }

    public ShopStatus status() {
        return status;
    }

    public Instant statusSince() {
        return statusSince;
    }

    public String statusReason() {
        return statusReason;
    }

    /**
     * OPEN → TEMPORARILY_CLOSED from {@code since} (e.g. the day a remodel started, which may lie before it was
     * entered); routing skips the shop, targets prorate.
     *
     * @throws ConflictException unless the shop is open
     */
    public void closeTemporarily(String reason, Instant since, Instant now) {
        move(EnumSet.of(ShopStatus.OPEN), ShopStatus.TEMPORARILY_CLOSED, reason, since, now);
    }

    /** @throws ConflictException unless the shop is temporarily closed */
    public void reopen(Instant since, Instant now) {
        move(EnumSet.of(ShopStatus.TEMPORARILY_CLOSED), ShopStatus.OPEN, null, since, now);
    }

    /**
     * For good: CLOSED is final.
     *
     * @throws ConflictException once the shop is closed already
     */
    public void close(String reason, Instant since, Instant now) {
        move(EnumSet.of(ShopStatus.OPEN, ShopStatus.TEMPORARILY_CLOSED), ShopStatus.CLOSED, reason, since, now);
    }

    /** @throws ConflictException once the shop is closed for good: its details stay as they were */
    public void requireChangeable() {
        if (status == ShopStatus.CLOSED) {
            throw new ConflictException("Shop " + id + " is closed for good and cannot be changed");
        }
    }

    private void move(Set<ShopStatus> from, ShopStatus to, String reason, Instant since, Instant now) {
        if (!from.contains(status)) {
            throw new ConflictException("Shop " + id + " is " + status + " and cannot become " + to
                    + "; that needs a shop that is " + new TreeSet<>(from));
        }
        status = to;
        statusReason = reason;
        statusSince = since;
        updatedAt = now;
    }
}
