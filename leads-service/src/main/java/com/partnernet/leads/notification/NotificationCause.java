package com.partnernet.leads.notification;

/** Why a shop (or field team) gets a mail about a lead. */
public enum NotificationCause {
    /** A new lead came to it. */
    ASSIGNED,
    /** A lead came to it from another shop: declined there, or its first contact missed. */
    REASSIGNED,
    /** The first contact is due soon (the configured business time before). */
    DUE_SOON,
    /** It missed the first contact: the lead was taken away. */
    BREACHED
}
