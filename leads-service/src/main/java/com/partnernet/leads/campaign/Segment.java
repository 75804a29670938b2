package com.partnernet.leads.campaign;

/** Customer segments a campaign (and a lead) belongs to. */
public enum Segment {
    CONSUMER,
    BUSINESS
}
