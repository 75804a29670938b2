package com.partnernet.leads.campaign;

/** A campaign is piloted with some shops, rolled out to all, or stopped (its leads are then refused). */
public enum CampaignStatus {
    PILOT,
    ROLLED_OUT,
    STOPPED
}
