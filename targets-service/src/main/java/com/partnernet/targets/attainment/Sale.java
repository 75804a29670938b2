package com.partnernet.targets.attainment;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import com.partnernet.targets.annualtarget.ProductLine;

/** A sale that counts toward a partner's (and its shop's) target: from a won lead, or recorded over REST. */
@Entity
@Table(name = "sale")
public class Sale {

    public static final String FROM_LEAD = "LEAD";
    public static final String RECORDED = "RECORDED";

    @Id
    public UUID id;

    @Column(name = "partner_id", nullable = false)
    public UUID partnerId;

    @Column(name = "shop_id")
    public UUID shopId;

    @Enumerated(EnumType.STRING)
    @Column(name = "product_line", nullable = false)
    public ProductLine productLine;

    /** The won lead this sale came from; unique, so a lead counts once whatever is redelivered. */
    @Column(name = "lead_id", unique = true)
    public UUID leadId;

    /** The id of a sale recorded over REST, in the recording system; unique, so a resend counts once. */
    @Column(name = "external_id", unique = true)
    public String externalId;

    /** Contracts sold; a won lead is one. */
    @Column(nullable = false)
    public int units = 1;

    @Column(nullable = false)
    public String source;

    @Column(name = "sold_at", nullable = false)
    public Instant soldAt;

    /** The sale a won lead makes: one contract, when the lead was won. */
    static Sale fromLead(LeadWonPayload won) {
        Sale sale = of(won.partnerId(), won.shopId(), won.productLine(), won.at(), FROM_LEAD);
        sale.leadId = won.leadId();
        return sale;
    }

    /** A sale recorded over REST, under the recording system's id; one contract unless it says more. */
    static Sale recorded(SaleRequest request) {
        Sale sale = of(request.partnerId(), request.shopId(), request.productLine(), request.soldAt(), RECORDED);
        sale.externalId = request.externalSaleId();
        sale.units = request.units() != null ? request.units() : 1;
        return sale;
    }

    private static Sale of(UUID partnerId, UUID shopId, ProductLine productLine, Instant soldAt, String source) {
        Sale sale = new Sale();
        sale.id = UUID.randomUUID();
        sale.partnerId = partnerId;
        sale.shopId = shopId;
        sale.productLine = productLine;
        sale.soldAt = soldAt;
        sale.source = source;
        return sale;
    }
}
