package com.partnernet.leads.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import com.partnernet.chassis.persistence.CodeSetConverter;
import com.partnernet.leads.vocabulary.Segment;

/** A social-media campaign that uses AI targeting to send customers to partner shops. */
@Entity
@Table(name = "campaign")
public class Campaign {

    @Id
    public UUID id;

    /** What marketing systems put in a lead's "campaign" field. */
    @Column(nullable = false, unique = true)
    public String code;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;

    @Column(name = "targeting_model")
    public String targetingModel;

    @Column(name = "targeting_version")
    public String targetingVersion;

    /** Product lines the campaign promotes, e.g. TV, or MOBILE and BROADBAND for a combo. */
    @Convert(converter = CodeSetConverter.class)
    @Column(name = "product_focus", nullable = false)
    public Set<String> productFocus = new TreeSet<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Segment segment;

    @Column(name = "starts_on", nullable = false)
    public LocalDate startsOn;

    @Column(name = "ends_on")
    public LocalDate endsOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CampaignStatus status;

    /** A shop the campaign sends all its leads to, if it names one (routing step 1). */
    @Column(name = "named_shop_id")
    public UUID namedShopId;

    /** Pilot and control shops. */
    @ElementCollection
    @CollectionTable(name = "campaign_shop", joinColumns = @JoinColumn(name = "campaign_id"))
    @MapKeyColumn(name = "shop_id")
    @Enumerated(EnumType.STRING)
    @Column(name = "grp", nullable = false)
    public Map<UUID, ShopGroup> shops = new HashMap<>();

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    public Set<UUID> shopsIn(ShopGroup group) {
        Set<UUID> ids = new TreeSet<>();
        shops.forEach((shop, shopGroup) -> {
            if (shopGroup == group) {
                ids.add(shop);
            }
        });
        return ids;
    }
}
