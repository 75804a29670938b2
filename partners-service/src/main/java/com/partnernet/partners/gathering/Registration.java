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

import com.partnernet.chassis.error.ConflictException;

/**
 * A partner's registration for an event: its attendees take one seat each. WAITLISTED → CONFIRMED (promoted in the
 * order registered), either → CANCELLED; only its own methods move it.
 */
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
    private RegistrationStatus status;

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
    private Instant confirmedAt;

    @Column(name = "cancelled_at")
    private Instant cancelledAt;

    @Version
    public long version;

    /**
     * The partner's registration of these attendees, confirmed at once when its seats are free ({@code fits}), else
     * waiting behind those registered before it.
     */
    public static Registration of(UUID eventId, UUID partnerId, List<Attendee> attendees, boolean fits, Instant now) {
        Registration registration = new Registration();
        registration.id = UUID.randomUUID();
        registration.eventId = eventId;
        registration.partnerId = partnerId;
        registration.attendees.addAll(attendees);
        registration.seats = attendees.size();
        registration.registeredAt = now;
        registration.status = fits ? RegistrationStatus.CONFIRMED : RegistrationStatus.WAITLISTED;
        registration.confirmedAt = fits ? now : null;
        return registration;
    }

    public RegistrationStatus status() {
        return status;
    }

    public Instant confirmedAt() {
        return confirmedAt;
    }

    public Instant cancelledAt() {
        return cancelledAt;
    }

    /**
     * A waiting registration gets its seats.
     *
     * @throws ConflictException unless it is on the waitlist
     */
    public void promote(Instant now) {
        if (status != RegistrationStatus.WAITLISTED) {
            throw new ConflictException("Registration " + id + " is " + status + "; only a waiting one is promoted");
        }
        status = RegistrationStatus.CONFIRMED;
        confirmedAt = now;
    }

    /**
     * Gives the seats (or the place on the waitlist) back; allowed after the registration deadline too.
     *
     * @throws ConflictException once cancelled
     */
    public void cancel(Instant now) {
        if (status == RegistrationStatus.CANCELLED) {
            throw new ConflictException("Registration " + id + " was cancelled at " + cancelledAt);
        }
        status = RegistrationStatus.CANCELLED;
        cancelledAt = now;
    }
}
