package com.partnernet.partners.gathering;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A partner's registration for an event: its attendees take one seat each. */
@Entity
@Table(name = "event_registration")
public class Registration {

    @Id
    public UUID id;

    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Column(name = "partner_id", nullable = false)
    public UUID partnerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RegistrationStatus status;

    /** The number of attendees, kept for counting seats in the database. */
    @Column(nullable = false)
    public int seats;

    @ElementCollection
    @CollectionTable(name = "event_attendee", joinColumns = @JoinColumn(name = "registration_id"))
    @OrderColumn(name = "position")
    public List<Attendee> attendees = new ArrayList<>();

    /** Its place in the waitlist: earlier registrations are promoted first. */
    @Column(name = "registered_at", nullable = false)
    public Instant registeredAt;

    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    @Version
    public long version;
}
