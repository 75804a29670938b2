package com.partnernet.leads.lead;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import com.partnernet.chassis.error.ConflictException;
import com.partnernet.chassis.security.PersonalData;
import com.partnernet.leads.vocabulary.DeclineReason;
import com.partnernet.leads.vocabulary.LeadStatus;
import com.partnernet.leads.vocabulary.LostReason;
import com.partnernet.leads.vocabulary.ProductLine;
import com.partnernet.leads.vocabulary.Segment;

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

    /** Changed only by the transitions below: the one place a lead's life is written. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private LeadStatus status;

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

    /** When the shop accepted it (ACCEPTED). */
    @Column(name = "accepted_at")
    public Instant acceptedAt;

    /** The shop's first contact: its first move of the lead past NEW and ACCEPTED. */
    @Column(name = "first_contact_at")
    public Instant firstContactAt;

    /** When first contact is due (in the assignee's business time); a lead still awaiting it then is reassigned. */
    @Column(name = "sla_due_at")
    public Instant slaDueAt;

    /** When 2 business hours (the configured reminder) are left until {@link #slaDueAt}: the shop is reminded. */
    @Column(name = "sla_reminder_at")
    public Instant slaReminderAt;

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

    /**
     * The trace the lead arrived in (a W3C traceparent: the intake of its record or request). Its events continue it,
     * whoever moves the lead later, so one trace follows the lead across the services.
     */
    @Column(name = "trace_parent")
    public String traceParent;

    @Version
    public long version;

    /** Where a lead came from and what it asks about, as intake received it. */
    public record Arrival(String source, String externalId, String campaign, UUID campaignId, ProductLine productLine,
            Segment segment, String postalCode, UUID namedShopId) {
    }

    /** How the customer may be reached, as intake checked it: the e-mail normalised, the phone also in E.164. */
    public record Contact(String name, String email, String phone, String phoneE164, Double latitude, Double longitude,
            String message) {
    }

    /** A lead as received: neither routed nor contactable until its consent is known to be valid ({@link #consented}). */
    public static Lead received(Arrival arrival, Instant now) {
        Lead lead = new Lead();
        lead.id = UUID.randomUUID();
        lead.source = arrival.source();
        lead.externalId = arrival.externalId();
        lead.campaign = arrival.campaign();
        lead.campaignId = arrival.campaignId();
        lead.productLine = arrival.productLine();
        lead.segment = arrival.segment();
        lead.postalCode = arrival.postalCode();
        lead.namedShopId = arrival.namedShopId();
        lead.receivedAt = now;
        lead.updatedAt = now;
        return lead;
    }

    /** The customer consented (at {@code consentAt}) to be contacted: the lead keeps how to reach them. */
    public void consented(Contact contact, Instant consentAt) {
        consentGranted = true;
        this.consentAt = consentAt;
        latitude = contact.latitude();
        longitude = contact.longitude();
        contactName = contact.name().strip();
        contactEmail = contact.email();
        contactPhone = contact.phone();
        emailNormalized = contact.email();
        phoneE164 = contact.phoneE164();
        message = contact.message();
    }

    /** What erased free text reads as. */
    public static final String ERASED = "[erased]";

    public LeadStatus status() {
        return status;
    }

    /** Without consent nobody may contact the person: the lead keeps no contact data and is never routed. */
    public void rejectWithoutConsent(String reason) {
        status = LeadStatus.REJECTED_NO_CONSENT;
        routingReason = reason;
    }

    /** The same person's open lead about the same product line came first: this one is linked to it, not assigned. */
    public void linkAsDuplicateOf(Lead earlier) {
        status = LeadStatus.DUPLICATE;
        duplicateOf = earlier.id;
        routingReason = "the same person has an open " + productLine + " lead since " + earlier.receivedAt + " ("
                + earlier.id + "): linked to it, not assigned again";
    }

    /**
     * Gives the lead to a shop or a field team (exactly one of them), to be contacted by {@code firstContactDue}.
     *
     * @param reason why routing chose it
     * @param remindAt when the shop is reminded of the due first contact
     */
    public void assign(UUID shop, UUID team, UUID partner, String reason, Instant now, Instant firstContactDue,
            Instant remindAt) {
        if ((shop == null) == (team == null)) {
            throw new IllegalArgumentException("a lead is assigned to a shop or to a field team");
        }
        shopId = shop;
        teamId = team;
        partnerId = partner;
        routingReason = reason;
        status = LeadStatus.NEW;
        assignedAt = now;
        slaDueAt = firstContactDue;
        slaReminderAt = remindAt;
        updatedAt = now;
    }

    /** Nobody can take the lead: it waits in the ops queue, assigned to no one. */
    public void park(String reason, Instant now) {
        shopId = null;
        teamId = null;
        partnerId = null;
        routingReason = reason;
        status = LeadStatus.UNROUTED;
        assignedAt = null;
        slaDueAt = null;
        slaReminderAt = null;
        updatedAt = now;
    }

    /** Whether the shop (or team) has let the first contact lapse by {@code now}. */
    public boolean isFirstContactOverdueAt(Instant now) {
        return status.awaitsFirstContact() && slaDueAt != null && !slaDueAt.isAfter(now);
    }

    /**
     * The assigned shop (or team) declines the lead, which it may while the lead is NEW: as {@code SPAM_OR_FAKE} it is
     * closed (REJECTED_AS_SPAM, kept for ops to review); otherwise the caller routes it on at once.
     *
     * @throws ConflictException once the lead was accepted or worked
     */
    public void decline(DeclineReason reason, Instant now) {
        if (status != LeadStatus.NEW) {
            throw new ConflictException("Lead " + id + " is " + status + "; only a NEW lead can be declined");
        }
        updatedAt = now;
        if (reason == DeclineReason.SPAM_OR_FAKE) {
            status = LeadStatus.REJECTED_AS_SPAM;
            routingReason = "declined as spam or fake by the shop it was assigned to; closed for ops to review";
            slaDueAt = null;
            slaReminderAt = null;
            closedAt = now;
        }
    }

    /** The first contact was missed: the lead is taken away (and routed again, or parked, by the caller). */
    public void firstContactMissed() {
        reassignments++;
    }

    /**
     * A shop's move of the lead in its pipeline; only the moves in {@link LeadStatus#next()} are allowed, a LOST
     * lead says why.
     *
     * @return the status it left
     * @throws ConflictException for any other move
     */
    public LeadStatus moveTo(LeadStatus target, LostReason reason, Instant now) {
        if (!status.next().contains(target)) {
            throw new ConflictException("Lead " + id + " is " + status + " and cannot become " + target
                    + (status.next().isEmpty() ? "" : "; allowed: " + status.next()));
        }
        LeadStatus previous = status;
        if (target == LeadStatus.ACCEPTED) {
            acceptedAt = now;
        } else if (previous.awaitsFirstContact()) {
            firstContactAt = now;
            slaDueAt = null;
            slaReminderAt = null;
        }
        status = target;
        lostReason = reason;
        if (target == LeadStatus.WON || target == LeadStatus.LOST) {
            closedAt = now;
        }
        updatedAt = now;
        return previous;
    }

    public boolean isErased() {
        return erasedAt != null;
    }

    /**
     * Erases the personal data (name and free text read {@value #ERASED}; e-mail, phone and location are removed);
     * the lead's figures stay. A lead still to be worked (or routed) is closed as LOST
     * ({@link LostReason#PERSONAL_DATA_ERASED}): nobody can contact the person any more, and its first-contact clock
     * stops.
     *
     * @return the status it was closed from, if erasing closed it
     */
    public Optional<LeadStatus> erase(Instant now) {
        contactName = contactName == null ? null : ERASED;
        contactEmail = null;
        contactPhone = null;
        emailNormalized = null;
        phoneE164 = null;
        message = message == null ? null : ERASED;
        latitude = null;
        longitude = null;
        erasedAt = now;
        updatedAt = now;
        if (!status.isOpen() && status != LeadStatus.UNROUTED) {
            return Optional.empty();
        }
        LeadStatus previous = status;
        status = LeadStatus.LOST;
        lostReason = LostReason.PERSONAL_DATA_ERASED;
        closedAt = now;
        slaDueAt = null;
        slaReminderAt = null;
        return Optional.of(previous);
    }

    /** Who sent a lead and its id there: the same key is the same lead (a resend). */
    public static String sourceKey(String source, String externalId) {
        return source + '\n' + externalId;
    }

    /** The id its events are keyed by: the shop's (or team's) pipeline it is in, else the lead's own. */
    public String eventKey() {
        return shopId != null ? shopId.toString() : teamId != null ? teamId.toString() : id.toString();
    }
}
