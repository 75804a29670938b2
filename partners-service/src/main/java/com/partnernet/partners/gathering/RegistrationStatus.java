package com.partnernet.partners.gathering;

/** CONFIRMED while seats last, else WAITLISTED (in order of registration) until a cancellation frees enough seats. */
public enum RegistrationStatus {
    CONFIRMED,
    WAITLISTED,
    CANCELLED
}
