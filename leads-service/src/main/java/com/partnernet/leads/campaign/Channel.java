package com.partnernet.leads.campaign;

/** The social-media channel a campaign runs on. */
public enum Channel {
    FACEBOOK,
    INSTAGRAM,
    TIKTOK,
    YOUTUBE,
    LINKEDIN,
    OTHER
}
