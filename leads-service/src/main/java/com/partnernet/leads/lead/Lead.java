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

import com.partnernet.chassis.security.PersonalData;
import com.partnernet.leads.campaign.Segment;

/** A potential customer from a campaign, and the shop (or field team) that works it. */
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

    /** The campaign's code, as the marketing system sent it. */
    @Column(nullable = false)
    public String campaign;

    @Column(name = "campaign_id")
    public UUID campaignId;

    @Enumerated(EnumType.STRING)
    @Column(name = "product_line", nullable = false)
    public ProductLine productLine;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Segment segment;

    @Column(name = "postal_code", nullable = false)
    public String postalCode;

    public Double latitude;

    public Double longitude;

    /** A shop the lead asks for (routing step 1). */
    @Column(name = "named_shop_id")
    public UUID namedShopId;

    // Personal data: erased on request (GDPR) and after the retention of closed leads.
    @Column(name = "contact_name")
    @PersonalData
    public String contactName;

    @Column(name = "contact_email")
    @PersonalData
    public String contactEmail;

    @Column(name = "contact_phone")
    @PersonalData
    public String contactPhone;

    /** What the customer wrote, if anything. */
    @PersonalData
    public String message;

    /** The e-mail address as compared for duplicates (trimmed, lower case). */
    @Column(name = "email_normalized")
    @PersonalData
    public String emailNormalized;

    /** The phone number in E.164, as compared for duplicates. */
    @Column(name = "phone_e164")
    @PersonalData
    public String phoneE164;

    @Column(name = "consent_granted", nullable = false)
    public boolean consentGranted;

    @Column(name = "consent_at")
    public Instant consentAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LeadStatus status;

    /** The open lead of the same person this one repeats (status DUPLICATE). */
    @Column(name = "duplicate_of")
    public UUID duplicateOf;

    @Column(name = "shop_id")
    public UUID shopId;

    /** The field team working it, when no shop could. */
    @Column(name = "team_id")
    public UUID teamId;

    @Column(name = "partner_id")
    public UUID partnerId;

    /** Why routing chose this shop (or none): every decision is explainable. */
    @Column(name = "routing_reason", nullable = false)
    public String routingReason;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "assigned_at")
    public Instant assignedAt;

    /** The shop's first move of the lead out of NEW. */
    @Column(name = "first_contact_at")
    public Instant firstContactAt;

    /** When first contact is due; a NEW lead past it is reassigned. */
    @Column(name = "sla_due_at")
    public Instant slaDueAt;

    @Column(nullable = false)
    public int reassignments;

    @Enumerated(EnumType.STRING)
    @Column(name = "lost_reason")
    public LostReason lostReason;

    /** When it was won or lost. */
    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "erased_at")
    public Instant erasedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /** Who sent a lead and its id there: the same key is the same lead (a resend). */
    public static String sourceKey(String source, String externalId) {
        return source + '\n' + externalId;
    }

    /** The id its events are keyed by: the shop's (or team's) pipeline it is in, else the lead's own. */
    public String eventKey() {
        return shopId != null ? shopId.toString() : teamId != null ? teamId.toString() : id.toString();
    }
}
