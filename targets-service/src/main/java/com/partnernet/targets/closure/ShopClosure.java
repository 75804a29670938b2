package com.partnernet.targets.closure;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Days a shop was closed (temporarily, e.g. for a remodel, or for good): from {@link #closedFrom} up to the day
 * before {@link #reopenedOn}; still closed while that is null. Its target for those days is prorated away.
 */
@Entity
@Table(name = "shop_closure")
public class ShopClosure {

    @Id
    public UUID id;

    @Column(name = "shop_id", nullable = false)
    public UUID shopId;

    @Column(name = "partner_id", nullable = false)
    public UUID partnerId;

    @Column(name = "closed_from", nullable = false)
    public LocalDate closedFrom;

    @Column(name = "reopened_on")
    public LocalDate reopenedOn;

    public String reason;

    public boolean covers(LocalDate day) {
        return !day.isBefore(closedFrom) && (reopenedOn == null || day.isBefore(reopenedOn));
    }
}
