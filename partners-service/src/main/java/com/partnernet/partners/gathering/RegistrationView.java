package com.partnernet.partners.gathering;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jetbrains.annotations.Nullable;

import com.partnernet.chassis.security.PersonalData;

/** A registration; {@code waitlistPosition} (1 = next to be promoted) only while WAITLISTED. */
public record RegistrationView(
        UUID id,
        UUID eventId,
        UUID partnerId,
        RegistrationStatus status,
        int seats,
        @Nullable Integer waitlistPosition,
        @PersonalData @Nullable List<Attendee> attendees,
        Instant registeredAt,
        @Nullable Instant confirmedAt,
        @Nullable Instant cancelledAt) {

    static RegistrationView of(Registration registration, Integer waitlistPosition) {
        return new RegistrationView(registration.id, registration.eventId, registration.partnerId, registration.status(),
                registration.seats, waitlistPosition, List.copyOf(registration.attendees), registration.registeredAt,
                registration.confirmedAt(), registration.cancelledAt());
    }
}
