package com.partnernet.leads.campaign;

/** Pilot shops take part in the campaign; control shops are comparable shops that do not. */
public enum ShopGroup {
    PILOT,
    CONTROL
}
