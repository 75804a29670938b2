package com.partnernet.partners.gathering;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An event with where its seats stand; {@code version} is its ETag.
 *
 * @param waitlisted registrations waiting for seats
 */
public record PartnerEventView(
        UUID id,
        String name,
        LocalDate date,
        String venue,
        String city,
        int capacity,
        int maxAttendeesPerPartner,
        Instant registrationClosesAt,
        boolean registrationOpen,
        long seatsConfirmed,
        long seatsFree,
        long waitlisted,
        long version) {
}
