package com.partnernet.partners.gathering;

import java.util.List;

/** A cancelled registration and the waitlisted ones its seats went to. */
public record Cancellation(RegistrationView cancelled, List<RegistrationView> promoted) {
}
