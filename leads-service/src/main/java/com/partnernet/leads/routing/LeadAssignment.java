package com.partnernet.leads.routing;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import com.partnernet.chassis.security.PersonalData;
import com.partnernet.leads.vocabulary.DeclineReason;

/** A lead given to a shop or team; every assignment uses up capacity in its week, even one that ends early. */
@Entity
@Table(name = "lead_assignment")
public class LeadAssignment {

    /** The shop let the first-contact SLA lapse: it is not offered this lead again. */
    public static final String SLA_BREACH = "SLA_BREACH";
    /** The shop declined the lead ({@link #declineReason}): it is not offered this lead again. */
    public static final String DECLINED = "DECLINED";

    @Id
    public UUID id;

    @Column(name = "lead_id", nullable = false)
    public UUID leadId;

    @Column(name = "shop_id")
    public UUID shopId;

    @Column(name = "team_id")
    public UUID teamId;

    @Column(name = "assigned_at", nullable = false)
    public Instant assignedAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Column(name = "end_reason")
    public String endReason;

    @Enumerated(EnumType.STRING)
    @Column(name = "decline_reason")
    public DeclineReason declineReason;

    /** What the shop wrote about its decline (reason OTHER): free text, erased with the lead's personal data. */
    @Column(name = "decline_note")
    @PersonalData
    public String declineNote;

    /** Why the shop (or team) of an ended assignment is not offered the lead again, or null if it may be. */
    public String whyNotAgain() {
        if (SLA_BREACH.equals(endReason)) {
            return "let this lead's first-contact SLA lapse before";
        }
        return DECLINED.equals(endReason) ? "declined this lead before (" + declineReason + ")" : null;
    }
}
