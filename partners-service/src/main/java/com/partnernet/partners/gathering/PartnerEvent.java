package com.partnernet.partners.gathering;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** An event the operator holds for its partners (e.g. the partner summit), with a limited number of seats. */
@Entity
@Table(name = "partner_event")
public class PartnerEvent {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Column(name = "event_date", nullable = false)
    public LocalDate date;

    @Column(nullable = false)
    public String venue;

    @Column(nullable = false)
    public String city;

    /** Seats in all; each attendee takes one. */
    @Column(nullable = false)
    public int capacity;

    @Column(name = "max_attendees_per_partner", nullable = false)
    public int maxAttendeesPerPartner;

    @Column(name = "registration_closes_at", nullable = false)
    public Instant registrationClosesAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
