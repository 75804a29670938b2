package com.partnernet.partners.shop;

public enum ShopStatus {
    OPEN,
    TEMPORARILY_CLOSED,
    CLOSED
}
