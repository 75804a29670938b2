package com.partnernet.chassis.security;



/**
 * The roles a token's {@code groups} claim carries, the same in all three services.
 * <ul>
 * <li>{@link #SALES_MANAGER}: operator staff, read and write everything, the only role that may erase personal
 * data.</li>
 * <li>{@link #PARTNER_USER}: staff of one partner company, named by the token's {@value #PARTNER_CLAIM} claim;
 * sees and works only that partner's resources.</li>
 * <li>{@link #MARKETING_SYSTEM}: a campaign platform; submits leads and manages campaigns.</li>
 * <li>{@link #OPS}: operations; reads everything, but personal data only if also a sales manager.</li>
 * </ul>
 */
public final class Roles {

    public static final String SALES_MANAGER = "sales-manager";
    public static final String PARTNER_USER = "partner-user";
    public static final String MARKETING_SYSTEM = "marketing-system";
    public static final String OPS = "ops";

    /** The claim naming a partner user's company. */
    public static final String PARTNER_CLAIM = "partner_id";

    private Roles() {
    }
}
