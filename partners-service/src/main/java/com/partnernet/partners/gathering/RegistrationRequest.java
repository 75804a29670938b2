package com.partnernet.partners.gathering;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A partner registers the people it sends. */
public record RegistrationRequest(
        @NotNull UUID partnerId,
        @NotEmpty @Size(max = 100) List<@NotNull @Valid Attendee> attendees) {
}
