package com.partnernet.leads.consent;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

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

    public boolean isValidAt(Instant moment) {
        return granted && (expiresAt == null || expiresAt.isAfter(moment));
    }
}
