package com.partnernet.partners.gathering;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.jetbrains.annotations.Nullable;

import com.partnernet.chassis.security.PersonalData;

/** A person a partner sends to an event. */
@Embeddable
public record Attendee(
        @PersonalData @NotBlank @Size(max = 200) @Column(nullable = false) String name,
        @PersonalData @Email @Size(max = 254) @Nullable String email,
        @Size(max = 100) @Nullable String role) {
}
