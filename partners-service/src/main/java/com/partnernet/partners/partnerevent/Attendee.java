package com.partnernet.partners.partnerevent;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A person a partner sends to an event. */
@Embeddable
public record Attendee(
        @NotBlank @Size(max = 200) @Column(nullable = false) String name,
        @Email @Size(max = 254) String email,
        @Size(max = 100) String role) {
}
