package com.partnernet.leads.lead;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A potential customer from a campaign, and the shop that works it. */
@Entity
@Table(name = "lead")
public class Lead {

    @Id
    public UUID id;

    /** The marketing system that sent it; with {@link #externalId} it identifies the lead there. */
    @Column(nullable = false)
    public String source;

    @Column(name = "external_id", nullable = false)
    public String externalId;

    @Column(nullable = false)
    public String campaign;

    @Enumerated(EnumType.STRING)
    @Column(name = "product_line", nullable = false)
    public ProductLine productLine;

    @Column(name = "postal_code", nullable = false)
    public String postalCode;

    public Double latitude;

    public Double longitude;

    @Column(name = "contact_name")
    public String contactName;

    @Column(name = "contact_email")
    public String contactEmail;

    @Column(name = "contact_phone")
    public String contactPhone;

    @Column(name = "consent_granted", nullable = false)
    public boolean consentGranted;

    @Column(name = "consent_at")
    public Instant consentAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LeadStatus status;

    @Column(name = "shop_id")
    public UUID shopId;

    @Column(name = "partner_id")
    public UUID partnerId;

    /** Why routing chose this shop (or none): every decision is explainable. */
    @Column(name = "routing_reason", nullable = false)
    public String routingReason;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
