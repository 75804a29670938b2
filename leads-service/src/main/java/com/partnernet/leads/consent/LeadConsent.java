package com.partnernet.leads.consent;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import com.partnernet.leads.lead.Lead;
import com.partnernet.leads.vocabulary.ProductLine;

/**
 * What a customer consented to, per purpose and recipient: "may be contacted by the assigned partner shop about
 * product line X", with when, through which source and until when.
 */
@Entity
@Table(name = "lead_consent")
public class LeadConsent {

    /** The only purpose leads are collected for. */
    public static final String CONTACT_ABOUT_PRODUCT_LINE = "CONTACT_ABOUT_PRODUCT_LINE";
    /** Whoever routing assigns: a partner shop or the direct sales field team. */
    public static final String ASSIGNED_PARTNER = "ASSIGNED_PARTNER";

    @Id
    public UUID id;

    @Column(name = "lead_id", nullable = false)
    public UUID leadId;

    @Column(nullable = false)
    public String purpose;

    @Column(nullable = false)
    public String recipient;

    @Enumerated(EnumType.STRING)
    @Column(name = "product_line", nullable = false)
    public ProductLine productLine;

    @Column(nullable = false)
    public boolean granted;

    @Column(name = "granted_at")
    public Instant grantedAt;

    /** The marketing system that collected it. */
    @Column(nullable = false)
    public String source;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    /**
     * The consent a lead arrived with, to be contacted by the assigned partner about its product line: granted at
     * {@code grantedAt} (default: now) until {@code expiresAt} (default: {@code validity} later), or not granted.
     */
    public static LeadConsent recorded(Lead lead, String source, boolean granted, Instant grantedAt, Instant expiresAt,
            Duration validity, Instant now) {
        LeadConsent consent = new LeadConsent();
        consent.id = UUID.randomUUID();
        consent.leadId = lead.id;
        consent.purpose = CONTACT_ABOUT_PRODUCT_LINE;
        consent.recipient = ASSIGNED_PARTNER;
        consent.productLine = lead.productLine;
        consent.granted = granted;
        consent.grantedAt = granted ? (grantedAt != null ? grantedAt : now) : null;
        consent.expiresAt = !granted ? null : expiresAt != null ? expiresAt : consent.grantedAt.plus(validity);
        consent.source = source;
        consent.recordedAt = now;
        return consent;
    }

    public boolean isValidAt(Instant moment) {
        return granted && (expiresAt == null || expiresAt.isAfter(moment));
    }
}
