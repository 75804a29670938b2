package com.partnernet.targets.closure;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What this service knows of a shop from partners.shop-events: its partner, status and latest version. */
@Entity
@Table(name = "shop_state")
public class ShopState {

    @Id
    @Column(name = "shop_id")
    public UUID shopId;

    @Column(name = "partner_id", nullable = false)
    public UUID partnerId;

    @Column(nullable = false)
    public String status;

    @Column(name = "shop_version", nullable = false)
    public long shopVersion;
}
